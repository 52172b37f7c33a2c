"""The review page in a real browser (Debian's Chromium driven by Playwright): every
line of the sample transcript is there, each turn carries its speaker's colour, and
a planted warning stands under its line with the fix. Screenshots go to
test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLE, SAMPLE_EDITION
from tei_edition.ingest import convert_transcript
from tei_edition.register import load_edition
from tei_edition.review import write_review

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def review(tmp_path: Path, text: str, name: str = SAMPLE.name) -> tuple[Path, list[str]]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    conversion = convert_transcript(source.read_bytes(), source, load_edition(SAMPLE_EDITION))
    return write_review(conversion, source, tmp_path / "review"), text.splitlines()


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The sample with one planted fault: an opening bracket never closed, in a turn."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    number = next(i for i, t in enumerate(lines, 1) if t.startswith("Cde. Mikoyan -"))
    lines[number - 1] += " [planted"
    page, printed = review(tmp_path_factory.mktemp("review"), "\n".join(lines) + "\n")
    return page, printed, number


def open_page(browser, page_path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    page.errors = errors
    return page


def test_every_line_of_the_sample_is_on_the_review_page(browser, planted):
    path, printed, _ = planted
    page = open_page(browser, path)
    rows = page.eval_on_selector_all(
        "table.lines tbody tr[id^='line-']",
        "rows => rows.map(r => [r.id, r.querySelector('td.src').textContent])")
    assert [r[0] for r in rows] == [f"line-{n}" for n in range(1, len(printed) + 1)]
    assert [r[1].rstrip() for r in rows] == [SPACES.sub(" ", t).rstrip() for t in printed]
    assert page.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-page.png"), full_page=True)
    page.close()


def test_each_turn_carries_its_speakers_colour(browser, planted):
    path, _, _ = planted
    page = open_page(browser, path)
    turns = page.eval_on_selector_all(
        "table.lines tr.turn, table.lines tr.merged",
        "rows => rows.map(r => [r.dataset.who, getComputedStyle(r.querySelector('td.src'))"
        ".borderLeftColor, getComputedStyle(r.querySelector('td.src')).borderLeftWidth])")
    legend = dict(page.eval_on_selector_all(
        ".legend li", "items => items.map(i => [i.dataset.who, getComputedStyle(i).borderLeftColor])"))
    by_speaker: dict[str, set[str]] = {}
    for who, colour, width in turns:
        by_speaker.setdefault(who, set()).add(colour)
        assert float(width.rstrip("px")) >= 5
    assert set(by_speaker) == {"mikoyan", "choe-yong-geon", "rim-hae"}
    assert all(len(colours) == 1 for colours in by_speaker.values()), by_speaker
    colours = [next(iter(c)) for c in by_speaker.values()]
    assert len(set(colours)) == len(colours)  # one colour per speaker, none shared
    assert {who: next(iter(c)) for who, c in by_speaker.items()} == legend
    # as many turn rows as the converter read turns
    assert sum(1 for _, _, _ in turns) >= len(page.query_selector_all("table.lines tr.turn"))
    page.close()


def test_a_planted_warning_stands_at_its_line_with_the_fix(browser, planted):
    path, _, number = planted
    page = open_page(browser, path)
    following = page.eval_on_selector(
        f"#line-{number}", "row => [row.nextElementSibling.className, "
                           "row.nextElementSibling.dataset.line, row.nextElementSibling.innerText]")
    assert following[0] == "warning" and following[1] == str(number)
    assert "'[' is never closed" in following[2]
    assert "Fix: Correct the bracket in the transcript" in following[2]
    assert page.eval_on_selector(f"#line-{number}", "row => row.classList.contains('turn')")
    assert len(page.query_selector_all("tr.warning")) == 1
    page.close()


def test_transcript_text_is_inert_on_the_review_page(browser, tmp_path):
    hostile = ("Record of Conversation, 16 September 1956\n\n"
               "Mikoyan: <script>alert(1)</script><img src=x onerror=alert(2)>\n\n"
               "Mikoyan: &amp; \"quoted\" </td></tr></table>\n")
    path, printed = review(tmp_path, hostile, "hostile.txt")
    page = open_page(browser, path)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.reload()
    assert page.query_selector_all("script, img") == []
    assert page.inner_text("#line-3 td.src") == printed[2]
    assert page.inner_text("#line-5 td.src") == printed[4]
    assert dialogs == [] and page.errors == []
    page.close()
