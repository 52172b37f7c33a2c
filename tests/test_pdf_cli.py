"""`tei-edition render --to pdf`: the PDF edition from the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from tei_edition.errors import EditionError
from tei_edition.render import render_command

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "docs" / "tei-shape-example.xml"
MEMO = REPO / "tests" / "fixtures" / "pdf" / "memorandum.xml"


def test_render_pdf_writes_documents_and_volume(tmp_path):
    result = CliRunner().invoke(render_command, [
        str(EXAMPLE), str(MEMO), "--to", "pdf", "-o", str(tmp_path),
        "--edition", str(REPO / "editions" / "korean-1956"), "--paper", "us-letter", "--volume"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "pdf").iterdir())
    assert written == ["korean-delegation-1956-09-16.pdf", "memorandum-1955-06-01.pdf", "volume.pdf"]
    assert f"pdf   {tmp_path / 'pdf' / 'volume.pdf'}" in result.output
    volume = PdfReader(str(tmp_path / "pdf" / "volume.pdf"))
    assert volume.metadata.title == "Soviet–Korean Party Conversations, 1956"  # from edition.toml
    assert round(float(volume.pages[0].mediabox.width)) == 612  # US Letter


def test_render_pdf_writes_no_volume_unless_asked(tmp_path):
    """The volume's memory grows with the collection; the documents' does not."""
    result = CliRunner().invoke(render_command, [str(EXAMPLE), str(MEMO), "--to", "pdf", "-o",
                                                 str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [
        "korean-delegation-1956-09-16.pdf", "memorandum-1955-06-01.pdf"]


def test_render_pdf_refuses_a_file_that_is_not_tei(tmp_path):
    bad = tmp_path / "list.xml"
    bad.write_text("<list/>")
    result = CliRunner().invoke(render_command, [str(bad), "--to", "pdf", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"error: {bad}:1: expected a TEI root element" in result.output
    assert not (tmp_path / "out" / "pdf" / "list.pdf").exists()
