"""Spoken-text events (TEI's pause, shift, kinesic, vocal, incident) are shown
where they happen, in their brackets, and the legend explains every mark that
occurs on the page; the PDF prints them too."""

from __future__ import annotations

import subprocess
from pathlib import Path

import lxml.html

from tei_edition.html import HtmlRenderer
from tei_edition.pdf import PdfRenderer

TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="tape-1962" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A taped meeting</title></titleStmt>
      <publicationStmt><p>Invented for the tests of tei-edition.</p></publicationStmt>
      <sourceDesc><p>Written for these tests.</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc><listPerson>
        <person xml:id="spk-a"><persName>Anna Berg</persName></person>
        <person xml:id="spk-b"><persName>Carl Dahl</persName></person>
      </listPerson></particDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <u who="#spk-a">We wait <pause type="long"/> and then <shift feature="loud" new="ff"/>we shout.</u>
      <u who="#spk-b"><kinesic><desc>nods</desc></kinesic> Agreed. <vocal><desc>coughs</desc></vocal>
        <incident><desc>a door closes</desc></incident> <pause/> Done.</u>
    </body>
  </text>
</TEI>
"""


def test_every_mark_on_the_page_is_explained_by_the_legend(tmp_path):
    tei = tmp_path / "tape-1962.xml"
    tei.write_text(TEI, encoding="utf-8")
    page = lxml.html.fromstring(HtmlRenderer({}).document(tei, tmp_path / "site").read_bytes())
    text = page.cssselect(".edition-text")[0]
    shown = [" ".join(m.text_content().split()) for m in text.cssselect(".mark")]
    assert shown == ["[pause, long]", "[loud: ff]", "[nods]", "[coughs]", "[a door closes]", "[pause]"]
    legend = {div.get("id"): " ".join(div.text_content().split())
              for div in page.cssselect(".legend dl > div")}
    for mark in text.cssselect(".mark"):
        assert mark.get("aria-describedby") in legend, mark.get("class")
    assert "a pause, a gesture, a change of voice" in legend["legend-incident"]
    assert "legend-vocal" in legend


def test_the_pdf_prints_spoken_events_and_explains_them(tmp_path):
    tei = tmp_path / "tape-1962.xml"
    tei.write_text(TEI, encoding="utf-8")
    pdf = PdfRenderer({}).document(tei, tmp_path / "pdf")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "We wait [pause, long] and then [loud: ff]we shout." in text
    assert "[nods] Agreed. [coughs] [a door closes] [pause] Done." in text
    assert "a pause, a gesture, a change of voice" in text
