"""Full-text search in a real browser: an edition is built (convert, validate,
pages, Pagefind index), served over http on the loopback address, and searched
in Debian's Chromium as a reader would: type, read the result, follow it to the
turn, filter. Accents and transliteration marks must not matter."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from tei_edition.build import Options, run_build
from tei_edition.search import fold

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

EDITION = """\
[edition]
title = "Invented Conversations, 1961"
language = "en"
base_url = "https://example.org/invented/"

[[persons]]
id = "gomulka"
name = "Władysław Gomułka"
aliases = ["Gomułka"]
side = "Polish side"

[[persons]]
id = "ulbricht"
name = "Walter Ulbricht"
aliases = ["Ulbricht"]
side = "German side"

[[persons]]
id = "ceausescu"
name = "Nicolae Ceaușescu"
aliases = ["Ceaușescu"]

[[subjects]]
id = "berlin-question"
term = "The Berlin question"
"""

TRANSCRIPT = """\
+++
title = "Gomułka and Ulbricht on Berlin"
date = 1961-03-12
classification = "Secret"
source = "AAN, KC PZPR, paczka 3, teczka 21, str. 5-9"
+++
MEMORANDUM OF CONVERSATION

Gomułka: We spoke about the wall in Berlin with Comrade Ceaușescu yesterday.

Ulbricht: The border must be closed before the summer.

Gomułka: Then the marshes of Kraków will wait for the harvest.

Ulbricht: We shall see.
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-edition")
    (root / "transcripts").mkdir()
    (root / "edition.toml").write_text(EDITION, encoding="utf-8")
    (root / "transcripts" / "warsaw-1961-03-12.txt").write_text(TRANSCRIPT, encoding="utf-8")
    status = run_build([root], Options(jobs=1, stages=("convert", "validate", "html", "site", "search"),
                                       keep_going=False, bars=False))
    assert status == 0
    # served from the edition folder, so that the site lies under /build/, as under make serve
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root / "build", f"http://127.0.0.1:{server.server_address[1]}/build/"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    # (the browser's own request for /favicon.ico is no page's error)
    tab.on("response", lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico")
           and tab.errors.append(f"{r.status} {r.url}"))
    yield tab
    context.close()


def search(page, base: str, query: str):
    page.goto(base + "index.html")
    page.get_by_role("searchbox", name="Search the edition").fill(query)
    page.get_by_role("searchbox", name="Search the edition").press("Enter")
    page.wait_for_url("**/search.html?q=*")
    page.locator("#search-status").filter(has_text="found").wait_for()


def test_fold_drops_marks_of_latin_letters_only():
    assert fold("Gomułka Ceaușescu Kraków Šik Ørsted Straße") == "Gomulka Ceausescu Krakow Sik Orsted Strasse"
    assert fold("Хрущёв 毛泽东") == "Хрущёв 毛泽东"


def test_search_finds_the_turn_without_accents_and_follows_it(served, page):
    build, base = served
    search(page, base, "Gomulka")
    result = page.locator(".search-result").first
    # the page shows the name as written, accents and all
    assert result.locator("h2").inner_text() == "Gomułka and Ulbricht on Berlin"
    turn = result.locator(".search-turn").first
    assert "Władysław Gomułka" in turn.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-results.png"))
    turn.click()
    page.wait_for_url(f"{base}warsaw-1961-03-12.html#turn-*")
    anchor = page.url.split("#")[1]
    assert page.locator(f"#{anchor} .speaker").inner_text().startswith("Gomułka")
    assert page.locator(f"#{anchor}").is_visible()
    assert page.errors == []


def test_transliteration_marks_do_not_matter(served, page):
    _, base = served
    search(page, base, "Ceausescu")
    excerpt = page.locator(".search-excerpt").first
    assert "Ceaușescu" in excerpt.inner_text()
    assert excerpt.locator("mark").first.inner_text() == "Ceaușescu"
    search(page, base, "Krakow")
    assert "Kraków" in page.locator(".search-excerpt").first.inner_text()
    # the accented query finds the same turn
    search(page, base, "Gomułka")
    assert page.locator(".search-result h2").first.inner_text() == "Gomułka and Ulbricht on Berlin"


def test_filters_narrow_the_results(served, page):
    _, base = served
    search(page, base, "border")
    assert page.locator(".search-result").count() == 1
    options = page.locator("#filter-speaker option").all_inner_texts()
    assert "Walter Ulbricht" in options and "Władysław Gomułka" in options
    page.locator("#filter-speaker").select_option("Władysław Gomułka")
    page.locator("#search-status").filter(has_text="Nothing found").wait_for()
    page.locator("#filter-speaker").select_option("Walter Ulbricht")
    page.locator("#search-status").filter(has_text="found").wait_for()
    turn = page.locator(".search-turn").first
    assert "Walter Ulbricht" in turn.inner_text()
    assert "speaker=Walter+Ulbricht" in page.url
    for name, value in (("year", "1961"), ("archive", "AAN"), ("classification", "Secret"),
                        ("subject", "The Berlin question")):
        assert value in page.locator(f"#filter-{name} option").all_inner_texts(), name


def test_search_page_has_no_serious_accessibility_issue(served, page, axe_source):
    _, base = served
    search(page, base, "Berlin")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_from_a_file_the_page_says_search_needs_a_server(served, page):
    build, _ = served
    page.goto((build / "search.html").as_uri() + "?q=Berlin")
    note = page.locator("#search-file-note")
    assert note.is_visible()
    assert "make serve" in note.inner_text()
