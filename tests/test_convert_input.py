"""Bad and awkward input (issue 2 §7), through the real command line.

Each case gets a correct conversion or one line naming file, line and column,
with a non-zero exit: never a traceback, never a partial output file.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLE, SAMPLE_EDITION

NS = {"t": "http://www.tei-c.org/ns/1.0"}
DIALOGUE = "Cde. Mikoyan - How are you?\n\nCde. Rim Hae - Well, thank you.\n\nCde. Mikoyan - Good.\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], capture_output=True,
                          text=True, cwd=cwd)


def convert(tmp_path: Path, name: str, data: bytes, *extra: str) -> subprocess.CompletedProcess:
    source = tmp_path / name
    source.write_bytes(data)
    return run("convert", str(source), "-o", str(tmp_path / "out"), *extra)


def assert_one_line_error(result, name: str, line: int, column: int | None = None) -> None:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    where = f"{name}:{line}:" + (f"{column}:" if column else "")
    assert where in lines[0], lines[0]


def outputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "out"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_empty_file(tmp_path):
    result = convert(tmp_path, "empty.txt", b"  \n\n")
    assert_one_line_error(result, "empty.txt", 1, 1)
    assert "empty" in result.stderr
    assert outputs(tmp_path) == []


def test_binary_file(tmp_path):
    result = convert(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(result, "image.txt", 3)
    assert "binary" in result.stderr
    assert outputs(tmp_path) == []


def test_invalid_utf8_names_line_and_column(tmp_path):
    result = convert(tmp_path, "bad.txt", b"Cde. Mikoyan - fine\n\nCde. Rim Hae - caf\xe9 ok\n")
    assert_one_line_error(result, "bad.txt", 3, 19)
    assert "0xE9" in result.stderr and "--encoding" in result.stderr
    assert outputs(tmp_path) == []


def test_latin1_with_encoding_option(tmp_path):
    text = "Cde. Mikoyan - Café Gomułka?\n\nCde. Rim Hae - Oui, à Paris.\n\nCde. Mikoyan - Très bien.\n"
    result = convert(tmp_path, "latin.txt", text.replace("ł", "l").encode("cp1252"),
                     "--encoding", "cp1252")
    assert result.returncode == 0, result.stderr
    tei = (tmp_path / "out" / "latin.xml").read_text(encoding="utf-8")
    assert "Café Gomulka?" in tei and "à Paris" in tei


def test_utf16_with_bom(tmp_path):
    data = codecs.BOM_UTF16_LE + DIALOGUE.replace("How", "Как").encode("utf-16-le")
    result = convert(tmp_path, "utf16.txt", data)
    assert result.returncode == 0, result.stderr
    tree = etree.parse(str(tmp_path / "out" / "utf16.xml"))
    assert len(tree.xpath("//t:sp", namespaces=NS)) == 3
    assert "Как are you?" in tree.xpath("string(//t:sp[1]/t:p)", namespaces=NS)


def test_character_xml_forbids(tmp_path):
    result = convert(tmp_path, "control.txt", b"Cde. Mikoyan - fine\nCde. Rim Hae - bell\x07 here\n")
    assert_one_line_error(result, "control.txt", 2, 20)
    assert "U+0007" in result.stderr
    assert outputs(tmp_path) == []


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_line_ends(tmp_path, ending):
    result = convert(tmp_path, "ends.txt", DIALOGUE.replace("\n", ending).encode())
    assert result.returncode == 0, result.stderr
    tree = etree.parse(str(tmp_path / "out" / "ends.xml"))
    assert [sp.get("who") for sp in tree.xpath("//t:sp", namespaces=NS)] == [
        "#mikoyan", "#rim-hae", "#mikoyan"]


def test_unbalanced_brackets_are_kept_and_reported(tmp_path):
    extra = "\nCde. Rim Hae - Open [bracket.\n\nCde. Mikoyan - A stray ] here.\n"
    result = convert(tmp_path, "open.txt", (DIALOGUE + extra).encode())
    assert result.returncode == 0, result.stderr
    assert "line 7, column 21: '[' is never closed" in result.stdout
    assert "line 9, column 24: ']' without an opening '['" in result.stdout
    tei = (tmp_path / "out" / "open.xml").read_text()
    assert "Open [bracket." in tei and "A stray ] here." in tei


def test_nested_brackets(tmp_path):
    result = convert(tmp_path, "nested.txt", (DIALOGUE + "\nCde. Rim Hae - [inserted: expel [him] now] today.\n").encode())
    assert result.returncode == 0, result.stderr
    tree = etree.parse(str(tmp_path / "out" / "nested.xml"))
    add = tree.xpath("//t:add", namespaces=NS)[0]
    assert add.xpath("string(t:supplied)", namespaces=NS) == "him"
    assert "".join(add.itertext()) == "expel him now"


def test_five_megabyte_transcript(tmp_path):
    turn = "Cde. Mikoyan - " + "We discussed [it] at length, and [inserted: again] later. " * 20 + "\n\n"
    reply = "Cde. Rim Hae - " + "Yes, that is so. " * 40 + "\n\n"
    data = ("September 17, 1956\n\nA long record\n\n" + (turn + reply) * 2700).encode()
    assert len(data) > 5_000_000
    result = convert(tmp_path, "large.txt", data, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)[0]
    assert report["turns"] == 5400
    assert etree.parse(str(tmp_path / "out" / "large.xml")).getroot() is not None


def test_failed_conversion_leaves_previous_output_untouched(tmp_path):
    good = convert(tmp_path, "doc.txt", DIALOGUE.encode())
    assert good.returncode == 0
    before = (tmp_path / "out" / "doc.xml").read_bytes()
    bad = convert(tmp_path, "doc.txt", b"Cde. Mikoyan - \xff\n")
    assert bad.returncode == 1
    assert (tmp_path / "out" / "doc.xml").read_bytes() == before
    assert [p.name for p in outputs(tmp_path)] == ["doc.xml"]  # no temporary files left


def test_missing_file_and_usage_errors(tmp_path):
    missing = run("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr and "Traceback" not in missing.stderr
    usage = run("convert")
    assert usage.returncode == 2 and "Missing argument" in usage.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(DIALOGUE)
    result = run("convert", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (tmp_path / "out" / "b.xml").exists() and not (tmp_path / "out" / "a.xml").exists()


def test_markup_in_a_transcript_stays_text(tmp_path):
    hostile = DIALOGUE + '\nCde. Rim Hae - <script>alert("x")</script> & <!ENTITY x SYSTEM "file:///etc/passwd"> ]]>\n'
    result = convert(tmp_path, "hostile.txt", hostile.encode())
    assert result.returncode == 0, result.stderr
    tree = etree.parse(str(tmp_path / "out" / "hostile.xml"))
    assert not tree.xpath("//*[local-name()='script']")
    last = tree.xpath("string(//t:sp[last()]/t:p)", namespaces=NS)
    assert last == '<script>alert("x")</script> & <!ENTITY x SYSTEM "file:///etc/passwd"> ]]>'


def test_report_text_and_json_for_the_sample(tmp_path):
    text = run("convert", str(SAMPLE), "-o", str(tmp_path))
    assert text.returncode == 0, text.stderr
    for expected in ("title           Conversation with the Delegation", "document date   1956-09-17",
                     "meeting date    1956-09-16", "classification  Top Secret",
                     "mikoyan 24, choe-yong-geon 20, rim-hae 8", "add 3",
                     "russian: GARF · fond 5446 · opis 98c · delo 718 · locus 49–57",
                     "line 1: 'Skip to content' (page furniture)"):
        assert expected in text.stdout, expected
    data = json.loads(run("convert", str(SAMPLE), "-o", str(tmp_path), "--json").stdout)[0]
    assert data["turns"] == 52 and data["citation"]["repository"] == "GARF"
    assert [d["line"] for d in data["dropped"]] == [1, 197, 207, 211]
    assert data["not_placed"] == []


def test_default_output_is_the_editions_build_folder(tmp_path):
    import shutil

    edition = tmp_path / "ed"
    shutil.copytree(SAMPLE_EDITION, edition, ignore=shutil.ignore_patterns("build"))
    result = run("convert", "transcripts/" + SAMPLE.name, cwd=edition)
    assert result.returncode == 0, result.stderr
    assert (edition / "build" / "tei" / (SAMPLE.stem + ".xml")).exists()


def test_hand_edited_tei_is_never_overwritten(tmp_path):
    edition = tmp_path / "ed"
    (edition / "tei").mkdir(parents=True)
    (edition / "transcripts").mkdir()
    (edition / "edition.toml").write_text('[edition]\ntitle = "T"\n')
    (edition / "transcripts" / "doc.txt").write_text(DIALOGUE)
    (edition / "tei" / "doc.xml").write_text("<hand-edited/>")
    result = run("convert", str(edition / "transcripts" / "doc.txt"), "-o", str(edition / "tei"))
    assert result.returncode == 1 and "hand-edited" in result.stderr
    assert (edition / "tei" / "doc.xml").read_text() == "<hand-edited/>"
