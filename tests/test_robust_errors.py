"""Hostile and broken input (issue 12), through the real command line.

Each case is a one-line error naming the file (and line where there is one),
with exit 1 or 2 — never a traceback, never a half-written output; a bug in
the tool says "internal error" and names the log file that keeps its traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DIALOGUE = "Cde. Mikoyan - How are you?\n\nCde. Rim Hae - Well, thank you.\n"


def run(*args: str, cwd: Path | None = None, timeout: float | None = None,
        env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout,
                          env={**os.environ, **(env or {})}, errors="backslashreplace")


def assert_one_line_error(result: subprocess.CompletedProcess, *expected: str) -> str:
    """Exit 1 or 2, no traceback, the error on one line holding every expected piece."""
    assert result.returncode in (1, 2), (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for piece in expected:
        assert piece in errors[0], errors[0]
    return errors[0]


def transcript(folder: Path, name: str = "memo.txt", text: str = DIALOGUE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def edition(folder: Path, toml: str) -> Path:
    transcript(folder / "transcripts")
    (folder / "edition.toml").write_text(toml, encoding="utf-8")
    return folder


# ----------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["rot13", "base64", "no-such-encoding"])
def test_an_encoding_that_is_not_a_text_encoding(tmp_path, encoding):
    source = transcript(tmp_path)
    result = run("convert", "--encoding", encoding, str(source), "-o", str(tmp_path / "out"))
    assert_one_line_error(result, "memo.txt", f"'{encoding}' is not a text encoding")
    assert not (tmp_path / "out").exists()


def test_unicode_escape_making_a_lone_surrogate(tmp_path):
    source = transcript(tmp_path, text="Cde. Mikoyan - A \\ud800 here.\n")
    result = run("convert", "--encoding", "unicode_escape", str(source), "-o", str(tmp_path / "out"))
    assert_one_line_error(result, "memo.txt:1:", "U+D800")
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- file names


@pytest.mark.parametrize("name", [b"caf\xe9.txt", b"ctl\x01.txt"])
def test_file_names_that_are_not_utf8_or_hold_control_characters(tmp_path, name):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(DIALOGUE.encode())
    result = run("convert", os.fsdecode(os.path.join(folder, name)), "-o", str(tmp_path / "out"))
    line = assert_one_line_error(result, "rename the file")
    assert ("caf\\xe9.txt" if b"caf" in name else "ctl\\x01.txt") in line
    assert not (tmp_path / "out").exists()


def test_validate_junit_with_strange_file_names(tmp_path):
    from lxml import etree

    source = transcript(tmp_path / "src")
    assert run("convert", str(source), "-o", str(tmp_path / "tei")).returncode == 0
    tei = (tmp_path / "tei" / "memo.xml").read_bytes()
    folder = os.fsencode(tmp_path / "tei")
    for name in (b"caf\xe9.xml", b"ctl\x01.xml"):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(tei)
    with open(os.path.join(folder, b"bad\x02.xml"), "wb") as handle:
        handle.write(b"<TEI")
    report = tmp_path / "report.xml"
    result = run("validate", str(tmp_path / "tei"), "--format", "junit", "-o", str(report))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    names = etree.parse(str(report)).xpath("//testcase/@name")
    assert {n.rsplit("/", 1)[-1] for n in names} == {"caf\\xe9.xml", "ctl\\x01.xml",
                                                      "bad\\x02.xml", "memo.xml"}


# ------------------------------------------------------------- output folders


def test_output_below_a_file(tmp_path):
    source = transcript(tmp_path)
    result = run("convert", str(source), "-o", str(source / "sub"))
    assert_one_line_error(result, "memo.txt/sub/memo.xml", "cannot write")


def test_output_folder_that_cannot_be_made(tmp_path):
    # /proc refuses new files even to root: an unwritable folder on any machine
    source = transcript(tmp_path)
    result = run("convert", str(source), "-o", "/proc/self/out")
    assert_one_line_error(result, "/proc/self/out/memo.xml", "cannot write")


def test_validate_report_into_a_folder_that_cannot_be_made(tmp_path):
    source = transcript(tmp_path / "src")
    assert run("convert", str(source), "-o", str(tmp_path / "tei")).returncode == 0
    result = run("validate", str(tmp_path / "tei"), "-o", str(source / "report.txt"))
    assert_one_line_error(result, "report.txt", "cannot write")


def test_render_an_unreadable_file_and_into_an_unwritable_folder(tmp_path):
    source = transcript(tmp_path / "src")
    assert run("convert", str(source), "-o", str(tmp_path / "tei")).returncode == 0
    result = run("render", "/proc/self/mem", "--to", "pdf", "-o", str(tmp_path / "site"))
    assert_one_line_error(result, "/proc/self/mem", "cannot read")
    result = run("render", str(tmp_path / "tei" / "memo.xml"), "--to", "pdf", "-o", "/proc/site")
    assert_one_line_error(result, "/proc/site/pdf/memo.pdf", "cannot write")


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "waiting.txt"
    os.mkfifo(fifo)
    result = run("convert", str(fifo), "-o", str(tmp_path / "out"), timeout=120)
    assert_one_line_error(result, "waiting.txt", "FIFO, not a regular file")


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare(1) for a tiny tmpfs")
def test_a_full_disk_names_the_file_being_written(tmp_path):
    source = transcript(tmp_path / "src")
    assert run("convert", str(source), "-o", str(tmp_path / "tei")).returncode == 0
    full = tmp_path / "full"
    full.mkdir()
    # an 8 KB file system of its own, in a private mount namespace: no root needed
    script = (f"mount -t tmpfs -o size=8k tmpfs {full} && exec {sys.executable} -m "
              f"tei_edition.cli render {tmp_path / 'tei' / 'memo.xml'} --to pdf -o {full}")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True)
    if "mount" in result.stderr and "error:" not in result.stderr:
        pytest.skip(f"no user namespaces here: {result.stderr.strip()}")
    assert_one_line_error(result, f"{full}/pdf/memo.pdf", "disk full")


# ------------------------------------------------------------- edition.toml

WRONG_TYPES = [
    ('editors = 5', "'editors'"),
    ('editors = [1, 2]', "'editors'"),
    ('base_url = ["x"]', "'base_url'"),
    ('language = 5', "'language'"),
    ('title = 123', "'title'"),
]


@pytest.mark.parametrize("line, key", WRONG_TYPES)
def test_wrong_types_in_edition_table(tmp_path, line, key):
    root = edition(tmp_path / "ed", f'[edition]\npublisher = "P"\n{line}\n')
    expected = ("edition.toml:3:", key)
    assert_one_line_error(run("convert", str(root / "transcripts" / "memo.txt")), *expected)
    assert_one_line_error(run("build", str(root), "-j", "1"), *expected)
    tei = tmp_path / "tei"
    assert run("convert", str(transcript(tmp_path / "src")), "-o", str(tei)).returncode == 0
    assert_one_line_error(run("render", str(tei), "--edition", str(root), "-o",
                              str(tmp_path / "site")), *expected)
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("line", ['encoding = "rot13"', "interview_labels = {Q = 5}",
                                  "interview_labels = 3", 'extra_interview_labels = {"" = "x"}'])
def test_wrong_rules(tmp_path, line):
    root = edition(tmp_path / "ed", f'[edition]\ntitle = "T"\n\n[rules]\n{line}\n')
    assert_one_line_error(run("convert", str(root / "transcripts" / "memo.txt")), "edition.toml:5:")
    assert_one_line_error(run("build", str(root), "-j", "1"), "edition.toml:5:")
