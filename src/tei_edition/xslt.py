"""XSLT 3.0 with saxonche: each stylesheet compiled once per process, then reused.

A stylesheet that does not compile, or fails on a document the Python side has
already checked, is a bug of the tool (ToolBug), never the input's fault.

Input documents reach Saxon only after lxml has parsed them with entity
resolution and network access switched off, and only as their root element
(no DOCTYPE), so no transform can be made to read files or fetch URLs that a
document names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .errors import EditionError, ToolBug
from .resources import xslt_path
from .xmlsafe import parse_xml_bytes

_STARTS_WITH_ELEMENT = re.compile(r"<[^!?/\s]")


@lru_cache(maxsize=1)
def _processor():
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


class Stylesheet:
    """One compiled stylesheet from xslt/; transform() may be called many times."""

    def __init__(self, name: str):
        self.name = name
        proc = _processor()
        compiler = proc.new_xslt30_processor()
        path = xslt_path(name)
        if not path.is_file():
            raise EditionError(f"stylesheet {name} is missing from the installation")
        try:
            self._executable = compiler.compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # saxonche raises PySaxonApiError
            raise ToolBug(f"stylesheet {name} does not compile: {exc}") from None

    def transform(self, document: etree._ElementTree | etree._Element | bytes,
                  params: dict[str, str] | None = None) -> str:
        """Run the stylesheet on a TEI document; return the serialised result."""
        if isinstance(document, bytes):
            document = parse_xml_bytes(document)
        root = document.getroot() if isinstance(document, etree._ElementTree) else document
        return self.transform_node(parse_own_xml(etree.tostring(root, encoding="unicode"),
                                                 self.name), params)

    def transform_node(self, node, params: dict[str, str] | None = None) -> str:
        """Run the stylesheet on a document Saxon has parsed already (parse_own_xml),
        so that one parse can serve several stylesheets."""
        proc = _processor()
        self._executable.clear_parameters()
        for key, value in (params or {}).items():
            self._executable.set_parameter(key, proc.make_string_value(str(value)))
        try:
            result = self._executable.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise ToolBug(f"{self.name} failed: {exc}") from None
        return result or ""


def parse_own_xml(text: str, reader: str = "the stylesheet"):
    """Saxon's parse of XML this tool has written itself (lxml's serialisation of
    a document parsed safely, or the collection of per-document records). The text
    must begin with its root element: with no DOCTYPE before it, nothing in the
    text can declare an entity, let alone load one."""
    if not _STARTS_WITH_ELEMENT.match(text):
        raise ToolBug(f"{reader} cannot read the document: it does not begin with an element")
    try:
        return _processor().parse_xml(xml_text=text)
    except Exception as exc:  # the callers refuse unexpanded entities first
        raise ToolBug(f"{reader} cannot read the document: {exc}") from None


@lru_cache(maxsize=None)
def stylesheet(name: str) -> Stylesheet:
    """The process-wide compiled copy of a stylesheet."""
    return Stylesheet(name)

