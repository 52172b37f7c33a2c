"""The collection pages read one small record per document (site-summary.xsl),
made while the document's page is rendered and cached by content hash.

A record's turns and words are the page's own, document by document; the pages
must not depend on the order the documents are given in, nor on whether the
records came from the cache."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import ROOT, SAMPLE, SAMPLE_EDITION
from tei_edition.html import ED_NS, _load_tei
from tei_edition.ingest import convert_transcript
from tei_edition.register import load_edition


def documents(tmp_path: Path) -> list[Path]:
    converted = tmp_path / "sample.xml"
    converted.write_bytes(convert_transcript(SAMPLE.read_bytes(), SAMPLE, load_edition(SAMPLE_EDITION)).tei)
    return [converted, *sorted((ROOT / "tests" / "fixtures" / "html").glob("*.xml"))]


def test_a_record_counts_turns_and_words_as_the_page_does(tmp_path):
    """The persons page's figures come from the record, the document page's from the
    page itself: a reader comparing the two must see the same numbers."""
    import lxml.html
    from tei_edition.html import HtmlRenderer

    renderer = HtmlRenderer({})
    checked = 0
    for path in documents(tmp_path):
        page = lxml.html.fromstring(renderer.document(path, tmp_path / "site").read_bytes())
        record = etree.fromstring(renderer._make_record(_load_tei(path), path.stem, path)
                                  .partition("\n")[2].encode())
        speakers = [p for p in record.iter(f"{{{ED_NS}}}person") if int(p.get("turns"))]
        checked += len(speakers)
        for person in speakers:
            links = page.get_element_by_id(f"person-{person.get('ref')}").cssselect(".person-links")
            shown = " ".join(links[0].text_content().split())
            turns, words = int(person.get("turns")), int(person.get("words"))
            assert f"{turns} turn{'s' if turns != 1 else ''}, {words:,} word" in shown, path.name
            assert links[0].cssselect("a")[0].get("href") == "#" + person.get("first-turn")
    assert checked > 5


def test_summaries_are_cached_per_document_and_pruned(tmp_path):
    from tei_edition.html import HtmlRenderer

    paths = documents(tmp_path)[:3]
    site = tmp_path / "site"
    renderer = HtmlRenderer({})
    renderer.site(paths, site)
    cache = site / ".cache" / "records"
    assert len(list(cache.glob("*.record"))) == 3
    first = (site / "index.html").read_bytes()
    renderer.site(paths, site)  # from the cache: the same pages
    assert (site / "index.html").read_bytes() == first
    renderer.site(paths[:2], site)
    assert len(list(cache.glob("*.record"))) == 2


def _variant(source: Path, target: Path, doc_id: str, date: str, role: str) -> Path:
    """The Korean fixture under another id and date, with Mikoyan's role changed."""
    text = source.read_text(encoding="utf-8")
    text = text.replace('xml:id="korean-delegation-1956-09-16"', f'xml:id="{doc_id}"', 1)
    text = text.replace('<docDate when="1956-09-17">', f'<docDate when="{date}">', 1)
    text = text.replace("First Deputy Chairman of the USSR Council of Ministers", role, 1)
    target.write_text(text, encoding="utf-8")
    return target


def test_the_earliest_document_describes_a_person_whatever_the_order_given(tmp_path):
    import lxml.html
    from tei_edition.html import HtmlRenderer

    korean = ROOT / "tests" / "fixtures" / "html" / "korean-delegation.xml"
    early = _variant(korean, tmp_path / "early.xml", "early", "1955-01-02", "Role in 1955")
    late = _variant(korean, tmp_path / "late.xml", "late", "1957-03-04", "Role in 1957")
    renderer = HtmlRenderer({})
    renderer.site([late, early], tmp_path / "one")
    renderer.document(late, tmp_path / "two")  # its record comes from the page's rendering
    renderer.site([early, late], tmp_path / "two")
    for name in ("index.html", "persons.html", "places.html", "subjects.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    persons = lxml.html.fromstring((tmp_path / "one" / "persons.html").read_bytes())
    card = persons.get_element_by_id("mikoyan")
    facts = card.cssselect(".person-facts")[0].text_content()
    assert "Role in 1955" in facts and "Role in 1957" not in facts
    appearances = [a.get("href") for a in card.cssselect(".appearances > li > a:first-child")]
    assert appearances == ["early.html#person-mikoyan", "late.html#person-mikoyan"]
    assert "48 turns" in card.cssselect(".person-total")[0].text_content()
    index = lxml.html.fromstring((tmp_path / "one" / "index.html").read_bytes())
    assert [a.get("href") for a in index.cssselect(".document-entry h3 a")] == ["early.html", "late.html"]


def test_the_collection_is_ordered_by_number_then_date_then_id(tmp_path):
    """A document's number (TEI/@n, from the front matter) orders the collection
    before its date: the later memorandum numbered 1 comes first, and the pages'
    previous and next links follow that order. The index reads by year."""
    from click.testing import CliRunner
    from lxml import html as lxml_html
    from tei_edition.cli import cli

    fixtures = ROOT / "tests" / "fixtures" / "html"
    memo = (fixtures / "memorandum.xml").read_text(encoding="utf-8").replace(
        'xml:id="memorandum-1957-03-02"', 'xml:id="memorandum-1957-03-02" n="1"', 1)
    (tmp_path / "memorandum.xml").write_text(memo, encoding="utf-8")
    teis = [fixtures / "korean-delegation.xml", tmp_path / "memorandum.xml", fixtures / "hostile.xml"]
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["render", "--to", "html", "-j", "1", "-o", str(site),
                                       *map(str, teis)])
    assert result.exit_code == 0, result.output
    # numbered first; then by date (both 1956-09-17), then by id
    order, page = [], "memorandum-1957-03-02.html"
    while page:
        order.append(page)
        links = lxml_html.parse(str(site / page)).getroot().cssselect(".document-nav a[rel=next]")
        page = links[0].get("href") if links else None
    assert order == ["memorandum-1957-03-02.html", "hostile.html", "korean-delegation-1956-09-16.html"]
    first = lxml_html.parse(str(site / order[0])).getroot()
    assert not first.cssselect(".document-nav a[rel=prev]")
    last = lxml_html.parse(str(site / order[-1])).getroot()
    assert [a.get("href") for a in last.cssselect(".document-nav a[rel=prev]")] == ["hostile.html"]
    assert "Minutes" in last.cssselect(".document-nav a[rel=prev]")[0].text_content()
    # the index: a section per year, in order; each year's documents in the collection's order
    index = lxml_html.parse(str(site / "index.html")).getroot()
    years = [(" ".join(section.cssselect("h2")[0].text_content().split()),
              [a.get("href") for a in section.cssselect(".document-entry h3 a")])
             for section in index.cssselect("section.year")]
    assert years == [("1956", ["hostile.html", "korean-delegation-1956-09-16.html"]),
                     ("1957", ["memorandum-1957-03-02.html"])]
    assert [a.get("href") for a in index.cssselect(".year-nav a")] == ["#year-1956", "#year-1957"]


def test_undated_documents_come_last_under_their_own_heading(tmp_path):
    from lxml import html as lxml_html
    from tei_edition.html import HtmlRenderer

    fixtures = ROOT / "tests" / "fixtures" / "html"
    text = (fixtures / "memorandum.xml").read_text(encoding="utf-8")
    undated = tmp_path / "undated.xml"
    undated.write_text(text.replace('xml:id="memorandum-1957-03-02"', 'xml:id="undated"', 1)
                       .replace(' when="1957-03-02"', "").replace(' when="1957-03"', ""),
                       encoding="utf-8")
    renderer = HtmlRenderer({})
    renderer.site([undated, fixtures / "korean-delegation.xml"], tmp_path / "site")
    index = lxml_html.parse(str(tmp_path / "site" / "index.html")).getroot()
    headings = [" ".join(h.text_content().split()) for h in index.cssselect("section.year h2")]
    assert headings == ["1956", "Undated"]
    assert [a.get("href") for a in index.cssselect("section.year")[-1].cssselect("h3 a")] == ["undated.html"]
