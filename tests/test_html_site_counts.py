"""The collection pages count words from per-document summaries computed in Python;
those counts must equal the stylesheets' own ed:word-count, document by document."""

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
    cache = site / ".cache" / "summaries"
    assert len(list(cache.glob("*.xml"))) == 3
    first = (site / "index.html").read_bytes()
    renderer.site(paths, site)  # from the cache: the same pages
    assert (site / "index.html").read_bytes() == first
    renderer.site(paths[:2], site)
    assert len(list(cache.glob("*.xml"))) == 2
