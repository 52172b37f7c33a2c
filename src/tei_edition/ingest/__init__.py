"""Plain text to TEI: the converter's stages, run by convert_transcript().

decode.py (bytes to lines) → structure.py (lines to the document model, with
speakers.py, participants.py, inline.py, dates.py and citations.py) →
tei.py (model to TEI). rules.py holds every pattern the stages use.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..apparatus import apply_apparatus
from ..errors import EditionError
from ..ids import source_id
from ..register import Edition, persons_in_scope
from .decode import decode_source
from .frontmatter import (FrontMatter, LineMarks, apply_front_matter, check_against_register,
                          forced_and_refused, join_short_labels, map_interview_roles, read_marks,
                          record_in_header, split_front_matter)
from .model import Document
from .people import PeopleIndex
from ..rules import Rules, editor_patterns, rules_from_table
from .speakers import LabelReader
from .structure import TranscriptReader
from .tei import build_tei, serialize


@dataclass
class Conversion:
    document: Document
    tei: bytes
    front: FrontMatter = field(default_factory=FrontMatter)
    marks: LineMarks = field(default_factory=LineMarks)
    lines: list[str] = field(default_factory=list)  # the transcript's lines as decoded


# An edition's own patterns can backtrack for ever on some line: one document's
# conversion gets this many seconds, then the rule at fault is named.
TIME_LIMIT_VARIABLE = "TEI_EDITION_TIME_LIMIT"
DEFAULT_TIME_LIMIT = 60.0


class _TimeUp(Exception):
    pass


@contextmanager
def _time_limit(seconds: float):
    """Raise _TimeUp in the block after `seconds` (Python's re checks for signals
    while it matches). Only the main thread gets signals: elsewhere no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def time_up(*_):
        raise _TimeUp()

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_limit_seconds() -> float:
    try:
        return float(os.environ.get(TIME_LIMIT_VARIABLE, DEFAULT_TIME_LIMIT))
    except ValueError:
        return DEFAULT_TIME_LIMIT


def convert_transcript(data: bytes, path: Path, edition: Edition,
                       encoding: str | None = None, rules: Rules | None = None) -> Conversion:
    """Convert one transcript's bytes; raises EditionError for unusable input, and
    for a conversion that runs out of time (naming the edition's rule at fault)."""
    limit = time_limit_seconds()
    try:
        with _time_limit(limit):
            return _convert(data, path, edition, encoding, rules)
    except _TimeUp:
        raise EditionError(f"converting took more than {limit:g} s ({TIME_LIMIT_VARIABLE}); "
                           + _runaway_rule(data, edition), str(path)) from None


def _runaway_rule(data: bytes, edition: Edition) -> str:
    """Which of the edition's own patterns runs away on which line, as a message."""
    lines = data.decode("utf-8", "replace").splitlines()
    source = edition.root / "edition.toml"
    for key, pattern in editor_patterns(edition.rules):
        compiled = re.compile(pattern)
        number = 0
        try:
            with _time_limit(min(5.0, time_limit_seconds())):
                for number, line in enumerate(lines, start=1):
                    compiled.search(line.strip())
        except _TimeUp:
            return (f"the rule '{key}' of {source}, {pattern!r}, runs away on line {number} "
                    "(a repetition inside a repetition backtracks without end): rewrite it")
    return "none of the edition's own rules is at fault: please report the transcript"


def _convert(data: bytes, path: Path, edition: Edition, encoding: str | None,
             rules: Rules | None) -> Conversion:
    """Convert one transcript's bytes (convert_transcript, without its time limit).

    The editor's front matter and line marks (frontmatter.py) are taken off the
    lines first; the register is seen as it holds for this document (scoped names);
    the transcript is read; then the editor's stated values win over the guesses."""
    rules = rules or rules_from_table(edition.rules, str(edition.root / "edition.toml"))
    doc = Document(id=source_id(path), source_name=path.name)
    printed = decode_source(data, str(path), encoding or rules.encoding or None, doc.notes)
    front, lines = split_front_matter(printed, str(path))
    marks, lines = read_marks(lines)
    if front.first_line:
        check_against_register(front, {p.id for p in edition.persons}, str(path))
        pattern = front.values.get("label_pattern")
        rules = replace(rules, speaker_labels=((pattern,) if pattern else ()) + rules.speaker_labels,
                        not_labels=rules.not_labels + tuple(front.values.get("not_speakers", ())))
    stated = front.values.get("meeting_date") or front.values.get("date")
    date = stated.iso if stated else ""
    if not date and any(n.start or n.end for p in edition.persons for n in p.scoped):
        # Names scoped by date need the document's date: a first reading finds it.
        first = _read(Document(id=doc.id, source_name=path.name), lines, rules, edition.persons,
                      front, marks)[0]
        found = first.meeting_date or first.doc_date
        date = found.iso if found else ""
    scoped = replace(edition, persons=persons_in_scope(edition.persons, doc.id, date))
    doc, people = _read(doc, lines, rules, scoped.persons, front, marks)
    map_interview_roles(doc, people, scoped.persons)
    join_short_labels(doc, people)
    if front.first_line:
        apply_front_matter(doc, front, people, {p.id: p for p in scoped.persons})
        doc.dropped[:0] = [(n, t.strip(), "front matter") for n, t in front.lines]
    tree = build_tei(doc, scoped, data)
    record_in_header(tree.getroot(), front, marks, path.name)
    tree = apply_apparatus(tree, scoped)  # the editor's register: notes, corrections, names
    return Conversion(document=doc, tei=serialize(tree), front=front, marks=marks, lines=printed)


def _read(doc: Document, lines: list[str], rules: Rules, persons, front: FrontMatter,
          marks: LineMarks) -> tuple[Document, PeopleIndex]:
    labels = LabelReader(rules)
    people = PeopleIndex(persons, labels.strip_honorifics, rules.titles)
    reader = TranscriptReader(rules, people, labels)
    reader.forced, reader.refused = forced_and_refused(lines, marks, front, labels)
    reader.read(doc, lines)
    return doc, people
