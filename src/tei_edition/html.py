"""The HTML edition: TEI documents → pages, a collection index, a persons index.

Every page is made by an XSLT 3.0 stylesheet in xslt/ (compiled once per
renderer by tei_edition.xslt and reused). Site layout, relative to site_dir:

    <id>.html        one page per document
    index.html       the collection: every document with date, participants, archive
    persons.html     every person across the documents, with turns and links
    places.html      places and organisations of the register, with the documents
    subjects.html    the register's subjects, with the documents
    search.html      full-text search (its index: search.py, in pagefind/)
    assets/          edition.css, edition.js, search.js (no fonts or scripts from elsewhere)

The collection pages never see the documents themselves: each document is
reduced once to a small <ed:document> record (site-summary.xsl: title, date,
participants, turns and words per person, register entries), made while its
page is rendered and cached by content hash under .cache/records/. The
collection stylesheets read one <ed:collection> of these records, in date
order, parsed once for all four pages; no stylesheet ever opens a file itself.
So a page's cost grows with the number of documents, not with their text.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .errors import EditionError
from .files import prune_cache, read_input, write_atomic
from .ids import tei_id
from .resources import xslt_path
from .teidoc import load_tei
from .xslt import parse_own_xml, stylesheet

TEI_NS = "http://www.tei-c.org/ns/1.0"
ED_NS = "urn:tei-edition"
ASSETS = ("edition.css", "edition.js", "search.js")

DEFAULTS = {
    "title": "TEI edition",
    "editors": [],
    "publisher": "",
    "licence": "",
    "licence_url": "",
    "base_url": "",
    "language": "",
}


@lru_cache(maxsize=1)
def _record_format() -> bytes:
    """What shapes a record besides the document: the stylesheets and this module.
    Part of every record's cache key, so that a new version of the tool never
    reads an old record."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in ("site-summary.xsl", "html-common.xsl", "common.xsl", "turns.xsl"):
        digest.update(xslt_path(name).read_bytes())
    return digest.digest()


def _record_key(data: bytes, path: Path) -> str:
    # the file name counts too: it is the document's id when the TEI has no xml:id
    stem = Path(path).stem.encode("utf-8", "surrogateescape")
    return hashlib.sha256(_record_format() + stem + b"\0" + data).hexdigest()


def _read(path: Path) -> bytes:
    return read_input(path, "a TEI file")


def _load_tei(path: Path, data: bytes | None = None) -> etree._ElementTree:
    """Parse a TEI file (or its bytes, already read) safely (teidoc.load_tei)."""
    return load_tei(path, _read(path) if data is None else data)


def _write(path: Path, data: str | bytes) -> None:
    try:
        write_atomic(path, data, durable=False)
    except OSError as exc:
        raise EditionError(f"cannot write: {exc.strerror}", str(path)) from None


class HtmlRenderer:
    """Writes the HTML edition; the stylesheets are compiled once, in __init__."""

    def __init__(self, edition: dict | None = None):
        self.edition = {**DEFAULTS, **(edition or {})}
        self.params = self._params(self.edition)
        self._page = stylesheet("tei-to-html.xsl")
        self._summary = stylesheet("site-summary.xsl")
        self._index = stylesheet("site-index.xsl")
        self._persons = stylesheet("site-persons.xsl")
        self._apparatus = stylesheet("site-apparatus.xsl")  # places.html, subjects.html
        self._search = stylesheet("site-search.xsl")

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
            "edition-published": str(edition.get("published") or ""),
            "edition-errata": str(edition.get("errata") or ""),
        }

    def document(self, tei_path: Path, site_dir: Path) -> Path:
        """Write site_dir/<id>.html for one TEI file and return its path; leave the
        document's record for the collection pages in the cache on the way."""
        tei_path = Path(tei_path)
        data = _read(tei_path)
        tree = _load_tei(tei_path, data)
        doc_id = tei_id(tree.getroot(), tei_path)
        # one transform makes the page and, as its second result, the record
        secondary: dict[str, str] = {}
        html = self._page.transform(tree, {**self.params, "doc-id": doc_id}, str(tei_path),
                                    secondary)
        target = Path(site_dir) / f"{doc_id}.html"
        _write(target, html)
        cached = _records_dir(site_dir) / f"{_record_key(data, tei_path)}.record"
        if not cached.is_file():
            _store({cached: secondary["record"]})
        return target

    def _make_record(self, tree: etree._ElementTree, doc_id: str, path: Path) -> str:
        """The document's record (site-summary.xsl) as the cache keeps it: its sort
        key and id on one line, then the record; for a document whose page was not
        made in this build."""
        return self._summary.transform(tree, {"doc-id": doc_id}, str(path))

    def _record(self, path: Path, cache: Path, used: set[str],
                new: dict[Path, str]) -> tuple[str, str, str]:
        """(sort key, id, record) of one document, from the cache or made now
        (and then noted in new, for the cache)."""
        data = _read(path)
        key = _record_key(data, path)
        used.add(key)
        cached = cache / f"{key}.record"
        try:
            header, _, record = cached.read_text(encoding="utf-8").partition("\n")
        except (OSError, UnicodeDecodeError):
            header = record = ""
        # a record is whole (written atomically), but a cache is never trusted blindly
        if not (record.startswith("<ed:document ") and record.endswith("</ed:document>")):
            tree = _load_tei(path, data)
            text = new[cached] = self._make_record(tree, tei_id(tree.getroot(), path), path)
            header, _, record = text.partition("\n")
        sort, _, doc_id = header.partition("\t")
        return sort, doc_id, record

    def site(self, tei_paths: list[Path], site_dir: Path) -> list[Path]:
        """Write index.html, persons.html, places.html, subjects.html and assets/;
        return the paths written."""
        site_dir = Path(site_dir)
        cache = _records_dir(site_dir)
        used: set[str] = set()
        new: dict[Path, str] = {}
        records: list[tuple[str, str, str]] = []
        seen: dict[str, Path] = {}
        for path in map(Path, tei_paths):
            sort, doc_id, record = self._record(path, cache, used, new)
            if doc_id in seen:
                raise EditionError(f"document id '{doc_id}' is also used by {seen[doc_id]}", str(path))
            seen[doc_id] = path
            records.append((sort, doc_id, record))
        # In the order of the pages (number, date, then id), so that the stylesheets
        # never sort documents: the first record of a person is the earliest.
        records.sort(key=lambda r: (r[0], r[1]))
        collection = parse_own_xml(f'<ed:collection xmlns:ed="{ED_NS}">'
                                   + "".join(r[2] for r in records) + "</ed:collection>",
                                   "the collection pages")
        del records

        # Render everything first, write after: a failure leaves no half-built site.
        outputs = {
            "index.html": self._index.transform_node(collection, self.params),
            "persons.html": self._persons.transform_node(collection, self.params),
            "places.html": self._apparatus.transform_node(collection, {**self.params, "index": "places"}),
            "subjects.html": self._apparatus.transform_node(collection, {**self.params, "index": "subjects"}),
            "search.html": self._search.transform_node(collection, self.params),
        }
        for name in ASSETS:
            source = xslt_path(name)
            if not source.is_file():
                raise EditionError(f"{name} is missing from the installation")
            outputs[f"assets/{name}"] = source.read_bytes()
        written = []
        for name, data in outputs.items():
            _write(site_dir / name, data)
            written.append(site_dir / name)
        _store(new)
        _prune(cache, used)
        return written


def _records_dir(site_dir: Path) -> Path:
    return Path(site_dir) / ".cache" / "records"


def _store(records: dict[Path, str]) -> None:
    try:
        for path, text in records.items():
            write_atomic(path, text, durable=False)
    except (OSError, EditionError):
        pass  # only a cache: the next build makes the records again


def _prune(cache: Path, used: set[str]) -> None:
    """Keep the records of this collection's documents, and only those."""
    prune_cache(cache, "*.record", used)
