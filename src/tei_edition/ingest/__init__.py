"""Plain text to TEI: the converter's stages, run by convert_transcript().

decode.py (bytes to lines) → structure.py (lines to the document model, with
speakers.py, participants.py, inline.py, dates.py and citations.py) →
tei.py (model to TEI). rules.py holds every pattern the stages use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..apparatus import apply_apparatus
from ..register import Edition
from .decode import decode_source
from .model import Document
from .people import PeopleIndex
from .rules import Rules, rules_from_table
from .speakers import LabelReader
from .structure import TranscriptReader
from .tei import build_tei, serialize


@dataclass
class Conversion:
    document: Document
    tei: bytes


def document_id(path: Path) -> str:
    """The xml:id of a transcript's TEI: its file name, made a valid XML name."""
    stem = re.sub(r"[^\w.-]+", "-", path.stem).strip("-") or "document"
    return stem if re.match(r"[^\W\d]", stem) else f"doc-{stem}"


def convert_transcript(data: bytes, path: Path, edition: Edition,
                       encoding: str | None = None, rules: Rules | None = None) -> Conversion:
    """Convert one transcript's bytes; raises EditionError for unusable input."""
    rules = rules or rules_from_table(edition.rules, str(edition.root / "edition.toml"))
    doc = Document(id=document_id(path), source_name=path.name)
    lines = decode_source(data, str(path), encoding or rules.encoding or None, doc.notes)
    labels = LabelReader(rules)
    people = PeopleIndex(edition.persons, labels.strip_honorifics, rules.titles)
    TranscriptReader(rules, people, labels).read(doc, lines)
    tree = build_tei(doc, edition, data)
    tree = apply_apparatus(tree, edition)  # the editor's register: notes, corrections, names
    return Conversion(document=doc, tei=serialize(tree))
