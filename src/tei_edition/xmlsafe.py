"""Safe XML parsing: no external entities, no DTD loading, no network, ever."""

from __future__ import annotations

import re

from lxml import etree

from .errors import EditionError


# Characters XML 1.0 forbids in text (C0 controls other than tab/LF/CR, lone
# surrogates, which an encoding such as unicode_escape can produce, and FFFE/FFFF).
FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_parser(huge: bool = False) -> etree.XMLParser:
    """An lxml parser that never resolves entities or fetches anything."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge,
        remove_blank_text=False,
    )


def parse_xml_bytes(data: bytes, source: str = "<input>") -> etree._ElementTree:
    """Parse XML bytes; a syntax error becomes an EditionError with line and column."""
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        line, column = (exc.position if exc.position else (None, None))
        raise EditionError(f"not well-formed XML: {exc.msg}", source, line, column) from None
    return root.getroottree()


TEI_NS = "http://www.tei-c.org/ns/1.0"


def not_tei_root(found: str) -> str:
    """What is said wherever a TEI file is expected and its root is something else."""
    return f"expected a TEI root element <TEI xmlns=\"{TEI_NS}\">, found <{found}>"

