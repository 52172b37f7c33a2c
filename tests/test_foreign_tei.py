"""TEI made elsewhere: validation profiles, a DOCTYPE, and batches that survive bad files.

The fixtures in tests/fixtures/foreign/ are invented letters encoded the way
other projects encode theirs: valid TEI P5 that falls outside this project's
profile (no xml:id on TEI, no publisher, no repository, a pointer into a
person list kept in another file).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tei_edition.cli import main

FOREIGN = Path(__file__).parent / "fixtures" / "foreign"
LETTER = FOREIGN / "letter-from-elsewhere.xml"
DOCTYPE_LETTER = FOREIGN / "doctype-letter.xml"
TWO_RESP = FOREIGN / "two-resp-letter.xml"


def tool(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command line as a user runs it, in its own process."""
    return subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], capture_output=True,
                          text=True, cwd=cwd)


# ------------------------------------------------------------------ profiles


def test_valid_tei_outside_the_profile_fails_the_project_profile_and_says_it_is_valid_tei():
    result = tool("validate", str(LETTER))
    assert result.returncode == 1
    assert f"{LETTER}: valid TEI P5; 4 profile faults" in result.stdout.splitlines()
    assert f"{LETTER}:5:1: profile/document-id:" in result.stdout
    assert "Traceback" not in result.stderr


def test_profile_tei_publishes_it_and_reports_the_profile_faults_as_warnings():
    result = tool("validate", "--profile", "tei", str(LETTER))
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert f"{LETTER}: valid TEI P5; 4 profile faults" in lines
    assert f"{LETTER}:11:7: warning: profile/header-publisher: The publication statement " \
           "(publicationStmt) names no publisher: add <publisher> (or <distributor> or " \
           "<authority>)." in lines
    assert lines[-1] == ("1 file valid, 4 warnings (profile tei: profile faults are warnings; "
                         "layers checked: well-formed, tei, profile)")


def test_profile_tei_still_fails_what_is_not_tei(tmp_path):
    wrong = tmp_path / "wrong.xml"
    wrong.write_text(LETTER.read_text().replace("<salute>Dear Tomas,</salute>",
                                                "<greeting>Dear Tomas,</greeting>"))
    result = tool("validate", "--profile", "tei", "--format", "json", str(wrong))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["profile"] == "tei"
    assert report["status"] == {str(wrong): "well-formed; not valid TEI P5 (1 fault); "
                                            "4 profile faults"}
    assert [(f["layer"], f["rule"], f["line"]) for f in report["faults"]] == [
        ("tei", "unknown-element", 40)]


def test_github_format_gives_profile_faults_as_warning_annotations():
    result = tool("validate", "--profile", "tei", "--format", "github", str(LETTER))
    assert result.returncode == 0
    assert f"::warning file={LETTER},line=5,col=1,title=profile/document-id::" in result.stdout
    assert "::error" not in result.stdout


# ------------------------------------------------------------------ DOCTYPE


def test_a_doctype_is_reported_never_read_and_the_other_layers_still_run(tmp_path,
                                                                          network_recorder):
    url, requests = network_recorder
    letter = tmp_path / "doctype-letter.xml"
    letter.write_text(DOCTYPE_LETTER.read_text().replace("http://127.0.0.1:9", url))
    validated = tool("validate", "--profile", "tei", str(letter))
    rendered = tool("render", str(letter), "-o", str(tmp_path / "site"))
    assert requests == []
    assert validated.returncode == 0, validated.stdout
    assert f"{letter}:2:1: warning: well-formed/external-dtd: The DOCTYPE names an external DTD" \
        in validated.stdout
    # TEI P5 and the profile were checked below the DOCTYPE: their faults are there
    assert f"{letter}: valid TEI P5; 4 profile faults; DOCTYPE ignored" in validated.stdout
    assert f"{letter}:29:11: warning: profile/dangling-reference:" in validated.stdout
    assert rendered.returncode == 0, rendered.stderr
    page = (tmp_path / "site" / "doctype-letter.html").read_text()
    assert "The cat has taken the good chair." in page


def test_an_entity_the_doctype_declares_is_a_fault_where_it_is_used(tmp_path):
    letter = tmp_path / "entity.xml"
    letter.write_text(LETTER.read_text()
                      .replace('<TEI xmlns', '<!DOCTYPE TEI [<!ENTITY circle "reading circle">]>\n<TEI xmlns', 1)
                      .replace("the reading circle wants", "the &circle; wants"))
    result = tool("validate", "--profile", "tei", str(letter))
    assert result.returncode == 1
    assert (f"{letter}:44:61: well-formed/internal-dtd: &circle; is declared only in the "
            "DOCTYPE (line 5), which is never read: write the text itself instead of the "
            "entity.") in result.stdout
    assert f"{letter}: not well-formed" in result.stdout


# ------------------------------------------------------------------ editions


def _edition(tmp_path: Path, profile: str | None) -> Path:
    root = tmp_path / "letters"
    (root / "tei").mkdir(parents=True)
    setting = f'profile = "{profile}"\n' if profile else ""
    (root / "edition.toml").write_text(f'[edition]\ntitle = "Letters from elsewhere"\n{setting}')
    shutil.copy(LETTER, root / "tei" / "letter-from-elsewhere.xml")
    shutil.copy(TWO_RESP, root / "tei" / "two-resp-letter.xml")
    return root


def test_an_edition_with_profile_tei_publishes_valid_tei_made_elsewhere(tmp_path):
    root = _edition(tmp_path, "tei")
    result = tool("build", str(root), "-j", "1")
    assert result.returncode == 0, result.stderr
    assert "valid TEI P5; 4 profile faults" in result.stderr
    for name in ("letter-from-elsewhere", "two-resp-letter"):
        assert "The orchard flooded again" in (root / "build" / f"{name}.html").read_text()
        assert (root / "build" / "pdf" / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    assert "two-resp-letter.html" in (root / "build" / "index.html").read_text()
    # validate on the edition folder follows edition.toml too
    assert tool("validate", str(root)).returncode == 0


def test_the_project_profile_stays_the_default(tmp_path):
    root = _edition(tmp_path, None)
    result = tool("build", str(root), "-j", "1", "--keep-going")
    assert result.returncode == 1
    assert "profile/document-id" in result.stderr
    assert not (root / "build" / "letter-from-elsewhere.html").exists()


def test_an_unknown_profile_in_edition_toml_is_one_line_with_its_place(tmp_path):
    root = _edition(tmp_path, "loose")
    result = tool("build", str(root))
    assert result.returncode == 1
    assert f"{root / 'edition.toml'}:3: [edition] profile must be one of project, tei, " \
           "not 'loose'" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ batches


def test_a_batch_render_reports_bad_files_and_renders_the_rest(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for source in (LETTER, TWO_RESP):
        shutil.copy(source, batch / source.name)
    (batch / "broken.xml").write_text(LETTER.read_text().replace("</closer>", "</closing>"))
    (batch / "not-tei.xml").write_text('<?xml version="1.0"?>\n<letter>\n  <p>Hello</p>\n</letter>\n')
    site = tmp_path / "site"
    result = tool("render", str(batch), "-o", str(site), "--volume")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    # each bad file once, with its line: the PDF pass does not try it again
    assert errors == [
        f"error: {batch / 'broken.xml'}:47:19: not well-formed XML: Opening and ending tag "
        "mismatch: closer line 44 and closing, line 47, column 19",
        f"error: {batch / 'not-tei.xml'}:2: expected a TEI root element "
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">, found <letter>',
    ]
    assert result.stderr.strip().splitlines()[-1] == "2 of 4 files not rendered"
    assert "Traceback" not in result.stderr
    for name in ("letter-from-elsewhere", "two-resp-letter"):
        assert "The cat has taken the good chair." in (site / f"{name}.html").read_text()
        assert (site / "pdf" / f"{name}.pdf").is_file()
    index = (site / "index.html").read_text()
    assert "letter-from-elsewhere.html" in index and "two-resp-letter.html" in index
    assert (site / "pdf" / "volume.pdf").is_file()
    assert not (site / "broken.html").exists() and not list(site.rglob("*.tmp"))


def test_two_resp_in_a_respstmt_render_in_both_outputs(tmp_path):
    result = tool("render", str(TWO_RESP), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Morfudd Lace" in (tmp_path / "two-resp-letter.html").read_text()
    text = subprocess.run(["pdftotext", str(tmp_path / "pdf" / "two-resp-letter.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "orchard flooded" in text


def test_an_xslt_error_names_the_input_file_and_element(tmp_path, monkeypatch):
    """A stylesheet that fails on one element: the message names the file, the
    element and, where only one such element exists, its line."""
    from tei_edition import xslt
    from tei_edition.errors import EditionError

    folder = tmp_path / "xslt"
    folder.mkdir()
    (folder / "strict.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"\n'
        '    xmlns:tei="http://www.tei-c.org/ns/1.0">\n'
        '  <xsl:template match="/"><out><xsl:apply-templates select="//tei:respStmt"/></out></xsl:template>\n'
        '  <xsl:template match="tei:respStmt"><xsl:value-of select="normalize-space(tei:resp)"/></xsl:template>\n'
        '</xsl:stylesheet>\n')
    monkeypatch.setattr(xslt, "xslt_path", lambda name: folder / name)
    with pytest.raises(EditionError) as caught:
        xslt.Stylesheet("strict.xsl").transform(TWO_RESP.read_bytes(), source=str(TWO_RESP))
    assert str(caught.value).startswith(
        f"{TWO_RESP}:8: strict.xsl failed at <respStmt>: A sequence of more than one item")


def test_main_never_prints_a_traceback_for_a_bad_batch(tmp_path, capsys):
    (tmp_path / "empty.xml").write_text("")
    assert main(["render", str(tmp_path), "-o", str(tmp_path / "out"), "--to", "html"]) == 1
    err = capsys.readouterr().err
    assert "empty.xml" in err and "Traceback" not in err
