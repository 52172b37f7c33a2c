"""`tei-edition convert`: transcripts to TEI, with a report of what was recognised."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import click

from .errors import EditionError
from .files import write_atomic
from .ids import clashes, described, source_id
from .ingest import Conversion, convert_transcript
from .ingest.model import Document, Node
from .register import Edition, load_edition


def edition_root(source: Path) -> Path | None:
    """The edition folder a transcript belongs to: edition.toml beside transcripts/, if any."""
    for folder in (source.parent.parent, source.parent):
        if (folder / "edition.toml").is_file():
            return folder
    return None


def find_edition(source: Path) -> Edition:
    root = edition_root(source)
    return load_edition(root) if root else Edition(root=source.parent)


def output_path(source: Path, out_dir: Path | None) -> Path:
    """Where a transcript's TEI goes: out_dir, else its edition's build/tei, else '.'."""
    if out_dir is None:
        root = edition_root(source)
        in_edition = root is not None and source.parent.name == "transcripts"
        out_dir = root / "build" / "tei" if in_edition else Path(".")
    return out_dir / f"{source_id(source)}.xml"


def refuse_clashes(sources: list[Path], target: Callable[[Path], Path]) -> None:
    """Two transcripts that would be written to one file stop the command before
    anything is written, not even the first: an error line for each, exit 1."""
    found = clashes([(str(target(source).resolve()), source) for source in sources])
    for first, second, _ in found:
        click.echo(f"error: {first} and {second} would be written to one file, as "
                   f"{described(source_id(first), source_id(second))}; rename one of them",
                   err=True)
    if found:
        raise click.exceptions.Exit(1)


def convert_file(source: Path, out_dir: Path | None, edition: Edition | None = None,
                 encoding: str | None = None) -> tuple[Conversion, Path]:
    """Convert one transcript and write its TEI atomically; returns the TEI path."""
    edition = edition or find_edition(source)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise EditionError(f"cannot read the file: {exc.strerror}", str(source)) from None
    conversion = convert_transcript(data, source, edition, encoding)
    target = output_path(source, out_dir)
    hand_edited = edition.root / "tei" / target.name
    if target.resolve() == hand_edited.resolve():
        raise EditionError("refusing to overwrite hand-edited TEI; choose another --output",
                           str(target))
    write_atomic(target, conversion.tei)
    return conversion, target


def report(doc: Document) -> dict:
    """What the converter recognised, as plain data (the --json output)."""
    turns = doc.turns()
    speakers = Counter(t.who for t in turns)
    labels = Counter(t.label_rule for t in turns)
    brackets: Counter = Counter()

    def count(content):
        for piece in content:
            if isinstance(piece, Node):
                kind = piece.tag
                if piece.tag == "gap":
                    kind = f"gap ({piece.attrs.get('reason')})"
                elif piece.tag == "note":
                    kind = f"note ({piece.attrs.get('type')})"
                if piece.tag not in ("persName", "roleName", "desc", "date"):
                    brackets[kind] += 1
                count(piece.children)

    for division in doc.divisions:
        for block in division.blocks:
            for paragraph in getattr(block, "paragraphs", [block]):
                count(getattr(paragraph, "content", []))
            if hasattr(block, "items"):
                for _, item in block.items:
                    count(item)
        count(division.head or [])
    for paragraph in doc.abstract + doc.rights:
        count(paragraph.content)
    citation = None
    if doc.citation:
        c = doc.citation
        citation = {"text": c.text, "family": c.family, "repository": c.repository,
                    "collections": [{"type": t, "value": v} for t, v in c.collections],
                    "idnos": [{"type": t, "value": v} for t, v in c.idnos],
                    "locus": {"from": c.locus_from, "to": c.locus_to} if c.locus_from else None}
    return {
        "source": doc.source_name,
        "id": doc.id,
        "title": doc.title,
        "document_date": doc.doc_date.iso if doc.doc_date else None,
        "meeting_date": doc.meeting_date.iso if doc.meeting_date else None,
        "classification": doc.classification or None,
        "participants": [{"group": g.label, "members": [
            {"id": m.id, "name": m.name, "role": m.role} for m in g.members]}
            for g in doc.participants],
        "speakers": [{"id": who, "turns": n} for who, n in speakers.most_common()],
        "turns": len(turns),
        "label_forms": dict(sorted(labels.items())),
        "divisions": len([d for d in doc.divisions if d.head or d.blocks]),
        "brackets": dict(sorted(brackets.items())),
        "citation": citation,
        "translators": doc.translators,
        "closer": bool(doc.closer),
        "summary_paragraphs": len(doc.abstract),
        "rights_paragraphs": len(doc.rights),
        "footnotes": len(doc.footnotes),
        "dropped": [{"line": n, "text": t, "why": w} for n, t, w in doc.dropped],
        "not_placed": [{"line": n, "text": t} for n, t in doc.unplaced],
        "warnings": [{"line": n, "column": c, "message": m} for n, c, m in doc.warnings],
        "notes": doc.notes,
    }


def _print_report(data: dict, target: Path) -> None:
    echo = click.echo
    echo(f"{data['source']} -> {target}")
    rows = [
        ("title", data["title"] or "(none found)"),
        ("document date", data["document_date"] or "(none)"),
        ("meeting date", data["meeting_date"] or "(none)"),
        ("classification", data["classification"] or "(none)"),
        ("participants", "; ".join(f"{g['group'] or 'Present'}: " + ", ".join(
            m["name"] + (f" ({m['role']})" if m["role"] else "") for m in g["members"])
            for g in data["participants"]) or "(no list found)"),
        ("speakers", ", ".join(f"{s['id']} {s['turns']}" for s in data["speakers"])
         + f"  [{data['turns']} turns; label forms: "
         + ", ".join(f"{k} {v}" for k, v in data["label_forms"].items()) + "]"
         if data["speakers"] else "(no speaker labels: paragraphs)"),
        ("divisions", str(data["divisions"])),
        ("brackets", ", ".join(f"{k} {v}" for k, v in data["brackets"].items()) or "(none)"),
    ]
    c = data["citation"]
    if c:
        parts = [c["repository"]] + [f"{p['type']} {p['value']}" for p in c["collections"] + c["idnos"]]
        if c["locus"]:
            parts.append(f"locus {c['locus']['from']}–{c['locus']['to']}")
        rows.append(("citation", f"{c['family']}: " + " · ".join(p for p in parts if p)))
    else:
        rows.append(("citation", "(none found)"))
    rows += [
        ("translator", ", ".join(data["translators"]) or "(none)"),
        ("closer / summary / rights", f"{'yes' if data['closer'] else 'no'} / "
         f"{data['summary_paragraphs']} paragraph(s) / {data['rights_paragraphs']} paragraph(s)"),
    ]
    if data["footnotes"]:
        rows.append(("footnotes", str(data["footnotes"])))
    for label, value in rows:
        echo(f"  {label:<15} {value}")
    front = [item["line"] for item in data["dropped"] if item["why"] == "front matter"]
    if front:
        echo(f"  front matter    lines {front[0]}–{front[-1]}: the editor's values, not text")
    for item in data["dropped"]:
        if item["why"] != "front matter":
            echo(f"  dropped         line {item['line']}: {item['text']!r} ({item['why']})")
    for item in data["not_placed"]:
        echo(f"  not placed      line {item['line']}: {item['text']!r} (kept as a paragraph)")
    for item in data["warnings"]:
        echo(f"  warning         line {item['line']}, column {item['column']}: {item['message']}")
    for note in data["notes"]:
        echo(f"  note            {note}")


@click.command("convert")
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(file_okay=False), default=None,
              help="Folder for the TEI files [default: the edition's build/tei, else .].")
@click.option("--edition", "edition_dir", type=click.Path(file_okay=False, exists=True),
              default=None, help="Edition folder (edition.toml) [default: found from SOURCE].")
@click.option("--encoding", default=None,
              help="Read the transcripts in this encoding (e.g. cp1252) instead of UTF-8.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def convert_command(sources, output, edition_dir, encoding, as_json):
    """Convert plain-text transcripts to TEI P5 and report what was recognised."""
    edition = load_edition(Path(edition_dir)) if edition_dir else None
    out_dir = Path(output) if output else None
    refuse_clashes([Path(s) for s in sources], lambda source: output_path(source, out_dir))
    results, failures = [], 0
    for name in sources:
        source = Path(name)
        try:
            conversion, target = convert_file(source, out_dir, edition, encoding)
        except EditionError as exc:
            failures += 1
            if as_json:
                results.append({"source": str(source), "error": str(exc)})
            else:
                click.echo(f"error: {exc}", err=True)
            continue
        data = report(conversion.document)
        data["output"] = str(target)
        if as_json:
            results.append(data)
        else:
            _print_report(data, target)
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if failures:
        raise click.exceptions.Exit(1)
