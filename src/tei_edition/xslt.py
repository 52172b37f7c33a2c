"""XSLT 3.0 with saxonche: each stylesheet compiled once per process, then reused.

A stylesheet that does not compile, or a document this tool wrote itself that
Saxon cannot read, is a bug of the tool (ToolBug); a stylesheet that stops on a
document names the document and the element it stopped at.

Input documents reach Saxon only after lxml has parsed them with entity
resolution and network access switched off, and only as their root element
(no DOCTYPE), so no transform can be made to read files or fetch URLs that a
document names.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from contextlib import contextmanager
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
        # Secondary results (xsl:result-document) are kept in memory, never written
        # by Saxon: transform_node hands them to its caller.
        self._executable.set_capture_result_documents(True, True)

    def transform(self, document: etree._ElementTree | etree._Element | bytes,
                  params: dict[str, str] | None = None, source: str | None = None,
                  secondary: dict[str, str] | None = None) -> str:
        """Run the stylesheet on a TEI document; return the serialised result.
        source names the input file in any error; secondary: see transform_node."""
        if isinstance(document, bytes):
            document = parse_xml_bytes(document, source or "<input>")
        root = document.getroot() if isinstance(document, etree._ElementTree) else document
        return self.transform_node(parse_own_xml(etree.tostring(root, encoding="unicode"),
                                                 self.name), params, source, root, secondary)

    def transform_node(self, node, params: dict[str, str] | None = None,
                       source: str | None = None, root: etree._Element | None = None,
                       secondary: dict[str, str] | None = None) -> str:
        """Run the stylesheet on a document Saxon has parsed already (parse_own_xml),
        so that one parse can serve several stylesheets. An error names source, and
        the element of root whose template failed where that can be told.
        secondary, when given, receives each text result of xsl:result-document
        by the last part of its href."""
        proc = _processor()
        self._executable.clear_parameters()
        for key, value in (params or {}).items():
            self._executable.set_parameter(key, proc.make_string_value(str(value)))
        with _saxon_stderr() as saxon_report:
            try:
                result = self._executable.transform_to_string(xdm_node=node)
                error = None
            except Exception as exc:
                error = " ".join(str(exc).split())
        if error is not None:
            element, line = _failing_element("".join(saxon_report), root)
            raise EditionError(f"{self.name} failed{element}: {error}", source, line)
        if secondary is not None:
            for uri, value in (self._executable.get_result_documents() or {}).items():
                secondary[uri.rsplit("/", 1)[-1]] = value.head.string_value
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


@contextmanager
def _saxon_stderr():
    """Keep Saxon's own multi-line account of an error off the terminal (it writes
    straight to the process's stderr); yield a list that holds it afterwards."""
    report: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield report
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            report.append(sink.read().decode("utf-8", "replace"))


_TEMPLATE_RULE = re.compile(r'In template rule with match="element\(Q\{([^}]*)\}([\w.-]+)\)')


def _failing_element(report: str, root: etree._Element | None) -> tuple[str, int | None]:
    """From Saxon's report: ' at <name>' for the innermost template rule that failed,
    and the input line when the document has only one such element (Saxon does
    not say which one it was processing)."""
    found = _TEMPLATE_RULE.search(report)
    if not found:
        return "", None
    namespace, name = found.groups()
    where = f" at <{name}>"
    if root is None:
        return where, None
    matches = list(root.iter(f"{{{namespace}}}{name}" if namespace else name))
    if len(matches) == 1:
        return where, matches[0].sourceline
    if matches:
        return f" at one of {len(matches)} <{name}> elements (the first on line {matches[0].sourceline})", None
    return where, None


@lru_cache(maxsize=None)
def stylesheet(name: str) -> Stylesheet:
    """The process-wide compiled copy of a stylesheet."""
    return Stylesheet(name)

