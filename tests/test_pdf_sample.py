"""The sample edition, end to end: transcripts → converter → TEI → PDF.

Runs once the converter (tei_edition.convert) is installed; until then the
tests say so and skip.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from tei_edition.pdf import PdfRenderer
from tei_edition.register import load_edition

from test_pdf import embedded_files, flat, notdef_glyphs, pdftotext

REPO = Path(__file__).resolve().parent.parent
EDITION = REPO / "editions" / "korean-1956"
TRANSCRIPTS = sorted((EDITION / "transcripts").glob("*.txt"))
ARTIFACTS = REPO / "test-artifacts"
TURN = re.compile(r"^((?:Cde\. )+.+?) - +(.*)$")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict:
    try:
        from tei_edition.convert import convert_command
    except ImportError:
        pytest.skip("the converter (tei_edition.convert) is not there yet")
    tmp = tmp_path_factory.mktemp("sample")
    result = CliRunner().invoke(convert_command, [*map(str, TRANSCRIPTS), "-o", str(tmp / "tei")])
    assert result.exit_code == 0, result.output
    teis = sorted((tmp / "tei").glob("*.xml"))
    assert len(teis) == len(TRANSCRIPTS)
    renderer = PdfRenderer(load_edition(EDITION).metadata)
    pdfs = [renderer.document(tei, tmp / "pdf") for tei in teis]
    return {"tei": teis, "pdf": pdfs, "volume": renderer.volume(teis, tmp / "pdf")}


def transcript_turns(path: Path) -> list[tuple[str, str]]:
    """(speaker label without separator, first words of the turn) as printed."""
    turns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = TURN.match(line.strip())
        if match:
            words = match.group(2).split("[")[0].split()[:6]
            turns.append((match.group(1), " ".join(words)))
    return turns


def test_sample_speakers_and_turns_in_reading_order(sample):
    text = flat(pdftotext(sample["pdf"][0]))
    turns = transcript_turns(TRANSCRIPTS[0])
    assert len(turns) > 40
    position = 0
    for speaker, words in turns:
        found = text.find(f"{speaker} {words}", position)
        assert found != -1, (speaker, words, position)
        position = found + 1


def test_sample_pdf_carries_its_tei_and_every_glyph(sample):
    for tei, pdf in zip(sample["tei"], sample["pdf"]):
        files = embedded_files(pdf)
        assert [entry["data"] for entry in files.values()] == [tei.read_bytes()]
        assert notdef_glyphs(pdf) == 0
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert fonts and all(row.split()[-5] == "yes" for row in fonts)


def test_sample_volume_indexes_the_speakers(sample):
    volume = sample["volume"]
    pages = len(PdfReader(str(volume)).pages)
    index = flat(pdftotext(volume, pages))
    assert "Index of persons" in index
    # by surname: the register gives the Korean names' surnames (written first)
    for name in ["Anastas Mikoyan", "Choe, Yong-geon", "Rim, Hae"]:
        assert name in index, name
    assert index.find("Choe, Yong-geon") < index.find("Anastas Mikoyan") < index.find("Rim, Hae")
    # persons only mentioned (standOff) are indexed too, with their role
    assert "Kim, Il Sung (1912–1994), Chairman of the KWP Central Committee" in index
    assert "V. Kovyzhenko, Recorder of the conversation" in index


def test_sample_page_one_as_png(sample):
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = ARTIFACTS / "pdf-sample-page-1"
    subprocess.run(["pdftoppm", "-r", "96", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(sample["pdf"][0]), str(prefix)], check=True)
    assert prefix.with_suffix(".png").stat().st_size > 20_000
