"""Previous and next in Debian's Chromium: a reader follows the links from
document to document, in the collection's order, with and without
JavaScript, on a wide screen and on a phone; axe finds nothing serious.
The pages are made by `tei-edition render`, opened from disk (file://)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_edition.cli import cli

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "html"
# the collection's order: by date (the first two share a day: then by id)
ORDER = ["hostile.html", "korean-delegation-1956-09-16.html", "memorandum-1957-03-02.html",
         "interview-1991-05-04.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("navigation-site")
    teis = [FIXTURES / name for name in ("memorandum.xml", "apparatus.xml", "korean-delegation.xml",
                                         "hostile.xml")]
    result = CliRunner().invoke(cli, ["render", "--to", "html", "-j", "1", "-o", str(out),
                                      *map(str, teis)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture()
def context(browser, request):
    width, javascript = request.param
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  java_script_enabled=javascript)
    yield context
    context.close()


@pytest.mark.parametrize("context", [(1280, True), (390, False)], indirect=True,
                         ids=["wide-script", "phone-no-script"])
def test_a_reader_follows_next_and_previous_through_the_collection(context, site):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / ORDER[0]).as_uri())
    assert page.locator(".document-nav a[rel=prev]").count() == 0
    for current, following in zip(ORDER, ORDER[1:]):
        link = page.locator(".document-nav a[rel=next]")
        title = link.locator(".nav-title").inner_text()
        link.scroll_into_view_if_needed()
        assert link.is_visible()
        link.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/" + following)
        assert page.locator("h1").first.inner_text().strip() == title.strip()
        # and back again, then on
        page.locator(".document-nav a[rel=prev]").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/" + current)
        page.locator(".document-nav a[rel=next]").click()
        page.wait_for_load_state("load")
    assert page.url.endswith("/" + ORDER[-1])
    assert page.locator(".document-nav a[rel=next]").count() == 0
    # the links fit the screen: no horizontal scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert errors == []


@pytest.mark.parametrize("context", [(1280, True)], indirect=True)
def test_axe_finds_nothing_serious_on_a_page_with_previous_and_next(context, site, axe_source):
    page = context.new_page()
    page.goto((site / ORDER[1]).as_uri())
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => v.id + ':' + v.impact)")
    assert [v for v in violations if v.split(":")[1] in ("serious", "critical")] == []
