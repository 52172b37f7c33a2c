"""`tei-edition render`: TEI files to the HTML edition and/or the PDF edition.

The renderers themselves live in html.py and pdf.py; each compiles its
stylesheets (and the Typst compiler) once and is reused for every document.
Output layout, relative to the output folder (an edition's build/):

    <id>.html, index.html, persons.html, assets/   the HTML site
    pdf/<id>.pdf, pdf/volume.pdf                     the PDF edition
"""

from __future__ import annotations

from pathlib import Path

import click

from .errors import EditionError
from .ids import clashes, described, tei_id
from .xmlsafe import parse_xml_bytes


def _tei_files(paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(path.glob("*.xml")))
        elif path.is_file():
            files.append(path)
        else:
            raise EditionError("no such file or folder", str(path))
    if not files:
        raise EditionError("no TEI files given")
    return files


def _refuse_clashes(files: list[Path]) -> None:
    """Two files with one document id would overwrite each other's page and PDF:
    stop before anything is written. A file that cannot be read here is left to
    the batch, which reports it in its place."""
    named = []
    for path in files:
        try:
            named.append((tei_id(parse_xml_bytes(path.read_bytes(), str(path)).getroot(), path), path))
        except (OSError, EditionError):
            continue
    ids = {path: doc_id for doc_id, path in named}
    for first, second, _ in clashes(named):
        raise EditionError(f"{first} and {second} would be written to one file, as "
                           f"{described(ids[first], ids[second])} (from their xml:id, else their "
                           "file name); change one")


def _each(kind: str, files: list[Path], render, failed: dict[Path, str]) -> list[Path]:
    """Render each file not failed yet; a bad file is reported in one line and the
    others go on. Return the files rendered."""
    done = []
    for path in files:
        if path in failed:
            continue
        try:
            written = render(path)
        except EditionError as exc:
            exc.path = exc.path or str(path)
            failed[path] = str(exc)
        except Exception as exc:  # a bug, not the editor's mistake: still one line
            failed[path] = f"{path}: internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"
        else:
            click.echo(f"{kind:<5} {written}")
            done.append(path)
            continue
        click.echo(f"error: {failed[path]}", err=True)
    return done


@click.command("render")
@click.argument("paths", nargs=-1, required=True)
@click.option("--to", "targets", type=click.Choice(["html", "pdf", "all"]), default="all",
              show_default=True, help="Which edition to write.")
@click.option("-o", "--output", "output", type=click.Path(file_okay=False), default="build",
              show_default=True, help="Output folder (the site root).")
@click.option("--edition", "edition_dir", type=click.Path(file_okay=False, exists=True),
              default=None, help="Edition folder whose edition.toml supplies collection metadata.")
@click.option("--paper", type=click.Choice(["a4", "us-letter"]), default="a4", show_default=True)
@click.pass_context
def render_command(ctx, paths, targets, output, edition_dir, paper):
    """Render TEI files (or folders of them) as HTML and/or PDF.

    A file that cannot be rendered is reported and left out; the others, the
    collection pages and the volume are still written. Exit status: 0 when every
    file was rendered, 1 when any failed.
    """
    from .register import load_edition

    files = _tei_files(paths)
    _refuse_clashes(files)
    edition = load_edition(Path(edition_dir)).metadata if edition_dir else {}
    out = Path(output)
    failed: dict[Path, str] = {}
    if targets in ("html", "all"):
        from .html import HtmlRenderer

        renderer = HtmlRenderer(edition)
        rendered = _each("html", files, lambda path: renderer.document(path, out), failed)
        if rendered:
            for written in renderer.site(rendered, out):
                click.echo(f"html  {written}")
    if targets in ("pdf", "all"):
        from .pdf import PdfRenderer

        renderer = PdfRenderer(edition, paper=paper)
        rendered = _each("pdf", files, lambda path: renderer.document(path, out / "pdf"), failed)
        if rendered and (len(rendered) > 1 or edition_dir):
            click.echo(f"pdf   {renderer.volume(rendered, out / 'pdf')}")
    if failed:
        if len(files) > 1:
            click.echo(f"{len(failed)} of {len(files)} files not rendered", err=True)
        ctx.exit(1)
