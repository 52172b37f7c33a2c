"""Hand-edited TEI never silently wins (eject, the build's notices and warnings, the
copy in build/tei/, one id for two documents), and the review pages the build and
`tei-edition review` write. Real subprocesses, as the editor runs them."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

NS = {"t": "http://www.tei-c.org/ns/1.0"}

EDITION = """
[edition]
title = "Eject test"

[[persons]]
id = "mikoyan"
name = "Anastas Mikoyan"
aliases = ["Mikoyan"]

[[persons]]
id = "suslov"
name = "Mikhail Suslov"
aliases = ["Suslov"]

[[persons]]
id = "bystander"
name = "Someone Else"
"""

FIRST = """Record of Conversation, 16 September 1956

Mikoyan: We shall begin.

Suslov: Agreed.

Mikoyan: Then let us talk.
"""

SECOND = """Record of Conversation, 17 September 1956

Mikoyan: A second day.

Kozlov: I must add [one thing.

Mikoyan: Thank you.
"""


def tei_edition(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], capture_output=True,
                            text=True, env={**os.environ, "CI": "true"})
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture()
def edition(tmp_path) -> Path:
    root = tmp_path / "edition"
    (root / "transcripts").mkdir(parents=True)
    (root / "edition.toml").write_text(EDITION, encoding="utf-8")
    (root / "transcripts" / "first.txt").write_text(FIRST, encoding="utf-8")
    (root / "transcripts" / "second.txt").write_text(SECOND, encoding="utf-8")
    return root


def test_eject_records_the_transcript_and_register_hashes(edition):
    result = tei_edition("eject", "first", "--edition", str(edition))
    assert "first -> " in result.stdout
    hand = edition / "tei" / "first.xml"
    data = hand.read_bytes()
    digest = hashlib.sha256((edition / "transcripts" / "first.txt").read_bytes()).hexdigest()
    assert f'transcript-sha256="{digest}"'.encode() in data
    assert b'entries="mikoyan suslov"' in data
    tree = etree.fromstring(data)
    assert digest in tree.xpath("string(//t:change[@type='ejected'])", namespaces=NS)
    # a second eject would overwrite hand edits: refused, one line
    again = tei_edition("eject", "first", "--edition", str(edition), check=False)
    assert again.returncode == 1
    assert again.stderr.strip() == (f"error: {hand}: a hand-edited TEI file is already there; "
                                    "edit it, or give --force to replace it with a new conversion")
    missing = tei_edition("eject", "nothing", "--edition", str(edition), check=False)
    assert missing.returncode == 1 and "no transcript becomes the document 'nothing'" in missing.stderr


def test_ejected_tei_is_published_copied_and_warned_about_when_its_sources_change(edition):
    tei_edition("eject", "first", "--edition", str(edition))
    hand = edition / "tei" / "first.xml"
    hand.write_bytes(hand.read_bytes().replace(b"Then let us talk.", b"Then let us talk at length."))
    result = tei_edition("build", str(edition), "--only", "html", "-j", "1")
    assert ("publish   tei/first.xml (hand-edited) for 'first'; transcripts/first.txt is not "
            "converted") in result.stderr
    assert "changed after" not in result.stderr
    # the page's "TEI P5 XML" link works: build/tei/ holds the hand-edited file
    assert (edition / "build" / "tei" / "first.xml").read_bytes() == hand.read_bytes()
    assert b'href="tei/first.xml"' in (edition / "build" / "first.html").read_bytes()
    assert b"at length" in (edition / "build" / "first.html").read_bytes()

    transcript = edition / "transcripts" / "first.txt"
    transcript.write_text(FIRST.replace("Agreed.", "Agreed, with one reservation."), encoding="utf-8")
    result = tei_edition("build", str(edition), "--only", "html", "-j", "1")
    assert (f"warning: {hand}: transcripts/first.txt changed after this TEI was ejected; carry "
            "the change over by hand, or remove the TEI and eject again") in result.stderr
    assert b"reservation" not in (edition / "build" / "first.html").read_bytes()

    # a register entry the document does not use changes nothing; one it uses warns
    toml = edition / "edition.toml"
    toml.write_text(EDITION.replace('name = "Someone Else"', 'name = "Someone Other"'),
                    encoding="utf-8")
    result = tei_edition("build", str(edition), "--only", "html", "-j", "1")
    assert "register entries" not in result.stderr
    toml.write_text(EDITION.replace('name = "Mikhail Suslov"', 'name = "Mikhail A. Suslov"'),
                    encoding="utf-8")
    result = tei_edition("build", str(edition), "--only", "html", "-j", "1")
    assert (f"warning: {hand}: the register entries this document uses changed after it was "
            "ejected (mikoyan, suslov)") in result.stderr


def test_two_documents_with_one_id_stop_the_build_naming_both(edition):
    (edition / "transcripts" / "second report.txt").write_text(SECOND, encoding="utf-8")
    (edition / "transcripts" / "second-report.txt").write_text(SECOND, encoding="utf-8")
    result = tei_edition("build", str(edition), "--only", "tei", check=False)
    assert result.returncode == 1
    assert (f"error: {edition}: two documents have the id 'second-report': "
            "transcripts/second report.txt and transcripts/second-report.txt; rename one"
            ) in result.stderr
    assert not (edition / "build" / "tei").exists()


def test_the_build_writes_a_review_page_for_every_document_and_points_to_them(edition):
    result = tei_edition("build", str(edition), "--only", "tei", "-j", "1")
    review = edition / "build" / "review"
    assert sorted(p.name for p in review.iterdir()) == ["first.html", "second.html"]
    # the summary lists the documents with warnings and their review pages
    lines = [line for line in result.stderr.splitlines() if line.startswith("review ")]
    assert lines == [f"review    2 warnings in transcripts/second.txt: see {review / 'second.html'}"]
    # the readers' site never links to them
    tei_edition("build", str(edition), "--only", "html", "-j", "1")
    for page in (edition / "build").glob("*.html"):
        assert b"review/" not in page.read_bytes()
    # an up-to-date build still points to them
    result = tei_edition("build", str(edition), "--only", "tei", "-j", "1")
    assert f"see {review / 'second.html'}" in result.stderr


def test_review_command_writes_the_page_and_reports_warnings(edition, tmp_path):
    out = tmp_path / "pages"
    result = tei_edition("review", str(edition / "transcripts" / "second.txt"), "-o", str(out))
    assert result.stdout.strip() == (f"{edition / 'transcripts' / 'second.txt'} -> "
                                     f"{out / 'second.html'} (2 warnings)")
    page = (out / "second.html").read_text(encoding="utf-8")
    assert "Fix: If it is no speaker, start the line with <code>\\</code>" in page
    bad = tmp_path / "bad.txt"
    bad.write_text("+++\nnumbr = 3\n+++\nMikoyan: Hi.\n", encoding="utf-8")
    result = tei_edition("review", str(bad), "-o", str(out), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"error: {bad}:2: front matter: unknown key 'numbr'")
    assert not (out / "bad.html").exists()


def test_a_line_not_placed_is_a_warning_on_the_page_as_in_the_build(edition, tmp_path):
    (edition / "transcripts" / "first.txt").write_text("Internal ref ABC\n\n" + FIRST, encoding="utf-8")
    result = tei_edition("build", str(edition), "--only", "tei", "-j", "1")
    page = edition / "build" / "review" / "first.html"
    assert f"review    1 warning in transcripts/first.txt: see {page}" in result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.count('class="warning"') == 1
    assert ('<tr class="warning" data-line="1"><td class="n">1:1</td><td colspan="2">'
            '<span class="msg">warning: not recognised, kept as a paragraph</span>') in html
