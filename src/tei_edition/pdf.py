"""The PDF edition: TEI → Typst source (tei-to-typst.xsl) → PDF/A-3b (typst).

Each document's PDF carries its TEI file as a PDF/A-3 "Source" attachment;
the collection volume carries all of them. The stylesheet and the Typst
compiler are set up once per PdfRenderer and reused for every document.

The fonts are those built into the typst package (Libertinus Serif, New
Computer Modern) and, for the other scripts, Debian's Noto fonts
(fonts-noto-core, fonts-noto-cjk) from their fixed folders, never any other
font of the machine: the same TEI and the same font packages give the same
PDF bytes. The PDF's creation date is taken from
SOURCE_DATE_EPOCH if set, else from the TEI's own revisionDesc dates, else a
constant: never from the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from lxml import etree

from .errors import EditionError
from .files import read_input, write_atomic
from .ids import tei_id
from .resources import xslt_path
from .teidoc import copy_element, load_tei
from .xslt import stylesheet

TEI_NS = "http://www.tei-c.org/ns/1.0"
PAPERS = ("a4", "us-letter")
STYLESHEET = "tei-to-typst.xsl"
TEMPLATE = "edition.typ"
# When neither SOURCE_DATE_EPOCH nor the TEI gives a date: 2000-01-01T00:00Z.
FALLBACK_TIMESTAMP = 946684800
# Where Debian installs the Noto fonts (Arabic, Hebrew, Syriac, Armenian, CJK …).
NOTO_FOLDERS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto")


class PdfRenderer:
    """Renders TEI documents, and the collection volume, as PDF/A-3b files."""

    def __init__(self, edition: dict | None = None, paper: str = "a4"):
        import typst

        if paper not in PAPERS:
            raise EditionError(f"unknown paper size {paper!r} (use one of: {', '.join(PAPERS)})")
        self.paper = paper
        self.params = _stylesheet_params(edition or {}, paper)
        self._stylesheet = stylesheet(STYLESHEET)
        self._template = xslt_path(TEMPLATE)
        if not self._template.is_file():
            raise EditionError(f"{TEMPLATE} is missing from the installation")
        # Font discovery is the costly part of a Typst compiler: do it once.
        self._compiler = typst.Compiler(
            font_paths=typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                                   font_paths=[p for p in NOTO_FOLDERS if Path(p).is_dir()]),
            ignore_system_fonts=True,
        )

    # ------------------------------------------------------------------ API

    def document(self, tei_path: Path, pdf_dir: Path) -> Path:
        """Write pdf_dir/<id>.pdf for one TEI file; return its path."""
        tei_path = Path(tei_path)
        data = read_input(tei_path, "a TEI file")
        tree = load_tei(tei_path, data)
        doc_id = tei_id(tree.getroot(), tei_path)
        source = self._typst(tree.getroot(), doc_id, str(tei_path))
        pdf = self._compile(source, {f"{doc_id}.xml": data}, _timestamp([tree]), str(tei_path))
        target = Path(pdf_dir) / f"{doc_id}.pdf"
        write_atomic(target, pdf, durable=False)  # a build syncs its outputs at once
        return target

    def volume(self, tei_paths: list[Path], pdf_dir: Path) -> Path:
        """Write pdf_dir/volume.pdf: title page, contents, every document in
        date order, persons index; all TEI files attached. Return its path."""
        if not tei_paths:
            raise EditionError("the volume needs at least one TEI file")
        corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
        trees, attachments = [], {}
        for path in map(Path, tei_paths):
            data = read_input(path, "a TEI file")
            tree = load_tei(path, data)
            trees.append(tree)
            name = _unique(f"{tei_id(tree.getroot(), path)}.xml", attachments)
            attachments[name] = data
            corpus.append(copy_element(tree.getroot()))
        source = self._typst(corpus, fallback_id="volume")
        pdf = self._compile(source, attachments, _timestamp(trees), "volume")
        target = Path(pdf_dir) / "volume.pdf"
        write_atomic(target, pdf)
        return target

    def typst_source(self, tree: etree._ElementTree, fallback_id: str = "document") -> str:
        """The Typst source the stylesheet writes for one TEI document."""
        return self._typst(tree.getroot(), fallback_id)

    # ------------------------------------------------------------- helpers

    def _typst(self, root: etree._Element, fallback_id: str, source: str | None = None) -> str:
        return self._stylesheet.transform(root, {**self.params, "fallback-id": fallback_id},
                                          source)

    def _compile(self, source: str, attachments: dict[str, bytes], timestamp: int,
                 where: str) -> bytes:
        """Compile Typst source to PDF/A-3b in a private root folder that holds
        only the template and the TEI files to attach."""
        import typst

        with tempfile.TemporaryDirectory(prefix="tei-edition-typst-") as tmp:
            root = Path(tmp)
            shutil.copyfile(self._template, root / TEMPLATE)
            (root / "sources").mkdir()
            for name, data in attachments.items():
                (root / "sources" / name).write_bytes(data)
            try:
                pdf = self._compiler.compile(
                    input=source.encode("utf-8"),
                    root=str(root),
                    format="pdf",
                    pdf_standards=["a-3b"],
                    timestamp=timestamp,
                    sys_inputs={"attachments": json.dumps(sorted(attachments))},
                )
            except typst.TypstError as exc:
                message = " ".join(str(exc.message).split())
                if "could not be displayed" in message:
                    message += (" (no installed font has this character: install Debian's"
                                " fonts-noto-core and fonts-noto-cjk; PDF/A forbids printing a"
                                " missing-glyph box instead)")
                raise EditionError(f"the PDF could not be typeset: {message}", where) from None
            except RuntimeError as exc:  # older typst releases raise plain RuntimeError
                message = " ".join(str(exc).split())
                raise EditionError(f"the PDF could not be typeset: {message}", where) from None
        if not isinstance(pdf, bytes):
            raise EditionError("typst returned no PDF", where)
        return pdf


def page_count(pdf: Path) -> int:
    """Pages in a PDF that Typst wrote (its page objects are never compressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", Path(pdf).read_bytes()))


def benchmark(tei_paths: list[Path], pdf_dir: Path, edition: dict | None = None,
              paper: str = "a4") -> dict[str, float]:
    """Render each TEI file and then the volume with one renderer, as a build
    does; report the set-up time and PDF pages per second (for `make bench`)."""
    import time

    started = time.perf_counter()
    renderer = PdfRenderer(edition or {}, paper=paper)
    setup = time.perf_counter() - started
    started = time.perf_counter()
    pages = sum(page_count(renderer.document(path, pdf_dir)) for path in tei_paths)
    documents_seconds = time.perf_counter() - started
    started = time.perf_counter()
    volume_pages = page_count(renderer.volume(list(tei_paths), pdf_dir))
    volume_seconds = time.perf_counter() - started
    return {
        "documents": len(tei_paths),
        "setup_seconds": setup,
        "document_pages": pages,
        "document_pages_per_second": pages / documents_seconds if documents_seconds else 0.0,
        "volume_pages": volume_pages,
        "volume_pages_per_second": volume_pages / volume_seconds if volume_seconds else 0.0,
    }


def _unique(name: str, taken: dict) -> str:
    stem, n = name[:-4], 2
    while name in taken:
        name = f"{stem}-{n}.xml"
        n += 1
    return name


def _stylesheet_params(edition: dict, paper: str) -> dict[str, str]:
    editors = edition.get("editors") or []
    if isinstance(editors, str):
        editors = [editors]
    return {
        "paper": paper,
        "edition-title": str(edition.get("title", "")),
        "edition-short-title": str(edition.get("short_title", "")),
        "editors": "\n".join(" ".join(str(e).split()) for e in editors),
        "publisher": str(edition.get("publisher", "")),
        "licence": str(edition.get("licence", "")),
        "licence-url": str(edition.get("licence_url", "")),
        "base-url": str(edition.get("base_url", "")),
    }


def _timestamp(trees: list[etree._ElementTree]) -> int:
    """A creation date that depends only on the input: SOURCE_DATE_EPOCH, else
    the latest revisionDesc/change/@when among the TEI files, else a constant."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return int(epoch)
    latest = None
    for tree in trees:
        for when in tree.getroot().xpath("/t:TEI/t:teiHeader/t:revisionDesc//t:change/@when",
                                         namespaces={"t": TEI_NS}):
            try:
                day = dt.date.fromisoformat(str(when).strip()[:10])
            except ValueError:
                continue
            latest = day if latest is None or day > latest else latest
    if latest is None:
        return FALLBACK_TIMESTAMP
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.timezone.utc).timestamp())
