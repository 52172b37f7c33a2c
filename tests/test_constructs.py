"""Every TEI construct reaches the HTML and the PDF (real saxonche, typst, jing).

The TEI files in tests/fixtures/constructs/ were written for these tests, one
per family: a letter (front, opener, closer, postscript, back, choice,
del/add/subst), a play (cast list, numbered verse, stage directions), a
critical text (apparatus with witnesses, table, lists, figures, links,
quotations, an element no template names), a parliamentary sitting (u/@who,
vocal, incident), greetings in many scripts, and a group of texts. Each is
checked as a reader would: every word of the text is on the page and in the
PDF, and each construct shows what it means.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import SAMPLE, SAMPLE_EDITION, TRANSCRIPTS
from tei_edition.html import HtmlRenderer
from tei_edition.ingest import convert_transcript
from tei_edition.pdf import PdfRenderer
from tei_edition.register import load_edition
from tei_edition.resources import tei_all_rng, xslt_path

REPO = Path(__file__).resolve().parents[1]
CONSTRUCTS = REPO / "tests" / "fixtures" / "constructs"
FILES = sorted(CONSTRUCTS.glob("*.xml"))
TEI_NS = "http://www.tei-c.org/ns/1.0"
# Direction marks pdftotext inserts around right-to-left runs.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def words(text: str) -> Counter:
    """Words and numbers, case-folded (a speaker label may be set in capitals),
    a footnote number glued to a word counted apart from it."""
    return Counter(re.findall(r"[^\W\d_]+|\d+", BIDI_CONTROLS.sub("", text).casefold()))


def source_words(path: Path) -> Counter:
    """The words of the TEI outside its header, as a reader would count them."""
    text = etree.parse(str(path)).getroot().find(f"{{{TEI_NS}}}text")
    return words(" ".join(text.itertext()))


def kept(source: Counter, output: Counter) -> float:
    total = sum(source.values())
    return sum(min(n, output[w]) for w, n in source.items()) / total


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, lxml.html.HtmlElement]:
    out = tmp_path_factory.mktemp("constructs-html")
    renderer = HtmlRenderer({})
    return {path.stem: lxml.html.fromstring(renderer.document(path, out).read_bytes()) for path in FILES}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("constructs-pdf")
    renderer = PdfRenderer({})
    return {path.stem: renderer.document(path, out) for path in FILES}


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, check=True).stdout.decode("utf-8")


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def spaced_text(element) -> str:
    return " ".join(" ".join(element.itertext()).split())


@pytest.mark.skipif(not shutil.which("jing"), reason="jing is not installed")
def test_the_fixtures_are_valid_tei_p5():
    result = subprocess.run(["jing", str(tei_all_rng()), *map(str, FILES)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_word_of_the_text_is_on_the_page(pages, path):
    page = pages[path.stem]
    assert kept(source_words(path), words(" ".join(page.cssselect("main")[0].itertext()))) == 1.0


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_word_of_the_text_is_in_the_pdf(pdfs, path):
    assert kept(source_words(path), words(pdf_text(pdfs[path.stem]))) == 1.0


def test_a_letter_keeps_its_opener_closer_postscript_front_and_back(pages, pdfs):
    page = pages["letter"]
    assert text_of(page.cssselect(".opener .dateline")[0]) == "Upper Mill, the fourth of March"
    assert text_of(page.cssselect(".opener .salute")[0]) == "Dear neighbour Amsel,"
    assert text_of(page.cssselect(".closer .signed")[0]) == "Wendelin Haas"
    assert "The goat ate the ledger" in text_of(page.cssselect(".postscript")[0])
    assert "Letters from the upper valley" in text_of(page.cssselect(".tei-titlePage")[0])
    assert "Filed with the orchard accounts." in text_of(page.cssselect(".edition-text")[0])
    text = " ".join(pdf_text(pdfs["letter"]).split())
    assert "Dear neighbour Amsel," in text and "Wendelin Haas" in text and "Clerk's remark" in text


def test_deleted_words_are_struck_and_only_in_the_edition_view(pages, pdfs):
    page = pages["letter"]
    struck = [text_of(d) for d in page.cssselect("del.mark-del")]
    assert struck == ["⟦blacksmith⟧", "⟦spring⟧"]
    assert all(d.getparent().get("class") == "edition-only" for d in page.cssselect("del.mark-del"))
    assert [text_of(i) for i in page.cssselect("ins.mark-add")] == ["⟨carpenter⟩", "⟨summer⟩"]
    assert "⟦blacksmith⟧ ⟨carpenter⟩" in " ".join(pdf_text(pdfs["letter"]).split())


def test_choice_shows_one_reading_per_view_and_offers_the_other(pages, pdfs):
    page = pages["letter"]
    choices = page.cssselect(".edition-text .mark-choice, .edition-text .mark-sic")
    edition = [text_of(c.cssselect(".edition-only")[0]) for c in choices]
    reading = [c.cssselect(".reading-only")[0] for c in choices]
    assert edition == ["Tues. [Tuesday]", "flowre [flour]", "childern [children]"]
    assert [text_of(r) for r in reading] == ["Tuesday", "flour", "children"]
    assert [r.get("title") for r in reading] == ["Abbreviated in the original: Tues.",
                                                 "The original spelling: flowre",
                                                 "The original reads: childern"]
    # the PDF follows the reading view, and footnotes the document's form
    text = " ".join(pdf_text(pdfs["letter"]).split())
    assert "broke again on Tuesday1" in text
    assert "Abbreviated in the original “Tues.”." in text


def test_a_play_keeps_its_cast_list_and_numbered_verse(pages, pdfs):
    page = pages["play"]
    cast = [text_of(li) for li in page.cssselect(".tei-castList li")]
    assert cast == ["Orla, a lamplighter", "Bastien, her lodger"]
    assert [r.text for r in page.cssselect(".role-desc")] == ["a lamplighter", "her lodger"]
    lines = page.cssselect(".turn .verse .line")
    assert [l.cssselect(".line-number")[0].text for l in lines] == ["1", "2"]
    epilogue = page.cssselect(".division")[1].cssselect(".verse .line")
    assert [text_of(l) for l in epilogue] == ["1 The lantern is back where it belongs,",
                                              "2 and so ends our little song."]
    assert text_of(lines[1]).endswith("who left the cobbles dark as toast?")
    assert [text_of(s) for s in page.cssselect(".turn .speaker")] == ["ORLA", "BASTIEN"]
    printed = [" ".join(line.split()) for line in pdf_text(pdfs["play"]).splitlines()]
    assert any(line.endswith("Who took the light from the corner post,") for line in printed)
    assert "who left the cobbles dark as toast?" in printed
    assert "• Orla, a lamplighter" in printed
    # verse outside a speech: a line a line
    assert [line for line in printed if "lantern is back" in line or "little song" in line] == [
        "The lantern is back where it belongs,", "and so ends our little song."]


def test_an_apparatus_keeps_the_lemma_in_the_text_and_the_readings_with_witnesses(pages, pdfs):
    page = pages["apparatus"]
    lemmas = page.cssselect(".edition-text .mark-app")
    assert [spaced_text(m) for m in lemmas] == ["lantern Variant a", "winter Variant b"]
    assert lemmas[0].cssselect("a")[0].get("href") == "#app-1"
    entries = [text_of(li) for li in page.cssselect("#apparatus li")]
    assert entries == ["a lantern K] candle M R", "b winter K M] night R"]
    text = " ".join(pdf_text(pdfs["apparatus"]).split())
    assert "lantern K] candle M R" in text and "winter K M] night R" in text


def test_tables_lists_and_figures_keep_their_shape(pages, pdfs):
    page = pages["apparatus"]
    rows = [[text_of(c) for c in tr] for tr in page.cssselect("table.tei-table tr")]
    assert rows == [["Parish", "Loaves"], ["Kettlebridge", "twelve"], ["Reedham", "seven"]]
    assert page.cssselect("table.tei-table tr th")[0].text == "Parish"
    assert [text_of(li) for li in page.cssselect("ol.tei-list li")] == ["first, wait", "second, listen"]
    assert [(text_of(dt), text_of(dd)) for dt, dd in zip(page.cssselect("dl.tei-list dt"),
                                                        page.cssselect("dl.tei-list dd"))] == [("Alms", "gifts to the poor")]
    images = page.cssselect("figure img")
    assert [(i.get("src"), i.get("alt")) for i in images] == [
        ("images/pulpit.png", "A carved oak pulpit with a sounding board")]
    assert "A hostile picture stays unseen" in text_of(page.cssselect("figure")[1])
    printed = [" ".join(line.split()) for line in pdf_text(pdfs["apparatus"]).splitlines()]
    assert "Kettlebridge twelve" in " ".join(printed) or ("Kettlebridge" in printed and "twelve" in printed)


def test_links_are_safe_and_inline_phrases_keep_their_meaning(pages):
    page = pages["apparatus"]
    hrefs = page.xpath("//main//a/@href")
    assert "https://example.org/patience" in hrefs and "https://example.org/sermons" in hrefs
    assert not [h for h in hrefs if h.lower().startswith(("javascript", "data"))]
    assert not page.xpath("//img[starts-with(@src, 'javascript')]")
    assert text_of(page.cssselect("span.tei-ref")[0]) == "a trap"  # kept as text, not a link
    # a pointer without words shows its address, set off from the word before it
    assert page.xpath("string(//main//a[@href = 'https://example.org/sermons'])") == "\u2009→\u2009https://example.org/sermons"
    assert [q.text for q in page.cssselect("q")] == ["wait a little", "slow and sure"]
    assert page.cssselect('.foreign[lang="la"]')[0].text == "festina lente"
    assert page.cssselect(".hi.rend-italic")[0].text == "hurry"
    assert page.cssselect(".hi.rend-bold")[0].text == "draught"
    assert page.cssselect(".tei-seg.seg-motto")[0].text == "all in good time"
    # an element no template names: its text, its name as a class
    assert page.cssselect(".tei-distinct")[0].text == "an element nobody planned"


def test_utterances_are_one_paragraph_each_with_the_speakers_name(pages, pdfs):
    page = pages["parliament"]
    utterances = page.cssselect("p.utterance")
    assert [text_of(u.cssselect(".speaker")[0]) for u in utterances] == [
        "Ines Ferreira", "Kenji Nakamura", "Ines Ferreira"]
    assert text_of(utterances[1]).startswith("Kenji Nakamura The bridge needs new planks first.")
    assert text_of(page.cssselect(".edition-text .mark-vocal")[0]) == "[laughter]"
    assert text_of(page.cssselect(".edition-text .mark-incident")[0]) == "[the bell rings]"
    printed = [" ".join(line.split()) for line in pdf_text(pdfs["parliament"]).splitlines()]
    assert "Kenji Nakamura The bridge needs new planks first. [laughter]" in printed


def test_languages_get_lang_and_right_to_left_scripts_dir(pages):
    page = pages["scripts"]
    direction = {e.get("lang"): e.get("dir") for e in page.cssselect(".edition-text [lang]")}
    for lang in ("ar", "he", "syr", "fa", "ur"):
        assert direction[lang] == "rtl", lang
    for lang in ("hy", "ru", "el", "ja", "zh", "ko"):
        assert direction[lang] is None, lang
    assert text_of(page.cssselect('[lang="ja"]')[0]) == "おはようございます、旅の方。"


def test_every_script_prints_with_a_font_for_it(pdfs):
    fonts = subprocess.run(["pdffonts", str(pdfs["scripts"])], capture_output=True, text=True,
                           check=True).stdout
    for family in ("LibertinusSerif", "NotoNaskhArabic", "NotoSansSyriac", "NotoSerifArmenian",
                   "NotoSerifCJKjp", "NotoSerifCJKsc", "NotoSerifCJKkr"):
        assert family in fonts, family
    text = pdf_text(pdfs["scripts"])
    # Libertinus has no Cyrillic small capitals: the label is set in capitals
    assert "ПУТНИК" in text and "早上好，朋友。" in text


def test_texts_of_a_group_are_each_shown(pages):
    page = pages["group"]
    texts = page.cssselect("section.tei-text")
    assert len(texts) == 2
    assert "A bottle." in text_of(texts[0]) and "The river." in text_of(texts[1])


# ------------------------------------------- the converter's own elements

def behaviour_table_keys() -> set[str]:
    """The element names common.xsl's behaviour table names, read by Saxon itself."""
    from saxonche import PySaxonProcessor

    probe = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:ed="urn:tei-edition" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
      <xsl:import href="{xslt_path('common.xsl').as_uri()}"/>
      <xsl:output method="text"/>
      <xsl:template name="xsl:initial-template">
        <xsl:value-of select="map:keys($ed:behaviours)"/>
      </xsl:template>
    </xsl:stylesheet>"""
    with PySaxonProcessor(license=False) as processor:
        compiler = processor.new_xslt30_processor()
        executable = compiler.compile_stylesheet(stylesheet_text=probe)
        return set(executable.call_template_returning_string().split())


def converter_elements() -> set[str]:
    """Every element name the converter writes inside <text>, over the sample and
    every transcript family of the tests."""
    edition = load_edition(SAMPLE_EDITION)
    names = set()
    for path in [SAMPLE, *sorted(TRANSCRIPTS.glob("*.txt"))]:
        tree = etree.fromstring(convert_transcript(path.read_bytes(), path, edition).tei)
        for text in tree.iter(f"{{{TEI_NS}}}text"):
            names |= {etree.QName(e).localname for e in text.iter(f"{{{TEI_NS}}}*")}
    return names


def test_every_element_the_converter_writes_has_a_deliberate_behaviour():
    names = converter_elements()
    assert {"sp", "speaker", "p", "add", "supplied", "gap", "pb", "closer"} <= names
    assert names - behaviour_table_keys() == set()


MARKS = """Record of Conversation, 3 May 1961

Cde. Ivanov - We will [crossed out: never] agree [laughter] now [pause] and [illegible] later.
"""


def test_deleted_words_sounds_and_incidents_are_marked_in_every_output(tmp_path):
    source = tmp_path / "marks-1961-05-03.txt"
    source.write_text(MARKS, encoding="utf-8")
    tei = tmp_path / "marks.xml"
    tei.write_bytes(convert_transcript(source.read_bytes(), source, load_edition(SAMPLE_EDITION)).tei)
    page = lxml.html.fromstring(HtmlRenderer({}).document(tei, tmp_path / "site").read_bytes())
    marks = {kind: text_of(page.cssselect(f".edition-text .mark-{kind}")[0])
             for kind in ("del", "vocal", "incident", "gap")}
    assert marks == {"del": "⟦never⟧", "vocal": "[laughter]", "incident": "[pause]", "gap": "[illegible]…"}
    legend = {div.get("id") for div in page.cssselect(".legend dl > div")}
    assert {"legend-del", "legend-vocal", "legend-incident", "legend-gap"} <= legend
    text = " ".join(pdf_text(PdfRenderer({}).document(tei, tmp_path / "pdf")).split())
    assert "We will ⟦never⟧ agree [laughter] now [pause] and [illegible] later." in text


def test_right_to_left_and_cjk_text_display_in_chromium(browser, tmp_path):
    HtmlRenderer({}).site([CONSTRUCTS / "scripts.xml"], tmp_path)
    page_path = HtmlRenderer({}).document(CONSTRUCTS / "scripts.xml", tmp_path)
    page = browser.new_page(viewport={"width": 900, "height": 900})
    page.goto(page_path.as_uri())
    shown = page.evaluate("""() => [...document.querySelectorAll('.edition-text [lang]')].map(e => {
        const box = e.querySelector('p')?.getBoundingClientRect() ?? e.getBoundingClientRect();
        const range = document.createRange(); range.selectNodeContents(e.querySelector('p') ?? e);
        const text = range.getBoundingClientRect();
        return [e.lang, getComputedStyle(e).direction, Math.round(box.right - text.right),
                Math.round(text.left - box.left), Math.round(text.width)]; })""")
    page.close()
    by_lang = {lang: (direction, right_gap, left_gap, width) for lang, direction, right_gap, left_gap, width in shown}
    for lang in ("ar", "he", "syr", "fa"):
        direction, right_gap, left_gap, width = by_lang[lang]
        # right to left, set against the right edge, and drawn (a width, not an empty box)
        assert direction == "rtl" and right_gap <= 1 and left_gap > 50 and width > 20, lang
    for lang in ("ja", "zh", "ko", "hy"):
        direction, right_gap, left_gap, width = by_lang[lang]
        assert direction == "ltr" and left_gap <= 1 and width > 50, lang


def test_a_word_broken_across_lines_stays_one_word_and_a_role_meets_its_description(tmp_path):
    """Real letters and plays (issue 14's eval-tei): "Per<lb break="no"/>sönlichkeiten"
    must read, copy and search as one word, and a role glued to its description in the
    source must not read "Claudiusking of Denmark"."""
    tei = tmp_path / "broken.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="broken"><teiHeader><fileDesc>'
        "<titleStmt><title>Broken words</title></titleStmt><publicationStmt><p>Tests.</p>"
        "</publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>"
        "<text><front><castList><castItem><role>Claudius</role><roleDesc>king of Denmark"
        "</roleDesc></castItem><castItem><role>Hamlet</role><roleDesc>, his nephew</roleDesc>"
        "</castItem></castList></front><body><p>eine der hervorragenden Per<lb break=\"no\"/>"
        "sönlichkeiten<lb/>der Stadt</p></body></text></TEI>", encoding="utf-8")
    page = lxml.html.fromstring(HtmlRenderer({}).document(tei, tmp_path / "site").read_bytes())
    text = text_of(page.cssselect(".edition-text")[0])
    assert "hervorragenden Persönlichkeiten" in text
    assert "Per<br" not in lxml.html.tostring(page, encoding="unicode")  # one word, one line
    assert "Claudius, king of Denmark" in text and "Hamlet, his nephew" in text
    assert page.cssselect(".lb-in-word")[0].get("title").startswith("Line break within a word")
    printed = " ".join(pdf_text(PdfRenderer({}).document(tei, tmp_path / "pdf")).split())
    assert "hervorragenden Persönlichkeiten" in printed


def test_a_page_break_inside_a_word_keeps_the_word_whole_and_shows_its_page(tmp_path):
    """Real critical editions (SARIT) break pages inside words ("ta<pb n="IIA.10"/>rūṇām"),
    sometimes right after a line break. The word reads, copies and searches whole;
    the page is still shown: from CSS in the HTML, in the margin in the PDF. A page
    break between words stays an inline mark."""
    tei = tmp_path / "pages.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="pages"><teiHeader><fileDesc>'
        "<titleStmt><title>Pages inside words</title></titleStmt><publicationStmt><p>Tests."
        "</p></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>"
        '<text><body><p>a crate of oran<pb n="12v"/>ges, a light<lb break="no"/><pb n="13r"/>house,'
        ' a sea<pb n="14r" break="yes"/>wall and a quay <pb n="15v"/> at dusk</p></body></text></TEI>',
        encoding="utf-8")
    page = lxml.html.fromstring(HtmlRenderer({}).document(tei, tmp_path / "site").read_bytes())
    text = text_of(page.cssselect(".edition-text")[0])
    assert "a crate of oranges, a lighthouse," in text
    labels = [e.get("data-label") for e in page.cssselect(".mark-pb .in-word-label")]
    assert labels == ["[p. 12v]", "[p. 13r]"]
    assert "sea[p. 14r]wall" in text and "quay [p. 15v] at dusk" in text
    css = xslt_path("edition.css").read_text(encoding="utf-8")
    assert re.search(r"\.in-word-label::before\s*\{\s*content:\s*attr\(data-label\)", css)
    printed = pdf_text(PdfRenderer({}).document(tei, tmp_path / "pdf"))
    assert "a crate of oranges, a lighthouse," in " ".join(printed.split())
    # the pages of the two broken words, apart from the text in the margin, one after the other
    assert re.search(r"^\[p\. 12v\] \[p\. 13r\]$", printed, re.M)


def test_an_event_of_speech_glued_to_words_stands_apart_and_a_bare_pointer_too(tmp_path):
    """TEI's spoken test file glues events to words ("you said<pause/>fish"); a letter
    edition glues a pointer without words to the word before it ("Antwort<ref
    target="K_5046"/>"). Neither may make one word of two, in any view."""
    tei = tmp_path / "glued.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="glued"><teiHeader><fileDesc>'
        "<titleStmt><title>Glued</title></titleStmt><publicationStmt><p>Tests.</p>"
        "</publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>"
        '<text><body><u who="#a">you said<pause/>fish and chi<gap/>ps<vocal><desc>laughs</desc></vocal></u>'
        '<p>Ihre Antwort<ref type="letter" target="K_5046"/> kam.</p></body></text></TEI>',
        encoding="utf-8")
    html = HtmlRenderer({}).document(tei, tmp_path / "site").read_bytes()

    def view(hidden: str) -> str:
        page = lxml.html.fromstring(html)
        for element in page.cssselect(f".edition-text .{hidden}"):
            element.drop_tree()
        return text_of(page.cssselect(".edition-text")[0])

    edition, reading = view("reading-only"), view("edition-only")
    assert "you said [pause] fish" in edition and "chi[…]ps [laughs]" in edition
    assert "you said fish" in reading and "chi…ps" in reading
    assert "Ihre Antwort → K_5046 kam." in edition  # thin spaces round the arrow
    printed = " ".join(pdf_text(PdfRenderer({}).document(tei, tmp_path / "pdf")).split())
    assert "you said [pause] fish" in printed and "chi[…]ps [laughs]" in printed
    assert "Antwort → K_5046 kam." in printed.replace("\u2009", " ")
