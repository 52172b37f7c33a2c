"""The collection pages read one small record per document (site-summary.xsl),
made while the document's page is rendered and cached by content hash.

Their word counts are computed in Python and must equal the stylesheets' own
ed:word-count, document by document; the pages must not depend on the order
the documents are given in, nor on whether the records came from the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from saxonche import PySaxonProcessor

from conftest import ROOT, SAMPLE, SAMPLE_EDITION
from tei_edition.html import TEI_NS, _load_tei, word_count
from tei_edition.ingest import convert_transcript
from tei_edition.register import load_edition
from tei_edition.resources import xslt_path

PROBE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:ed="urn:tei-edition">
  <xsl:import href="{common}"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="string-join((ed:word-count(//tei:body), //tei:sp ! ed:word-count(.)) ! string(), ',')"/>
  </xsl:template>
</xsl:stylesheet>"""


@pytest.fixture(scope="module")
def stylesheet_counts(tmp_path_factory):
    probe = tmp_path_factory.mktemp("probe") / "probe.xsl"
    probe.write_text(PROBE.format(common=xslt_path("common.xsl").as_uri()))
    processor = PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(probe))

    def counts(path: Path) -> list[int]:
        node = processor.parse_xml(xml_text=path.read_text(encoding="utf-8"))
        return [int(n) for n in executable.transform_to_string(xdm_node=node).split(",")]

    return counts


def documents(tmp_path: Path) -> list[Path]:
    converted = tmp_path / "sample.xml"
    converted.write_bytes(convert_transcript(SAMPLE.read_bytes(), SAMPLE, load_edition(SAMPLE_EDITION)).tei)
    return [converted, *sorted((ROOT / "tests" / "fixtures" / "html").glob("*.xml"))]


def test_python_word_counts_equal_the_stylesheets(tmp_path, stylesheet_counts):
    for path in documents(tmp_path):
        body = _load_tei(path).getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
        ours = [word_count(body)] + [word_count(sp) for sp in body.iter(f"{{{TEI_NS}}}sp")]
        assert ours == stylesheet_counts(path), path.name
        assert ours[0] > 0


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
    before its date: the later memorandum numbered 1 comes first."""
    from lxml import html as lxml_html
    from tei_edition.html import HtmlRenderer

    fixtures = ROOT / "tests" / "fixtures" / "html"
    memo = (fixtures / "memorandum.xml").read_text(encoding="utf-8").replace(
        'xml:id="memorandum-1957-03-02"', 'xml:id="memorandum-1957-03-02" n="1"', 1)
    (tmp_path / "memorandum.xml").write_text(memo, encoding="utf-8")
    teis = [fixtures / "korean-delegation.xml", tmp_path / "memorandum.xml", fixtures / "hostile.xml"]
    renderer = HtmlRenderer({"title": "Order"})
    for tei in teis:
        renderer.document(tei, tmp_path / "site")
    renderer.site(teis, tmp_path / "site")
    index = lxml_html.parse(str(tmp_path / "site" / "index.html")).getroot()
    order = [a.get("href") for a in index.cssselect(".document-entry h3 a")]
    # numbered first; then by date (both 1956-09-17), then by id
    assert order == ["memorandum-1957-03-02.html", "hostile.html", "korean-delegation-1956-09-16.html"]
