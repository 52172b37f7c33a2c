"""`tei-edition render`: TEI files to the HTML edition and/or the PDF edition.

The renderers themselves live in html.py and pdf.py; each compiles its
stylesheets (and the Typst compiler) once and is reused for every document.
Output layout, relative to the output folder (an edition's build/):

    <id>.html, index.html, persons.html, assets/   the HTML site
    pdf/<id>.pdf, pdf/volume.pdf                     the PDF edition
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from .errors import EditionError, settings
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


def _order(runner, edition: dict, files: list[Path], out: Path,
           failed: dict[Path, str]) -> dict[Path, dict[str, str]]:
    """Each file that can be read, with its previous and next documents in the
    collection's order (html.neighbours); the others go to failed."""
    from .build import collection_entries
    from .html import collection_order, neighbours

    entries, unread = collection_entries(runner, edition, [f for f in files if f not in failed],
                                         out, in_build=False)
    _report(unread, failed)
    around = neighbours(collection_order(entries.values()))
    return {path: around[entry.id] for path, entry in entries.items()}


def _report(results: dict[Path, dict], failed: dict[Path, str]) -> None:
    """Note and print a failed task's error (a bug: its traceback to the log, one line here)."""
    from .build import log_bug

    for path, result in results.items():
        trace = log_bug(result)
        if trace is not None and settings["debug"]:
            click.echo(trace.rstrip(), err=True)
        failed[path] = result["errors"][0]
        click.echo(f"error: {failed[path]}", err=True)


def _each(runner, kind: str, calls: dict[Path, tuple], failed: dict[Path, str]) -> list[Path]:
    """Run the task of each file not failed yet on the worker pool; report each
    output, or a bad file in one line, in the order the files were given while
    the others go on. Return the files rendered."""
    paths = [path for path in calls if path not in failed]
    results: dict[int, dict] = {}
    runner.run([calls[path] for path in paths], results.__setitem__)
    done = []
    for index, path in enumerate(paths):
        result = results[index]
        if result.get("errors"):
            _report({path: result}, failed)
        else:
            click.echo(f"{kind:<5} {result['outputs'][0]}")
            done.append(path)
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
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of cores].")
@click.option("--volume", is_flag=True,
              help="Also typeset pdf/volume.pdf, the whole collection in one PDF (its memory "
                   "grows with the collection: about 1.5 MB a page).")
@click.pass_context
def render_command(ctx, paths, targets, output, edition_dir, paper, jobs, volume):
    """Render TEI files (or folders of them) as HTML and/or PDF.

    A file that cannot be rendered is reported and left out; the others, the
    collection pages and (with --volume) the volume are still written. Exit
    status: 0 when every file was rendered, 1 when any failed.
    """
    from .build import Runner, _renderer, task_html, task_pdf
    from .register import load_edition

    settings["log_folder"] = Path(output)
    files = _tei_files(paths)
    _refuse_clashes(files)
    edition = load_edition(Path(edition_dir)).metadata if edition_dir else {}
    out = Path(output)
    failed: dict[Path, str] = {}
    # The build's worker pool, a few documents per worker in flight; each page
    # is the same bytes whichever worker makes it.
    runner = Runner(jobs or os.cpu_count() or 1)
    try:
        html, volume_pdf = [], None
        if targets in ("html", "all"):
            # the collection's order first: each page's previous and next
            around = _order(runner, edition, files, out, failed)
            calls = {path: (task_html, (edition, str(path), str(out), False, around.get(path)))
                     for path in files}
            html = _each(runner, "html", calls, failed)
        if targets in ("pdf", "all"):
            calls = {path: (task_pdf, (edition, str(path), str(out / "pdf"), paper, False))
                     for path in files}
            rendered = _each(runner, "pdf", calls, failed)
            if rendered and volume:
                runner.close()  # the workers' memory goes back before Typst sets the volume
                volume_pdf = _renderer("pdf", edition, paper).volume(rendered, out / "pdf")
                click.echo(f"pdf   {volume_pdf}")
        if html:  # after the volume: the index links it only when it is there
            for written in _renderer("html", edition).site(html, out, volume_pdf is not None):
                click.echo(f"html  {written}")
    finally:
        runner.close()
    if failed:
        if len(files) > 1:
            click.echo(f"{len(failed)} of {len(files)} files not rendered", err=True)
        ctx.exit(1)
