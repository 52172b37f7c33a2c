"""`tei-edition build`: every edition, every document, only what changed.

Stages, each over all documents before the next starts:

    convert    transcripts/<id>.txt → build/tei/<id>.xml and the editor's
               review page build/review/<id>.html; a hand-edited tei/<id>.xml
               takes the transcript's place, is never written and is copied to
               build/tei/ (the build says so, and warns when the transcript or
               the register changed after it was ejected: eject.py)
    validate   well-formedness, TEI P5, the project profile
    html       build/<id>.html
    pdf        build/pdf/<id>.pdf
    site       build/index.html, build/persons.html, build/search.html, build/assets/
    search     build/pagefind/: the search index of the pages (search.py)
    volume     build/pdf/volume.pdf (only with --volume: it grows much faster
               than the collection, see the README's benchmark)

What is up to date is decided by content hashes, kept in build/.state.json:
a stage's output is rebuilt when the hash of its input (the transcript or the
TEI), of the register (edition.toml), or of the tool itself (its code,
stylesheets and schemas, the versions of saxonche and typst) changed, or when
the output is missing. Outputs whose source is gone are removed.

Documents run on a pool of worker processes; each worker compiles the
stylesheets, the schema and the Typst compiler once and keeps them. Every
output is written atomically (temporary file, then rename), and a stage's
entries leave the state file before its outputs are rewritten, so a build
killed at any moment leaves old or new complete files and a state that never
claims more than is on disk: the next build finishes the job.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

import click

from . import __version__
from .errors import EditionError, format_bug, os_error, report_bug, settings, shown
from .files import write_atomic
from .ids import SITE_PAGES, XML_ID, clashes, described, source_id, tei_id
from .progress import Progress, interactive

STAGES = ("convert", "validate", "html", "pdf", "site", "search", "volume")
# --only X runs these stages (the converter and the validator always run:
# nothing is published that is not valid TEI).
ONLY = {
    "tei": ("convert",),
    "validate": ("convert", "validate"),
    "html": ("convert", "validate", "html", "site", "search"),
    "pdf": ("convert", "validate", "pdf"),
}
STATE_FILE = ".state.json"
LOCK_FILE = ".lock"
# Held (shared) by every worker that writes into a build folder, for the worker's
# life: a new build waits until no worker of an earlier, killed one can write.
WORKERS_LOCK_FILE = ".lock-workers"
WORKERS_WAIT_SECONDS = 60
STATE_FORMAT = 1
# The state is saved at least this often during a long stage, so that an
# interrupted build loses little finished work.
SAVE_EVERY_SECONDS = 5.0
IN_FLIGHT_PER_WORKER = 4  # enough that a worker never waits for the next task
# Typst holds the whole volume while it sets it: about 1.5 MB a page (README,
# benchmark). A volume that cannot fit is not started, rather than killed.
VOLUME_MB_PER_PAGE = 1.6
VOLUME_MB_BASE = 256


# --------------------------------------------------------------- hashing


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _key(*parts: object) -> str:
    """One hash of several values (JSON keeps their boundaries apart)."""
    return sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _tree_digest(folder: Path, patterns: Iterable[str]) -> list[tuple[str, str]]:
    files = sorted({p for pattern in patterns for p in folder.rglob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    return [(str(p.relative_to(folder)), sha256(p.read_bytes())) for p in files]


def _package_version(name: str) -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def tool_fingerprints() -> dict[str, str]:
    """Per stage, a hash of everything in the tool that shapes its output.

    Any change to the tool's Python code rebuilds everything (the stages share
    modules); a stylesheet change rebuilds HTML and PDF but not the TEI; a
    schema change revalidates only.
    """
    from .resources import schema_path, xslt_path

    package = Path(__file__).resolve().parent
    # bench.py and progress.py cannot change an output; every other module may.
    code = _key(__version__, [(name, digest) for name, digest in _tree_digest(package, ["*.py"])
                              if name not in ("bench.py", "progress.py")])
    stylesheets = _tree_digest(xslt_path("tei-to-html.xsl").parent,
                               ["*.xsl", "*.css", "*.js", "*.typ"])
    schemas = _tree_digest(schema_path("tei-edition.xsd").parent, ["*.xsd"])
    try:
        from .resources import tei_all_rng

        tei_all = sha256(tei_all_rng().read_bytes())
    except EditionError as exc:
        tei_all = str(exc)
    from .validate import Jing

    # Documents validated without jing are checked again once it is installed.
    jing = Jing.find()
    jing_state = jing.jar if not isinstance(jing, str) else "no jing"
    return {
        "convert": _key("convert", code),
        "validate": _key("validate", code, schemas, tei_all, jing_state),
        "html": _key("html", code, stylesheets, _package_version("saxonche")),
        "pdf": _key("pdf", code, stylesheets, _package_version("saxonche"),
                    _package_version("typst")),
    }


# ------------------------------------------------------------- documents


@dataclass
class Document:
    """One document of an edition and where its TEI lives."""

    id: str
    source: Path          # the transcript, or the hand-edited TEI
    tei: Path             # build/tei/<id>.xml, or the hand-edited file itself
    transcript: Path | None = None  # a transcript a hand-edited file stands in for

    @property
    def hand_edited(self) -> bool:
        return self.source == self.tei


@dataclass
class EditionBuild:
    """One edition folder: its documents, register and build state."""

    root: Path
    metadata: dict
    register_sha: str
    documents: list[Document]
    state: dict
    failed: set[str] = field(default_factory=set)     # document ids with an error
    tei_sha: dict[str, str] = field(default_factory=dict)
    register: object = None                             # the loaded Edition (register.py)

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def state_path(self) -> Path:
        return self.build_dir / STATE_FILE

    def entry(self, doc_id: str) -> dict:
        return self.state["documents"].setdefault(doc_id, {})

    def save(self) -> None:
        # Pages, records and PDFs are written without an fsync each: one sync here
        # puts them on disk before the state says they are built.
        os.sync()
        write_atomic(self.state_path, json.dumps(self.state, sort_keys=True, indent=1) + "\n")

    def tei_size(self, doc: Document) -> int:
        return doc.tei.stat().st_size

    def rel(self, path: Path) -> str:
        return Path(path).relative_to(self.root).as_posix()


def discover(root: Path) -> EditionBuild:
    """Read an edition folder: its transcripts, hand-edited TEI and state."""
    from .register import load_edition

    if not (root / "edition.toml").is_file():
        raise EditionError("not an edition folder (it has no edition.toml)", str(root))
    edition = load_edition(root)
    for source in [*edition.transcripts, *(root / "tei").glob("*.xml")]:
        if shown(source.name) != source.name:  # it would reach the TEI, the state, the pages
            raise EditionError("the file name holds a control character or bytes that are not "
                               "UTF-8; rename the file", str(source))
    hand_edited = sorted((root / "tei").glob("*.xml"))
    _refuse_clashes(root, hand_edited)
    _refuse_clashes(root, edition.transcripts)
    documents: dict[str, Document] = {}
    for source in hand_edited:
        doc_id = source_id(source)
        documents[doc_id] = Document(doc_id, source, source)
    for source in edition.transcripts:
        doc_id = source_id(source)
        if doc_id in documents:
            documents[doc_id].transcript = source  # the hand-edited TEI takes precedence
            continue
        documents[doc_id] = Document(doc_id, source, root / "build" / "tei" / f"{doc_id}.xml")
    _refuse_clashes(root, [d.source for d in documents.values()])
    if not documents:
        raise EditionError("this edition has no transcripts/*.txt and no tei/*.xml", str(root))
    state = _load_state(root / "build" / STATE_FILE)
    return EditionBuild(root, dict(edition.metadata), register_digest(root),
                        [documents[key] for key in sorted(documents)], state, register=edition)


def _check_own_id(doc: Document, data: bytes) -> None:
    """Every output of a document is named by its id: a hand-edited file whose xml:id
    gives another id than its file name would have its page and its links disagree."""
    from .xmlsafe import parse_xml_bytes

    try:
        root = parse_xml_bytes(data, str(doc.source)).getroot()
    except EditionError:
        return  # not well-formed: validation reports it, at its line
    if tei_id(root, doc.source) != doc.id:
        raise EditionError(f"its xml:id '{root.get(XML_ID)}' gives the document id "
                           f"'{tei_id(root, doc.source)}', but its file name gives '{doc.id}'; "
                           "rename the file or change the xml:id", str(doc.source), root.sourceline)


def _refuse_clashes(root: Path, sources: list[Path]) -> None:
    """Two documents with one id (ids.py) would overwrite each other's outputs."""
    for first, second, _ in clashes([(source_id(p), p) for p in sources]):
        raise EditionError(f"two documents have {described(source_id(first), source_id(second))}: "
                           f"{first.relative_to(root).as_posix()} and "
                           f"{second.relative_to(root).as_posix()}; rename one", str(root))


def register_digest(root: Path) -> str:
    """The editor's register: edition.toml and every file under register/."""
    files = [root / "edition.toml"] + sorted(p for p in (root / "register").rglob("*")
                                             if p.is_file())
    return _key([(p.relative_to(root).as_posix(), sha256(p.read_bytes())) for p in files])


def _load_state(path: Path) -> dict:
    empty = {"format": STATE_FORMAT, "documents": {}, "collection": {}}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty  # no state, or an unreadable one: everything is rebuilt
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
        return empty
    state.setdefault("documents", {})
    state.setdefault("collection", {})
    return state


# ------------------------------------------------------- worker side
# These run in worker processes (or inline for small jobs). Each worker keeps
# one Edition, Validator, HtmlRenderer and PdfRenderer per edition.

_cache: dict = {}
_in_worker = False


def _worker_start(parent: int) -> None:
    """Each worker process, as it starts: it dies with the build's main process,
    even when that is killed (SIGKILL): no orphan goes on using memory and
    writing outputs after the build is gone."""
    global _in_worker
    _in_worker = True
    try:  # Linux: the kernel kills this process when its parent dies
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:  # elsewhere, and as a second guard: look every half second
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _hold_build_folder(build_dir: str | Path) -> None:
    """In a worker, before it writes into a build folder: hold the folder's
    workers lock (shared) until the worker ends (see Build._wait_for_old_workers)."""
    if not _in_worker or ("workers-lock", str(build_dir)) in _cache:
        return
    Path(build_dir).mkdir(parents=True, exist_ok=True)
    handle = open(Path(build_dir) / WORKERS_LOCK_FILE, "a")
    fcntl.flock(handle, fcntl.LOCK_SH)
    _cache[("workers-lock", str(build_dir))] = handle


def _cached(kind: str, key: str, make: Callable):
    if (kind, key) not in _cache:
        _cache[(kind, key)] = make()
    return _cache[(kind, key)]


def _metadata_key(metadata: dict) -> str:
    return json.dumps(metadata, sort_keys=True, ensure_ascii=False)


def _failure(exc: Exception, where: str) -> dict:
    """A task's error as its result: the editor's mistake or the machine's refusal
    is one line; a bug also carries its traceback, which the main process keeps in
    a log file (Build._bugs)."""
    if isinstance(exc, OSError):
        exc = os_error(exc, doing="cannot read or write")
    if isinstance(exc, EditionError):
        if exc.path is None:
            exc.path = where
        return {"errors": [str(exc)]}
    return {"errors": [f"{shown(where)}: internal error"], "where": shown(where),
            "trace": format_bug(exc)}


def log_bug(result: dict, folder: Path | None = None) -> str | None:
    """A task's result that met a bug (_failure): its traceback goes to a log file
    (errors.report_bug), its error line names the log. Returns the traceback, for
    --debug to print, or None when the task met no bug."""
    trace = result.pop("trace", None)
    if trace is not None:
        result["errors"] = [f"{result.pop('where')}: {report_bug(trace, folder)}"]
    return trace


def task_convert(root: str, register_sha: str, source: str) -> dict:
    from .convert import convert_file, report
    from .register import load_edition

    try:
        _hold_build_folder(Path(root) / "build")
        edition = _cached("edition", f"{root}\0{register_sha}", lambda: load_edition(Path(root)))
        conversion, target = convert_file(Path(source), Path(root) / "build" / "tei", edition)
    except Exception as exc:
        return _failure(exc, source)
    from .review import write_review

    try:  # the editor's page: how the transcript was read (not linked from the site)
        review = write_review(conversion, Path(source), Path(root) / "build" / "review")
    except Exception as exc:
        return _failure(exc, source)
    data = report(conversion.document)
    warnings = [f"{source}:{w['line']}:{w['column']}: {w['message']}" for w in data["warnings"]]
    warnings += [f"{source}:{item['line']}: not recognised, kept as a paragraph: "
                 f"{item['text'][:60]!r}" for item in data["not_placed"]]
    return {"outputs": [str(target), str(review)], "warnings": warnings}


def task_validate(paths: list[str], profile: str = "project") -> dict:
    from .validate import Validator, fault_line

    try:
        validator = _cached("validator", profile, lambda: Validator(profile=profile))
        report = validator.validate(paths)
    except Exception as exc:
        return _failure(exc, paths[0])
    faults: dict[str, list[str]] = {}
    for f in report.faults:
        faults.setdefault(f.file, []).append(fault_line(f))
    # an ignored DOCTYPE, and the profile's faults under profile "tei", publish with a warning
    warnings = [fault_line(f) for f in report.warnings]
    warnings += [f"{path}: {report.file_status(path)}" for path in report.files
                 if any(f.file == path for f in report.warnings)]
    return {"faults": faults, "warnings": sorted(report.skipped_layers.values()) + warnings}


def _renderer(kind: str, metadata: dict, paper: str = "a4"):
    """This worker's HtmlRenderer or PdfRenderer for the metadata, made once."""
    if kind == "html":
        from .html import HtmlRenderer

        return _cached(kind, _metadata_key(metadata), lambda: HtmlRenderer(metadata))
    from .pdf import PdfRenderer

    return _cached(kind, _metadata_key(metadata) + paper, lambda: PdfRenderer(metadata, paper=paper))


def task_profile(paths: list[str], max_bytes: int, profile: str) -> dict:
    """The project profile of a few files, for `validate -j` (which runs jing itself,
    once for the whole batch)."""
    from .validate import Validator

    try:
        validator = _cached("profile", f"{profile} {max_bytes}",
                            lambda: Validator(max_bytes, use_jing=False, profile=profile))
        faults = []
        for path in paths:
            data, tree, _, _ = validator.well_formed(path)
            if tree is not None:
                faults.extend(validator.profile(path, tree, data))
        return {"faults": faults}
    except Exception as exc:
        return _failure(exc, paths[0])


def task_html(metadata: dict, tei: str, site_dir: str, in_build: bool = True,
              around: dict[str, str] | None = None) -> dict:
    """One document's page; in_build: hold the build folder (render has none);
    around: its previous and next documents (html.neighbours)."""
    try:
        if in_build:
            _hold_build_folder(site_dir)
        page = _renderer("html", metadata).document(Path(tei), Path(site_dir), around)
        if in_build:  # what the search stage reads of the page, made here on the pool
            from .search import prepare

            prepare(Path(site_dir), page)
        return {"outputs": [str(page)]}
    except Exception as exc:
        return _failure(exc, tei)


def task_entry(metadata: dict, tei: str, site_dir: str, in_build: bool = True) -> dict:
    """One document's place in the collection, its record not being cached."""
    try:
        if in_build:
            _hold_build_folder(site_dir)
        entry = _renderer("html", metadata).entry(Path(tei))
        return {"entry": [entry.sort, entry.id, entry.title]}
    except Exception as exc:
        return _failure(exc, tei)


def collection_entries(runner: "Runner", metadata: dict, teis: list[Path], site_dir: Path,
                       in_build: bool = True) -> tuple[dict[Path, object], dict[Path, dict]]:
    """Each TEI file's place in the collection (html.Entry): from the record cache,
    else made on the worker pool. Returns the entries and the failed tasks' results."""
    from .html import Entry, cached_entry

    entries: dict[Path, Entry] = {}
    missing = []
    for tei in teis:
        found = cached_entry(tei, site_dir)
        if found is None:
            missing.append(tei)
        else:
            entries[tei] = found
    failed: dict[Path, dict] = {}

    def done(index: int, result: dict) -> None:
        if "entry" in result:
            entries[missing[index]] = Entry(*result["entry"])
        else:
            failed[missing[index]] = result

    runner.run([(task_entry, (metadata, str(t), str(site_dir), in_build)) for t in missing], done)
    # in the order given, whichever worker finished first: errors are reported in it
    return ({t: entries[t] for t in teis if t in entries},
            {t: failed[t] for t in teis if t in failed})


def task_pdf(metadata: dict, tei: str, pdf_dir: str, paper: str = "a4",
             in_build: bool = True) -> dict:
    try:
        if in_build:
            _hold_build_folder(Path(pdf_dir).parent)
        written = _renderer("pdf", metadata, paper).document(Path(tei), Path(pdf_dir))
        return {"outputs": [str(written)]}
    except Exception as exc:
        return _failure(exc, tei)


def task_site(metadata: dict, teis: list[str], site_dir: str, volume: bool = False) -> dict:
    """The collection pages; volume: whether pdf/volume.pdf is there to link."""
    started = time.perf_counter()
    try:
        _hold_build_folder(site_dir)
        written = _renderer("html", metadata).site([Path(t) for t in teis], Path(site_dir),
                                                   volume)
        return {"outputs": [str(p) for p in written], "seconds": time.perf_counter() - started}
    except Exception as exc:
        return _failure(exc, site_dir)


def task_search(metadata: dict, teis: list[str], site_dir: str) -> dict:
    from .search import build_index

    started = time.perf_counter()
    try:
        pages = [Path(site_dir) / f"{Path(t).stem}.html" for t in teis]
        index = build_index(Path(site_dir), [p for p in pages if p.is_file()])
        return {"outputs": [str(index / "pagefind.js")], "seconds": time.perf_counter() - started}
    except Exception as exc:
        return _failure(exc, site_dir)


def available_memory_mb() -> float | None:
    """The memory the system can give without swapping (MemAvailable), or None
    where /proc/meminfo does not say."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def task_volume(metadata: dict, teis: list[str], pdf_dir: str) -> dict:
    started = time.perf_counter()
    try:
        _hold_build_folder(Path(pdf_dir).parent)
        written = _renderer("pdf", metadata).volume([Path(t) for t in teis], Path(pdf_dir))
        return {"outputs": [str(written)], "seconds": time.perf_counter() - started}
    except Exception as exc:
        return _failure(exc, pdf_dir)


# ----------------------------------------------------------- the runner


class Stop(Exception):
    """The first error ends the build (without --keep-going)."""


@dataclass
class StageTotals:
    built: int = 0
    current: int = 0
    warnings: int = 0
    errors: int = 0
    seconds: float = 0.0


class Runner:
    """Runs tasks inline or on a pool of worker processes started on first need."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def use_pool(self, tasks: int) -> bool:
        # Starting workers costs about a second; a few tasks run faster here.
        return self.jobs > 1 and (self.pool is not None or tasks >= 2 * self.jobs)

    def run(self, calls: list[tuple[Callable, tuple]], on_done: Callable[[int, dict], None]) -> None:
        """Run fn(*args) for each call; on_done(index, result) in this process.

        on_done may raise Stop: pending calls are cancelled, running ones finish
        (their writes are atomic either way), then Stop propagates.
        """
        if not self.use_pool(len(calls)):
            for index, (fn, args) in enumerate(calls):
                on_done(index, fn(*args))
            return
        if self.pool is None:
            # spawn: a worker must not inherit a forked copy of Saxon or Typst.
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=get_context("spawn"),
                                            initializer=_worker_start, initargs=(os.getpid(),))
        # A few calls per worker in flight, the rest submitted as those finish:
        # wait() looks at every pending future, so submitting all of them at
        # once made each wait cost as much as the whole collection.
        queued = iter(enumerate(calls))
        pending: dict[Future, int] = {}

        def submit(count: int) -> None:
            for index, (fn, args) in islice(queued, count):
                pending[self.pool.submit(fn, *args)] = index

        submit(IN_FLIGHT_PER_WORKER * self.jobs)
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=pending.get):
                    on_done(pending.pop(future), self.result(future))
                    submit(1)
        except BaseException:
            for future in pending:
                future.cancel()
            wait(pending)
            raise

    def result(self, future: Future) -> dict:
        try:
            return future.result()
        except BrokenProcessPool:
            self.pool = None
            raise EditionError("a worker process died (out of memory, or killed); what was "
                               "finished is kept: run the build again, perhaps with fewer "
                               "jobs (-j)") from None

    def background(self, fn: Callable, args: tuple) -> Future | None:
        """Submit fn(*args) to the pool if it is running; None means: run it yourself."""
        return self.pool.submit(fn, *args) if self.pool is not None else None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


@dataclass
class Options:
    jobs: int
    stages: tuple[str, ...]
    keep_going: bool
    stream: object = None
    bars: bool | None = None


class Build:
    """The whole build: editions one after another, sharing one pool of workers."""

    def __init__(self, options: Options):
        self.options = options
        self.runner = Runner(options.jobs)
        self.totals = {stage: StageTotals() for stage in STAGES}
        self.fingerprints = tool_fingerprints()
        self.errors = 0
        self.stream = options.stream or sys.stderr
        self.bars = interactive(self.stream) if options.bars is None else options.bars
        self.reviews: list[str] = []  # documents with warnings, and their review pages

    def echo(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    # -- one edition ------------------------------------------------------

    def edition(self, root: Path) -> None:
        root.joinpath("build").mkdir(parents=True, exist_ok=True)
        settings["log_folder"] = root / "build"
        with open(root / "build" / LOCK_FILE, "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise EditionError("another build of this edition is running",
                                   str(root / "build")) from None
            self._wait_for_old_workers(root / "build")
            _remove_temporary_files(root / "build")
            ed = discover(root)
            hand = sum(1 for d in ed.documents if d.hand_edited)
            self.echo(f"{root}: {_plural(len(ed.documents), 'document')}"
                      + (f", {hand} of them hand-edited TEI" if hand else ""))
            self._hand_edited(ed)
            try:
                self._stages(ed)
            finally:
                ed.save()
            for doc in ed.documents:
                count = ed.entry(doc.id).get("convert", {}).get("warnings", 0)
                if count and not doc.hand_edited:
                    self.reviews.append(f"{_plural(count, 'warning')} in {ed.rel(doc.source)}: "
                                        f"see {ed.build_dir / 'review' / (doc.id + '.html')}")

    def _wait_for_old_workers(self, build_dir: Path) -> None:
        """The workers of a build whose main process was killed die with it, but
        may be finishing a write: the new build starts when none holds the folder."""
        with open(build_dir / WORKERS_LOCK_FILE, "a") as handle:
            deadline = time.monotonic() + WORKERS_WAIT_SECONDS
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise EditionError("worker processes of an earlier build still write "
                                           "here; wait for them to end, then build again",
                                           str(build_dir)) from None
                    time.sleep(0.1)
            fcntl.flock(handle, fcntl.LOCK_UN)

    def _hand_edited(self, ed: EditionBuild) -> None:
        """Say which file is published where a transcript and a hand-edited TEI file
        share an id; warn when the transcript or the register changed after the eject."""
        from .eject import stale_reasons

        for doc in ed.documents:
            if doc.transcript is None:
                continue
            self.echo(f"publish   {ed.rel(doc.source)} (hand-edited) for '{doc.id}'; "
                      f"{ed.rel(doc.transcript)} is not converted")
            for reason in stale_reasons(ed.register, doc.source):
                self.totals["convert"].warnings += 1
                self.echo(f"warning: {doc.source}: {reason}")
    def _stages(self, ed: EditionBuild) -> None:
        stages = self.options.stages
        current = {d.id for d in ed.documents}
        for gone in sorted(set(ed.state["documents"]) - current):
            self._remove_outputs(ed, ed.state["documents"].pop(gone))
        if "convert" in stages:
            self._convert(ed)
            self._write_personography(ed)
        for doc in ed.documents:
            if doc.id not in ed.failed and doc.tei.is_file():
                ed.tei_sha[doc.id] = sha256(doc.tei.read_bytes())
        if "validate" in stages:
            self._validate(ed)
        meta = _key(ed.metadata)
        around: dict[str, dict[str, str]] = {}
        if "html" in stages:
            around = self._order(ed)
        good = [d for d in ed.documents if d.id not in ed.failed and d.id in ed.tei_sha]
        if "html" in stages:
            # a page's neighbours are part of its key: a new document rebuilds
            # only the pages next to it
            self._per_document(ed, "html", good, lambda d: _key(self.fingerprints["html"], meta,
                                                                 ed.tei_sha[d.id], around.get(d.id)),
                               lambda d: (task_html, (ed.metadata, str(d.tei), str(ed.build_dir),
                                                      True, around.get(d.id))))
        # The index links the volume only when it is there: an out-of-date one is
        # removed first (never left beside current PDFs), and one that could not
        # be made has the site pages made again without the link.
        volume = ed.build_dir / "pdf" / "volume.pdf"
        volume_current = ed.state["collection"].get("volume", {}).get("key") == \
            self._collection_key(ed, self.fingerprints["pdf"])
        if "volume" not in stages and "pdf" in stages and volume.is_file() and not volume_current:
            ed.state["collection"].pop("volume", None)
            volume.unlink()
            self.echo(f"removed   {volume} (out of date; build with --volume to remake it)")
        linked = "volume" in stages or (volume.is_file() and volume_current)
        # The site pages need every page's document but not the PDFs: they are
        # made on one worker while the others typeset.
        def start_site(volume_linked: bool):
            return self._collection_start(ed, "site", self.fingerprints["html"],
                                          [ed.build_dir / f"{name}.html" for name in SITE_PAGES],
                                          task_site, str(ed.build_dir), extra=(volume_linked,))

        site = start_site(linked) if "site" in stages else None
        try:
            if "pdf" in stages:
                self._per_document(ed, "pdf", good, lambda d: _key(self.fingerprints["pdf"], meta,
                                                                    ed.tei_sha[d.id]),
                                   lambda d: (task_pdf, (ed.metadata, str(d.tei),
                                                         str(ed.build_dir / "pdf"))))
        finally:
            if site is not None:
                self._collection_finish(ed, site)
        if "volume" in stages:
            pending = self._collection_start(ed, "volume", self.fingerprints["pdf"], [volume],
                                             task_volume, str(ed.build_dir / "pdf"),
                                             guard=lambda: self._volume_too_big(ed))
            if pending is not None:
                self._collection_finish(ed, pending)
        if "site" in stages and linked and not volume.is_file():
            pending = start_site(False)
            if pending is not None:
                self._collection_finish(ed, pending)
        if "search" in stages:  # the pages are all written: index them
            pending = self._collection_start(ed, "search", self.fingerprints["html"],
                                             [ed.build_dir / "pagefind" / "pagefind.js"],
                                             task_search, str(ed.build_dir))
            if pending is not None:
                self._collection_finish(ed, pending)
        if not ed.failed:
            self._sweep(ed)

    # -- stages -------------------------------------------------------------

    def _order(self, ed: EditionBuild) -> dict[str, dict[str, str]]:
        """Each page's previous and next documents in the collection's order
        (html.collection_order), known once every valid document has its record."""
        from .html import collection_order, neighbours

        started = time.perf_counter()
        good = {d.tei: d for d in ed.documents if d.id not in ed.failed and d.id in ed.tei_sha}
        entries, failed = collection_entries(self.runner, ed.metadata, list(good), ed.build_dir)
        for tei, result in failed.items():
            self._bugs(ed, result)
            self._error(ed, "html", good[tei], result["errors"])
        self._check_stop()
        self.totals["html"].seconds += time.perf_counter() - started
        return neighbours(collection_order(entries.values()))

    def _write_personography(self, ed: EditionBuild) -> None:
        """The shared personography: the whole register as one TEI file, build/register.xml.

        Each document also carries the entries it points to, so that it stands alone."""
        from .apparatus import personography

        target = ed.build_dir / "register.xml"
        data = personography(ed.register)
        if not target.is_file() or target.read_bytes() != data:
            write_atomic(target, data)

    def _convert(self, ed: EditionBuild) -> None:
        docs = [d for d in ed.documents if not d.hand_edited]
        keys = {d.id: _key(self.fingerprints["convert"], ed.register_sha, d.source.name,
                           sha256(d.source.read_bytes())) for d in docs}
        for doc in ed.documents:
            if doc.hand_edited:  # a hand-edited file replaces a converted one
                self._copy_hand_edited(ed, doc)
        self._per_document(ed, "convert", docs, lambda d: keys[d.id],
                           lambda d: (task_convert, (str(ed.root), ed.register_sha,
                                                     str(d.source))),
                           outputs=lambda d: [d.tei])

    def _copy_hand_edited(self, ed: EditionBuild, doc: Document) -> None:
        """build/tei/<id>.xml is what the page's "TEI P5 XML" link serves: for a
        hand-edited document, a copy of the editor's file."""
        data = doc.source.read_bytes()
        _check_own_id(doc, data)
        copy = ed.build_dir / "tei" / f"{doc.id}.xml"
        if not copy.is_file() or copy.read_bytes() != data:
            write_atomic(copy, data)
        for out in ed.entry(doc.id).get("convert", {}).get("outputs", []):
            page = ed.root / out
            if page.parent == ed.build_dir / "review" and page.is_file():
                page.unlink()  # the review page of the transcript it replaces
        ed.entry(doc.id)["convert"] = {"key": sha256(data), "outputs": [ed.rel(copy)]}

    def _validate(self, ed: EditionBuild) -> None:
        stage = "validate"
        docs = [d for d in ed.documents if d.id not in ed.failed and d.id in ed.tei_sha]
        for doc in ed.documents:
            if doc.id not in ed.failed and doc.id not in ed.tei_sha:
                self._error(ed, stage, doc, [f"{doc.tei}: the TEI file is missing"])
        profile = str(ed.metadata.get("profile", "project"))
        keys = {d.id: _key(self.fingerprints[stage], profile, ed.tei_sha[d.id]) for d in docs}
        stale = [d for d in docs if ed.entry(d.id).get(stage, {}).get("key") != keys[d.id]]
        totals = self.totals[stage]
        totals.current += len(docs) - len(stale)
        if not stale:
            return
        for doc in stale:
            ed.entry(doc.id).pop(stage, None)
        ed.save()
        # One jing JVM per chunk: chunks big enough to pay for it, small
        # enough to keep both workers busy and the bar moving.
        size = max(10, min(200, math.ceil(len(stale) / (self.options.jobs * 3))))
        count = math.ceil(len(stale) / size)
        # dealt out largest first, so that the chunks weigh about the same
        by_size = sorted(stale, key=lambda d: -ed.tei_size(d))
        chunks = [by_size[i::count] for i in range(count)]
        progress = self._progress(stage, len(stale), len(docs) - len(stale))
        warned: set[str] = set()
        last_save = time.perf_counter()

        def done(index: int, result: dict) -> None:
            nonlocal last_save
            self._bugs(ed, result)
            for warning in result.get("warnings", []):
                if warning not in warned:
                    warned.add(warning)
                    totals.warnings += 1
                    progress.message(f"warning: {warning}")
            faults = result.get("faults", {})
            if "errors" in result:  # the whole chunk could not be validated
                for line in result["errors"]:
                    progress.message(f"error: {line}")
            for doc in chunks[index]:
                if "errors" in result:
                    self._error(ed, stage, doc, [], progress)
                elif faults.get(str(doc.tei)):
                    self._error(ed, stage, doc, faults[str(doc.tei)], progress)
                else:
                    ed.entry(doc.id)[stage] = {"key": keys[doc.id]}
                    totals.built += 1
                progress.advance()
            last_save = self._maybe_save(ed, last_save)
            self._check_stop()

        self._timed(stage, progress, lambda: self.runner.run(
            [(task_validate, ([str(d.tei) for d in chunk], profile)) for chunk in chunks], done))

    def _per_document(self, ed: EditionBuild, stage: str, docs: list[Document],
                      key: Callable[[Document], str], call: Callable[[Document], tuple],
                      outputs: Callable[[Document], list[Path]] | None = None) -> None:
        """Run one task per stale document; record its key and outputs."""
        totals = self.totals[stage]
        keys = {d.id: key(d) for d in docs}

        def current(doc: Document) -> bool:
            entry = ed.entry(doc.id).get(stage, {})
            return entry.get("key") == keys[doc.id] and all(
                (ed.root / out).is_file() for out in entry.get("outputs", [])) and (
                outputs is None or all(p.is_file() for p in outputs(doc)))

        # Largest first: the last task of a stage is then a short one, and no
        # worker idles long at the end while another finishes a long document.
        stale = sorted((d for d in docs if not current(d)),
                       key=lambda d: -(d.source if stage == "convert" else d.tei).stat().st_size)
        totals.current += len(docs) - len(stale)
        if not stale:
            return
        for doc in stale:  # the state never claims an output that is being rewritten
            ed.entry(doc.id).pop(stage, None)
        ed.save()
        progress = self._progress(stage, len(stale), len(docs) - len(stale))
        last_save = time.perf_counter()

        def done(index: int, result: dict) -> None:
            nonlocal last_save
            self._bugs(ed, result)
            doc = stale[index]
            for warning in result.get("warnings", []):
                totals.warnings += 1
                progress.message(f"warning: {warning}")
            if result.get("errors"):
                self._error(ed, stage, doc, result["errors"], progress)
            else:
                ed.entry(doc.id)[stage] = {
                    "key": keys[doc.id],
                    "outputs": [ed.rel(Path(p)) for p in result.get("outputs", [])],
                    **({"warnings": len(result["warnings"])} if result.get("warnings") else {})}
                totals.built += 1
            progress.advance()
            last_save = self._maybe_save(ed, last_save)
            self._check_stop()

        self._timed(stage, progress, lambda: self.runner.run([call(d) for d in stale], done))

    def _collection_key(self, ed: EditionBuild, fingerprint: str) -> str:
        members = [(d.id, ed.tei_sha[d.id]) for d in ed.documents
                   if d.id not in ed.failed and d.id in ed.tei_sha]
        return _key(fingerprint, _key(ed.metadata), members)

    def _collection_start(self, ed: EditionBuild, stage: str, fingerprint: str,
                          outputs: list[Path], task: Callable, out_dir: str,
                          guard: Callable[[], str | None] | None = None, extra: tuple = ()):
        """Start a whole-collection output (site pages, volume) unless it is current,
        or unless guard, asked only then, gives a reason not to (a warning; the
        out-of-date output is removed). extra: more arguments of the task, part of
        the output's key.

        It goes to a running worker pool in the background, else it runs
        in _collection_finish. Returns what _collection_finish needs, or None.
        """
        teis = [str(d.tei) for d in ed.documents if d.id not in ed.failed and d.id in ed.tei_sha]
        if not teis:
            return None
        key = self._collection_key(ed, fingerprint) if not extra else \
            _key(self._collection_key(ed, fingerprint), extra)
        entry = ed.state["collection"].get(stage, {})
        recorded = [ed.root / out for out in entry.get("outputs", [])]
        if entry.get("key") == key and all(p.is_file() for p in outputs + recorded):
            self.totals[stage].current += 1
            return None
        ed.state["collection"].pop(stage, None)
        ed.save()
        reason = guard() if guard is not None else None
        if reason is not None:
            for path in outputs + recorded:
                if path.is_file():
                    path.unlink()
            self.totals[stage].warnings += 1
            self.echo(f"warning: {reason}")
            return None
        args = (ed.metadata, teis, out_dir, *extra)
        future = self.runner.background(task, args)
        if future is not None:
            self.echo(f"{stage:<9} started in the background ({_plural(len(teis), 'document')})")
        return stage, key, time.perf_counter(), future, (task, args)

    def _volume_too_big(self, ed: EditionBuild) -> str | None:
        """Why the volume cannot be typeset in the memory free here, or None.
        Its pages are counted in the documents' own PDFs, already built."""
        available = available_memory_mb()
        if available is None:
            return None
        from .pdf import page_count

        pdfs = [ed.root / out for entry in ed.state["documents"].values()
                for out in entry.get("pdf", {}).get("outputs", [])]
        pages = sum(page_count(pdf) for pdf in pdfs if pdf.is_file())
        need = VOLUME_MB_BASE + VOLUME_MB_PER_PAGE * pages
        if need <= available:
            return None
        return (f"{ed.build_dir / 'pdf' / 'volume.pdf'} not typeset: its {pages:,} pages need "
                f"about {need / 1024:.1f} GB of memory and {available / 1024:.1f} GB are free "
                "(build it with --volume where there is more memory; `make VOLUME=` leaves it out)")

    def _collection_finish(self, ed: EditionBuild, pending) -> None:
        stage, key, started, future, (task, args) = pending
        result = self.runner.result(future) if future is not None else task(*args)
        self._bugs(ed, result)
        # its own time: in the background it overlaps the PDF stage
        seconds = result.get("seconds", time.perf_counter() - started)
        self.totals[stage].seconds += seconds
        if result.get("errors"):
            self.totals[stage].errors += 1
            self.errors += 1
            for line in result["errors"]:
                self.echo(f"error: {line}")
            self.echo(f"{stage:<9} failed ({seconds:.1f} s)")
        else:
            ed.state["collection"][stage] = {
                "key": key, "outputs": [ed.rel(Path(p)) for p in result.get("outputs", [])]}
            self.totals[stage].built += 1
            self.echo(f"{stage:<9} built ({seconds:.1f} s)")
        self._check_stop()

    # -- helpers ------------------------------------------------------------

    def _progress(self, stage: str, total: int, current: int) -> Progress:
        return Progress(stage, total, self.stream, self.bars,
                        note=f"{current} up to date" if current else "")

    def _timed(self, stage: str, progress: Progress, work: Callable[[], None]) -> None:
        totals = self.totals[stage]
        errors_before = totals.errors
        try:
            work()
        finally:
            totals.seconds += progress.elapsed
            failed = totals.errors - errors_before
            progress.finish(f"{progress.done - failed} built"
                            + (f", {failed} failed" if failed else ""))

    def _error(self, ed: EditionBuild, stage: str, doc: Document, messages: list[str],
               progress: Progress | None = None) -> None:
        ed.failed.add(doc.id)
        self.totals[stage].errors += 1
        self.errors += 1
        for line in messages:
            text = f"error: {line}"
            progress.message(text) if progress else self.echo(text)

    def _bugs(self, ed: EditionBuild, result: dict) -> None:
        """A task that met a bug: its traceback goes to a log file in the build
        folder (and to the terminal with --debug), its error line names the log."""
        trace = log_bug(result, ed.build_dir)
        if trace is not None and settings["debug"]:
            self.echo(trace.rstrip())

    def _check_stop(self) -> None:
        if self.errors and not self.options.keep_going:
            raise Stop()

    def _maybe_save(self, ed: EditionBuild, last: float) -> float:
        now = time.perf_counter()
        if now - last >= SAVE_EVERY_SECONDS:
            ed.save()
            return now
        return last

    def _remove_outputs(self, ed: EditionBuild, entry: dict) -> None:
        for stage in ("convert", "html", "pdf"):
            for out in entry.get(stage, {}).get("outputs", []):
                path = ed.root / out
                # only ever the build folder's own files, whatever the state says
                if path.parent.resolve().is_relative_to(ed.build_dir.resolve()) and path.is_file():
                    path.unlink()
                    self.echo(f"removed   {path} (its source is gone)")

    def _sweep(self, ed: EditionBuild) -> None:
        """Remove files in build/ that no current document or page accounts for."""
        stages = self.options.stages
        keep: set[Path] = {ed.root / out for entry in ed.state["documents"].values()
                           for stage in ("convert", "html", "pdf")
                           for out in entry.get(stage, {}).get("outputs", [])}
        keep |= {ed.root / out for entry in ed.state["collection"].values()
                 for out in entry.get("outputs", [])}
        candidates: list[Path] = []
        if "convert" in stages:
            candidates += (ed.build_dir / "tei").glob("*.xml")
        if "html" in stages and "site" in stages:
            candidates += ed.build_dir.glob("*.html")
        if "pdf" in stages:
            candidates += [p for p in (ed.build_dir / "pdf").glob("*.pdf")
                           if p.name != "volume.pdf"]
        for path in sorted(set(candidates) - keep):
            path.unlink()
            self.echo(f"removed   {path} (no source makes it any more)")

    # -- the end --------------------------------------------------------------

    def summary(self, seconds: float) -> str:
        stages = [s for s in STAGES if s in self.options.stages]
        rows = [f"{'stage':<9} {'built':>7} {'up to date':>11} {'warnings':>9} {'errors':>7}"
                f" {'time':>9}"]
        for stage in stages:
            t = self.totals[stage]
            rows.append(f"{stage:<9} {t.built:>7} {t.current:>11} {t.warnings:>9} {t.errors:>7}"
                        f" {t.seconds:>7.2f} s")
        warnings = sum(self.totals[s].warnings for s in stages)
        rows.append(f"{'total':<9} {'':>7} {'':>11} {warnings:>9} {self.errors:>7}"
                    f" {seconds:>7.2f} s")
        return "\n".join(rows)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _remove_temporary_files(build_dir: Path) -> None:
    """Half-written temporaries of a killed build (write_atomic names them .<name>.*.tmp)."""
    for folder in (build_dir, build_dir / "tei", build_dir / "pdf", build_dir / "assets",
                   build_dir / "review", build_dir / ".cache" / "records",
                   build_dir / ".cache" / "search"):
        for path in folder.glob(".*.tmp"):
            path.unlink(missing_ok=True)


def run_build(roots: list[Path], options: Options) -> int:
    """Build the editions; return the exit status (0 when nothing failed)."""
    started = time.perf_counter()
    build = Build(options)
    stopped = False
    try:
        for root in roots:
            try:
                build.edition(root)
            except Stop:
                stopped = True
                break
            except (EditionError, OSError) as exc:  # the edition cannot be read or written
                build.errors += 1
                if isinstance(exc, OSError):
                    exc = EditionError(exc.strerror or str(exc), exc.filename)
                build.echo(f"error: {exc}")
                if not options.keep_going:
                    stopped = True
                    break
    finally:
        build.runner.close()
    build.echo(build.summary(time.perf_counter() - started))
    for line in build.reviews:
        build.echo(f"review    {line}")
    if stopped:
        build.echo("stopped at the first error (--keep-going builds everything else)")
    return 1 if build.errors else 0


def _default_editions() -> list[Path]:
    if Path("edition.toml").is_file():
        return [Path(".")]
    found = sorted(p.parent for p in Path("editions").glob("*/edition.toml"))
    if not found:
        raise click.UsageError("no edition given, and no editions/*/edition.toml here")
    return found


@click.command("build")
@click.argument("editions", nargs=-1, type=click.Path(file_okay=False))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of cores].")
@click.option("--only", type=click.Choice(list(ONLY)), default=None,
              help="Build only the TEI, or up to validation, or the HTML or the PDF edition.")
@click.option("--volume", is_flag=True,
              help="Also typeset the whole collection as build/pdf/volume.pdf.")
@click.option("--keep-going", is_flag=True,
              help="Build everything that can be built and report every error "
                   "[default: stop at the first].")
def build_command(editions, jobs, only, volume, keep_going):
    """Build editions: convert, validate, HTML, PDF and the collection pages.

    Only what changed since the last build is rebuilt. EDITIONS are edition
    folders (with edition.toml) [default: editions/*, or . if it is one].
    Exit status: 0 when everything was built, 1 on any error.
    """
    # each edition once: a second pass would wait on its own workers' hold (WORKERS_LOCK_FILE)
    unique: dict[Path, Path] = {}
    for name in editions:
        unique.setdefault(Path(name).resolve(), Path(name))
    roots = list(unique.values()) or _default_editions()
    for root in roots:
        if not root.is_dir():
            raise EditionError("no such edition folder", str(root))
        if not (root / "edition.toml").is_file():
            raise EditionError("not an edition folder (it has no edition.toml)", str(root))
    stages = ONLY[only] if only else ("convert", "validate", "html", "pdf", "site", "search")
    if volume and "pdf" in stages:
        stages = stages + ("volume",)
    options = Options(jobs=jobs or os.cpu_count() or 1, stages=stages, keep_going=keep_going,
                      stream=sys.stderr)
    code = run_build(roots, options)
    if code:
        raise click.exceptions.Exit(code)
