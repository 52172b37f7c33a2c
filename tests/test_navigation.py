"""From one document to the next: previous/next links in the collection's
order, made by `tei-edition build` (a real subprocess), rebuilt only where a
page's neighbours changed; the index links the PDF volume only when it is there."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import html as lxml_html

from tei_edition.bench import generate_corpus
from test_build import SAMPLE, build, copy_edition, stamps, summary_row


def page(path: Path):
    return lxml_html.parse(str(path)).getroot()


def reading_order(site: Path) -> list[str]:
    """The document pages as a reader meets them: from the one without a previous
    link, following the next links."""
    pages = [p for p in site.glob("*.html") if page(p).cssselect(".document-nav")]
    first = [p for p in pages if not page(p).cssselect(".document-nav a[rel=prev]")]
    assert len(first) == 1
    order, current = [], first[0].name
    while current:
        assert current not in order
        order.append(current)
        links = page(site / current).cssselect(".document-nav a[rel=next]")
        if links:  # the next page links back
            back = page(site / links[0].get("href")).cssselect(".document-nav a[rel=prev]")
            assert back[0].get("href") == current
        current = links[0].get("href") if links else None
    assert len(order) == len(pages)
    return order


def test_adding_a_document_rebuilds_only_the_pages_beside_it(tmp_path):
    sources = generate_corpus(tmp_path / "sources", 6, seed=11)
    edition = copy_edition(sources, tmp_path / "edition")
    held = sorted((edition / "transcripts").glob("*.txt"))[3]
    shutil.move(held, tmp_path / held.name)
    build(str(edition), "--only", "html")
    before = stamps(edition)
    shutil.move(tmp_path / held.name, held)
    result = build(str(edition), "--only", "html")
    order = reading_order(edition / "build")
    at = order.index(f"{held.stem}.html")
    beside = {order[n] for n in (at - 1, at, at + 1) if 0 <= n < len(order)}
    after = stamps(edition)
    rewritten = {name for name in after if name.startswith("record-") and name.endswith(".html")
                 and "/" not in name and after[name] != before.get(name)}
    assert rewritten == beside
    assert summary_row(result.stderr, "html")[:2] == [str(len(beside)), str(6 - len(beside))]
    # the same bytes as a build of the six from nothing
    fresh = copy_edition(sources, tmp_path / "fresh")
    build(str(fresh), "--only", "html")
    for name in order:
        assert (fresh / "build" / name).read_bytes() == (edition / "build" / name).read_bytes(), name


def test_the_collection_order_is_the_date_order_of_the_generated_records(tmp_path):
    edition = copy_edition(generate_corpus(tmp_path / "sources", 5, seed=3), tmp_path / "edition")
    build(str(edition), "--only", "html")
    order = reading_order(edition / "build")
    dates = [page(edition / "build" / name).cssselect('meta[name="DC.date"]')[0].get("content")
             for name in order]
    assert dates == sorted(dates)
    # each link names the document it leads to
    second = page(edition / "build" / order[1])
    previous = second.cssselect(".document-nav a[rel=prev] .nav-title")[0].text_content()
    assert previous == page(edition / "build" / order[0]).cssselect("h1")[0].text_content().strip()
    assert second.cssselect('link[rel="prev"]')[0].get("href") == order[0]


def local_links_resolve(site: Path, name: str) -> list[str]:
    """The links of a page to files of the site that are not there."""
    missing = []
    for link in page(site / name).cssselect("a[href]"):
        href = link.get("href").split("#")[0].split("?")[0]
        if href and ":" not in href and not (site / href).is_file():
            missing.append(href)
    return missing


def test_the_index_links_the_volume_only_when_it_was_built(tmp_path):
    edition = copy_edition(SAMPLE, tmp_path / "edition")
    site, volume = edition / "build", edition / "build" / "pdf" / "volume.pdf"
    build(str(edition))
    assert not volume.exists()
    assert not page(site / "index.html").cssselect('a[href="pdf/volume.pdf"]')
    assert local_links_resolve(site, "index.html") == []
    build(str(edition), "--volume")
    assert volume.is_file() and page(site / "index.html").cssselect('a[href="pdf/volume.pdf"]')
    build(str(edition))  # nothing changed: the volume stays, and so does its link
    assert volume.is_file() and page(site / "index.html").cssselect('a[href="pdf/volume.pdf"]')
    toml = edition / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'title = "Soviet–Korean Party Conversations, 1956"',
        'title = "Soviet–Korean Party Conversations"'), encoding="utf-8")
    result = build(str(edition))  # the volume is out of date: removed, and so is its link
    assert "volume.pdf (out of date" in result.stderr
    assert not volume.exists()
    assert not page(site / "index.html").cssselect('a[href="pdf/volume.pdf"]')
    assert local_links_resolve(site, "index.html") == []
