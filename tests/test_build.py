"""`tei-edition build`, run as the editor runs it: a real subprocess with real
saxonche, jing and Typst, on the sample edition and on generated editions."""

from __future__ import annotations

import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.bench import generate_corpus

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "editions" / "korean-1956"
SAMPLE_ID = "korean-delegation-1956-09-16"


def build(*args: str, cwd: Path | None = None, env: dict | None = None,
          check: bool = True) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CI": "true", **(env or {})}
    result = subprocess.run([sys.executable, "-m", "tei_edition.cli", "build", *args],
                            capture_output=True, text=True, cwd=cwd, env=environment)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def copy_edition(source: Path, target: Path) -> Path:
    """An edition's sources (never its build/) in a fresh folder."""
    shutil.copytree(source, target, ignore=lambda folder, names:
                    ["build"] if Path(folder) == source else [])
    return target


def outputs(edition: Path) -> dict[str, bytes]:
    """Every file in build/, by path relative to it."""
    folder = edition / "build"
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def hidden(name: str) -> bool:
    """State, lock, temporary and cache files: hidden, and not outputs."""
    return any(part.startswith(".") for part in Path(name).parts)


def visible_outputs_of(files: dict[str, bytes]) -> dict[str, bytes]:
    """The outputs compared byte for byte: all but Pagefind's search index, whose
    bytes differ from run to run of the same input (its filters are written in
    an order that varies: README, "Search"); that it is there is checked."""
    if any(name.startswith("pagefind/") for name in files):
        assert "pagefind/pagefind.js" in files
    return {name: data for name, data in files.items()
            if not hidden(name) and not name.startswith("pagefind/")}


def visible_outputs(edition: Path) -> dict[str, bytes]:
    return visible_outputs_of(outputs(edition))


def stamps(edition: Path) -> dict[str, int]:
    folder = edition / "build"
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}


def summary_row(output: str, stage: str) -> list[str]:
    """The summary table's row for a stage: built, up to date, warnings, errors."""
    for line in output.splitlines():
        if line.startswith(f"{stage} ") and line.rstrip().endswith(" s") and "built" not in line:
            return line.split()[1:5]
    raise AssertionError(f"no summary row for {stage} in:\n{output}")


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Path:
    """Sources of a generated edition of 30 documents (shaped like the sample)."""
    return generate_corpus(tmp_path_factory.mktemp("sources") / "bench", 30, seed=7)


@pytest.fixture(scope="session")
def reference(generated, tmp_path_factory) -> dict[str, bytes]:
    """What one uninterrupted build of the generated edition writes."""
    edition = copy_edition(generated, tmp_path_factory.mktemp("reference") / "edition")
    build(str(edition), "-j", "2")
    return outputs(edition)


@pytest.fixture(scope="session")
def sample_built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    edition = copy_edition(SAMPLE, tmp_path_factory.mktemp("sample") / "korean-1956")
    return edition, build(str(edition))


# ------------------------------------------------------------ the sample


def test_sample_edition_builds_every_output(sample_built):
    edition, result = sample_built
    files = outputs(edition)
    for name in (f"tei/{SAMPLE_ID}.xml", f"{SAMPLE_ID}.html", "index.html", "persons.html",
                 "assets/edition.css", f"pdf/{SAMPLE_ID}.pdf"):
        assert name in files, name
    assert files[f"pdf/{SAMPLE_ID}.pdf"].startswith(b"%PDF")
    tei = etree.fromstring(files[f"tei/{SAMPLE_ID}.xml"])
    assert tei.get("{http://www.w3.org/XML/1998/namespace}id") == SAMPLE_ID
    assert b"Mikoyan" in files[f"{SAMPLE_ID}.html"]
    assert SAMPLE_ID.encode() in files["index.html"]
    # the summary table: one document through every stage, nothing failed
    for stage in ("convert", "validate", "html", "pdf"):
        assert summary_row(result.stderr, stage) == ["1", "0", "0", "0"], result.stderr
    assert summary_row(result.stderr, "site")[3] == "0"
    assert "\r" not in result.stderr  # plain lines in CI, no bar


def test_nothing_changed_means_nothing_rewritten(sample_built):
    edition, _ = sample_built
    before_bytes, before_stamps = outputs(edition), stamps(edition)
    result = build(str(edition))
    for stage in ("convert", "validate", "html", "pdf", "site"):
        assert summary_row(result.stderr, stage)[:2] == ["0", "1"], result.stderr
    assert stamps(edition) == before_stamps
    assert outputs(edition) == before_bytes


def test_the_default_is_every_edition_under_editions(tmp_path):
    copy_edition(SAMPLE, tmp_path / "editions" / "one")
    copy_edition(SAMPLE, tmp_path / "editions" / "two")
    result = build(cwd=tmp_path)
    assert (tmp_path / "editions/one/build/index.html").is_file()
    assert (tmp_path / "editions/two/build/index.html").is_file()
    assert summary_row(result.stderr, "html")[0] == "2"


# ------------------------------------------------------- incremental


def test_one_changed_source_rebuilds_that_document_and_the_collection(tmp_path, generated):
    edition = copy_edition(generated, tmp_path / "edition")
    transcripts = sorted((edition / "transcripts").glob("*.txt"))[:6]
    for extra in sorted((edition / "transcripts").glob("*.txt"))[6:]:
        extra.unlink()
    build(str(edition))
    before = stamps(edition)
    changed = transcripts[2]
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "Recorded by", "Cde. Orlov - One more sentence was spoken.\n\n\nRecorded by"),
        encoding="utf-8")
    result = build(str(edition))
    for stage in ("convert", "validate", "html", "pdf"):
        assert summary_row(result.stderr, stage)[:2] == ["1", "5"], result.stderr
    after = stamps(edition)
    rewritten = {name for name in after if after[name] != before.get(name)}
    stem = changed.stem
    # that document's files, and the collection pages; no other document's
    assert {name for name in rewritten if "record-" in name} == {
        f"tei/{stem}.xml", f"review/{stem}.html", f"{stem}.html", f"pdf/{stem}.pdf"}
    assert {"index.html", "persons.html"} <= rewritten
    assert b"One more sentence" in (edition / "build" / f"{stem}.html").read_bytes()


def test_register_change_reconverts_and_removed_source_removes_its_outputs(tmp_path, generated):
    edition = copy_edition(generated, tmp_path / "edition")
    for extra in sorted((edition / "transcripts").glob("*.txt"))[3:]:
        extra.unlink()
    build(str(edition), "--only", "html")
    gone = sorted((edition / "transcripts").glob("*.txt"))[0]
    gone.unlink()
    toml = edition / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'title = "Benchmark Conversations"', 'title = "Renamed Conversations"'), encoding="utf-8")
    result = build(str(edition), "--only", "html")
    assert summary_row(result.stderr, "convert")[:2] == ["2", "0"], result.stderr
    assert not (edition / "build" / "tei" / f"{gone.stem}.xml").exists()
    assert not (edition / "build" / "review" / f"{gone.stem}.html").exists()
    assert not (edition / "build" / f"{gone.stem}.html").exists()
    assert f"removed   {edition / 'build' / f'{gone.stem}.html'}" in result.stderr
    assert b"Renamed Conversations" in (edition / "build" / "index.html").read_bytes()
    assert gone.stem.encode() not in (edition / "build" / "index.html").read_bytes()


def test_hand_edited_tei_is_published_as_it_is_and_never_overwritten(tmp_path, sample_built):
    built, _ = sample_built
    edition = copy_edition(SAMPLE, tmp_path / "edition")
    build(str(edition), "--only", "html")
    (edition / "tei").mkdir()
    hand = (built / "build" / "tei" / f"{SAMPLE_ID}.xml").read_bytes().replace(
        b"Conversation with the Delegation", b"Hand-corrected conversation with the Delegation")
    (edition / "tei" / f"{SAMPLE_ID}.xml").write_bytes(hand)
    result = build(str(edition), "--only", "html")
    assert (edition / "tei" / f"{SAMPLE_ID}.xml").read_bytes() == hand
    # the converter's TEI is replaced by a copy of the hand-edited file, which the
    # page's "TEI P5 XML" link (tei/<id>.xml) serves; the transcript's review page goes
    assert (edition / "build" / "tei" / f"{SAMPLE_ID}.xml").read_bytes() == hand
    assert f'href="tei/{SAMPLE_ID}.xml"'.encode() in (edition / "build" / f"{SAMPLE_ID}.html").read_bytes()
    assert not (edition / "build" / "review" / f"{SAMPLE_ID}.html").exists()
    assert b"Hand-corrected" in (edition / "build" / f"{SAMPLE_ID}.html").read_bytes()
    assert "1 document, 1 of them hand-edited TEI" in result.stderr
    assert (f"publish   tei/{SAMPLE_ID}.xml (hand-edited) for '{SAMPLE_ID}'; "
            f"transcripts/{SAMPLE_ID}.txt is not converted") in result.stderr


# ------------------------------------------------------------ errors


@pytest.fixture
def broken_edition(tmp_path, generated) -> Path:
    """Three good transcripts, one that is not UTF-8, one hand-edited TEI that is not XML."""
    edition = copy_edition(generated, tmp_path / "edition")
    for extra in sorted((edition / "transcripts").glob("*.txt"))[3:]:
        extra.unlink()
    (edition / "transcripts" / "bad-bytes.txt").write_bytes(b"Cde. Orlov - caf\xe9 [it]\n")
    (edition / "tei").mkdir()
    (edition / "tei" / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n"
                                                "<teiHeader>\n</TEI>\n", encoding="utf-8")
    return edition


def test_first_error_stops_the_build_with_one_line(broken_edition):
    result = build(str(broken_edition), "--only", "html", check=False)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert re.match(r"error: .*bad-bytes\.txt:1:\d+: byte 0xE9 is not valid UTF-8", errors[0])
    assert "Traceback" not in result.stderr
    assert "stopped at the first error" in result.stderr
    assert not list((broken_edition / "build").glob("*.html"))


def test_keep_going_builds_the_rest_and_reports_every_error(broken_edition):
    result = build(str(broken_edition), "--only", "html", "--keep-going", check=False)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert any("bad-bytes.txt:1:" in line for line in errors), result.stderr
    assert any(re.search(r"broken\.xml:\d+:\d+: well-formed/", line) for line in errors), errors
    pages = sorted(p.name for p in (broken_edition / "build").glob("*.html"))
    assert [p for p in pages if p.startswith("record-")] == [
        "record-00000.html", "record-00001.html", "record-00002.html"]
    assert "index.html" in pages and "bad-bytes.html" not in pages
    assert b"broken" not in (broken_edition / "build" / "index.html").read_bytes()
    assert summary_row(result.stderr, "convert")[3] == "1"
    assert summary_row(result.stderr, "validate")[3] == "1"
    # errors are not remembered as success: the next build reports them again
    again = build(str(broken_edition), "--only", "html", "--keep-going", check=False)
    assert again.returncode == 1 and "bad-bytes.txt:1:" in again.stderr


def test_a_folder_that_is_no_edition_is_one_line(tmp_path):
    result = build(str(tmp_path), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {tmp_path}: not an edition folder (it has no edition.toml)"


# ------------------------------------------------------- interruption


def _complete(name: str, data: bytes) -> bool:
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if name.endswith(".xml"):
        etree.fromstring(data)  # raises if cut short
        return True
    if name.endswith(".html"):
        return data.lstrip().lower().startswith(b"<!doctype html") and \
            data.rstrip().endswith(b"</html>")
    return True


def interrupt_build(edition: Path, when: str, sig: int) -> subprocess.CompletedProcess:
    """Start a build; send sig to it and its workers once build/<when> holds 3 files."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tei_edition.cli", "build", str(edition), "-j", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, text=True,
        env={**os.environ, "CI": "true"})
    folder = edition / "build" / when
    # Mid-way through that stage, by construction (the stages write in order).
    while process.poll() is None:
        if folder.is_dir() and len([p for p in folder.iterdir() if not p.name.startswith(".")]) >= 3:
            os.killpg(process.pid, sig)
            break
        time.sleep(0.02)
    out, _ = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, "")


@pytest.mark.parametrize("kill_when", ["tei", "pdf"])
def test_a_killed_build_leaves_complete_files_and_the_next_build_finishes(
        tmp_path, generated, reference, kill_when):
    edition = copy_edition(generated, tmp_path / "edition")
    # SIGKILL to the build and its workers, as a power cut or the OOM killer would
    process = interrupt_build(edition, kill_when, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    written = outputs(edition)
    visible = visible_outputs_of(written)
    assert len(visible) < len(reference)  # it really was cut short
    for name, data in visible.items():
        assert _complete(name, data), f"{name} is incomplete after the kill"
    # whatever temporary files the kill left are hidden and not outputs
    assert all(hidden(n) for n in set(written) - set(visible))
    build(str(edition), "-j", "2")
    # the outputs, byte for byte (the hidden state and lock files are not outputs)
    assert visible_outputs(edition) == visible_outputs_of(reference)
    assert not [p for p in (edition / "build").rglob("*.tmp")]


def test_ctrl_c_stops_cleanly_and_the_next_build_finishes(tmp_path, generated, reference):
    edition = copy_edition(generated, tmp_path / "edition")
    process = interrupt_build(edition, "tei", signal.SIGINT)
    assert process.returncode == 130, process.stdout
    assert process.stdout.rstrip().endswith("aborted") and "Traceback" not in process.stdout
    build(str(edition), "-j", "2")
    assert visible_outputs(edition) == visible_outputs_of(reference)


# ------------------------------------------------------------ progress


def test_a_terminal_sees_a_progress_bar_and_ci_plain_lines(tmp_path):
    edition = copy_edition(SAMPLE, tmp_path / "edition")
    chunks = []
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    process = subprocess.Popen([sys.executable, "-m", "tei_edition.cli", "build", str(edition),
                                "--only", "html"], stdout=follower, stderr=follower,
                               env=environment)
    os.close(follower)
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait() == 0
    shown = b"".join(chunks).decode("utf-8")
    assert re.search(r"\rhtml\s+\[#+\] 1/1", shown.replace("\x1b[K", "")), shown
    plain = build(str(copy_edition(SAMPLE, tmp_path / "again")), "--only", "html")
    assert "\r" not in plain.stderr and "html      1 built" in plain.stderr


def test_a_volume_too_big_for_the_free_memory_is_left_out_with_a_warning(
        tmp_path, monkeypatch, capsys):
    """The volume is typeset in one piece; where it cannot fit, the build says
    so and goes on, instead of being killed for want of memory at the end.
    (The memory free is the one thing this test sets: a machine short of it
    cannot be made here.)"""
    import tei_edition.build as build_module
    from tei_edition.cli import main

    edition = copy_edition(SAMPLE, tmp_path / "edition")
    volume = edition / "build" / "pdf" / "volume.pdf"
    assert main(["build", str(edition), "-j", "1", "--volume"]) == 0
    assert volume.is_file()
    capsys.readouterr()
    # the edition changes, so the volume is out of date; 100 MB are free
    toml = edition / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'title = "Soviet–Korean Party Conversations, 1956"',
        'title = "Soviet–Korean Party Conversations"'), encoding="utf-8")
    monkeypatch.setattr(build_module, "available_memory_mb", lambda: 100.0)
    assert main(["build", str(edition), "-j", "1", "--volume"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"warning: \S+volume\.pdf not typeset: its \d+ pages need about "
                     r"[\d.]+ GB of memory and 0\.1 GB are free", err), err
    assert summary_row(err, "volume") == ["0", "0", "1", "0"]
    assert not volume.exists()  # never an out-of-date volume beside current PDFs
    assert b"pdf/volume.pdf" not in (edition / "build" / "index.html").read_bytes()  # nor a link to none
    assert (edition / "build" / "pdf" / f"{SAMPLE_ID}.pdf").is_file()
    # with the memory back, the next build typesets it
    monkeypatch.setattr(build_module, "available_memory_mb", lambda: 64 * 1024.0)
    assert main(["build", str(edition), "-j", "1", "--volume"]) == 0
    assert summary_row(capsys.readouterr().err, "volume")[:2] == ["1", "0"]
    assert volume.is_file()
    assert b"pdf/volume.pdf" in (edition / "build" / "index.html").read_bytes()


def test_make_help_lists_the_editors_targets():
    result = subprocess.run(["make", "--no-print-directory", "help"], cwd=REPO,
                            capture_output=True, text=True, check=True)
    for target in ("all", "html", "pdf", "validate", "test", "bench", "clean", "serve", "help"):
        assert re.search(rf"^{target}\s", result.stdout, re.M), result.stdout


def test_bench_prints_rates_memory_and_rebuild_times(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tei_edition.bench", "--sizes", "4", "--html-only", "5",
         "--rebuild-size", "4", "--volume-size", "4", "--jobs", "1", "--corpus", str(tmp_path / "corpus")],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("machine: ")
    assert re.search(r"^4 documents, end to end \(0\.\d MB of transcripts\)$", out, re.M), out
    for stage in ("convert", "validate", "html", "pdf", "site"):
        assert re.search(rf"^  {stage}\s+\d+\.\d\d(\s+(\d+\.\d|-)){{3}}$", out, re.M), out
    assert re.search(r"^  total .* peak memory [\d,]+ MB$", out, re.M), out
    assert re.search(r"rebuild with nothing changed: \d+\.\d\d s", out)
    assert re.search(r"rebuild with one source changed \(record-00000\.txt\): \d+\.\d\d s", out)
    assert re.search(r"4 documents, the PDF volume: \d+\.\d\d s, peak memory [\d,]+ MB", out)
    assert "5 documents, HTML only" in out and "milliseconds per document" in out
    # the corpus is seeded: generated twice, it is the same bytes
    again = generate_corpus(tmp_path / "again", 4)
    first = tmp_path / "corpus" / "4"
    assert [p.read_bytes() for p in sorted((first / "transcripts").glob("*.txt"))] == \
        [p.read_bytes() for p in sorted((again / "transcripts").glob("*.txt"))]
