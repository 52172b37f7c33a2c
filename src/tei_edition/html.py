"""The HTML edition: TEI documents → pages, a collection index, a persons index.

Every page is made by an XSLT 3.0 stylesheet in xslt/ (compiled once per
renderer by tei_edition.xslt and reused). Site layout, relative to site_dir:

    <id>.html        one page per document
    index.html       the collection: every document with date, participants, archive
    persons.html     every person across the documents, with turns and links
    places.html      places and organisations of the register, with the documents
    subjects.html    the register's subjects, with the documents
    assets/          edition.css, edition.js (no fonts or scripts from elsewhere)

The index stylesheets see the whole collection as one XML document,
<ed:collection> holding each TEI root inside an <ed:document id=… href=…>,
so that no stylesheet ever opens a file itself.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lxml import etree

from .errors import EditionError
from .files import write_atomic
from .resources import xslt_path
from .xmlsafe import parse_xml_bytes
from .xslt import stylesheet

TEI_NS = "http://www.tei-c.org/ns/1.0"
ED_NS = "urn:tei-edition"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ASSETS = ("edition.css", "edition.js")

DEFAULTS = {
    "title": "TEI edition",
    "editors": [],
    "publisher": "",
    "licence": "",
    "licence_url": "",
    "base_url": "",
    "language": "",
}


_WORDLESS = {"speaker", "stage", "note", "gap"}
_BLOCKS = {"p", "ab", "head", "item", "l"}
_SPACE = re.compile("[ \t\n\r]+")
_ALNUM = re.compile(r"[^\W_]")


def _local(node) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def word_count(node: etree._Element) -> int:
    """Words of speech under node, counted as common.xsl's ed:word-count counts them:
    no speaker labels, stage directions, notes, gaps or the erroneous half of a
    choice; a block's first text starts a new word; a word has a letter or digit.
    One walk over the tree (the collection pages need this for every document)."""
    parts: list[str] = []
    blocks: list[list[bool]] = []  # innermost last: has the block's first text been seen?

    def text(value: str | None, skipping: bool) -> None:
        if not value:
            return
        prefix = " " if blocks and not blocks[-1][0] else ""
        for seen in blocks:
            seen[0] = True
        if not skipping:
            parts.append(prefix + value)

    def walk(element: etree._Element, skipping: bool) -> None:
        name = _local(element)
        parent = element.getparent()
        skipping = skipping or name in _WORDLESS or (
            name == "sic" and parent is not None and _local(parent) == "choice")
        block = name in _BLOCKS
        if block:
            blocks.append([False])
        text(element.text, skipping)
        for child in element:
            walk(child, skipping)
            text(child.tail, skipping)
        if block:
            blocks.pop()

    walk(node, False)
    return sum(1 for token in _SPACE.split("".join(parts)) if _ALNUM.search(token))


def _summary(tei: etree._Element) -> etree._Element:
    """What the collection pages need of a document: everything but the words of its
    body, whose counts are kept instead (ed:words on the document and on each turn).
    The pages then never hold the whole collection's text at once."""
    body = tei.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    if body is None:
        return tei
    tei.set(f"{{{ED_NS}}}words", str(word_count(body)))
    for sp in body.iter(f"{{{TEI_NS}}}sp"):
        sp.set(f"{{{ED_NS}}}words", str(word_count(sp)))
    for element in body.iter():
        if _local(element) not in ("speaker", "head"):
            element.text = None
        if element is not body and _local(element.getparent()) not in ("speaker", "head"):
            element.tail = None
    return tei


def _load_tei(path: Path, data: bytes | None = None) -> etree._ElementTree:
    """Parse a TEI file (or its bytes, already read) safely; anything that is not
    TEI is a one-line error."""
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise EditionError(f"cannot read: {exc.strerror}", str(path)) from None
    tree = parse_xml_bytes(data, str(path))
    if tree.getroot().tag != f"{{{TEI_NS}}}TEI":
        raise EditionError(f"not a TEI document: the root element is "
                           f"<{etree.QName(tree.getroot()).localname}>, not <TEI> in the TEI namespace",
                           str(path), tree.getroot().sourceline)
    # lxml keeps an undeclared or external entity as a reference node; it is
    # never loaded, and it cannot be passed on either: say so in one line.
    for node in tree.iter(etree.Entity):
        raise EditionError(f"entity reference {node.text} is not expanded (external entities are "
                           "never loaded); replace it with the text it stands for",
                           str(path), node.sourceline)
    return tree


def document_id(tree: etree._ElementTree, path: Path) -> str:
    """The TEI root's xml:id, else the file's stem."""
    return (tree.getroot().get(XML_ID) or "").strip() or Path(path).stem


def _safe_name(doc_id: str, path: Path) -> str:
    # The id becomes a file name: it must not climb out of the site folder.
    if not doc_id or "/" in doc_id or "\\" in doc_id or doc_id.startswith("."):
        raise EditionError(f"document id '{doc_id}' cannot be used as a file name", str(path))
    return doc_id


def _write(path: Path, data: str | bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise EditionError(f"cannot write: {exc.strerror}", str(path)) from None


class HtmlRenderer:
    """Writes the HTML edition; the stylesheets are compiled once, in __init__."""

    def __init__(self, edition: dict | None = None):
        self.edition = {**DEFAULTS, **(edition or {})}
        self.params = self._params(self.edition)
        self._page = stylesheet("tei-to-html.xsl")
        self._index = stylesheet("site-index.xsl")
        self._persons = stylesheet("site-persons.xsl")
        self._apparatus = stylesheet("site-apparatus.xsl")  # places.html, subjects.html

    @staticmethod
    def _params(edition: dict) -> dict[str, str]:
        title = str(edition.get("title") or DEFAULTS["title"])
        editors = edition.get("editors") or []
        if isinstance(editors, str):
            editors = [editors]
        base = str(edition.get("base_url") or "").strip()
        if base and not base.endswith("/"):
            base += "/"
        return {
            "edition-title": title,
            "edition-short-title": str(edition.get("short_title") or title),
            "edition-editors": "; ".join(str(e).replace(";", ",") for e in editors),
            "edition-publisher": str(edition.get("publisher") or ""),
            "edition-licence": str(edition.get("licence") or ""),
            "edition-licence-url": str(edition.get("licence_url") or ""),
            "edition-language": str(edition.get("language") or ""),
            "base-url": base,
        }

    def document(self, tei_path: Path, site_dir: Path) -> Path:
        """Write site_dir/<id>.html for one TEI file and return its path."""
        tei_path = Path(tei_path)
        tree = _load_tei(tei_path)
        doc_id = _safe_name(document_id(tree, tei_path), tei_path)
        html = self._page.transform(tree, {**self.params, "doc-id": doc_id})
        target = Path(site_dir) / f"{doc_id}.html"
        _write(target, html)
        return target

    @staticmethod
    def _cached_summary(path: Path, cache: Path, used: set[str],
                        new: dict[Path, bytes]) -> etree._Element:
        """The document's summary, from the cache or made now (then noted in new)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise EditionError(f"cannot read: {exc.strerror}", str(path)) from None
        key = hashlib.sha256(data).hexdigest()
        used.add(key)
        cached = cache / f"{key}.xml"
        if cached.is_file():
            return parse_xml_bytes(cached.read_bytes(), str(cached)).getroot()
        summary = _summary(_load_tei(path, data).getroot())
        new[cached] = etree.tostring(summary, encoding="UTF-8")
        return summary

    def site(self, tei_paths: list[Path], site_dir: Path) -> list[Path]:
        """Write index.html, persons.html and assets/; return the paths written."""
        collection = etree.Element(f"{{{ED_NS}}}collection", nsmap={"ed": ED_NS})
        seen: dict[str, Path] = {}
        # A document's summary depends only on its bytes: kept between builds in
        # .cache/summaries/<sha256>.xml, so that one changed document costs one summary.
        cache = Path(site_dir) / ".cache" / "summaries"
        used: set[str] = set()
        new: dict[Path, bytes] = {}
        for path in tei_paths:
            path = Path(path)
            summary = self._cached_summary(path, cache, used, new)
            doc_id = _safe_name(document_id(summary.getroottree(), path), path)
            if doc_id in seen:
                raise EditionError(f"document id '{doc_id}' is also used by {seen[doc_id]}", str(path))
            seen[doc_id] = path
            entry = etree.SubElement(collection, f"{{{ED_NS}}}document", id=doc_id,
                                     href=f"{doc_id}.html")
            entry.append(summary)

        # Render everything first, write after: a failure leaves no half-built site.
        outputs = {
            "index.html": self._index.transform(collection, self.params),
            "persons.html": self._persons.transform(collection, self.params),
            "places.html": self._apparatus.transform(collection, {**self.params, "index": "places"}),
            "subjects.html": self._apparatus.transform(collection, {**self.params, "index": "subjects"}),
        }
        for name in ASSETS:
            source = xslt_path(name)
            if not source.is_file():
                raise EditionError(f"{name} is missing from the installation")
            outputs[f"assets/{name}"] = source.read_bytes()
        site_dir = Path(site_dir)
        written = []
        for name, data in outputs.items():
            _write(site_dir / name, data)
            written.append(site_dir / name)
        self._update_cache(cache, used, new)
        return written

    @staticmethod
    def _update_cache(cache: Path, used: set[str], new: dict[Path, bytes]) -> None:
        """Keep the summaries of this collection's documents, and only those."""
        try:
            for path, data in new.items():
                write_atomic(path, data)
            for stale in cache.glob("*.xml"):
                if stale.stem not in used:
                    stale.unlink()
        except OSError:
            pass  # only a cache: the next build makes the summaries again
