"""`make eval`: the converter scored on the real-world corpus (tests/realworld/).

Each case there names a real transcript (its text kept out of git, in
tests/realworld/texts/) and our annotation of it, made by reading. This module
converts every text that is present, compares what the converter read with the
annotation, validates the TEI, and prints one table per part of the corpus
(the tuning part, the held-out third, and both), plus a JSON file with every
case's figures. Without any text present it says so and exits 0.

Scores:
- speakers: each annotated speaker is a set of label forms; a speaker the
  converter found (its turns grouped by @who) matches the annotated speaker
  whose label forms it shares. Precision, recall and F1 over all documents.
- turns: the number of turns, exactly and within 10 %.
- dates: the annotated date is the converter's meeting or document date.
- titles: the annotated heading stands in the converter's title.
- citations: the repository, and every annotated signature part among the
  parts the converter read (collections, idnos, locus), or two of them side by
  side ("FCO7" for department FCO and series 7).
- warnings per document, conversions that raised a bug, TEI that is invalid.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
import tomllib
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from .errors import EditionError

PARTS = ("tune", "held-out", "all")


def held_out(case_id: str) -> bool:
    """The held-out third: chosen by a hash of the id, never by hand."""
    return int(hashlib.sha256(case_id.encode()).hexdigest()[:8], 16) % 3 == 0


def fold(text: str) -> str:
    """Text as compared: accents, case, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[‐-―−]", "-", text)
    return re.sub(r"[\W_]+", " ", text).strip()


def label_key(label: str) -> str:
    """A speaker label without its separator: 'Cde. Mikoyan -' and 'Cde. Mikoyan' agree,
    and so do 'Mr Sumah 11:18 a.m.' and 'Mr Sumah'."""
    label = re.sub(r"\([^()]*\)", " ", label)  # a role or stage direction in brackets
    # a caption mark, a table row's time cell, a paragraph or line number, a bullet
    label = re.sub(r"^\s*(?:>>\s*|\d[\d :.]{0,15}\|\s*|\d{1,4}(?=[^\W\d_])|\d{1,4}\.?\s+)?(?:[-–•]\s+)?",
                   "", label)
    # the time a parliament's site prints after the name ("Mr Sumah 11:18 a.m.")
    label = re.sub(r"\s+[0-2]?\d[:.][0-5]\d\s?(?:[ap]\.?\s?m\.?)?\s*$", "", label, flags=re.I)
    return fold(re.sub(r"[\s:.|\-–—]+$", "", label.strip()))


# The words that name a signature part ("Box 15", "f. 5446"): the annotation may write
# them or not; the converter keeps them in the element's type, not its value.
_PART_WORDS = re.compile(r"^(?:box|folder|file|fond|opis|delo|papka|listy?|ll?|f|op|d|p|entry|"
                         r"rg|mg|record group|lot|sheets?|folios?|ff?|pp?|pages?|v|viti|paczka|teczka|str|"
                         r"vols?|volume|part|pt)\b\.?\s*(?:no\.\s*)?"
                         r"|^(?-i:ff?)(?=\d)", re.I)   # a folio glued to its number: "f18"


def _initials(name: str) -> str:
    """"The National Archives (UK)" as an annotator may write it: "TNA"."""
    return "".join(w[0] for w in name.split("(")[0].split() if w[:1].isupper())


def part_key(text: str) -> str:
    text = _PART_WORDS.sub("", text.strip())
    return re.sub(r"[\s.]+", "", fold(text.replace("–", "-").replace("—", "-")))


@dataclass
class CaseResult:
    id: str
    part: str
    source: str
    error: str = ""              # an input error the converter reported
    bug: str = ""                # a traceback: a bug
    invalid: list[str] = field(default_factory=list)
    speakers_tp: int = 0
    speakers_fp: int = 0
    speakers_fn: int = 0
    turns_gold: int = 0
    turns_found: int = 0
    date: bool | None = None     # None: nothing annotated to score
    false_date: bool = False     # a date found where the text has none
    title: bool | None = None
    repository: bool | None = None
    signature: bool | None = None
    warnings: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def turns_exact(self) -> bool:
        return self.turns_found == self.turns_gold

    @property
    def turns_close(self) -> bool:
        return abs(self.turns_found - self.turns_gold) <= 0.1 * self.turns_gold


def load_cases(corpus: Path) -> list[dict]:
    cases = []
    for path in sorted((corpus / "cases").glob("*.toml")):
        try:
            case = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise EditionError(f"not a readable case: {exc}", str(path)) from None
        if case.get("id") != path.stem:
            raise EditionError(f"the case's id {case.get('id')!r} is not its file name", str(path))
        cases.append(case)
    return cases


def score_speakers(result: CaseResult, gold: list[dict], turns) -> None:
    """Match the speakers found (labels grouped by @who) with the annotated ones."""
    gold_sets = [{label_key(x) for x in g.get("labels", [])} | {label_key(g.get("name", ""))}
                 for g in gold]
    found: dict[str, set[str]] = {}
    for turn in turns:
        found.setdefault(turn.who, set()).add(label_key(turn.label))
    matched: set[int] = set()
    for who, labels in found.items():
        hit = next((i for i, g in enumerate(gold_sets) if i not in matched and labels & g), None)
        if hit is None:
            result.speakers_fp += 1
            result.problems.append(f"speaker not annotated: {who} {sorted(labels)}")
        else:
            matched.add(hit)
            result.speakers_tp += 1
    for index, g in enumerate(gold):
        if index not in matched:
            result.speakers_fn += 1
            result.problems.append(f"speaker missed: {g.get('name')} {g.get('labels')}")
    if result.speakers_fn or result.speakers_fp:
        result.problems.append("speakers found: " + "; ".join(
            f"{who} {sorted(labels)}" for who, labels in found.items()))


def score_case(case: dict, corpus: Path, out_dir: Path) -> CaseResult | None:
    from .convert import report
    from .ingest import convert_transcript
    from .register import Edition

    case_id = case["id"]
    result = CaseResult(case_id, "held-out" if held_out(case_id) else "tune",
                        case.get("source", ""))
    text_path = corpus / "texts" / f"{case_id}.txt"
    data = text_path.read_bytes()
    gold = case.get("annotation", {})
    try:
        conversion = convert_transcript(data, text_path, Edition(root=out_dir))
    except EditionError as exc:
        result.error = str(exc)
        return result
    except Exception:  # noqa: BLE001 - a bug in the converter is what we count here
        result.bug = traceback.format_exc(limit=-3)
        return result
    (out_dir / f"{case_id}.xml").write_bytes(conversion.tei)
    doc = conversion.document
    data_report = report(doc)
    turns = doc.turns()
    score_speakers(result, gold.get("speakers", []), turns)
    result.turns_gold, result.turns_found = int(gold.get("turns", 0)), len(turns)
    if not result.turns_close:
        result.problems.append(f"turns: {result.turns_found} found, {result.turns_gold} annotated")
    found_dates = {d for d in (data_report["meeting_date"], data_report["document_date"]) if d}
    if gold.get("date"):
        result.date = gold["date"] in found_dates
        if not result.date:
            result.problems.append(f"date: {sorted(found_dates)} found, {gold['date']} annotated")
    elif found_dates - set(gold.get("other_dates", [])):
        result.false_date = True
        result.problems.append(f"date found where none is annotated: {sorted(found_dates)}")
    if gold.get("title"):
        result.title = fold(gold["title"]) in fold(doc.title or "")
        if not result.title:
            result.problems.append(f"title: {doc.title!r} found, {gold['title']!r} annotated")
    citation = gold.get("citation")
    if citation:
        found = data_report["citation"] or {}
        repository = fold(found.get("repository") or "")
        result.repository = bool(repository) and (
            fold(citation.get("repository", "")) in repository
            or citation.get("repository", "") == _initials(found.get("repository") or ""))
        values = [p["value"] for p in found.get("collections", []) + found.get("idnos", [])]
        if found.get("locus"):
            locus = found["locus"]
            values.append(locus["from"] if locus["from"] == locus["to"]
                          else f"{locus['from']}-{locus['to']}")
            values.append(locus["from"])
            first, last = locus["from"], locus["to"]
            if len(first) == len(last) and first != last:  # "971-975", printed "971-5"
                common = next(i for i, (a, b) in enumerate(zip(first, last)) if a != b)
                values.append(f"{first}-{last[common:]}")
        keys = {part_key(v) for v in values}
        # The converter may split finer than the annotator: "FCO7" is department FCO, series 7.
        keys |= {part_key(a + b) for a, b in zip(values, values[1:])}
        # A repository named without a signature has no signature to score.
        result.signature = all(part_key(p) in keys for p in citation["parts"]) \
            if citation.get("parts") else None
        if not result.repository or result.signature is False:
            result.problems.append(
                f"citation: {found.get('repository')!r} {values} read, "
                f"{citation.get('repository')!r} {citation.get('parts')} annotated")
    result.warnings = len(doc.warnings)
    return result


def validate_outputs(results: list[CaseResult], out_dir: Path) -> str:
    """Validate every TEI written; the layers that could not run, if any."""
    from .validate import Validator

    by_path = {str(out_dir / f"{r.id}.xml"): r for r in results
               if (out_dir / f"{r.id}.xml").exists()}
    if not by_path:
        return ""
    report = Validator().validate(list(by_path))
    for fault in report.faults:
        by_path[fault.file].invalid.append(f"{fault.line}:{fault.column} {fault.layer}/{fault.rule}")
    return "; ".join(f"{k}: {v}" for k, v in report.skipped_layers.items())


def _ratio(hits: int, total: int) -> str:
    return f"{hits / total:.2f} ({hits}/{total})" if total else "–"


def summarise(results: list[CaseResult]) -> dict:
    tp = sum(r.speakers_tp for r in results)
    fp = sum(r.speakers_fp for r in results)
    fn = sum(r.speakers_fn for r in results)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scored = [r for r in results if not (r.bug or r.error)]

    def share(attribute: str) -> tuple[int, int]:
        values = [getattr(r, attribute) for r in scored if getattr(r, attribute) is not None]
        return sum(1 for v in values if v), len(values)

    return {
        "documents": len(results),
        "speakers": {"precision": round(precision, 3), "recall": round(recall, 3),
                     "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn},
        "turns_exact": (sum(r.turns_exact for r in scored), len(scored)),
        "turns_within_10": (sum(r.turns_close for r in scored), len(scored)),
        "dates": share("date"),
        "false_dates": sum(r.false_date for r in scored),
        "titles": share("title"),
        "citation_repository": share("repository"),
        "citation_signature": share("signature"),
        "warnings_per_document": round(sum(r.warnings for r in scored) / len(scored), 2)
        if scored else 0,
        "input_errors": sum(1 for r in results if r.error),
        "tracebacks": sum(1 for r in results if r.bug),
        "invalid_tei": sum(1 for r in results if r.invalid),
    }


def format_table(summaries: dict[str, dict]) -> str:
    rows = [
        ("documents", lambda s: str(s["documents"])),
        ("speakers P / R", lambda s: f"{s['speakers']['precision']:.2f} / {s['speakers']['recall']:.2f}"),
        ("speakers F1", lambda s: f"{s['speakers']['f1']:.3f}"),
        ("turns exact", lambda s: _ratio(*s["turns_exact"])),
        ("turns within 10 %", lambda s: _ratio(*s["turns_within_10"])),
        ("dates", lambda s: _ratio(*s["dates"])),
        ("dates where none", lambda s: str(s["false_dates"])),
        ("titles", lambda s: _ratio(*s["titles"])),
        ("citation repository", lambda s: _ratio(*s["citation_repository"])),
        ("citation signature", lambda s: _ratio(*s["citation_signature"])),
        ("warnings / document", lambda s: str(s["warnings_per_document"])),
        ("input errors", lambda s: str(s["input_errors"])),
        ("tracebacks", lambda s: str(s["tracebacks"])),
        ("invalid TEI", lambda s: str(s["invalid_tei"])),
    ]
    names = [p for p in PARTS if p in summaries]
    width = max(len(r[0]) for r in rows)
    lines = [f"| {'':<{width}} | " + " | ".join(f"{n:<16}" for n in names) + " |",
             f"|{'-' * (width + 2)}|" + "|".join("-" * 18 for _ in names) + "|"]
    for label, cell in rows:
        lines.append(f"| {label:<{width}} | " + " | ".join(f"{cell(summaries[n]):<16}" for n in names)
                     + " |")
    return "\n".join(lines)


def make_up(cases: list[dict]) -> str:
    """The corpus's make-up: sources, label formats, languages of origin."""
    lines = []
    for key, title in (("source", "sources"), ("label_format", "label formats"),
                       ("origin_language", "languages of origin"), ("kind", "kinds")):
        counts = Counter(c.get(key, "?") for c in cases)
        lines.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    return "\n".join(lines)


@click.command()
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path),
                default=Path("tests/realworld"))
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("build/eval.json"), show_default=True, help="Where to write the figures.")
@click.option("--part", type=click.Choice(PARTS), default="all", show_default=True,
              help="Score only the tuning part or only the held-out third.")
@click.option("--details/--no-details", default=False, help="List each case's problems.")
@click.option("--only", "only", multiple=True, help="Score only these case ids.")
def main(corpus: Path, json_path: Path, part: str, details: bool, only: tuple[str, ...]) -> None:
    """Score the converter on the real-world corpus present locally."""
    try:
        cases = load_cases(corpus)
    except EditionError as exc:
        raise click.ClickException(str(exc)) from None
    present, missing, changed = [], [], []
    for case in cases:
        if only and case["id"] not in only:
            continue
        text = corpus / "texts" / f"{case['id']}.txt"
        if not text.is_file():
            missing.append(case["id"])
        elif hashlib.sha256(text.read_bytes()).hexdigest() != case.get("sha256"):
            changed.append(case["id"])
        else:
            present.append(case)
    if part != "all":
        present = [c for c in present if ("held-out" if held_out(c["id"]) else "tune") == part]
    click.echo(f"{len(cases)} cases in the manifest; {len(present)} texts present"
               + (f", {len(missing)} missing" if missing else "")
               + (f", {len(changed)} whose text differs from its hash: {', '.join(changed)}"
                  if changed else ""))
    if not present:
        click.echo("No texts of the real-world corpus are here (they are kept out of git); "
                   "see tests/realworld/README.md to gather them. Nothing scored.")
        return
    with tempfile.TemporaryDirectory(prefix="tei-edition-eval-") as tmp:
        out_dir = Path(tmp)
        results = [score_case(case, corpus, out_dir) for case in present]
        skipped = validate_outputs(results, out_dir)
    click.echo(make_up(present))
    summaries = {"all": summarise(results)}
    for name in ("tune", "held-out"):
        subset = [r for r in results if r.part == name]
        if subset and part == "all":
            summaries[name] = summarise(subset)
    click.echo(format_table(summaries))
    if skipped:
        click.echo(f"not checked: {skipped}")
    if details:
        for r in results:
            issues = r.problems + ([f"input error: {r.error}"] if r.error else []) \
                + ([f"TRACEBACK: {r.bug}"] if r.bug else []) + [f"invalid: {i}" for i in r.invalid[:3]]
            if issues:
                click.echo(f"\n{r.id} ({r.part}, {r.source})")
                for issue in issues:
                    click.echo(f"  {issue}")
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps({
        "summary": summaries,
        "cases": [{**r.__dict__, "turns_exact": r.turns_exact, "turns_close": r.turns_close}
                  for r in results],
        "missing": missing, "changed": changed,
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    click.echo(f"figures written to {json_path}")


if __name__ == "__main__":
    sys.exit(main())
