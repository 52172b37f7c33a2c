"""The apparatus in the outputs (real saxonche, real Typst): person cards reached
from every mention and turn, notes as footnotes, corrections with the original
on hover, places and subjects indexes; the PDF's footnotes and persons index."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from conftest import SAMPLE, SAMPLE_EDITION
from tei_edition.files import write_atomic
from tei_edition.html import HtmlRenderer
from tei_edition.ids import source_id
from tei_edition.ingest import convert_transcript
from tei_edition.pdf import PdfRenderer
from tei_edition.register import load_edition

FIXTURE = Path(__file__).parent / "fixtures" / "apparatus" / "vienna-1961"
MEMO = FIXTURE / "transcripts" / "memo-1961-03-03.txt"


def text_of(node) -> str:
    return " ".join(node.text_content().split())


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict:
    """The sample and the invented edition converted, rendered as one site, and as PDF."""
    tmp = tmp_path_factory.mktemp("apparatus-output")
    teis = []
    for transcript, root in ((SAMPLE, SAMPLE_EDITION), (MEMO, FIXTURE)):
        result = convert_transcript(transcript.read_bytes(), transcript, load_edition(root))
        target = tmp / "tei" / f"{source_id(transcript)}.xml"
        write_atomic(target, result.tei)
        teis.append(target)
    metadata = load_edition(SAMPLE_EDITION).metadata
    html = HtmlRenderer(metadata)
    for tei in teis:
        html.document(tei, tmp / "site")
    html.site(teis, tmp / "site")
    pdf = PdfRenderer(metadata)
    return {"site": tmp / "site", "pdf": pdf.document(teis[0], tmp / "pdf"),
            "volume": pdf.volume(teis, tmp / "pdf")}


def page(built, name: str):
    return lxml.html.parse(str(built["site"] / name)).getroot()


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return " ".join(re.sub(r"\u00ad\n", "", out).split())


# -- HTML ------------------------------------------------------------------------------

def test_every_mention_and_turn_of_kim_il_sung_leads_to_his_card(built):
    doc = page(built, "korean-delegation-1956-09-16.html")
    mentions = doc.xpath("//a[@class='person'][@href='#person-kim-il-sung']")
    assert len(mentions) >= 9
    card = doc.get_element_by_id("person-kim-il-sung")
    assert text_of(card.cssselect(".life")[0]) == "1912–1994"
    assert "Kim Il-sung" in text_of(card.cssselect(".spellings")[0])
    roles = [text_of(r) for r in card.cssselect(".role")]
    assert "Chairman of the Central Committee, Korean Workers' Party (from 1949)" in roles
    assert text_of(card.cssselect(".biography")[0]).startswith("Founder and leader")
    assert card.xpath(".//a[@class='authority']/@href") == [
        "https://viaf.org/viaf/108235077", "https://d-nb.info/gnd/118562126"]
    # A speaker's turns lead to the speaker's card, which has the register's data too.
    assert doc.xpath("//a[@class='speaker'][@href='#person-mikoyan']")
    mikoyan = doc.get_element_by_id("person-mikoyan")
    assert text_of(mikoyan.cssselect(".life")[0]) == "1895–1978"
    assert "First Deputy Chairman of the USSR Council of Ministers (1955–1964)" in [
        text_of(r) for r in mikoyan.cssselect(".role")]


def test_notes_are_footnotes_and_corrections_show_the_original(built):
    doc = page(built, "korean-delegation-1956-09-16.html")
    notes = [text_of(li) for li in doc.cssselect("#notes li")]
    assert len(notes) >= 3
    assert any(n.startswith("The Twentieth Congress of the CPSU") for n in notes)
    refs = doc.cssselect("sup.note-ref a")
    assert len(refs) == len(notes)
    (correction,) = [c for c in doc.cssselect("span.correction")
                     if "USSSR" in c.get("title")]
    assert correction.get("title") == "As printed: “USSSR”"
    assert text_of(correction.cssselect(".reading-only")[0]) == "USSR"


def test_places_link_to_their_entries_and_text_stays_text(built):
    doc = page(built, "memo-1961-03-03.html")
    links = doc.cssselect("a.placeName")
    assert [a.get("href") for a in links] == ["#place-vienna", "#place-vienna", "#place-washington"]
    ids = set(doc.xpath("//@id"))
    assert all(a.get("href")[1:] in ids for a in links + doc.cssselect("a.orgName"))
    assert "Where the leaders met in June 1961." in text_of(doc.get_element_by_id("place-vienna"))
    # Markup typed into the register is shown as text, never made markup.
    assert not doc.xpath("//*[local-name()='i' or local-name()='b']")
    notes = [text_of(li) for li in doc.cssselect("#notes li")]
    assert "Nikita Khrushchev, First Secretary <i>of the CPSU</i>. Back to the text (note 2)" in notes
    gromyko = text_of(doc.get_element_by_id("person-gromyko"))
    assert 'Invented biography: a minister who <b>never</b> smiled & said "nyet".' in gromyko


def test_the_site_has_places_and_subjects_indexes(built):
    places = page(built, "places.html")
    names = [text_of(h) for h in places.cssselect("li.person-card h2")]
    assert names == sorted(names, key=str.lower)
    assert {"Pyongyang", "Vienna", "Korean Workers' Party"} <= set(names)
    vienna = places.get_element_by_id("vienna")
    assert vienna.xpath(".//a/@href") == ["memo-1961-03-03.html#place-vienna"]
    assert "named 2 times" in text_of(vienna)
    subjects = page(built, "subjects.html")
    terms = [text_of(h) for h in subjects.cssselect("li.person-card h2")]
    assert "Cult of personality" in terms and "Vienna summit (1961)" in terms
    cult = subjects.cssselect("li.person-card")[terms.index("Cult of personality")]
    assert cult.xpath(".//a/@href") == ["korean-delegation-1956-09-16.html"]
    for name in ("index.html", "persons.html", "places.html", "subjects.html"):
        nav = page(built, name).xpath("//nav[@aria-label='Edition']//a/@href")
        assert nav == ["index.html", "persons.html", "places.html", "subjects.html", "search.html"]
    persons = page(built, "persons.html")
    assert "1912–1994" in text_of(persons.get_element_by_id("kim-il-sung"))


# -- PDF -------------------------------------------------------------------------------

def test_the_pdf_prints_notes_and_corrections_as_footnotes(built):
    text = pdf_text(built["pdf"])
    assert "The Twentieth Congress of the CPSU (February 1956), at which Khrushchev" in text
    assert "The political report of the CCP Central Committee" in text
    assert "The original reads “USSSR”." in text
    assert "trip to the USSR" in text  # the corrected reading in the text


def test_the_volume_index_uses_canonical_names(built):
    """Entries are canonical names, by surname; another spelling is only a
    cross-reference to the entry."""
    text = pdf_text(built["volume"])
    index = text[text.rindex("Index of persons"):]
    assert "Kim, Il Sung (1912–1994)" in index
    assert "Kim Il-sung, see Kim Il Sung" in index
    assert index.count("Kim Il-sung") == 1
    assert "Andrei Gromyko" in index and "Andrej Gromyko, see Andrei Gromyko" in index
    # a birth without a death reads "born", never an open range
    assert "Llewellyn Thompson (born 1904)" in text and "(1904–)" not in text
