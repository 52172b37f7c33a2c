"""Issue 12: no document lost to its id, and the small promises (the README's id rule).

One module (ids.py) names every document: its TEI, page, PDF and every link agree,
whatever script its file name is in; a document named like a site page never
overwrites one; two sources with one id stop convert, review, render and build
before anything is written. Run through the real command line.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import ROOT

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MARKERS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
           "Juliett"]
TEI_ROOT_MESSAGE = 'expected a TEI root element <TEI xmlns="http://www.tei-c.org/ns/1.0">, found <x>'


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], capture_output=True,
                          text=True, cwd=cwd)


def transcript(marker: str) -> str:
    """A small record whose title and text carry a marker, to tell documents apart."""
    return (f"Record of a Conversation about {marker}\n\n3 March 1961\n\n"
            "Ambassador Novak: I have come with a message for the Minister.\n\n"
            f"Minister Horak: Please go ahead. We speak of {marker} today.\n\n"
            "Ambassador Novak: My government agrees.\n")


def new_edition(tmp_path: Path, names: list[str]) -> Path:
    edition = tmp_path / "ed"
    (edition / "transcripts").mkdir(parents=True)
    (edition / "edition.toml").write_text('[edition]\ntitle = "Ids"\n', encoding="utf-8")
    for number, name in enumerate(names):
        (edition / "transcripts" / f"{name}.txt").write_text(transcript(MARKERS[number]),
                                                             encoding="utf-8")
    return edition


# -- the rule itself ----------------------------------------------------------------------

def test_the_id_rule():
    from tei_edition.ids import document_id

    assert document_id("korean-delegation-1956-09-16") == "korean-delegation-1956-09-16"
    assert document_id("a b") == document_id("a-b") == "a-b"
    assert document_id("1956 memo") == "doc-1956-memo"
    # other scripts: readable, ASCII, and a hash of the name as written
    assert document_id("протокол") == "protokol-4366cf"
    assert document_id("документ") == "dokument-73779b"
    assert document_id("gespräch-1957") == "gesprach-1957-0e6d2b"
    assert document_id("会谈") == "HuiTan-48e2f3"
    assert document_id("gespräch-1957") != document_id("gesprach-1957") == "gesprach-1957"
    assert document_id("会谈") != document_id("會談")
    for page in ("index", "persons", "places", "subjects", "volume", "search", "Index"):
        assert document_id(page) == f"{page}-doc"
    names = ["протокол", "gespräch-1957", "index", "x" * 400, "я" * 400, "caf\udce9", "ctl\x01",
             "..", "", "会谈"]
    for name in names:
        doc_id = document_id(name)
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", doc_id), (name, doc_id)
        assert len(doc_id) <= 110
        assert document_id(doc_id) == doc_id  # an id is its own id


def test_person_ids_are_readable_ascii():
    from tei_edition.ids import slugify

    assert slugify("Choe Yong-geon") == "choe-yong-geon"
    assert slugify("Хрущёв") == "khrushchev"
    assert slugify("Gomułka") == "gomulka"


def test_person_ids_from_other_scripts_are_ascii_and_their_links_work(tmp_path):
    """Speakers named in Cyrillic get readable ASCII ids, so that each speaker's link in
    the page has its own anchor (before, 'Мао' and 'Лин' were both '#person---')."""
    source = tmp_path / "talk.txt"
    source.write_text("Мао: Добрый день, товарищи.\n\nЛин: Здравствуйте.\n\n"
                      "Мао: Начнём.\n\nЛин: Хорошо.\n", encoding="utf-8")
    assert run("convert", str(source), "-o", str(tmp_path / "out")).returncode == 0
    tei = etree.parse(str(tmp_path / "out" / "talk.xml"))
    assert sorted(set(tei.xpath("//t:sp/@who", namespaces=NS))) == ["#lin", "#mao"]
    done = run("render", "--to", "html", str(tmp_path / "out" / "talk.xml"), "-o", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    page = lxml.html.fromstring((tmp_path / "site" / "talk.html").read_bytes())
    links = {a.get("href") for a in page.cssselect("a.speaker")}
    assert links == {"#person-mao", "#person-lin"}
    for link in links:
        assert page.get_element_by_id(link[1:]) is not None


# -- documents lost without a word --------------------------------------------------------

def test_no_document_is_lost_to_its_name(tmp_path):
    """Site-page names, Cyrillic names that once met in one id, an umlaut: every
    document has its TEI, page and PDF, every link of the site resolves, and the
    collection pages are still the collection pages."""
    names = ["index", "persons", "places", "subjects", "volume", "search", "протокол", "документ",
             "gespräch-1957", "plain"]
    edition = new_edition(tmp_path, names)
    done = run("build", str(edition), "-j", "2", "--volume")
    assert done.returncode == 0, done.stdout + done.stderr
    build = edition / "build"
    ids = set()
    for number, name in enumerate(names):
        teis = [p for p in (build / "tei").glob("*.xml")
                if MARKERS[number] in p.read_text(encoding="utf-8")]
        assert len(teis) == 1, name
        doc_id = teis[0].stem
        ids.add(doc_id)
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", doc_id)
        assert etree.parse(str(teis[0])).getroot().get(XML_ID) == doc_id
        page = lxml.html.fromstring((build / f"{doc_id}.html").read_bytes())
        assert MARKERS[number] in page.findtext(".//title"), name
        assert (build / "pdf" / f"{doc_id}.pdf").is_file(), name
        links = [a.get("href") for a in page.iter("a") if a.get("href")]
        assert f"pdf/{doc_id}.pdf" in links and f"tei/{doc_id}.xml" in links
    assert len(ids) == len(names)
    assert {"index-doc", "persons-doc", "places-doc", "subjects-doc", "volume-doc",
            "search-doc", "plain"} <= ids
    assert {i for i in ids if i.startswith(("protokol-", "dokument-", "gesprach-1957-"))}.__len__() == 3
    # the collection pages are the collection's, and every link in them resolves
    index = lxml.html.fromstring((build / "index.html").read_bytes())
    assert len(index.cssselect(".document-entry")) == len(names)
    for page_name in ("index.html", "persons.html", "places.html", "subjects.html"):
        page = lxml.html.fromstring((build / page_name).read_bytes())
        assert "Conversation" not in page.findtext(".//title")
        for href in (a.get("href") for a in page.iter("a")):
            if href and not href.startswith(("#", "http")):
                assert (build / href.split("#")[0]).is_file(), (page_name, href)
    assert (build / "pdf" / "volume.pdf").stat().st_size > (build / "pdf" / "plain.pdf").stat().st_size


def test_a_tei_file_named_like_a_site_page_keeps_both(tmp_path):
    """render: a TEI file whose xml:id is 'index' gets its own page beside the index."""
    fixture = ROOT / "tests" / "fixtures" / "html" / "korean-delegation.xml"
    text = fixture.read_text(encoding="utf-8")
    named = tmp_path / "in" / "index.xml"
    named.parent.mkdir()
    named.write_text(text.replace('xml:id="korean-delegation-1956-09-16"', 'xml:id="index"', 1),
                     encoding="utf-8")
    done = run("render", "--to", "html", str(named), str(fixture), "-o", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    index = lxml.html.fromstring((tmp_path / "site" / "index.html").read_bytes())
    links = [a.get("href") for a in index.cssselect(".document-entry h3 a")]
    assert sorted(links) == ["index-doc.html", "korean-delegation-1956-09-16.html"]
    assert (tmp_path / "site" / "index-doc.html").is_file()


@pytest.mark.parametrize("command", ["convert", "review"])
def test_two_sources_with_one_id_are_refused_before_anything_is_written(tmp_path, command):
    for name in ("a b.txt", "a-b.txt", "A-B.txt"):
        (tmp_path / name).write_text(transcript(name), encoding="utf-8")
    for pair in (("a b.txt", "a-b.txt"), ("a-b.txt", "A-B.txt")):
        done = run(command, *pair, "-o", "out", cwd=tmp_path)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        error = done.stderr.strip().splitlines()
        assert len(error) == 1 and pair[0] in error[0] and pair[1] in error[0], error
        assert not (tmp_path / "out").exists()
    done = run(command, "a-b.txt", "-o", "out", cwd=tmp_path)  # alone, it converts
    assert done.returncode == 0, done.stderr


def test_build_refuses_ids_that_differ_only_in_case(tmp_path):
    edition = new_edition(tmp_path, ["Memo", "memo"])
    done = run("build", str(edition), "--only", "tei")
    assert done.returncode == 1
    assert "transcripts/Memo.txt and transcripts/memo.txt" in done.stderr
    assert not (edition / "build" / "tei").exists()


def test_render_refuses_two_files_with_one_id(tmp_path):
    fixture = ROOT / "tests" / "fixtures" / "html" / "korean-delegation.xml"
    copy = tmp_path / "copy.xml"
    shutil.copy(fixture, copy)
    for to in ("html", "pdf"):
        done = run("render", "--to", to, str(fixture), str(copy), "-o", str(tmp_path / "out"))
        assert done.returncode == 1
        assert "korean-delegation-1956-09-16" in done.stderr and str(copy) in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "out").exists()


def test_a_hand_edited_file_whose_xml_id_disagrees_with_its_name_stops_the_build(tmp_path):
    edition = new_edition(tmp_path, ["plain"])
    (edition / "tei").mkdir()
    fixture = ROOT / "tests" / "fixtures" / "html" / "korean-delegation.xml"
    shutil.copy(fixture, edition / "tei" / "renamed.xml")
    done = run("build", str(edition), "--only", "html")
    assert done.returncode == 1
    assert (f"error: {edition / 'tei' / 'renamed.xml'}:3: its xml:id 'korean-delegation-1956-09-16' gives the "
            "document id 'korean-delegation-1956-09-16', but its file name gives 'renamed'") in done.stderr


def test_eject_takes_the_transcripts_name_or_its_id(tmp_path):
    edition = new_edition(tmp_path, ["протокол"])
    done = run("eject", "протокол", "--edition", str(edition))
    assert done.returncode == 0, done.stderr
    assert (edition / "tei" / "protokol-4366cf.xml").is_file()
    done = run("build", str(edition), "--only", "html")
    assert done.returncode == 0, done.stdout
    assert "publish   tei/protokol-4366cf.xml (hand-edited) for 'protokol-4366cf'" in done.stderr
    assert (edition / "build" / "protokol-4366cf.html").is_file()


# -- small ----------------------------------------------------------------------------------

def test_the_register_does_not_import_the_converter():
    """register.py and ingest/ no longer import each other (ids.py holds what both need)."""
    code = ("import sys; from tei_edition.register import load_edition; "
            f"load_edition({str(ROOT / 'editions' / 'korean-1956')!r}); "
            "print(sorted(m for m in sys.modules if m.startswith('tei_edition.ingest')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_an_id_with_a_line_break_is_an_error_at_its_line(tmp_path):
    from tei_edition.errors import EditionError
    from tei_edition.register import load_edition

    (tmp_path / "edition.toml").write_text(
        '[edition]\ntitle = "T"\n\n[[persons]]\nid = "mikoyan\\n"\nname = "Anastas Mikoyan"\n',
        encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        load_edition(tmp_path)
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "edition.toml"), 5)
    assert "'id'" in caught.value.message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_wide_text_without_a_byte_order_mark_gets_the_encoding_hint(tmp_path, encoding):
    source = tmp_path / "wide.txt"
    source.write_bytes(transcript("a wide file").encode(encoding))
    done = run("convert", str(source), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: {source}: this looks like {encoding.upper()} text without a byte-order mark; "
        f"convert with --encoding {encoding}"]
    done = run("convert", str(source), "--encoding", encoding, "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "a wide file" in (tmp_path / "out" / "wide.xml").read_text(encoding="utf-8")


def test_a_non_tei_root_is_named_plainly(tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<x/>\n", encoding="utf-8")
    done = run("validate", str(other))
    assert done.returncode == 1
    faults = [line for line in done.stdout.splitlines() if "root-element" in line]
    assert faults == [f"{other}:1:1: profile/root-element: {TEI_ROOT_MESSAGE}.",
                      f"{other}:1:5: tei/root-element: {TEI_ROOT_MESSAGE}."]
    for to in ("html", "pdf"):
        done = run("render", "--to", to, str(other), "-o", str(tmp_path / "out"))
        assert done.returncode == 1
        assert done.stderr.strip() == f"error: {other}:1: {TEI_ROOT_MESSAGE}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_make_serve_serves_only_the_built_sites():
    port = _free_port()
    server = subprocess.Popen(["make", "-s", "serve", f"PORT={port}"], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True)
    try:
        for line in server.stdout:  # make prints the sites, then the server says it listens
            if line.startswith("Serving HTTP"):
                break
        else:
            pytest.fail("make serve stopped before serving")
        base = f"http://127.0.0.1:{port}/korean-1956/"
        assert _status(base + "index.html") == 200
        assert _status(base + "pdf/korean-delegation-1956-09-16.pdf") == 200
        for hidden in ("edition.toml", "transcripts/korean-delegation-1956-09-16.txt",
                       ".state.json", "build/index.html", ".cache/"):
            assert _status(base + hidden) == 404, hidden
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and its server, started here
        server.wait()
