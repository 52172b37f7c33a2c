"""Property: any text a TEI document can hold reaches Typst as a string
literal whose value is exactly that text (whitespace folded as XML folds it).

The stylesheet writes the literal; the real Typst evaluator reads it back.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_edition.pdf import PdfRenderer

TEI = "http://www.tei-c.org/ns/1.0"


def xml_char(c: str) -> bool:
    n = ord(c)
    return n in (0x9, 0xA, 0xD) or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or n >= 0x10000


# Typst's special characters, often, amid any other character XML allows.
TYPST_SPECIAL = list('#*_$@<>\\"/[]{}()`~=-+.:;\'') + ["//", "/*", "*/", "\\u{41}", "#read(", "\n", "\t"]
TEXT = st.lists(st.one_of(st.sampled_from(TYPST_SPECIAL),
                          st.characters(exclude_categories=["Cs"]).filter(xml_char)),
                max_size=40).map("".join)


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer({})


def tei_with_title(title: str) -> etree._Element:
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    stmt = etree.SubElement(etree.SubElement(etree.SubElement(root, f"{{{TEI}}}teiHeader"),
                                             f"{{{TEI}}}fileDesc"), f"{{{TEI}}}titleStmt")
    etree.SubElement(stmt, f"{{{TEI}}}title", type="main").text = title
    etree.SubElement(etree.SubElement(root, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    return root


def typst_value(literal: str) -> str:
    import typst

    # a fresh evaluator each time: typst-py's eval does not run twice on one compiler
    return json.loads(typst.Compiler(input=b"", font_paths=[], ignore_system_fonts=True)
                      .eval(literal, format="json"))


@settings(max_examples=150, deadline=None)
@given(title=TEXT)
def test_any_text_round_trips_through_a_typst_string_literal(renderer, title):
    expected = re.sub(r"[ \t\r\n]+", " ", title).strip(" ")
    source = renderer.typst_source(etree.ElementTree(tei_with_title(title)))
    literal = re.search(r"^  title: (.*),$", source, re.MULTILINE).group(1)
    if not expected:  # an empty title falls back to a placeholder
        return
    assert typst_value(literal) == expected
