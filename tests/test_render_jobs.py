"""`render` runs on the build's worker pool (-j N); the outputs are the same
bytes whichever number of workers made them."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "html"


def _documents(folder) -> list:
    """Four documents the PDF fonts can set (apparatus.xml has Korean script)."""
    folder.mkdir()
    korean = (FIXTURES / "korean-delegation.xml").read_text(encoding="utf-8")
    (folder / "second.xml").write_text(korean.replace(
        'xml:id="korean-delegation-1956-09-16"', 'xml:id="second"', 1), encoding="utf-8")
    return [FIXTURES / name for name in ("hostile.xml", "korean-delegation.xml",
                                         "memorandum.xml")] + [folder / "second.xml"]


def _render(documents, out, jobs: int, target: str) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-m", "tei_edition.cli", "render", *map(str, documents),
                    "--to", target, "-o", str(out), "-j", str(jobs), "--volume"],
                   check=True, capture_output=True, env={"SOURCE_DATE_EPOCH": "0",
                                                         "PATH": "/usr/bin:/bin"})
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}


def test_render_with_two_workers_writes_the_same_bytes_as_with_one(tmp_path):
    documents = _documents(tmp_path / "tei")  # enough for the pool to be used with -j 2
    for target in ("html", "pdf"):
        one = _render(documents, tmp_path / f"{target}-1", 1, target)
        two = _render(documents, tmp_path / f"{target}-2", 2, target)
        assert sorted(one) == sorted(two)
        assert len([name for name in one if name.endswith("." + target)]) >= len(documents)
        for name in one:
            assert one[name] == two[name], name
