"""The HTML edition in a real browser: Debian's Chromium driven by Playwright.

The site is built once and the browser launched once per test session. Pages
are opened from disk (file://), as a reader who downloaded the site would.
Screenshots go to test-artifacts/ at the repository root (git-ignored).
No skipping: without Chromium these tests fail, as they should (CI installs it).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from tei_edition.html import HtmlRenderer

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "html"
ARTIFACTS = REPO / "test-artifacts"
DOCUMENT = "korean-delegation-1956-09-16.html"
PAGES = [DOCUMENT, "hostile.html", "memorandum-1957-03-02.html", "interview-1991-05-04.html",
         "index.html", "persons.html", f"converted/{DOCUMENT}", "converted/index.html",
         "converted/persons.html"]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    with open(REPO / "editions" / "korean-1956" / "edition.toml", "rb") as handle:
        edition = tomllib.load(handle)["edition"]
    out = tmp_path_factory.mktemp("browser-site")
    renderer = HtmlRenderer(edition)
    tei = [FIXTURES / "korean-delegation.xml", FIXTURES / "hostile.xml", FIXTURES / "memorandum.xml",
           FIXTURES / "apparatus.xml"]
    for path in tei:
        renderer.document(path, out)
    renderer.site(tei, out)
    # the converter's real output of the sample edition, as a site of its own
    from tei_edition.convert import convert_file
    from tei_edition.register import load_edition

    sample = REPO / "editions" / "korean-1956"
    converted = [convert_file(path, out / "converted" / "tei", load_edition(sample))[1]
                 for path in sorted((sample / "transcripts").glob("*.txt"))]
    for path in converted:
        renderer.document(path, out / "converted")
    renderer.site(converted, out / "converted")
    return out


@pytest.fixture()
def open_page(browser, site):
    """Open a page of the site; collects console errors and page errors."""
    contexts = []

    def opener(name: str, width: int = 1280, height: int = 900, javascript: bool = True,
               fragment: str = ""):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.dialogs = []
        page.on("console", lambda m: m.type in ("error", "warning") and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("requestfailed", lambda r: page.errors.append(f"failed: {r.url}"))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto((site / name).as_uri() + fragment)
        page.wait_for_load_state("load")
        return page

    yield opener
    for context in contexts:
        context.close()


def shot(page, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


@pytest.mark.parametrize("name", PAGES)
def test_pages_load_without_console_errors(open_page, name):
    page = open_page(name)
    assert page.errors == []
    assert page.dialogs == []
    shot(page, f"desktop-{name.replace('.html', '').replace('/', '-')}.png")


def test_reading_text_switch_works_with_script(open_page):
    page = open_page(DOCUMENT)
    query, bracket = ".edition-text .mark-query", ".edition-text .mark-supplied .bracket"
    assert visible(page, query) and visible(page, bracket) and visible(page, ".legend")
    page.locator("#turn-27").scroll_into_view_if_needed()
    shot(page, "edition-text.png")
    page.get_by_label("reading text, clean").check()
    assert not visible(page, query) and not visible(page, bracket) and not visible(page, ".legend")
    # the words stay; only the marks go
    turn = page.locator("#turn-27 .speech").inner_text()
    assert turn.startswith("With respect to Yun Kong-hum, a proposal was made to expel him from the Party")
    assert page.locator(".edition-text .mark-add").first.get_attribute("tabindex") == "-1"
    shot(page, "reading-text.png")
    page.get_by_label("edition text, with all editorial marks").check()
    assert visible(page, query)
    assert page.locator("#turn-27 .speech").inner_text().startswith("⟨With respect to⟩")


def test_reading_text_choice_is_remembered(open_page):
    page = open_page(DOCUMENT)
    page.get_by_label("reading text, clean").check()
    page.reload()
    assert page.locator("#view-reading").is_checked()
    assert not visible(page, ".edition-text .mark-query")


def test_reading_text_switch_works_without_javascript(open_page):
    page = open_page(DOCUMENT, javascript=False)
    assert visible(page, ".edition-text .mark-query")
    page.get_by_label("reading text, clean").check()
    assert not visible(page, ".edition-text .mark-query")
    assert page.locator("#turn-27 .speech").inner_text().startswith("With respect to Yun Kong-hum")
    # without script there is nothing to copy with, so no copy buttons
    assert not visible(page, ".cite-actions")


def test_marks_are_explained_on_hover_and_keyboard_focus(open_page):
    page = open_page(DOCUMENT)
    add = page.locator(".edition-text .mark-add").first
    tip = "() => getComputedStyle(document.activeElement, '::after').content"
    supplied = page.locator(".edition-text .mark-supplied").nth(1)
    supplied.hover()
    assert "Supplied: words the translator or editor added" in supplied.evaluate(
        "el => getComputedStyle(el, '::after').content")
    add.focus()
    assert "Inserted: words added in the original document." in page.evaluate(tip)
    shot(page, "mark-tooltip.png")
    # reachable with the Tab key
    page.locator("#turn-27 .turn-number").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('mark-add')")


def test_turn_anchor_scrolls_to_the_turn(open_page):
    page = open_page(DOCUMENT, height=800, fragment="#turn-40")
    box = page.locator("#turn-40").bounding_box()
    assert page.evaluate("window.scrollY") > 1000
    assert 0 <= box["y"] < 200
    assert page.evaluate("getComputedStyle(document.getElementById('turn-40')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"  # :target highlights it
    shot(page, "turn-anchor.png")


def test_speaker_link_leads_to_the_participant(open_page):
    page = open_page(DOCUMENT)
    page.locator("#turn-3 a.speaker").click()
    assert page.evaluate("location.hash") == "#person-mikoyan"
    assert page.locator("#person-mikoyan").bounding_box()["y"] < 300


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling_on_a_phone(open_page, name):
    page = open_page(name, width=375, height=740)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{name} is {width}px wide"
    shot(page, f"phone-{name.replace('.html', '').replace('/', '-')}.png", full_page=name == DOCUMENT)


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_accessibility_violation(open_page, axe_source, name):
    page = open_page(name)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_axe_in_the_reading_text(open_page, axe_source):
    page = open_page(DOCUMENT, width=375)
    page.get_by_label("reading text, clean").check()
    page.add_script_tag(content=axe_source)
    impacts = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => v.id + ':' + v.impact)")
    assert not [i for i in impacts if i.endswith((":serious", ":critical"))]


def test_hostile_text_runs_nothing(open_page):
    page = open_page("hostile.html")
    page.locator("#turn-1").hover()
    page.locator("#turn-2 .speech").click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.evaluate("document.scripts.length") == 1
    assert "<script>window.__pwned = 'p'</script>" in page.locator("#turn-1 .speech").inner_text()
    assert page.locator("body").is_visible()  # the <style> in a group heading did not hide it


def test_print_stylesheet_hides_the_controls(open_page):
    page = open_page(DOCUMENT)
    page.emulate_media(media="print")
    assert not visible(page, ".site-header") and not visible(page, ".view-switch")
    assert visible(page, "#turn-1") and visible(page, ".legend dl")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "print-preview.pdf").write_bytes(pdf)


def test_copy_buttons_appear_only_with_script_and_copy_the_citation(open_page):
    page = open_page(DOCUMENT)
    button = page.get_by_role("button", name="Copy the citation")
    assert button.is_visible()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button.click()
    outcome = page.wait_for_function(
        "() => { const t = document.querySelector('button.copy').textContent;"
        " return t !== 'Copy the citation' && t; }").json_value()
    assert outcome == "Copied"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“Conversation with the Delegation")
    assert copied.endswith("korean-delegation-1956-09-16.html")


@pytest.mark.parametrize("width, height, screens", [(1280, 800, 1), (390, 844, 2)])
def test_the_text_comes_first(open_page, width, height, screens):
    """Wide: the title block, the participants line and the first turn (its
    speaker and the start of its speech) without scrolling, the apparatus beside
    the text. Narrow: the first turn within two screens, the apparatus in closed
    panels above it."""
    page = open_page(DOCUMENT, width=width, height=height)
    first = page.locator(".edition-text .turn").first
    speech = first.locator(".speech p").first.bounding_box()
    assert speech["y"] + 24 <= screens * height, speech
    assert page.locator(".participants-line").bounding_box()["y"] < height
    line = page.locator(".participants-line").inner_text()
    assert line.startswith("Participants: Anastas Mikoyan, Choe Yong-geon, Rim Hae and ")
    panels = page.locator(".aside-panel")
    participants = page.locator("#participants")
    if width >= 1024:
        assert participants.is_visible()
        assert participants.bounding_box()["x"] > first.bounding_box()["x"] + first.bounding_box()["width"]
    else:
        assert not participants.is_visible()
        assert all(not panel.get_attribute("open") is not None for panel in panels.all())
        page.get_by_text("all participants").click()  # a link into a closed panel opens it
        assert participants.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"text-first-{width}.png")
