"""The document model between the transcript reader and the TEI writer.

Like pandoc's AST: the reader (structure.py) builds it from lines, the writer
(tei.py) turns it into TEI. Inline content is a list of strings and Nodes; a
Node is one TEI element with attributes and inline children.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass
class Node:
    """One inline TEI element: tag, attributes, children."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Inline"] = field(default_factory=list)


Inline = Union[str, Node]


def plain_text(content: list["Inline"]) -> str:
    """The words of inline content, without its markup."""
    return "".join(piece if isinstance(piece, str) else plain_text(piece.children)
                   for piece in content)


@dataclass
class Paragraph:
    content: list[Inline]
    line: int
    kind: str = ""             # a header field ("place", "subject"): written as ab[@type]
    lang: str = ""             # the paragraph's language when its script is not the text's


@dataclass
class Turn:
    """One speaker's turn: the label as printed, whom it names, what was said."""

    label: str                 # as printed, separator included ("Cde. Mikoyan -")
    name: str                  # the name inside the label ("Mikoyan")
    who: str                   # resolved person id
    line: int
    stage: str = ""            # "(clarifies)"
    paragraphs: list[Paragraph] = field(default_factory=list)
    label_rule: str = ""       # which label form matched, for the report
    call: str = ""             # a footnote number glued to the label ("SECRETARY VANCE2")


@dataclass
class Participant:
    id: str
    name: str                  # as printed, brackets removed ("Ri Ju-yeon")
    role: str = ""
    group: int = 0


@dataclass
class ParticipantGroup:
    label: str                 # as printed ("The Korean delegation"), may be ""
    members: list[Participant] = field(default_factory=list)


@dataclass
class ParticipantList:
    """The participants as they stand in the text, and the groups read from them."""

    content: list[Inline]      # run-in form: the paragraph with persName/roleName inside
    line: int
    groups: list[ParticipantGroup] = field(default_factory=list)
    items: list[tuple[str, list[Inline]]] = field(default_factory=list)  # line form: (kind, inline)


@dataclass
class Division:
    head: list[Inline] | None = None
    head_line: int = 0
    blocks: list[Union[Paragraph, Turn, ParticipantList]] = field(default_factory=list)


@dataclass
class DateValue:
    text: str                  # as printed
    iso: str                   # ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)
    time_from: str = ""
    time_to: str = ""
    date_text: str = ""        # the date part of text, when a time follows it
    time_text: str = ""        # the time part as printed


@dataclass
class Citation:
    """An archival citation: the text as printed and the parts read from it."""

    text: str
    line: int
    family: str = "unknown"
    repository: str = ""
    collections: list[tuple[str, str]] = field(default_factory=list)  # (type, value)
    idnos: list[tuple[str, str]] = field(default_factory=list)        # (type, value)
    locus_from: str = ""
    locus_to: str = ""
    locus_text: str = ""
    span: tuple[int, int] = (0, 0)   # the citation proper in text (no label, no "Secret.")
    warning: str = ""                # a citation not read: the caller reports it at line
    in_text: bool = False            # found in a note or paragraph, which keeps it in place


@dataclass
class Footnote:
    n: str
    style: str                 # bracket | caret | superscript
    content: list[Inline]
    line: int


@dataclass
class Document:
    """Everything read from one transcript."""

    id: str
    source_name: str
    front: list[tuple[str, object, int]] = field(default_factory=list)  # (kind, value, line)
    title: str = ""
    doc_date: DateValue | None = None
    meeting_date: DateValue | None = None
    classification: str = ""
    place: str = ""
    divisions: list[Division] = field(default_factory=list)
    closer: list[Inline] | None = None
    closer_line: int = 0
    footnotes: list[Footnote] = field(default_factory=list)
    abstract: list[Paragraph] = field(default_factory=list)
    citation: Citation | None = None
    translation_credit: list[Inline] | None = None   # a separate "Translated by" line
    translators: list[str] = field(default_factory=list)
    rights: list[Paragraph] = field(default_factory=list)
    participants: list[ParticipantGroup] = field(default_factory=list)
    extra_speakers: list[Participant] = field(default_factory=list)
    dropped: list[tuple[int, str, str]] = field(default_factory=list)    # (line, text, why)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, message)
    notes: list[str] = field(default_factory=list)
    language: str = ""         # the text's language when its script says (Cyrillic: "ru" …)

    def turns(self) -> list[Turn]:
        return [b for d in self.divisions for b in d.blocks if isinstance(b, Turn)]

    def contents(self):
        """Every inline content list read from the transcript, in reading order,
        for the passes that look at or change inline content."""
        for division in self.divisions:
            if division.head:
                yield division.head
            for block in division.blocks:
                if isinstance(block, Turn):
                    for paragraph in block.paragraphs:
                        yield paragraph.content
                elif isinstance(block, ParticipantList):
                    yield block.content
                    for _, item in block.items:
                        yield item
                else:
                    yield block.content
        if self.closer:
            yield self.closer
        for note in self.footnotes:
            yield note.content
        for paragraph in self.abstract + self.rights:
            yield paragraph.content
