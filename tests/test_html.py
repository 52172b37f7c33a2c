"""The HTML edition as a reader and a reference manager see it (real saxonche).

The pages are parsed with lxml.html and checked for what a user checks: the
title block, every turn with its anchor and speaker link, visible editorial
marks with explanations, the citation block and meta tags, the chart, the
indexes, and that hostile transcript text stays text.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from tei_edition.errors import EditionError
from tei_edition.html import HtmlRenderer

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "html"
KOREAN = FIXTURES / "korean-delegation.xml"
HOSTILE = FIXTURES / "hostile.xml"
MEMO = FIXTURES / "memorandum.xml"
INTERVIEW = FIXTURES / "apparatus.xml"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
BASE = "https://example.org/editions/korean-1956/"


@pytest.fixture(scope="session")
def edition() -> dict:
    with open(REPO / "editions" / "korean-1956" / "edition.toml", "rb") as handle:
        return tomllib.load(handle)["edition"]


@pytest.fixture(scope="session")
def renderer(edition) -> HtmlRenderer:
    return HtmlRenderer(edition)


@pytest.fixture(scope="session")
def site(renderer, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html-site")
    tei = [KOREAN, HOSTILE, MEMO, INTERVIEW]
    for path in tei:
        renderer.document(path, out)
    renderer.site(tei, out)
    return out


def page(site: Path, name: str):
    return lxml.html.fromstring((site / name).read_bytes())


@pytest.fixture(scope="session")
def korean(site):
    return page(site, "korean-delegation-1956-09-16.html")


@pytest.fixture(scope="session")
def korean_tei():
    return etree.parse(str(KOREAN))


def text_of(element) -> str:
    return " ".join(element.text_content().split())


# ---- the document page ----

def test_title_block_shows_title_dates_classification_source_and_translator(korean):
    block = korean.cssselect("header.title-block")[0]
    assert text_of(block.cssselect("h1")[0]) == (
        "Conversation with the Delegation of the Korean Worker's Party at the 8th CCP Congress")
    times = {t.get("datetime"): text_of(t) for t in block.cssselect("time")}
    assert times == {"1956-09-17": "17 September 1956", "1956-09-16": "16 September 1956"}
    facts = {text_of(div.cssselect("dt")[0]): text_of(div.cssselect("dd")[0])
             for div in block.cssselect("dl.facts > div")}
    assert facts["Classification"] == "Top Secret"
    assert facts["Source"].startswith("GARF, Fond 5446, Opis 98c, Delo 718, Listy 49-57")
    assert facts["Translated by"] == "Gary Goldberg"
    assert text_of(block.cssselect(".classification")[0]).endswith("Top Secret")


def test_every_turn_has_an_anchor_its_speaker_and_a_link_to_the_speaker(korean, korean_tei):
    sps = korean_tei.findall(".//t:body//t:sp", TEI)
    turns = korean.cssselect("div.turn")
    assert len(turns) == len(sps) == 52
    ids = set(korean.xpath("//@id"))
    for number, (turn, sp) in enumerate(zip(turns, sps), start=1):
        assert turn.get("id") == f"turn-{number}"
        number_link = turn.cssselect("a.turn-number")[0]
        assert number_link.get("href") == f"#turn-{number}"
        speaker = turn.cssselect(".speaker")[0]
        printed = " ".join(sp.find("t:speaker", TEI).text.split())
        assert printed.endswith(" -")
        # shown as printed, without the trailing separator
        assert text_of(speaker) == printed[:-2]
        target = speaker.get("href")
        assert target == "#person-" + sp.get("who")[1:]
        assert target[1:] in ids
    assert text_of(turns[26].cssselect(".speaker")[0]) == "Cde. Cde. Rim Hae"


def test_participants_are_grouped_by_side_with_roles_and_turn_counts(korean):
    groups = {text_of(g.cssselect("h3")[0]): g for g in korean.cssselect("#participants section.group")}
    assert list(groups) == ["Soviet delegation", "Korean delegation", "Also named"]
    mikoyan = korean.get_element_by_id("person-mikoyan")
    assert mikoyan in groups["Soviet delegation"].iter()
    assert "First Deputy Chairman of the USSR Council of Ministers" in text_of(mikoyan)
    assert "24 turns" in text_of(mikoyan)
    assert mikoyan.cssselect(".person-links a")[0].get("href") == "#turn-1"


def test_editorial_marks_are_distinct_explained_and_focusable(korean):
    legend_ids = {div.get("id") for div in korean.cssselect(".legend dl > div")}
    expected = {"add": "With respect to", "supplied": "him", "query": "[?]", "stage": "(clarifies)",
                "sic": "USSSR"}
    for kind, sample in expected.items():
        marks = korean.cssselect(f".edition-text .mark-{kind}")
        assert marks, kind
        assert any(sample in text_of(m) for m in marks), kind
        for mark in marks:
            assert mark.get("tabindex") == "0"
            assert mark.get("aria-describedby") == f"legend-{kind}"
            assert f"legend-{kind}" in legend_ids
            assert mark.get("data-tip")
    add = korean.cssselect(".edition-text ins.mark-add")[0]
    assert text_of(add) == "⟨With respect to⟩"
    # the brackets belong to the edition text only
    assert [b.text for b in add.cssselect(".edition-only")] == ["⟨", "⟩"]
    supplied = [m for m in korean.cssselect(".mark-supplied") if "him" in text_of(m)][0]
    assert text_of(supplied) == "[him]"


def test_view_switch_is_plain_html_and_the_edition_text_is_the_default(korean):
    radios = korean.cssselect('input[type="radio"][name="view"]')
    assert [r.get("value") for r in radios] == ["edition", "reading"]
    assert radios[0].get("checked") is not None and radios[1].get("checked") is None
    for radio in radios:
        assert korean.cssselect(f'label[for="{radio.get("id")}"]')


def test_how_to_cite_gives_stable_links_to_the_document_and_its_turns(korean):
    cite = korean.get_element_by_id("cite")
    url = BASE + "korean-delegation-1956-09-16.html"
    hrefs = [a.get("href") for a in cite.iter("a")]
    assert url in hrefs and url + "#turn-1" in hrefs
    citation = text_of(cite.cssselect(".citation")[0])
    assert citation.startswith("“Conversation with the Delegation")
    assert "17 September 1956" in citation and "GARF, Fond 5446" in citation
    assert "Translated by Gary Goldberg" in citation
    assert "Soviet–Korean Party Conversations, 1956" in citation


def test_reference_managers_find_citation_meta_tags(korean):
    meta = {}
    for element in korean.cssselect("head meta[name]"):
        meta.setdefault(element.get("name"), []).append(element.get("content"))
    assert meta["citation_title"] == [
        "Conversation with the Delegation of the Korean Worker's Party at the 8th CCP Congress"]
    assert meta["citation_date"] == ["1956/09/17"]
    assert meta["citation_author"] == ["V. Kovyzhenko"]
    assert meta["citation_pdf_url"] == [BASE + "pdf/korean-delegation-1956-09-16.pdf"]
    assert meta["citation_public_url"] == [BASE + "korean-delegation-1956-09-16.html"]
    assert meta["citation_language"] == ["en"]
    assert meta["DC.contributor"] == ["Gary Goldberg"]
    assert korean.cssselect('link[rel="canonical"]')[0].get("href") == \
        BASE + "korean-delegation-1956-09-16.html"


def test_links_to_the_tei_and_pdf_files(korean):
    hrefs = [a.get("href") for a in korean.cssselect(".downloads a")]
    assert "tei/korean-delegation-1956-09-16.xml" in hrefs
    assert "pdf/korean-delegation-1956-09-16.pdf" in hrefs


def test_language_attributes(korean):
    assert korean.get("lang") == "en"
    assert korean.cssselect("article.document")[0].get("lang") == "en"
    assert korean.cssselect(".edition-text")[0].get("lang") == "en"


def test_summary_notes_and_source_note(korean, site):
    assert text_of(korean.get_element_by_id("summary")).startswith("Summary Mikoyan and Choe Yong-geon")
    source = korean.get_element_by_id("source")
    assert "GARF, Fond 5446, Opis 98c, Delo 718, Listy 49-57" in text_of(source)
    identifier = {text_of(div[0]): text_of(div[1]) for div in source.cssselect("dl.ms-identifier > div")}
    assert identifier == {"Repository": "GARF", "Fond": "5446", "Opis": "98c", "Delo": "718",
                          "Folios": "49–57"}
    assert "[email protected]" in text_of(source)  # the hidden address, shown as a gap
    memo = page(site, "memorandum-1957-03-02.html")
    ref = memo.cssselect("sup.note-ref a")[0]
    assert ref.get("href") == "#note-1"
    assert text_of(memo.get_element_by_id("note-1")).startswith("The report has not been found.")


def test_the_conversation_at_a_glance_shows_words_and_turns_per_speaker(korean, korean_tei):
    glance = korean.get_element_by_id("glance")
    summary = text_of(glance.cssselect(".glance-summary")[0])
    assert summary.startswith("52 turns by 3 speakers")
    assert "Choe Yong-geon speaks 57% of the words in 38% of the turns" in summary
    share = glance.cssselect("svg.share")[0]
    labels = [t.text for t in share.xpath(".//*[local-name()='text'][@class='chart-label']")]
    assert labels == ["Choe Yong-geon", "Anastas Mikoyan", "Rim Hae"]
    rows = [row for row in glance.cssselect("table tbody tr")]
    turns = {text_of(r[0]): int(r[1].text) for r in rows}
    assert turns == {"Choe Yong-geon": 20, "Anastas Mikoyan": 24, "Rim Hae": 8}
    sequence = glance.cssselect("svg.sequence")[0]
    links = sequence.xpath(".//*[local-name()='a']/@href")
    assert links == [f"#turn-{n}" for n in range(1, 53)]
    first = sequence.xpath(".//*[local-name()='rect']")[0]
    mikoyan_colour = korean.get_element_by_id("turn-1").get("class").split()[1]
    assert mikoyan_colour in first.get("class")


def test_a_document_without_speakers_has_paragraphs_and_no_chart(site):
    memo = page(site, "memorandum-1957-03-02.html")
    assert not memo.cssselect(".turn") and memo.get_element_by_id("glance", None) is None
    paragraphs = memo.cssselect(".edition-text p")
    assert len(paragraphs) == 2
    assert "revised in September 1956" in text_of(paragraphs[0])
    assert memo.cssselect(".edition-text time")[0].get("datetime") == "1956-09"
    assert memo.cssselect(".edition-text .mark-gap")


def test_corrections_notes_names_and_unknown_speakers(site):
    doc = page(site, "interview-1991-05-04.html")
    choice = doc.cssselect(".edition-text .mark-sic")[0]
    assert text_of(choice.cssselect(".edition-only")[0]) == "USSSR [USSR]"
    assert text_of(choice.cssselect(".reading-only")[0]) == "USSR"
    assert [text_of(s) for s in doc.cssselect(".speaker")] == ["Q", "A", "Speaker ?"]
    unknown = doc.get_element_by_id("turn-3")
    assert not unknown.cssselect("a.speaker") and "who-0" in unknown.get("class").split()
    place = doc.cssselect(".edition-text a.placeName")[0]
    assert place.get("href") == "https://www.geonames.org/1871859"
    assert doc.cssselect('.edition-text .foreign[lang="ko"]')[0].text == "동무"
    assert text_of(doc.get_element_by_id("note-1")).startswith("The ministry's name is not given")
    links = doc.get_element_by_id("person-interpreter").xpath(".//a[@class='authority']/@href")
    assert links == ["https://www.wikidata.org/wiki/Q42", "https://viaf.org/viaf/12345",
                     "https://d-nb.info/gnd/118540238"]
    facts = {text_of(d[0]): text_of(d[1]) for d in doc.cssselect("header dl.facts > div")}
    assert facts["Translated by"] == "A. Translator and B. Translator"


@pytest.mark.parametrize("name", ["korean-delegation-1956-09-16.html", "hostile.html",
                                  "memorandum-1957-03-02.html", "interview-1991-05-04.html",
                                  "index.html", "persons.html"])
def test_every_fragment_link_and_aria_reference_resolves(site, name):
    doc = page(site, name)
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids)), "duplicate ids"
    for href in doc.xpath("//@href"):
        page_name, _, fragment = href.partition("#")
        if href.startswith("http"):
            continue
        if page_name.endswith(".html") and fragment:
            assert fragment in page(site, page_name).xpath("//@id"), href
        elif not page_name and fragment:
            assert fragment in ids, href
    for refs in doc.xpath("//@aria-describedby | //@aria-labelledby"):
        for ref in refs.split():
            assert ref in ids, ref


# ---- the collection ----

def test_collection_index_lists_every_document_by_date(site):
    index = page(site, "index.html")
    entries = index.cssselect("li.document-entry")
    # by date (hostile and korean are both of 17 September 1956, then by id), memorandum 1957
    links = [e.cssselect("h3 a")[0].get("href") for e in entries]
    assert links == ["hostile.html", "korean-delegation-1956-09-16.html", "memorandum-1957-03-02.html",
                     "interview-1991-05-04.html"]
    korean = entries[1]
    assert korean.cssselect("h3 a")[0].get("href") == "korean-delegation-1956-09-16.html"
    assert "Anastas Mikoyan" in text_of(korean) and "Choe Yong-geon" in text_of(korean)
    assert "GARF, Fond 5446" in text_of(korean)
    assert "52 turns" in text_of(korean)
    for entry in entries:
        for href in entry.xpath(".//a/@href"):
            target = href.split("#")[0]
            if target.endswith(".html"):
                assert (site / target).is_file(), href


def test_persons_index_tells_who_appears_where(site):
    persons = page(site, "persons.html")
    mikoyan = persons.get_element_by_id("mikoyan")
    assert text_of(mikoyan.cssselect("h2")[0]) == "Anastas Mikoyan"
    hrefs = mikoyan.xpath(".//a/@href")
    assert "korean-delegation-1956-09-16.html#person-mikoyan" in hrefs
    assert "korean-delegation-1956-09-16.html#turn-1" in hrefs
    assert "24 turns" in text_of(mikoyan)
    kim = persons.get_element_by_id("kim-il-sung")
    mentions = len(etree.parse(str(KOREAN)).findall(".//t:text//t:persName[@ref='#kim-il-sung']", TEI))
    assert mentions > 1
    assert text_of(kim.cssselect(".person-total")[0]) == "named in 1 document"
    assert f"no turns; named {mentions} times" in text_of(kim)
    names = [text_of(h) for h in persons.cssselect(".person-card h2")]
    assert names == sorted(names, key=str.lower)


def test_site_assets_are_written_and_pages_need_nothing_from_elsewhere(site):
    assert (site / "assets" / "edition.css").stat().st_size > 1000
    assert (site / "assets" / "edition.js").stat().st_size > 500
    for name in ("korean-delegation-1956-09-16.html", "index.html", "persons.html"):
        doc = page(site, name)
        for ref in doc.xpath("//link/@href | //script/@src | //img/@src"):
            assert not ref.startswith(("http:", "https:", "//")) or ref.startswith(BASE), ref
    assert "url(" not in (site / "assets" / "edition.css").read_text()


def test_stylesheets_are_compiled_once_per_process(renderer):
    again = HtmlRenderer({"title": "Another edition"})
    assert again._page is renderer._page and again._index is renderer._index
    assert again._persons is renderer._persons


def test_same_input_same_bytes(renderer, tmp_path):
    first = renderer.document(KOREAN, tmp_path / "a").read_bytes()
    second = renderer.document(KOREAN, tmp_path / "b").read_bytes()
    assert first == second
    renderer.site([KOREAN, MEMO], tmp_path / "a")
    renderer.site([MEMO, KOREAN], tmp_path / "b")
    for name in ("index.html", "persons.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_an_empty_edition_table_gives_relative_links_and_defaults(tmp_path):
    out = HtmlRenderer({}).document(KOREAN, tmp_path)
    doc = lxml.html.fromstring(out.read_bytes())
    assert not doc.cssselect('link[rel="canonical"]')
    assert doc.cssselect('meta[name="citation_public_url"]')[0].get("content") == \
        "korean-delegation-1956-09-16.html"
    assert "TEI edition" in text_of(doc.cssselect("title")[0])


# ---- hostile text ----

HOSTILE_STRINGS = [
    "<script>window.__pwned = 'p'</script>",
    "<a href=\"javascript:window.__pwned='a'\">a link</a>",
    "& \"quotes\" &amp; ]]>",
    "Mallory <script>window.__pwned='person'</script>",
]


def assert_inert(doc) -> None:
    """No script but the edition's own, no event handlers, no script URLs, no odd lang."""
    # exactly one script, the edition's own
    assert [s.get("src") for s in doc.iter("script")] == ["assets/edition.js"]
    assert not doc.cssselect("iframe, img, style, svg[onload], h1[onclick]")
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), value
                assert re.match(r"(https?://|#|[\w./-]+(#[\w.-]+)?$)", value), value
            if name == "lang":
                assert re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", value), value


def test_hostile_text_stays_text(site):
    raw = (site / "hostile.html").read_text(encoding="utf-8")
    doc = lxml.html.fromstring(raw.encode("utf-8"))
    assert_inert(doc)
    body_text = doc.cssselect("body")[0].text_content()
    for hostile in HOSTILE_STRINGS:
        assert hostile in body_text, hostile
    assert "<script>window.__pwned" not in raw  # escaped, never raw markup
    # a javascript: pointer is not a link
    turn = doc.get_element_by_id("turn-2")
    assert not turn.cssselect("a.speaker")
    assert all(a.get("href").startswith("#") for a in turn.cssselect(".speech a"))


def test_hostile_text_stays_text_in_the_collection_pages(site):
    """The pages are made from records that carry document text in attributes
    and copies: it must come out as text there too."""
    for name in ("index.html", "persons.html"):
        raw = (site / name).read_text(encoding="utf-8")
        doc = lxml.html.fromstring(raw.encode("utf-8"))
        assert_inert(doc)
        assert "<script>window.__pwned" not in raw, name
    index = page(site, "index.html").cssselect("body")[0].text_content()
    assert 'Minutes <script>window.__pwned = "title"</script> & "quotes" \'too\'' in index
    assert "Mallory <script>window.__pwned='person'</script>" in index
    persons = page(site, "persons.html").cssselect("body")[0].text_content()
    assert "Mallory <script>window.__pwned='person'</script>" in persons


# ---- errors ----

def test_a_file_that_is_not_tei_is_a_one_line_error_and_writes_nothing(renderer, tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<html><body>hi</body></html>")
    with pytest.raises(EditionError, match="expected a TEI root element"):
        renderer.document(other, tmp_path / "out")
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>')
    with pytest.raises(EditionError, match="not well-formed") as caught:
        renderer.document(broken, tmp_path / "out")
    assert caught.value.line == 1
    with pytest.raises(EditionError, match="not well-formed"):
        renderer.site([KOREAN, broken], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_external_entities_are_never_resolved(renderer, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    evil = tmp_path / "evil.xml"
    evil.write_text(KOREAN.read_text(encoding="utf-8").replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>'
    ).replace("How does Cde.", "&x; How does Cde."))
    with pytest.raises(EditionError, match="entity reference &x; is not expanded") as caught:
        renderer.document(evil, tmp_path / "out")
    assert "TOP-SECRET-CONTENT" not in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_an_unwritable_output_folder_is_a_one_line_error(renderer, tmp_path):
    blocker = tmp_path / "site"
    blocker.write_text("a file where the site folder should be")
    with pytest.raises(EditionError, match="cannot write"):
        renderer.document(KOREAN, blocker)
    with pytest.raises(EditionError, match="cannot write"):
        renderer.site([KOREAN], blocker)


def test_duplicate_document_ids_are_refused(renderer, tmp_path):
    copy = tmp_path / "copy.xml"
    copy.write_bytes(KOREAN.read_bytes())
    with pytest.raises(EditionError, match="also used by"):
        renderer.site([KOREAN, copy], tmp_path / "out")


def run_cli(capsys, *args):
    """The console script's entry point, in this process (the stylesheets stay compiled)."""
    from tei_edition.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


def test_cli_renders_the_html_edition(tmp_path, capsys):
    done = run_cli(capsys, "render", "--to", "html", "--edition", str(REPO / "editions" / "korean-1956"),
                   str(KOREAN), str(MEMO), "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert f"html  {tmp_path / 'index.html'}" in done.stdout.splitlines()
    for name in ("korean-delegation-1956-09-16.html", "memorandum-1957-03-02.html",
                 "index.html", "persons.html", "assets/edition.css", "assets/edition.js"):
        assert (tmp_path / name).is_file(), name
    doc = lxml.html.fromstring((tmp_path / "korean-delegation-1956-09-16.html").read_bytes())
    assert doc.cssselect('meta[name="citation_public_url"]')[0].get("content") == \
        BASE + "korean-delegation-1956-09-16.html"


def test_cli_error_on_bad_input_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI")
    done = run_cli(capsys, "render", "--to", "html", str(bad), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


# ---- on the converter's real output ----

HOSTILE_TRANSCRIPT = """September 17, 1956

Talk about <script>window.__pwned = 1</script> & "quotes"

Top Secret

Present: Cdes. Mikoyan and Choe Yong-geon.

Cde. Mikoyan - <img src=x onerror="window.__pwned=2"> see javascript:alert(3) & <a href="javascript:alert(4)">this</a> [inserted: <b>bold</b>]

Cde. Choe Yong-geon - "It's" <style>body{display:none}</style> [?] [illegible] ]]> &amp;

Recorded by V. Kovyzhenko
"""


@pytest.fixture(scope="session")
def converted(renderer, tmp_path_factory):
    """The sample edition and a hostile transcript, converted and rendered."""
    from tei_edition.convert import convert_file
    from tei_edition.register import load_edition

    edition = load_edition(REPO / "editions" / "korean-1956")
    work = tmp_path_factory.mktemp("converted")
    transcripts = sorted((REPO / "editions" / "korean-1956" / "transcripts").glob("*.txt"))
    hostile = work / "transcripts" / "hostile-1956-09-17.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE_TRANSCRIPT, encoding="utf-8")
    tei = [convert_file(path, work / "tei", edition)[1] for path in [*transcripts, hostile]]
    site = work / "site"
    for path in tei:
        renderer.document(path, site)
    renderer.site(tei, site)
    return site


def test_the_converted_sample_edition(converted):
    doc = page(converted, "korean-delegation-1956-09-16.html")
    assert len(doc.cssselect("div.turn")) == 52
    ids = set(doc.xpath("//@id"))
    for href in doc.xpath("//@href[starts-with(., '#')]"):
        assert href[1:] in ids, href
    for kind in ("add", "supplied", "stage", "query", "hidden"):
        assert doc.cssselect(f".mark-{kind}"), kind
    groups = [text_of(h) for h in doc.cssselect("#participants h3")]
    assert groups[:2] == ["Soviet delegation", "The Korean delegation"] and len(groups) == 3
    kim = doc.cssselect('.edition-text a.person[href="#person-kim-il-sung"]')
    assert kim and "Kim Il Sung" in text_of(doc.get_element_by_id("person-kim-il-sung"))
    assert "Choe Yong-geon speaks" in text_of(doc.get_element_by_id("glance"))
    persons = page(converted, "persons.html")
    assert persons.get_element_by_id("kim-il-sung") is not None
    assert "korean-delegation-1956-09-16.html#turn-1" in persons.get_element_by_id("mikoyan").xpath(".//a/@href")


def test_a_converted_hostile_transcript_stays_text(converted):
    doc = page(converted, "hostile-1956-09-17.html")
    assert_inert(doc)
    text = doc.cssselect(".edition-text")[0].text_content()
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert '<a href="javascript:alert(4)">this</a>' in text
    assert "<style>body{display:none}</style>" in text
    assert "<script>window.__pwned = 1</script>" in text_of(doc.cssselect("h1")[0])
