"""`make eval-tei DIR=…`: publish a folder of TEI made elsewhere, and measure what survives.

For every TEI file under DIR this runs the tool as a user would, one command
at a time: `validate --profile tei`, `render --to html` and `render --to pdf`.
Per file it reports each command's exit status and time (start-up included),
and the share of the source's words — everything outside teiHeader and
standOff, the metadata the behaviour table leaves out of the text — found
in the HTML page and in the PDF's text (pdftotext). A crash is a Python
traceback or an exit status other than 0, 1 or 2.

Words are compared as multisets after NFKC and case folding, with marks and
format characters dropped (vowel points, tatweel, zero-width joiners) and
each Han, kana or Thai character counted as a word of its own (those scripts
put no spaces between words). A compound that pdftotext joined at a PDF line
end counts as its two words.

The table groups files by the first folder under DIR (one folder per project);
--json writes every figure and, per file, the words most often missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click
from lxml import etree, html as lxml_html

from .errors import EditionError
from .files import write_atomic
from .xmlsafe import safe_parser

TEI_NS = "http://www.tei-c.org/ns/1.0"
# TEI elements whose edges end a word even when the file has no space there:
# blocks, and the events of speech, which stand between words ("said<pause/>fish").
TEI_BLOCKS = {
    "ab", "actor", "addrLine", "address", "argument", "back", "bibl", "body", "byline",
    "castGroup", "castItem", "castList", "cell", "closer", "dateline", "desc", "div", "docAuthor",
    "docDate", "docEdition", "docImprint", "docTitle", "epigraph", "figDesc", "figure", "front",
    "group", "head", "item", "l", "label", "lem", "lg", "list", "listBibl", "note", "opener", "p",
    "person", "postscript", "rdg", "role", "roleDesc", "row", "salute", "signed", "sp", "speaker",
    "stage", "table", "text", "titlePage", "titlePart", "trailer", "u",
    "pause", "vocal", "kinesic", "incident",
}
# Alternatives stand side by side in the source, glued: each is a word of its own.
TEI_ALTERNATIVES_IN = {"choice", "subst", "app"}
# HTML elements that are boxes of their own: text on either side is not one word.
HTML_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    "sup",  # a note call ("Gruß¹") is a sign of its own, not part of the word
}
HTML_SKIPPED = {"script", "style", "head", "template"}
_UNSPACED = re.compile(r"([\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                       r"\U00020000-\U0002fa1f])")
_WORD = re.compile(r"\w+")
# The signs of the edition's marks (common.xsl) where they stand inside a word:
# "a[ya]m" is the word "ayam" with "ya" supplied.
_SIGNS = re.compile(r"[\[\]⟨⟩⟦⟧]+")
_SIGNED_WORD = re.compile(r"\w+(?:[\[\]⟨⟩⟦⟧]+\w+)+")
# A word hyphenated at the end of a PDF line: its soft hyphen, the line end and
# any blank lines before its second half.
_SOFT_HYPHEN_AT_LINE_END = re.compile(r"(?<=\w)\u00ad[ \t]*\n[ \t\n]*(?=\w)")


# ------------------------------------------------------------------- words


def words(text: str) -> Counter:
    """The words of a text, as the comparison counts them."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(c) == "Zs" else c for c in text
                   if unicodedata.category(c) not in ("Mn", "Me", "Cf") and c != "\u0640")
    text = _UNSPACED.sub(r" \1 ", text)
    return Counter(token for token in _WORD.findall(text) if token != "_")


def _text_of(root: etree._Element, blocks: set[str], skipped: set[str], local,
             alternatives_in: set[str] = frozenset()) -> str:
    """The text under root, a space at the edges of block elements (and of each
    child of alternatives_in), skipped subtrees left out."""
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event in ("comment", "pi"):  # not text, but the text after it is
            if node.tail:
                parts.append(node.tail)
            continue
        is_element = isinstance(node.tag, str)
        name = local(node) if is_element else ""
        parent = node.getparent()
        edge = name in blocks or (is_element and parent is not None
                                  and local(parent) in alternatives_in)
        if event == "start":
            if name in skipped:
                walker.skip_subtree()
                parts.append(" ")
                continue
            if edge:
                parts.append(" ")
            if is_element and node.text:
                parts.append(node.text)
        else:
            if edge:
                parts.append(" ")
            if node is not root and node.tail:
                parts.append(node.tail)
    return "".join(parts)


def tei_words(path: Path) -> Counter:
    """Words of a TEI file outside its teiHeader(s) and standOff."""
    root = etree.parse(str(path), safe_parser(huge=True)).getroot()
    return words(_text_of(root, TEI_BLOCKS, {"teiHeader", "standOff"},
                          lambda n: etree.QName(n).localname,
                          TEI_ALTERNATIVES_IN))


def html_words(path: Path) -> Counter:
    """Words a reader of the HTML page can find on it (its body; scripts and styles left out)."""
    document = lxml_html.parse(str(path)).getroot()
    for sign in document.find_class("bracket"):  # a mark's sign inside a word ("a[ya]m")
        sign.drop_tree()                         # is not a word boundary
    body = document.find("body")
    return words(_text_of(body if body is not None else document, HTML_BLOCKS, HTML_SKIPPED,
                          _html_name, {"tei-subst"}))


def _html_name(node) -> str:
    """An HTML element's name for the word count: a substitution (its readings
    are words of their own, as in the TEI count) by its class, else its tag."""
    return "tei-subst" if "tei-subst" in (node.get("class") or "").split() else str(node.tag).lower()


def _unsigned(signed: str, source: Counter) -> str:
    """A word with marks' signs inside it, as the source has it: one word when
    that is a word of the source ("a[ya]m" is "ayam"), else its parts, when the
    marks were readings of their own ("⟨T⟩⟦t⟧he": an inserted "T" for a struck "t")."""
    joined = _SIGNS.sub("", signed)
    return joined if all(word in source for word in words(joined)) else _SIGNS.sub(" ", signed)


def pdf_words(path: Path, source: Counter) -> Counter:
    """Words of a PDF's text layer. pdftotext joins a word hyphenated at a line
    end, and so also a compound ('well-' + 'known'): a joined word the source
    does not have, but whose two parts it has, counts as those two words; a word
    glued to its footnote call ('gruß1') or a footnote to its number
    ('2vermutlich') counts as the word, and a mark's sign
    inside a word ('a[ya]m') does not split it unless the marks are readings
    of their own ('⟨T⟩⟦t⟧he'). Typst writes the hyphen of a
    word it hyphenated at a line end as a soft hyphen (U+00AD), the text
    layer's own sign that the word goes on, which pdftotext does not join:
    the two halves count as the one word."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                            capture_output=True, check=True)
    text = _SOFT_HYPHEN_AT_LINE_END.sub("", result.stdout.decode("utf-8", "replace"))
    text = _SIGNED_WORD.sub(lambda m: _unsigned(m.group(), source), text)
    found = words(text)
    for token, count in list(found.items()):
        if token in source:
            continue
        # a word and its footnote call ("gruß1"), a footnote and its number ("2vermutlich")
        call = re.fullmatch(r"(\D+?)\d{1,3}|\d{1,3}(\D+)", token)
        word = call and (call[1] or call[2])
        if word and word in source:
            del found[token]
            found.update({word: count})
            continue
        for cut in range(1, len(token)):
            if token[:cut] in source and token[cut:] in source:
                del found[token]
                found.update({token[:cut]: count})
                found.update({token[cut:]: count})
                break
    return found


def kept(source: Counter, output: Counter) -> float:
    """Share of the source's words (with their repetitions) found in the output."""
    total = sum(source.values())
    if not total:
        return 1.0
    return sum(min(count, output[word]) for word, count in source.items()) / total


def missing(source: Counter, output: Counter, limit: int = 12) -> list[tuple[str, int]]:
    lost = Counter({word: count - output[word] for word, count in source.items()
                    if count > output[word]})
    return lost.most_common(limit)


# ---------------------------------------------------------------- one file


@dataclass
class Step:
    """One command run on one file."""

    exit: int
    seconds: float
    crash: bool
    message: str = ""        # the first error line, when it failed


@dataclass
class FileResult:
    file: str
    project: str
    words: int
    status: str = ""
    validate: Step | None = None
    html: Step | None = None
    pdf: Step | None = None
    html_kept: float | None = None
    pdf_kept: float | None = None
    html_missing: list = field(default_factory=list)
    pdf_missing: list = field(default_factory=list)


def _run(arguments: list[str]) -> tuple[Step, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "tei_edition.cli", *arguments],
                            capture_output=True, text=True, errors="replace")
    seconds = time.perf_counter() - started
    crash = result.returncode not in (0, 1, 2) or "Traceback (most recent call last)" in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    message = (errors[-1] if crash and errors else
               next((line for line in errors if line.startswith("error:")), ""))
    return Step(result.returncode, round(seconds, 2), crash, message[:300]), result.stdout


def _written(stdout: str, kind: str) -> Path | None:
    """The document's own output among what render lists (the first line of its kind)."""
    for line in stdout.splitlines():
        if line.startswith(kind + " "):
            return Path(line[len(kind):].strip())
    return None


def evaluate_file(path: Path, root: Path, out: Path) -> FileResult:
    relative = path.relative_to(root)
    project = relative.parts[0] if len(relative.parts) > 1 else "."
    try:
        source = tei_words(path)
    except etree.XMLSyntaxError:
        source = Counter()
    result = FileResult(str(relative), project, sum(source.values()))
    result.validate, report = _run(["validate", "--profile", "tei", "--format", "json", str(path)])
    try:
        result.status = json.loads(report)["status"][str(path)]
    except (ValueError, KeyError):
        result.status = "no report"
    target = out / relative.with_suffix("")
    result.html, stdout = _run(["render", str(path), "--to", "html", "-o", str(target)])
    page = _written(stdout, "html")
    result.html_kept = 0.0
    if result.html.exit == 0 and page is not None:
        output = html_words(page)
        result.html_kept = round(kept(source, output), 4)
        result.html_missing = missing(source, output)
    result.pdf, stdout = _run(["render", str(path), "--to", "pdf", "-o", str(target)])
    pdf = _written(stdout, "pdf")
    result.pdf_kept = 0.0
    if result.pdf.exit == 0 and pdf is not None:
        output = pdf_words(pdf, source)
        result.pdf_kept = round(kept(source, output), 4)
        result.pdf_missing = missing(source, output)
    return result


# ------------------------------------------------------------------ tables


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def table(results: list[FileResult]) -> str:
    """One row per file, then one per project and the total."""
    rows = [f"{'file':<58} {'words':>7} {'val':>3} {'html':>4} {'s':>6} {'kept':>6} "
            f"{'pdf':>4} {'s':>6} {'kept':>6}  validation"]
    for r in results:
        rows.append(f"{r.file[-58:]:<58} {r.words:>7} {r.validate.exit:>3} {r.html.exit:>4} "
                    f"{r.html.seconds:>6.1f} {r.html_kept:>6.3f} {r.pdf.exit:>4} "
                    f"{r.pdf.seconds:>6.1f} {r.pdf_kept:>6.3f}  {r.status}")
    rows.append("")
    rows.append(f"{'project':<30} {'files':>5} {'valid':>5} {'html ok':>7} {'pdf ok':>6} "
                f"{'crashes':>7} {'html kept':>9} {'min':>6} {'pdf kept':>8} {'min':>6}")
    groups: dict[str, list[FileResult]] = {}
    for r in results:
        groups.setdefault(r.project, []).append(r)
    for name, group in sorted(groups.items()) + [("all", results)]:
        valid = [r for r in group if r.validate.exit == 0]
        html_kept = [r.html_kept for r in valid]
        pdf_kept = [r.pdf_kept for r in valid]
        crashes = sum(step.crash for r in group for step in (r.validate, r.html, r.pdf))
        shares = (f"{_mean(html_kept):>9.3f} {min(html_kept):>6.3f} "
                  f"{_mean(pdf_kept):>8.3f} {min(pdf_kept):>6.3f}") if valid else \
            f"{'–':>9} {'–':>6} {'–':>8} {'–':>6}"
        rows.append(f"{name[:30]:<30} {len(group):>5} {len(valid):>5} "
                    f"{sum(r.html.exit == 0 for r in valid):>7} "
                    f"{sum(r.pdf.exit == 0 for r in valid):>6} {crashes:>7} {shares}")
    rows.append("(kept: mean and least share of words over the files valid against tei_all)")
    return "\n".join(rows)


def find_tei(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.xml")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(file_okay=False), default="build/eval-tei",
              show_default=True, help="Where the pages and PDFs are written.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), default=None,
              help="Also write every figure to this JSON file [default: OUTPUT/eval-tei.json].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Files evaluated at once (times are steadier with 1).")
def main(folder, output, json_path, jobs):
    """Validate and publish every TEI file under FOLDER; report exits, times and words kept."""
    if shutil.which("pdftotext") is None:
        raise EditionError("pdftotext is not installed (apt-get install poppler-utils)")
    root = Path(folder)
    files = find_tei(root)
    if not files:
        raise click.UsageError(f"{folder}: no .xml files in this folder")
    out = Path(output)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda p: evaluate_file(p, root, out), files))
    click.echo(table(results))
    target = Path(json_path) if json_path else out / "eval-tei.json"
    write_atomic(target, json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1) + "\n")
    click.echo(f"figures written to {target}")
    if any(step.crash for r in results for step in (r.validate, r.html, r.pdf)):
        raise SystemExit(1)


if __name__ == "__main__":
    try:
        main(standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except EditionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
