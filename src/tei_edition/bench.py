"""`make bench`: how the build's cost grows with the size of the collection.

A reproducible corpus (seeded; transcripts of 2 to 50 KB shaped like the
sample edition's record of conversation) is generated under bench-corpus/,
then built with `tei-edition build` as a separate process, exactly as an
editor runs it. For each size the benchmark prints, per stage and in total,
documents per second, MB of transcript per second and the peak memory of the
whole process tree (sampled from /proc), and for the 500-document corpus also
the rebuild with nothing changed and with one source changed. For the
1,000-document corpus it also counts the bytes one search downloads, in
Chromium over a loopback server, as a reader's browser would.
"""

from __future__ import annotations

import http.server
import math
import os
import platform
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import click

# ------------------------------------------------------------------ corpus

_SOVIET = ["Mikoyan", "Ponomarev", "Kapitonov", "Yudin", "Satyukov", "Mukhitdinov", "Gromyko",
           "Suslov", "Malenkov", "Pervukhin", "Saburov", "Kosygin", "Puzanov", "Ivanov",
           "Fedorenko", "Kuznetsov", "Zverev", "Orlov", "Belov", "Sokolov"]
_SOVIET_GIVEN = ["Anastas", "Boris", "Ivan", "Pavel", "Andrei", "Mikhail", "Nikolai", "Vasily",
                 "Aleksei", "Sergei", "Dmitri", "Grigori"]
_KOREAN_SYLLABLES = ["yong", "geon", "hae", "ju", "yeon", "ang", "cheon", "chang", "ik", "kong",
                     "hum", "sung", "il", "chol", "min", "ho", "suk", "hyon", "dok", "pil"]
_KOREAN_FAMILY = ["Choe", "Rim", "Ri", "Ha", "Kim", "Pak", "Yun", "Nam", "Han", "Kang", "Chong",
                  "Pang", "So", "O"]
_ROLES = ["Deputy Chairman of the KWP CC", "member of the KWP CC Presidium",
          "Chairman of the KWP Central Auditing Commission", "member of the KWP CC",
          "Minister of Foreign Affairs", "head of the International Department",
          "Ambassador to the USSR", "candidate member of the CC Presidium"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_WORDS = ("the party plenum congress delegation comrades question matter report decision "
          "statement criticism leadership cadres government people work shortcomings successes "
          "situation issue conversation meeting group members opinion view agreement position "
          "economy plan industry harvest army treaty relations assistance delegates embassy "
          "information material discussion explanation resolution proposal reply period").split()
_VERBS = ("said discussed explained raised informed proposed agreed believed decided reported "
          "asked considered stressed noted clarified recalled answered expected prepared").split()
_SMALL = "we they he it this that there our your their".split()
_RIGHTS = [
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for "
    "research and educational purposes. Some documents may be subject to copyright, which is "
    "retained by the rights holders in accordance with US and international copyright laws. "
    "When possible, rights holders have been contacted for permission to reproduce their "
    "materials.",
    "To enquire about this document's rights status or request permission for commercial use, "
    "please contact the History and Public Policy Program at [email protected].",
]


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    label: str      # the form the transcript's speaker labels use
    side: str
    role: str


def _persons(rng: random.Random) -> list[Person]:
    people: list[Person] = []
    for surname in _SOVIET:
        given = rng.choice(_SOVIET_GIVEN)
        people.append(Person(surname.lower(), f"{given} {surname}", surname,
                             "Soviet delegation", rng.choice(_ROLES)))
    seen = {p.id for p in people}
    while len(people) < len(_SOVIET) * 2:
        family = rng.choice(_KOREAN_FAMILY)
        given = (rng.choice(_KOREAN_SYLLABLES).capitalize() + "-" + rng.choice(_KOREAN_SYLLABLES))
        name = f"{family} {given}"
        pid = name.lower().replace(" ", "-")
        if pid not in seen:
            seen.add(pid)
            people.append(Person(pid, name, name, "Korean delegation", rng.choice(_ROLES)))
    return people


def _edition_toml(people: list[Person]) -> str:
    lines = [
        "# A generated benchmark edition (tei_edition.bench); not a real collection.",
        "[edition]",
        'title = "Benchmark Conversations"',
        'editors = ["tei-edition benchmark"]',
        'publisher = "tei-edition benchmark"',
        'licence = "CC BY 4.0"',
        'licence_url = "https://creativecommons.org/licenses/by/4.0/"',
        'base_url = "https://example.org/bench/"',
        'language = "en"',
        "",
    ]
    for person in people:
        aliases = [person.label] + ([person.name.split()[0]] if person.side.startswith("Korean")
                                    else [])
        lines += ["[[persons]]", f'id = "{person.id}"', f'name = "{person.name}"',
                  "aliases = [" + ", ".join(f'"{a}"' for a in dict.fromkeys(aliases)) + "]",
                  f'role = "{person.role}"', f'side = "{person.side}"', ""]
    return "\n".join(lines)


def _sentence(rng: random.Random, people: list[Person]) -> str:
    words = [rng.choice(_SMALL), rng.choice(_VERBS)]
    words += [rng.choice(_WORDS) for _ in range(rng.randint(3, 14))]
    roll = rng.random()
    if roll < 0.08:
        words.insert(rng.randint(1, len(words)), f"[inserted: {rng.choice(_WORDS)} "
                                                 f"{rng.choice(_WORDS)}]")
    elif roll < 0.14:
        words.insert(rng.randint(1, len(words)), rng.choice(["[him]", "[it]", "[they]", "[you]"]))
    elif roll < 0.18:
        words.insert(rng.randint(1, len(words)), f"Cde. {rng.choice(people).label}")
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    return text + ("?" if rng.random() < 0.15 else ".")


def transcript(rng: random.Random, people: list[Person], target_bytes: int,
               turns: int | None = None) -> str:
    """One record of conversation of about target_bytes (or of exactly `turns`
    turns), shaped like the sample."""
    year = rng.randint(1950, 1965)
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    soviets = rng.sample([p for p in people if p.side.startswith("Soviet")], rng.randint(2, 5))
    koreans = rng.sample([p for p in people if p.side.startswith("Korean")], rng.randint(2, 4))
    title = (f"Conversation with the {rng.choice(['Korean', 'Party', 'Government'])} "
             f"Delegation on the {rng.choice(_WORDS).capitalize()} "
             f"{rng.choice(_WORDS).capitalize()}")
    present = ("Present: Cdes. " + ", ".join(p.label for p in soviets[:-1])
               + f", and {soviets[-1].label}. The Korean delegation: "
               + ", ".join(f"{p.name} ({p.role})" for p in koreans[:-1])
               + f", and {koreans[-1].name} ({koreans[-1].role}).")
    parts = ["Skip to content", f"{_MONTHS[month]} {min(day + 1, 28)}, {year}", title,
             rng.choice(["Top Secret", "Secret", "Confidential"]),
             f"The conversation with the delegation, {day} {_MONTHS[month]} {year}", present]
    size = sum(len(p) for p in parts)
    speakers = soviets[:2] + koreans[:2]
    lunch_at = target_bytes * rng.uniform(0.6, 0.9) if rng.random() < 0.3 else None
    spoken = 0
    while (spoken < turns) if turns is not None else (size < target_bytes):
        spoken += 1
        if lunch_at is not None and size > lunch_at:
            parts.append("from a conversation over lunch.")
            lunch_at = None
        speaker = rng.choice(speakers)
        honorific = "Cde. Cde." if rng.random() < 0.03 else "Cde."
        turn = " ".join(_sentence(rng, people) for _ in range(rng.randint(1, 6)))
        parts.append(f"{honorific} {speaker.label} - {turn}")
        size += len(parts[-1]) + 3
    first, last = rng.randint(1, 200), 0
    last = first + rng.randint(1, 30)
    parts += [f"Recorded by {rng.choice('AIVNP')}. {rng.choice(_SOVIET)}",
              " ".join(_sentence(rng, people) for _ in range(3)),
              "Document Information",
              f"GARF, Fond {rng.randint(1000, 9999)}, Opis {rng.randint(1, 99)}"
              f"{rng.choice(['', 'c', 'a'])}, Delo {rng.randint(1, 999)}, Listy {first}-{last}. "
              "Translated by Gary Goldberg."]
    return "\n\n\n".join(parts) + "\n\n\n" + "\n\n".join(_RIGHTS) + (
        "\n\nOriginal Uploaded Date\n\n\n\nRecord ID\n")


def generate_corpus(root: Path, documents: int, seed: int = 1956) -> Path:
    """Write an edition of `documents` transcripts under root (idempotent: files
    already holding the right bytes are left alone, so their hashes stay valid)."""
    rng = random.Random(seed)
    people = _persons(rng)
    root.mkdir(parents=True, exist_ok=True)
    _write_if_changed(root / "edition.toml", _edition_toml(people))
    folder = root / "transcripts"
    folder.mkdir(exist_ok=True)
    wanted = set()
    for number in range(documents):
        # Sizes log-uniform between 2 and 50 KB: many short records, some long ones.
        doc_rng = random.Random(f"{seed}-{number}")
        size = int(math.exp(doc_rng.uniform(math.log(2048), math.log(50 * 1024))))
        name = f"record-{number:05d}.txt"
        wanted.add(name)
        _write_if_changed(folder / name, transcript(doc_rng, people, size))
    for stale in folder.glob("*.txt"):
        if stale.name not in wanted:
            stale.unlink()
    return root


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


# --------------------------------------------------------------- measuring

STAGE_ROWS = ("convert", "validate", "html", "pdf", "site", "search")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _memory_kb(pid: int) -> int:
    """Proportional set size (shared pages split between their users), else RSS."""
    for name, field in (("smaps_rollup", b"Pss:"), ("status", b"VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", "rb") as handle:
                for line in handle:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


class PeakMemory:
    """Samples the memory of a process and all its descendants (workers, JVMs)."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(_memory_kb(p) for p in _descendants(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


@dataclass
class Run:
    label: str
    documents: int
    megabytes: float
    seconds: float
    peak_mb: float
    stages: dict[str, float]
    built: dict[str, int]


def timed_command(*arguments: str) -> tuple[float, float, str]:
    """Seconds, peak memory (MB) and standard error of one tei-edition command run
    as a separate process, as an editor runs it."""
    command = [sys.executable, "-m", "tei_edition.cli", *arguments]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "CI": "true"})
    memory = PeakMemory(process.pid)
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"tei-edition {' '.join(arguments)} failed:\n{err[-3000:]}")
    return seconds, peak, err


def run_build(edition: Path, jobs: int, label: str, extra: tuple[str, ...] = ()) -> Run:
    """One `tei-edition build` as a separate process, timed and watched."""
    seconds, peak, err = timed_command("build", str(edition), "-j", str(jobs), *extra)
    stages, built = {}, {}
    for line in err.splitlines():
        fields = line.split()
        if len(fields) == 7 and fields[0] in STAGE_ROWS + ("volume",) and fields[-1] == "s":
            stages[fields[0]] = float(fields[5])
            built[fields[0]] = int(fields[1])
    transcripts = list((edition / "transcripts").glob("*.txt"))
    return Run(label, len(transcripts), sum(p.stat().st_size for p in transcripts) / 1e6,
               seconds, peak, stages, built)


def _rate(amount: float, seconds: float) -> str:
    return f"{amount / seconds:9.1f}" if seconds > 0 else f"{'-':>9}"


def report(run: Run) -> str:
    lines = [f"{run.label} ({run.megabytes:.1f} MB of transcripts)",
             f"  {'stage':<9} {'seconds':>8} {'docs/s':>9} {'MB/s':>9} {'ms/doc':>8}"]
    for stage, seconds in run.stages.items():
        lines.append(f"  {stage:<9} {seconds:>8.2f} {_rate(run.documents, seconds)} "
                     f"{_rate(run.megabytes, seconds)} {1000 * seconds / run.documents:>8.1f}")
    lines.append(f"  {'total':<9} {run.seconds:>8.2f} {_rate(run.documents, run.seconds)} "
                 f"{_rate(run.megabytes, run.seconds)} {1000 * run.seconds / run.documents:>8.1f}"
                 f"   peak memory {run.peak_mb:,.0f} MB")
    return "\n".join(lines)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1048576:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({model}){memory}, "
            f"Python {platform.python_version()}; load average at start {load:.1f}")


def _touch_one(edition: Path) -> Path:
    """Change one transcript as an editor would: one more turn."""
    path = sorted((edition / "transcripts").glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Recorded by", "Cde. Orlov - A sentence added for the "
                                 "benchmark.\n\n\nRecorded by", 1), encoding="utf-8")
    return path


def _rebuilds(edition: Path, jobs: int, documents: int, seed: int, attempts: int = 4) -> None:
    """Time a rebuild with nothing changed and one with one source changed.

    Any change to the tool's code in between (another engineer's commit in a
    shared tree) rebuilds everything and would spoil the figure: such runs are
    detected by what they rebuilt, said so, and measured again.
    """
    for attempt in range(1, attempts + 1):
        nothing = run_build(edition, jobs, "rebuild, nothing changed")
        if sum(nothing.built.values()):
            click.echo(f"  (attempt {attempt}: the tool changed during the benchmark, "
                       f"{sum(nothing.built.values())} outputs rebuilt; measuring again)")
            continue
        changed_path = _touch_one(edition)
        one = run_build(edition, jobs, "rebuild, one source changed")
        generate_corpus(edition, documents, seed)  # put the corpus back as generated
        if one.built.get("convert", 0) != 1 or one.built.get("html", 0) != 1:
            click.echo(f"  (attempt {attempt}: the tool changed during the benchmark, "
                       f"{one.built.get('html', 0)} pages rebuilt; measuring again)")
            continue
        click.echo(f"{documents} documents, rebuild with nothing changed: "
                   f"{nothing.seconds:.2f} s (peak memory {nothing.peak_mb:,.0f} MB)")
        click.echo(f"{documents} documents, rebuild with one source changed "
                   f"({changed_path.name}): {one.seconds:.2f} s "
                   f"(peak memory {one.peak_mb:,.0f} MB)")
        click.echo("  " + ", ".join(f"{stage} {seconds:.2f} s"
                                    for stage, seconds in one.stages.items()) + "\n")
        return
    click.echo(f"{documents} documents: no clean rebuild measurement in {attempts} attempts "
               "(the tool kept changing)\n")


def _volume(edition: Path, jobs: int, documents: int) -> None:
    """The volume (build --volume) on its own, the documents being built already."""
    run = run_build(edition, jobs, "volume", ("--only", "pdf", "--volume"))
    others = sum(n for stage, n in run.built.items() if stage != "volume")
    click.echo(f"{documents} documents, the PDF volume: {run.stages.get('volume', 0):.2f} s, "
               f"peak memory {run.peak_mb:,.0f} MB"
               + (f" (the tool changed: {others} other outputs were rebuilt too)" if others
                  else "") + "\n")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _query_bytes(edition: Path, documents: int, queries: tuple[str, ...]) -> None:
    """The bytes the search page downloads to answer each query (a fresh browser
    each time, so nothing is cached): Pagefind's script and index, the filters,
    the result fragments. Needs Playwright and Debian's Chromium (the test extras)."""
    import functools
    import shutil

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        click.echo("bytes per query: not measured (Playwright is not installed: pip install -e '.[test]')")
        return
    chromium = shutil.which("chromium")
    if chromium is None:
        click.echo("bytes per query: not measured (no chromium on PATH)")
        return
    handler = functools.partial(_Quiet, directory=str(edition / "build"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                sizes: dict[str, int] = {}
                page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))
                page.goto(f"{base}search.html?q={query}")
                page.locator("#search-status").filter(has_text="found").wait_for(timeout=60000)
                search = sum(v for k, v in sizes.items() if "/pagefind/" in k)
                fragments = sum(v for k, v in sizes.items() if "/fragment/" in k)
                click.echo(f"{documents} documents, search for {query!r}: "
                           f"{search / 1000:,.0f} kB from pagefind/ "
                           f"({fragments / 1000:,.0f} kB of it the results shown), "
                           f"{page.locator('#search-status').inner_text()}")
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def generate_large(root: Path, turns: int, seed: int = 1956) -> Path:
    """An edition of one record of conversation with `turns` turns (about 2 MB
    for 5,000): the size where a cost that grows faster than the text shows."""
    rng = random.Random(seed)
    people = _persons(rng)
    root.mkdir(parents=True, exist_ok=True)
    _write_if_changed(root / "edition.toml", _edition_toml(people))
    (root / "transcripts").mkdir(exist_ok=True)
    _write_if_changed(root / "transcripts" / f"conversation-{turns}.txt",
                      transcript(random.Random(f"{seed}-large"), people, turns * 420, turns=turns))
    return root


def large_document(corpus: Path, turns: int, seed: int) -> None:
    """`render --to html` and `render --to pdf` of one document of `turns` turns."""
    import shutil

    edition = generate_large(corpus / f"large-{turns}", turns, seed)
    shutil.rmtree(edition / "build", ignore_errors=True)
    run_build(edition, 1, "large", ("--only", "tei"))
    tei = next((edition / "build" / "tei").glob("*.xml"))
    click.echo(f"one document of {turns:,} turns ({tei.stat().st_size / 1e6:.1f} MB of TEI):")
    for target in ("html", "pdf"):
        seconds, peak, _ = timed_command("render", str(tei), "--to", target,
                                       "-o", str(edition / "build"))
        click.echo(f"  render --to {target:<4} {seconds:6.2f} s   peak memory {peak:,.0f} MB")
    click.echo("")


def validate_rate(edition: Path, jobs: int) -> None:
    """`tei-edition validate -j N` over an edition's TEI files, as one command."""
    files = sorted((edition / "build" / "tei").glob("*.xml"))
    seconds, peak, _ = timed_command("validate", str(edition / "build" / "tei"), "-j", str(jobs))
    click.echo(f"validate -j {jobs} of the same {len(files)} TEI files, one command: {seconds:.2f} s, "
               f"{len(files) / seconds:.1f} docs/s, peak memory {peak:,.0f} MB\n")


def compare_stylesheets(edition: Path, stylesheets: Path) -> None:
    """Our HTML stage against the TEI Stylesheets' html/html.xsl on the same TEI:
    each compiled once, in this one process, on one core; per document it reads
    the TEI file, transforms it and writes the page (ours also its record).
    Wall time and this process's CPU time are both given: on a shared machine
    the CPU time is the steadier figure."""
    import tempfile

    from saxonche import PySaxonProcessor

    from .html import HtmlRenderer
    from .register import load_edition

    reference = stylesheets / "html" / "html.xsl"
    if not reference.is_file():
        click.echo(f"TEI_STYLESHEETS={stylesheets}: no html/html.xsl there; comparison left out\n")
        return
    files = sorted((edition / "build" / "tei").glob("*.xml"))
    processor = PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(
        stylesheet_file=str(reference))
    renderer = HtmlRenderer(load_edition(edition).metadata)
    with tempfile.TemporaryDirectory(prefix="tei-edition-bench-") as tmp:
        out = Path(tmp)
        for path in files[:5]:  # warm both up alike
            executable.transform_to_string(xdm_node=processor.parse_xml(xml_file_name=str(path)))
            renderer.document(path, out / "warm")
        started, cpu = time.perf_counter(), time.process_time()
        for path in files:
            page = executable.transform_to_string(
                xdm_node=processor.parse_xml(xml_file_name=str(path)))
            (out / f"{path.stem}.html").write_text(page, encoding="utf-8")
        theirs, theirs_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        for path in files:
            renderer.document(path, out / "ours")
        ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
    n = len(files)
    click.echo(f"HTML of the same {n} TEI documents, one process, one core:")
    click.echo(f"  TEI Stylesheets html.xsl  {1000 * theirs / n:7.1f} ms/doc "
               f"{n / theirs:7.1f} docs/s   CPU {1000 * theirs_cpu / n:5.1f} ms/doc")
    click.echo(f"  tei-edition HTML stage    {1000 * ours / n:7.1f} ms/doc "
               f"{n / ours:7.1f} docs/s   CPU {1000 * ours_cpu / n:5.1f} ms/doc")
    click.echo(f"  ratio: ours is {theirs / ours:.2f}x as fast per document "
               f"({theirs_cpu / ours_cpu:.2f}x in CPU time)\n")


@click.command()
@click.option("--sizes", default="100,500,1000", show_default=True,
              help="Corpus sizes built end to end (TEI, validation, HTML, PDF, site).")
@click.option("--html-only", "html_sizes", default="10000", show_default=True,
              help="Corpus sizes built with --only html (empty for none); 10000 takes "
                   "about 7 minutes on 2 cores.")
@click.option("--rebuild-size", type=int, default=500, show_default=True,
              help="Size at which the no-change and one-change rebuilds are timed (0: none).")
@click.option("--volume-size", type=int, default=100, show_default=True,
              help="Size at which the whole-collection PDF volume is timed (0: none).")
@click.option("--query-size", type=int, default=1000, show_default=True,
              help="Size at which the bytes a search downloads are counted (0: none).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default=True)
@click.option("--corpus", type=click.Path(file_okay=False), default="bench-corpus",
              show_default=True, help="Where the generated editions are kept (git-ignored).")
@click.option("--seed", type=int, default=1956, show_default=True)
@click.option("--large", "large_turns", type=int, default=5000, show_default=True,
              help="Turns of the one large document rendered to HTML and PDF (0: none).")
@click.option("--compare-size", type=int, default=500, show_default=True,
              help="Size of the end-to-end corpus whose TEI the comparison with the TEI "
                   "Stylesheets uses (a copy of them named by TEI_STYLESHEETS).")
def main(sizes, html_sizes, rebuild_size, volume_size, query_size, jobs, corpus, seed,
         large_turns, compare_size):
    """Generate seeded corpora and time `tei-edition build` on them."""
    import shutil

    full = [int(s) for s in sizes.split(",") if s.strip()]
    html = [int(s) for s in html_sizes.split(",") if s.strip()]
    click.echo(f"machine: {machine()}")
    click.echo(f"build: -j {jobs}; each size is a fresh build of a generated edition "
               f"(seed {seed}; transcripts 2-50 KB, log-uniform)\n")
    runs: list[Run] = []
    plan = [(n, ()) for n in full] + [(n, ("--only", "html")) for n in html]
    for documents, extra in plan:
        edition = Path(corpus) / f"{documents}"
        generate_corpus(edition, documents, seed)
        shutil.rmtree(edition / "build", ignore_errors=True)
        what = "HTML only" if extra else "end to end"
        run = run_build(edition, jobs, f"{documents} documents, {what}", extra)
        runs.append(run)
        click.echo(report(run) + "\n")
        if documents == rebuild_size and not extra:
            _rebuilds(edition, jobs, documents, seed)
        if documents == volume_size and not extra:
            _volume(edition, jobs, documents)
        if documents == query_size:
            _query_bytes(edition, documents, ("harvest", "Mikoyan"))
        if documents == compare_size and not extra:
            validate_rate(edition, jobs)
            if os.environ.get("TEI_STYLESHEETS"):
                compare_stylesheets(edition, Path(os.environ["TEI_STYLESHEETS"]))
            else:
                click.echo("TEI_STYLESHEETS is not set: the comparison with the TEI "
                           "Stylesheets' html.xsl is left out\n")
    if large_turns:
        large_document(Path(corpus), large_turns, seed)
    if 10000 not in full + html:
        click.echo("10,000 documents were left out: without them the growth of cost with "
                   "the size of the collection is not shown.\n")
    if runs:
        click.echo("milliseconds per document (flat = linear growth):")
        click.echo(f"  {'documents':<28}" + "".join(f"{s:>9}" for s in STAGE_ROWS)
                   + f"{'total':>9}{'peak MB':>9}")
        for run in runs:
            click.echo(f"  {run.label:<28}" + "".join(
                f"{1000 * run.stages[s] / run.documents:>9.1f}" if s in run.stages else f"{'-':>9}"
                for s in STAGE_ROWS) + f"{1000 * run.seconds / run.documents:>9.1f}"
                + f"{run.peak_mb:>9,.0f}")


if __name__ == "__main__":
    main()
