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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

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


@dataclass(frozen=True)
class Entry:
    """A document's place in the collection: its record's sort key, its id, its title."""

    sort: str
    id: str
    title: str


def collection_order(entries: Iterable[Entry]) -> list[Entry]:
    """The collection's order, the one every page and the volume follow: the
    document's number, then its date (the record's sort key), then its id."""
    return sorted(entries, key=lambda e: (e.sort, e.id))


def neighbours(ordered: list[Entry]) -> dict[str, dict[str, str]]:
    """Each document's previous and next documents in the collection, as the
    page's stylesheet parameters (ids and titles; '' at either end)."""
    found = {}
    for index, entry in enumerate(ordered):
        before = ordered[index - 1] if index > 0 else None
        after = ordered[index + 1] if index + 1 < len(ordered) else None
        found[entry.id] = {"prev-id": before.id if before else "",
                           "prev-title": before.title if before else "",
                           "next-id": after.id if after else "",
                           "next-title": after.title if after else ""}
    return found


def _read(path: Path) -> bytes:
    return read_input(path, "a TEI file")


def _load_tei(path: Path, data: bytes | None = None) -> etree._ElementTree:
    """Parse a TEI file (or its bytes, already read) safely (teidoc.load_tei)."""
    return load_tei(path, _read(path) if data is None else data)


def _write(path: Path, data: str | bytes) -> None:
    """A page or asset, without an fsync of its own (a build syncs once, build.py)."""
    write_atomic(path, data, durable=False)


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

    def document(self, tei_path: Path, site_dir: Path,
                 around: dict[str, str] | None = None) -> Path:
        """Write site_dir/<id>.html for one TEI file and return its path; leave the
        document's record for the collection pages in the cache on the way.
        around: the previous and next documents (neighbours()), if known."""
        tei_path = Path(tei_path)
        data = _read(tei_path)
        tree = _load_tei(tei_path, data)
        doc_id = tei_id(tree.getroot(), tei_path)
        # one transform makes the page and, as its second result, the record
        secondary: dict[str, str] = {}
        html = self._page.transform(tree, {**self.params, **(around or {}), "doc-id": doc_id},
                                    str(tei_path), secondary)
        target = Path(site_dir) / f"{doc_id}.html"
        _write(target, html)
        cached = _records_dir(site_dir) / f"{_record_key(data, tei_path)}.record"
        if not cached.is_file():
            _store({cached: _cache_text(secondary["record"], doc_id)})
        return target

    def _make_record(self, tree: etree._ElementTree, doc_id: str, path: Path) -> str:
        """The document's record (site-summary.xsl) as the cache keeps it, for a
        document whose page was not made in this build."""
        return _cache_text(self._summary.transform(tree, {"doc-id": doc_id}, str(path)), doc_id)

    def entry(self, tei_path: Path) -> Entry:
        """The place in the collection of a document whose record is not cached
        (cached_entry): from the record's first part alone (site-summary.xsl's
        entry-only), since the whole record is made with the page, in one transform."""
        path = Path(tei_path)
        tree = _load_tei(path)
        doc_id = tei_id(tree.getroot(), path)
        record = self._summary.transform(tree, {"doc-id": doc_id, "entry-only": "yes"}, str(path))
        return _parse_cached(_cache_text(record, doc_id))[0]

    def _record(self, path: Path, cache: Path, used: set[str],
                new: dict[Path, str]) -> tuple[Entry, str]:
        """(entry, record) of one document, from the cache or made now
        (and then noted in new, for the cache)."""
        data = _read(path)
        key = _record_key(data, path)
        used.add(key)
        found = _cached_record(cache / f"{key}.record")
        if found is None:
            tree = _load_tei(path, data)
            text = new[cache / f"{key}.record"] = self._make_record(
                tree, tei_id(tree.getroot(), path), path)
            found = _parse_cached(text)
        return found

    def site(self, tei_paths: list[Path], site_dir: Path, volume: bool = False) -> list[Path]:
        """Write index.html, persons.html, places.html, subjects.html and assets/;
        return the paths written. volume: whether pdf/volume.pdf is there to link."""
        site_dir = Path(site_dir)
        cache = _records_dir(site_dir)
        used: set[str] = set()
        new: dict[Path, str] = {}
        records: dict[Entry, str] = {}
        seen: dict[str, Path] = {}
        for path in map(Path, tei_paths):
            entry, record = self._record(path, cache, used, new)
            if entry.id in seen:
                raise EditionError(f"document id '{entry.id}' is also used by {seen[entry.id]}",
                                   str(path))
            seen[entry.id] = path
            records[entry] = record
        # In the collection's order, so that the stylesheets never sort documents:
        # the first record of a person is the earliest.
        collection = parse_own_xml(f'<ed:collection xmlns:ed="{ED_NS}">'
                                   + "".join(records[e] for e in collection_order(records))
                                   + "</ed:collection>", "the collection pages")
        del records

        # Render everything first, write after: a failure leaves no half-built site.
        outputs = {
            "index.html": self._index.transform_node(
                collection, {**self.params, "volume": "yes" if volume else ""}),
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


def _cache_text(record: str, doc_id: str) -> str:
    """A record as the cache keeps it: its sort key, id and title on one line, then
    the record."""
    root = etree.fromstring(record.encode("utf-8"))
    title = " ".join(root.get("title", "").split())
    return f"{root.get('sort', '')}\t{doc_id}\t{title}\n{record}"


def _records_dir(site_dir: Path) -> Path:
    return Path(site_dir) / ".cache" / "records"


def cached_entry(tei_path: Path, site_dir: Path) -> Entry | None:
    """The document's place in the collection if its record is cached, else None
    (without a stylesheet: the build asks this of every document)."""
    key = _record_key(_read(Path(tei_path)), Path(tei_path))
    found = _cached_record(_records_dir(site_dir) / f"{key}.record")
    return found[0] if found else None


def _parse_cached(text: str) -> tuple[Entry, str] | None:
    """A cached record's text as (entry, record), or None when it is not whole."""
    header, _, record = text.partition("\n")
    # a record is whole (written atomically), but a cache is never trusted blindly
    whole = record.endswith("</ed:document>") or (record.count("<") == 1 and record.endswith("/>"))
    if not (record.startswith("<ed:document ") and whole):
        return None
    sort, doc_id, title = (header.split("\t") + ["", ""])[:3]
    return Entry(sort, doc_id, title), record


def _cached_record(path: Path) -> tuple[Entry, str] | None:
    try:
        return _parse_cached(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _store(records: dict[Path, str]) -> None:
    try:
        for path, text in records.items():
            write_atomic(path, text, durable=False)
    except (OSError, EditionError):
        pass  # only a cache: the next build makes the records again


def _prune(cache: Path, used: set[str]) -> None:
    """Keep the records of this collection's documents, and only those."""
    prune_cache(cache, "*.record", used)
