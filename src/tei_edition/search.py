"""Full-text search: the built site indexed by Pagefind (the `pagefind` binary of
PyPI's pagefind-bin), written to build/pagefind/ at the end of the build.

Each document page is read once and handed to Pagefind as a small page made
for the index: its title, one section per turn (the turn's anchor as the
section's id and the speaker as its heading, so that a result links to the
turn and names who speaks), the facets as filters (person speaking, person
mentioned, year, archive, classification, subject). The text is the reading
text, folded (`fold`): Latin letters lose their accents and transliteration
marks, so that `Gomulka` finds `Gomułka` (Pagefind folds neither); the
search page folds the query the same way (assets/search.js), and puts the
accented words back in what it shows from a list of them kept with each page.

Pagefind has no incremental mode: the index is made anew whenever a page
changed (1,000 documents take a few seconds, see `make bench`); what search.py
reads from a page is cached by the page's hash in .cache/search/.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import threading
import unicodedata
from pathlib import Path

from lxml import etree, html
from lxml.html import builder as E

from .errors import EditionError
from .files import prune_cache, write_atomic

INDEX_DIR = "pagefind"
# Letters that carry their mark in their shape, so that Unicode decomposition
# leaves them whole: the usual transliterations of Slavonic, Nordic, Turkish names.
_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
            "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th"}
_FACETS = {"edition.archive": "archive", "edition.classification": "classification",
           "DC.subject": "subject"}
# what search.py reads from a page; part of the cache key, so a new version never
# reads an old entry
_FORMAT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


class _Folding(dict):
    """The folding of each character, worked out the first time it is met (a
    str.translate table: code point → text)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)
        folded = base[0] if len(base) > 1 and base[0].isascii() and base[0].isalpha() else char
        self[code] = folded
        return folded


_FOLDING = _Folding({ord(letter): plain for letter, plain in _LETTERS.items()})


def fold(text: str) -> str:
    """Latin letters without accents or marks (ș → s, ł → l, é → e); every other
    script as it is (й stays й). Words keep their place: nothing is split or joined."""
    return text if text.isascii() else text.translate(_FOLDING)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


_NOT_READ = {"edition-only", "note-ref"}  # the edition's brackets and note numbers


def _reading_text(element) -> str:
    """The words a reader reads: without the edition's brackets and note numbers."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and not _NOT_READ.intersection(
                    (child.get("class") or "").split()):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())


def _class(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


# compiled once: a page asks each of them once per turn
_PERSON_ENTRIES = etree.XPath(f'.//li[{_class("person-entry")}]')
_EDITION_TEXT = etree.XPath(f'.//div[{_class("edition-text")}]')
_TURNS = etree.XPath(f'.//div[{_class("turn")}]')
_SPEAKER = etree.XPath(f'.//*[{_class("speaker")}]')
_SPEECH = etree.XPath(f'.//div[{_class("speech")}]')
_PERSON_LINKS = etree.XPath(f'.//a[{_class("person")}]')


def page_record(data: bytes) -> dict | None:
    """What the index needs of one built page, or None when it is no document page."""
    root = html.fromstring(data)
    article = root.find('.//article[@class="document"]')
    if article is None:
        return None
    metas: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        if meta.get("name") and meta.get("content"):
            metas.setdefault(meta.get("name"), []).append(meta.get("content"))
    names = {f"#{entry.get('id')}": _text(entry.find('.//span[@class="person-name"]'))
             for entry in _PERSON_ENTRIES(article)
             if entry.find('.//span[@class="person-name"]') is not None}
    turns, mentioned = [], set()
    text = _EDITION_TEXT(article)
    for turn in (_TURNS(text[0]) if text else []):
        speaker = _SPEAKER(turn)
        label = _text(speaker[0]) if speaker else ""
        person = speaker[0].get("title") if speaker and speaker[0].get("title") else label
        speech = _SPEECH(turn)
        for link in _PERSON_LINKS(turn):
            if link.get("href") in names:
                mentioned.add(names[link.get("href")])
        turns.append({"id": turn.get("id"), "speaker": person, "label": label,
                      "text": _reading_text(speech[0]) if speech else ""})
    rest = ""
    if text and not turns:  # a memorandum: the whole text in one section
        rest = _reading_text(text[0])
        mentioned |= {names[a.get("href")] for a in _PERSON_LINKS(text[0])
                      if a.get("href") in names}
    summary = article.xpath('.//section[@id="summary"]')
    title = article.find(".//h1")
    filters = {"speaker": sorted({t["speaker"] for t in turns if t["speaker"]}),
               "mentioned": sorted(mentioned),
               "year": sorted({d[:4] for d in metas.get("DC.date", []) if d[:4].isdigit()})}
    for name, facet in _FACETS.items():
        filters[facet] = sorted(set(metas.get(name, [])))
    return {"title": _text(title) if title is not None else "",
            "date": (metas.get("DC.date") or [""])[0],
            "lang": (root.get("lang") or "en").split("-")[0].lower(),
            "summary": _reading_text(summary[0]) if summary else "",
            "turns": turns, "text": rest, "filters": {k: v for k, v in filters.items() if v}}


def index_page(record: dict) -> str:
    """The page Pagefind indexes for one document: folded text, a section per turn,
    filters and meta in the head. Built with lxml, so text stays text."""
    head = E.HEAD(E.TITLE(fold(record["title"])))
    for name, values in record["filters"].items():
        for value in values:
            head.append(E.META(**{"data-pagefind-filter": f"{name}[content]", "content": value}))
    words = record["title"] + " " + record["summary"] + " " + record["text"] + " " + " ".join(
        t["speaker"] + " " + t["label"] + " " + t["text"] for t in record["turns"])
    accented = sorted({w for w in words.split() if not w.isascii() and fold(w) != w})
    meta = {"date": record["date"], "accents": " ".join(accented), "title": record["title"]}
    for name, value in meta.items():
        if value:
            head.append(E.META(**{"data-pagefind-meta": f"{name}[content]", "content": value}))
    body = E.MAIN(E.H1(fold(record["title"])), **{"data-pagefind-body": ""})
    if record["summary"]:
        body.append(E.P(fold(record["summary"])))
    if record["text"]:
        body.append(E.H2(fold(record["title"]), id="text"))
        body.append(E.P(fold(record["text"])))
    for turn in record["turns"]:
        body.append(E.H2(fold(turn["speaker"] or turn["label"]), id=turn["id"]))
        body.append(E.P(fold(turn["text"])))
    page = E.HTML(head, E.BODY(body), lang=record["lang"])
    return html.tostring(page, encoding="unicode", doctype="<!DOCTYPE html>")


def _binary() -> str:
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except (ImportError, FileNotFoundError):
        raise EditionError("Pagefind is not installed: run 'pip install pagefind[bin]' "
                           "(make does this for you)") from None


def _cached_record(site_dir: Path, page: Path, used: set[str]) -> dict | None:
    data = page.read_bytes()
    key = hashlib.sha256(_FORMAT.encode() + data).hexdigest()
    used.add(key)
    cached = site_dir / ".cache" / "search" / f"{key}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))["record"]
    except (OSError, ValueError, KeyError):
        pass
    record = page_record(data)
    try:  # no fsync of its own: a build syncs once before it saves its state
        write_atomic(cached, json.dumps({"record": record}, ensure_ascii=False), durable=False)
    except (OSError, EditionError):
        pass  # only a cache: the page is read again next time
    return record


def prepare(site_dir: Path, page: Path) -> None:
    """Make one page's search record as the page is written (on the build's
    workers), so that the search stage finds it cached and only indexes."""
    _cached_record(Path(site_dir), Path(page), set())


def build_index(site_dir: Path, pages: list[Path]) -> Path:
    """Index the document pages into site_dir/pagefind/ (replaced whole, never half
    written: made beside it, then swapped in). Returns the folder."""
    site_dir = Path(site_dir)
    used: set[str] = set()
    requests = [{"type": "NewIndex", "config": {"keep_index_url": True}}]
    for page in sorted(pages):
        record = _cached_record(site_dir, page, used)
        if record is not None:
            requests.append({"type": "AddFile", "index_id": 0, "url": page.name,
                             "file_contents": index_page(record), "file_path": None})
    target = site_dir / INDEX_DIR
    fresh = site_dir / f".{INDEX_DIR}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    requests.append({"type": "WriteFiles", "index_id": 0, "output_path": str(fresh.resolve())})
    _talk(requests)
    # Pagefind writes its UI bundles too; the edition has its own page and script
    for extra in fresh.glob("pagefind-*ui*"):
        extra.unlink()
    old = site_dir / f".{INDEX_DIR}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
    prune_cache(site_dir / ".cache" / "search", "*.json", used)
    return target


def _talk(requests: list[dict]) -> None:
    """Send every request to one `pagefind --service` and read its answers.

    The service reads base64 JSON messages, each ended by a comma, and answers
    in kind. (The pagefind package's own client waits 0.1 s between answers,
    which made 1,000 pages take minutes.) The requests are written from a
    thread, so that neither side's pipe fills while the other waits."""
    process = subprocess.Popen([_binary(), "--service"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send() -> None:
        try:
            for number, payload in enumerate(requests, 1):
                message = json.dumps({"message_id": number, "payload": payload})
                process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the service stopped: the reader says why

    writer = threading.Thread(target=send, daemon=True)
    writer.start()
    answered, pending = 0, b""
    try:
        while answered < len(requests):
            chunk = process.stdout.read1(1 << 16)
            if not chunk:
                raise EditionError("the Pagefind service stopped before the index was written")
            *answers, pending = (pending + chunk).split(b",")
            for answer in answers:
                payload = json.loads(base64.b64decode(answer))["payload"]
                answered += 1
                if payload.get("type") == "Error":
                    raise EditionError(f"Pagefind: {payload.get('message', 'failed')}")
    finally:
        writer.join(timeout=5)
        process.stdin.close()
        process.wait()

