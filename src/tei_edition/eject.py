"""`tei-edition eject ID`: the converter's TEI handed over for editing by hand.

The TEI is written to the edition's tei/<id>.xml, which the build then
publishes instead of converting the transcript. So that the hand-edited file
never silently wins, it records what it was made from: a processing
instruction

    <?tei-edition-ejected transcript="transcripts/x.txt" transcript-sha256="…"
      register-sha256="…" entries="herter gromyko"?>

and a revisionDesc/change saying the same in words. The build compares the
transcript and the register entries named there with the current ones and
warns, naming the file, when either changed after the eject (see stale_reasons).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

import click
from lxml import etree

from .errors import EditionError
from .files import write_atomic
from .ids import document_id, source_id
from .register import Edition, load_edition

PI = "tei-edition-ejected"
_TEI = "{http://www.tei-c.org/ns/1.0}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _plain(value):
    """An entry as data without where it was written (moving an entry is no change)."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name != "origin"}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def referenced_ids(root: etree._Element) -> list[str]:
    """Register ids a TEI document points to or lists."""
    ids: set[str] = set()
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        for attr in ("who", "ref", "corresp"):
            ids.update(p[1:] for p in (node.get(attr) or "").split() if p.startswith("#"))
        if node.tag in (f"{_TEI}person", f"{_TEI}place", f"{_TEI}org") and node.get(_XML_ID):
            ids.add(node.get(_XML_ID))
    return sorted(ids)


def entries_digest(edition: Edition, doc_id: str, ids: list[str]) -> str:
    """SHA-256 of the register entries one document uses: its persons, places and
    organisations, and the corrections, notes and subjects that apply to it."""
    wanted = set(ids)
    entries = [e for e in (*edition.persons, *edition.places, *edition.orgs) if e.id in wanted]
    entries += [c for c in edition.corrections if c.document in ("", doc_id)]
    entries += [n for n in edition.notes if n.document == doc_id]
    entries += [s for s in edition.subjects if not s.documents or doc_id in s.documents]
    data = json.dumps([[type(e).__name__, _plain(e)] for e in entries], sort_keys=True,
                      ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def ejected_record(tei: Path) -> dict[str, str] | None:
    """The eject record of a hand-edited TEI file, or None (written by hand from scratch)."""
    head = tei.read_bytes()[:4096].decode("utf-8", "replace")
    match = re.search(rf"<\?{PI}\s+(.*?)\?>", head, re.S)
    if not match:
        return None
    return dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(1)))


def stale_reasons(edition: Edition, tei: Path) -> list[str]:
    """Why a hand-edited file may be behind its sources: one sentence each."""
    record = ejected_record(tei)
    if record is None:
        return []
    reasons = []
    transcript = edition.root / record.get("transcript", "")
    doc_id = source_id(tei)
    if record.get("transcript") and transcript.is_file():
        if hashlib.sha256(transcript.read_bytes()).hexdigest() != record.get("transcript-sha256"):
            reasons.append(f"{record['transcript']} changed after this TEI was ejected; carry the "
                           "change over by hand, or remove the TEI and eject again")
    ids = record.get("entries", "").split()
    if entries_digest(edition, doc_id, ids) != record.get("register-sha256"):
        reasons.append("the register entries this document uses changed after it was ejected "
                       f"({', '.join(ids) or 'its notes, corrections or subjects'}); carry the "
                       "change over by hand, or remove the TEI and eject again")
    return reasons


def eject(edition: Edition, doc_id: str, force: bool = False) -> Path:
    """Convert transcripts/<doc_id>.txt and write it, with its record, to tei/<doc_id>.xml."""
    from .ingest import convert_transcript

    doc_id = document_id(doc_id)  # the id, or the transcript's name as written
    sources = [p for p in edition.transcripts if source_id(p) == doc_id]
    if not sources:
        known = ", ".join(sorted(source_id(p) for p in edition.transcripts)) or "none"
        raise EditionError(f"no transcript becomes the document '{doc_id}' (documents: {known})",
                           str(edition.root / "transcripts"))
    source = sources[0]
    target = edition.root / "tei" / f"{doc_id}.xml"
    if target.exists() and not force:
        raise EditionError("a hand-edited TEI file is already there; edit it, or give --force "
                           "to replace it with a new conversion", str(target))
    data = source.read_bytes()
    conversion = convert_transcript(data, source, edition)
    root = etree.fromstring(conversion.tei)
    ids = referenced_ids(root)
    transcript = source.relative_to(edition.root).as_posix()
    digest = hashlib.sha256(data).hexdigest()
    register = entries_digest(edition, doc_id, ids)
    revision = root.find(f"{_TEI}teiHeader/{_TEI}revisionDesc")
    change = etree.SubElement(revision, f"{_TEI}change", {"type": "ejected"})
    change.text = (f"Ejected for editing by hand from {transcript} (SHA-256 {digest}); the "
                   f"register entries it uses have SHA-256 {register}. From here on this file, "
                   "not the transcript, is published.")
    previous = change.getprevious()  # keep the indentation of the serialised file
    change.tail, previous.tail = previous.tail, revision.text
    record = etree.ProcessingInstruction(
        PI, f'transcript="{transcript}" transcript-sha256="{digest}" '
            f'register-sha256="{register}" entries="{" ".join(ids)}"')
    head, _, _ = conversion.tei.partition(b"<TEI")
    body = etree.tostring(root, encoding="UTF-8")
    write_atomic(target, head + etree.tostring(record, encoding="UTF-8") + b"\n" + body + b"\n")
    return target


@click.command("eject")
@click.argument("doc_ids", nargs=-1, required=True)
@click.option("--edition", "edition_dir", type=click.Path(file_okay=False, exists=True),
              default=".", show_default=True, help="Edition folder (edition.toml).")
@click.option("--force", is_flag=True, help="Replace a hand-edited file that is already there.")
def eject_command(doc_ids, edition_dir, force):
    """Copy the converter's TEI of documents into tei/<id>.xml for editing by hand."""
    root = Path(edition_dir)
    if not (root / "edition.toml").is_file():
        raise EditionError("not an edition folder (it has no edition.toml)", str(root))
    edition = load_edition(root)
    for doc_id in doc_ids:
        target = eject(edition, doc_id, force)
        click.echo(f"{doc_id} -> {target} (the build now publishes this file; the transcript "
                   "is no longer converted)")
