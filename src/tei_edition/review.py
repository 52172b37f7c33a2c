"""The review page: a transcript's lines beside how the converter read them.

`tei-edition review FILE` writes build/review/<id>.html, and the build writes
one for every converted document. The readers' site never links to it: it is
the editor's page. Each line of the transcript stands in its own row with
what it became — front matter, page furniture dropped, the title, a date, a
participant list, a turn (one colour per speaker), a line merged into the
turn or paragraph above, a line not placed, a footnote, the citation and its
parts — and every warning stands under its line with the fix to make: a front
matter key, an @ or \\ mark on the line, or a register entry.

The page is written by Python with every piece of transcript text escaped; it
needs no script and no stylesheet from elsewhere.
"""

from __future__ import annotations

import html
from pathlib import Path

import click

from .errors import EditionError
from .files import write_atomic
from .ids import source_id
from .ingest import Conversion
from .ingest.model import Document, ParticipantList, Paragraph, Turn

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 1rem 3rem;color:#1b1b1b;background:#fff}
h1{font-size:1.3rem;margin:1rem 0 .2rem}h2{font-size:1.05rem;margin:1.4rem 0 .4rem}
.note{color:#555;margin:.2rem 0 1rem}
table{border-collapse:collapse}
.fields th{text-align:left;padding:.15rem 1rem .15rem 0;vertical-align:top;font-weight:600}
.fields td{padding:.15rem 0}
.stated{font-size:.75rem;background:#e7f0ff;color:#123d7a;border-radius:.3rem;padding:0 .3rem;margin-left:.4rem}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
.legend li{border-left:.6rem solid;padding-left:.4rem}
.lines{width:100%;table-layout:fixed}
.lines td{vertical-align:top;padding:.1rem .5rem;border-bottom:1px solid #eee}
.lines .n{width:3.5rem;text-align:right;color:#666;font-variant-numeric:tabular-nums}
.lines .src{font-family:ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere;width:55%}
.lines .read{font-size:.9rem;color:#333}
.lines tr.turn td.src,.lines tr.merged td.src{border-left:.45rem solid}
.lines tr.dropped td.src,.lines tr.front-matter td.src{color:#888;text-decoration:line-through}
.lines tr.front-matter td.src{text-decoration:none;background:#f1f4fa}
.lines tr.unplaced td.src{background:#fff4d6}
.lines tr.header td.src{background:#f4f4f4}
.tag{display:inline-block;font-size:.75rem;font-weight:600;border-radius:.3rem;padding:0 .35rem;margin-right:.3rem;background:#eee}
.lines tr.warning td{background:#fde8e8;border-bottom:1px solid #f3b7b7}
.lines tr.warning .msg{font-weight:600;color:#8a1010}
.fix{display:block;margin-top:.15rem;color:#222}
code{background:#f3f3f3;padding:0 .2rem;border-radius:.2rem}
"""


def speaker_colours(doc: Document) -> dict[str, tuple[str, str]]:
    """One colour per speaker in order of first turn: (strong, light) CSS colours.
    Hues step by the golden angle, so neighbours in the order differ most."""
    colours: dict[str, tuple[str, str]] = {}
    for turn in doc.turns():
        if turn.who not in colours:
            hue = round(len(colours) * 137.508) % 360
            colours[turn.who] = (f"hsl({hue}, 70%, 38%)", f"hsl({hue}, 80%, 95%)")
    return colours


def fix_for(message: str) -> str:
    """What the editor can do about a warning, in the places the editor works."""
    label = message.split("'")[1] if message.count("'") >= 2 else "…"
    plain = label.rstrip(" :.-–—")
    if "looks like a speaker label but was kept as text" in message:
        return (f"If it is a turn, start the line with <code>@</code> (<code>@{_e(label)} …</code>), "
                f"or name the speaker in the front matter: <code>[speakers] \"{_e(plain)}\" = "
                "\"person-id\"</code>, or add the name to the person's <code>aliases</code> in "
                "the register.")
    if "read as a speaker label although it occurs once" in message:
        return (f"If it is no speaker, start the line with <code>\\</code> or add "
                f"<code>not_speakers = [\"{_e(plain)}\"]</code> to the front matter; if it is, "
                f"give the person a register entry with <code>aliases = [\"{_e(plain)}\"]</code>.")
    if message.startswith("not recognised"):
        return ("If it belongs to the header, state its value in the front matter (<code>title</code>, "
                "<code>date</code>, <code>place</code>, <code>classification</code>, "
                "<code>source</code>); if it is a turn, start the line with <code>@</code>.")
    if "no title found" in message:
        return "State the title in the front matter: <code>title = \"…\"</code>."
    if "bracket" in message.casefold() or "never closed" in message or "'['" in message \
            or "']'" in message:
        return "Correct the bracket in the transcript: every <code>[</code> needs its <code>]</code>."
    return "Correct the line in the transcript, or state the value in the front matter."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _readings(conversion: Conversion) -> dict[int, tuple[str, str, str]]:
    """What each line became: line -> (class, tag, description); who for turns."""
    doc = conversion.document
    read: dict[int, tuple[str, str, str]] = {}
    keys = {line: key for key, line in conversion.front.key_lines.items()}
    for number, text in conversion.front.lines:
        key = keys.get(number, "")
        if key.startswith("speakers."):
            what = f"the label '{key[9:]}' is this person's turn"
        else:
            what = f"the editor states {key}" if key else "not part of the text"
        read[number] = ("front-matter", "front matter", what)
    for kind, value, number in doc.front:
        if kind == "date" and not value.text:
            continue  # a date only the front matter states
        if number and number not in read:
            if kind == "title":
                read[number] = ("header", "title", f"heading as printed; title: {doc.title}")
            elif kind == "date":
                read[number] = ("header", "document date", value.iso)
            elif kind == "classification":
                read[number] = ("header", "classification", doc.classification)
            else:
                read[number] = ("header", "header line", "kept above the title as printed")
    turn_number = 0
    for division in doc.divisions:
        if division.head is not None and division.head_line:
            read.setdefault(division.head_line, ("header", "heading", "a division's heading"))
        for block in division.blocks:
            if isinstance(block, Turn):
                turn_number += 1
                read[block.line] = ("turn", f"turn {turn_number}", block.who)
                for paragraph in block.paragraphs:
                    read.setdefault(paragraph.line, ("turn", f"turn {turn_number}", block.who))
            elif isinstance(block, ParticipantList):
                read[block.line] = ("header", "participants", "the participants list")
            elif isinstance(block, Paragraph):
                read.setdefault(block.line, ("header" if block.kind else "paragraph",
                                             block.kind or "paragraph",
                                             f"header field: {block.kind}" if block.kind else ""))
    if doc.closer_line:
        read[doc.closer_line] = ("paragraph", "closer", "signed by")
    for note in doc.footnotes:
        read[note.line] = ("paragraph", f"footnote {note.n}", "a note at the end")
    for paragraph in doc.abstract:
        read.setdefault(paragraph.line, ("paragraph", "summary", "the editorial summary"))
    for paragraph in doc.rights:
        read.setdefault(paragraph.line, ("paragraph", "rights", "the rights statement"))
    if doc.citation and doc.citation.line:
        c = doc.citation
        parts = [c.repository] + [f"{k} {v}" for k, v in c.collections + c.idnos]
        if c.locus_from:
            parts.append(f"locus {c.locus_from}–{c.locus_to}")
        read[c.line] = ("header", "citation", f"{c.family}: " + " · ".join(p for p in parts if p))
    for number, text, why in doc.dropped:
        if why != "front matter":
            read[number] = ("dropped", "dropped", why)
    for number, _ in doc.unplaced:
        previous = read.get(number, ("", "", ""))
        read[number] = ("unplaced", "not placed", "kept as a paragraph"
                        + (f" ({previous[1]})" if previous[1] else ""))
    return read


def review_page(conversion: Conversion, source: Path) -> str:
    """The whole review page for one converted transcript."""
    doc = conversion.document
    front = conversion.front
    stated = set(front.stated())
    colours = speaker_colours(doc)
    names = {p.id: p.name for g in doc.participants for p in g.members}
    names.update({p.id: p.name for p in doc.extra_speakers})
    style = _CSS + "".join(
        f".who-{i} td.src{{border-left-color:{strong}!important;background:{light}}}"
        f".who-{i} .who{{color:{strong}}}.legend .who-{i}{{border-left-color:{strong}}}"
        for i, (strong, light) in enumerate(colours.values()))
    index = {who: i for i, who in enumerate(colours)}
    warnings: dict[int, list[tuple[int, str]]] = {}
    for line, column, message in sorted(doc.warnings):
        warnings.setdefault(line, []).append((column, message))
    for line, _ in doc.unplaced:  # the build counts these among the warnings too
        warnings.setdefault(line, []).append((1, "not recognised, kept as a paragraph"))
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="robots" content="noindex">',
           f"<title>Review: {_e(doc.id)}</title>", f"<style>{style}</style>", "</head>", "<body>",
           f"<h1>Review: {_e(source.name)}</h1>",
           '<p class="note">How the converter read this transcript, line by line. This page is '
           "for the editor and is not linked from the edition. "
           f"{_count(len(doc.warnings) + len(doc.unplaced), 'warning')}"
           f" ({_count(len(doc.unplaced), 'line')} not placed).</p>"]
    out += _fields(doc, stated, names)
    out.append("<h2>Speakers</h2>")
    if colours:
        counts = {who: sum(1 for t in doc.turns() if t.who == who) for who in colours}
        out.append('<ul class="legend">')
        for who in colours:
            out.append(f'<li class="who-{index[who]}" data-who="{_e(who)}"><span class="who">'
                       f"{_e(names.get(who, who))}</span> <code>{_e(who)}</code>, "
                       f"{counts[who]} turn{'s' if counts[who] != 1 else ''}</li>")
        out.append("</ul>")
    else:
        out.append('<p class="note">No speaker labels were read: the text is paragraphs. '
                   "Mark a turn with <code>@Name:</code> at the start of its line.</p>")
    out += ['<h2>The transcript and its reading</h2>', '<table class="lines">',
            '<thead><tr><th class="n">line</th><th>transcript</th><th>read as</th></tr></thead>',
            "<tbody>"]
    readings = _readings(conversion)
    above: tuple[str, str, str] | None = None
    lines = conversion.lines
    if lines and lines[-1] == "":
        lines = lines[:-1]  # the file's final line end, not a line
    for number, text in enumerate(lines, start=1):
        reading = readings.get(number)
        mark = conversion.marks.marks.get(number)
        if not text.strip():
            above = None
            out.append(f'<tr class="blank" id="line-{number}"><td class="n">{number}</td>'
                       '<td class="src"></td><td class="read"></td></tr>')
        else:
            if reading is None and above is not None and above[0] in ("turn", "paragraph", "header",
                                                                    "unplaced"):
                reading = ("merged", above[1], above[2]) if above[0] == "turn" else \
                    (above[0], above[1], "continued from the line above")
            reading = reading or ("header", "header", "read with the header")
            kind, tag, what = reading
            who = what if kind in ("turn", "merged") else ""
            classes = [kind] + ([f"who-{index[who]}"] if who in index else [])
            if kind == "merged":
                what = f"merged into {tag}"
            elif kind == "turn":
                what = f"{names.get(who, who)} ({who})"
            if mark:
                what += (" — the editor's @ makes it a turn" if mark == "@"
                         else " — the editor's \\ keeps it from being a label")
            data = f' data-who="{_e(who)}"' if who else ""
            out.append(f'<tr class="{" ".join(classes)}" id="line-{number}"{data}>'
                       f'<td class="n">{number}</td><td class="src">{_e(text)}</td>'
                       f'<td class="read"><span class="tag">{_e(tag)}</span>'
                       f'<span class="who">{_e(what)}</span></td></tr>')
            if kind != "front-matter":
                above = (kind if kind != "merged" else "turn", tag, reading[2])
        for column, message in warnings.pop(number, []):
            out.append(f'<tr class="warning" data-line="{number}"><td class="n">{number}:{column}'
                       f'</td><td colspan="2"><span class="msg">warning: {_e(message)}</span>'
                       f'<span class="fix">Fix: {fix_for(message)}</span></td></tr>')
    out += ["</tbody>", "</table>"]
    if warnings:  # a warning whose line is not in the file (none expected)
        out.append("<h2>Other warnings</h2><ul>")
        for line, items in sorted(warnings.items()):
            out += [f"<li>line {line}: {_e(m)}</li>" for _, m in items]
        out.append("</ul>")
    if doc.notes:
        out.append("<h2>Notes</h2><ul>" + "".join(f"<li>{_e(n)}</li>" for n in doc.notes) + "</ul>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _fields(doc: Document, stated: set[str], names: dict[str, str]) -> list[str]:
    def badge(*keys: str) -> str:
        return '<span class="stated">front matter</span>' if stated & set(keys) else ""

    c = doc.citation
    citation = ""
    if c:
        parts = [c.repository] + [f"{k} {v}" for k, v in c.collections + c.idnos]
        if c.locus_from:
            parts.append(f"locus {c.locus_from}–{c.locus_to}")
        citation = f"{c.text} — {c.family}: " + " · ".join(p for p in parts if p)
    rows = [
        ("title", doc.title or "(none found: named after its file)", ("title",)),
        ("document date", doc.doc_date.iso if doc.doc_date else "(none)", ("date",)),
        ("meeting date", doc.meeting_date.iso if doc.meeting_date else "(none)", ("meeting_date",)),
        ("place", doc.place or "(none)", ("place",)),
        ("classification", doc.classification or "(none)", ("classification",)),
        ("participants", "; ".join(f"{g.label or 'Present'}: " + ", ".join(
            m.name + (f" ({m.role})" if m.role else "") for m in g.members)
            for g in doc.participants) or "(no list found)", ("participants",)),
        ("citation", citation or "(none found)", ("source",)),
        ("translators", ", ".join(doc.translators) or "(none)", ()),
    ]
    out = ["<h2>Header</h2>", '<table class="fields">']
    for label, value, keys in rows:
        out.append(f"<tr><th>{_e(label)}</th><td>{_e(value)}{badge(*keys)}</td></tr>")
    out.append("</table>")
    return out


def write_review(conversion: Conversion, source: Path, out_dir: Path) -> Path:
    """Write out_dir/<id>.html atomically; its path."""
    target = out_dir / f"{conversion.document.id}.html"
    write_atomic(target, review_page(conversion, source))
    return target


@click.command("review")
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(file_okay=False), default=None,
              help="Folder for the review pages [default: the edition's build/review, else .].")
@click.option("--edition", "edition_dir", type=click.Path(file_okay=False, exists=True),
              default=None, help="Edition folder (edition.toml) [default: found from SOURCE].")
def review_command(sources, output, edition_dir):
    """Show how transcripts were read: build/review/<id>.html, every line beside its reading."""
    from .convert import edition_root, find_edition, refuse_clashes
    from .ingest import convert_transcript
    from .register import load_edition

    fixed = load_edition(Path(edition_dir)) if edition_dir else None

    def out_dir(source: Path) -> Path:
        if output:
            return Path(output)
        root = fixed.root if fixed else edition_root(source)
        return root / "build" / "review" if root and (root / "edition.toml").is_file() else Path(".")

    refuse_clashes([Path(s) for s in sources], lambda s: out_dir(s) / f"{source_id(s)}.html")
    failures = 0
    for name in sources:
        source = Path(name)
        try:
            edition = fixed or find_edition(source)
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise EditionError(f"cannot read the file: {exc.strerror}", str(source)) from None
            conversion = convert_transcript(data, source, edition)
            target = write_review(conversion, source, out_dir(source))
        except EditionError as exc:
            failures += 1
            click.echo(f"error: {exc}", err=True)
            continue
        doc = conversion.document
        click.echo(f"{source} -> {target} ({_count(len(doc.warnings) + len(doc.unplaced), 'warning')})")
    if failures:
        raise click.exceptions.Exit(1)
