"""The apparatus in the TEI: every kind of register entry, on the invented edition
and on the sample; anchors that survive re-conversion; anchors that break stop
the build with file, entry line and the missing words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLE, SAMPLE_EDITION
from tei_edition.apparatus import personography
from tei_edition.cli import main
from tei_edition.errors import EditionError
from tei_edition.ingest import convert_transcript
from tei_edition.ingest.decode import decode_source
from tei_edition.register import load_edition
from tei_edition.textform import normalise, source_without_dropped, tei_to_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
FIXTURE = Path(__file__).parent / "fixtures" / "apparatus" / "vienna-1961"
MEMO = FIXTURE / "transcripts" / "memo-1961-03-03.txt"


def convert(path: Path, edition_root: Path, data: bytes | None = None):
    edition = load_edition(edition_root)
    data = path.read_bytes() if data is None else data
    return convert_transcript(data, path, edition)


def xp(tree, path: str):
    return tree.xpath(path, namespaces=NS)


@pytest.fixture(scope="module")
def memo():
    result = convert(MEMO, FIXTURE)
    return result, etree.fromstring(result.tei)


@pytest.fixture(scope="module")
def sample():
    result = convert(SAMPLE, SAMPLE_EDITION)
    return result, etree.fromstring(result.tei)


@pytest.fixture
def edition_dir(tmp_path) -> Path:
    target = tmp_path / "vienna-1961"
    shutil.copytree(FIXTURE, target)
    return target


# -- each kind of entry, in the TEI ------------------------------------------------------

def test_corrections_keep_the_slip_beside_the_correction(memo):
    _, tree = memo
    choices = xp(tree, "//t:body//t:choice")
    assert [(c.findtext("t:sic", namespaces=NS), c.findtext("t:corr", namespaces=NS))
            for c in choices] == [("Washinton", "Washington"), ("goverment", "government")]
    # The slip the source itself marked [sic] stays marked; the other was silent.
    assert [c.find("t:sic", NS).get("rend") for c in choices] == [None, "marked"]
    assert not xp(tree, "//t:sic[not(parent::t:choice)]")


def test_notes_follow_their_words_and_stay_text(memo):
    _, tree = memo
    notes = xp(tree, "//t:note[@type='editorial']")
    assert [n.text for n in notes] == [
        "The second mention: the summit of 3–4 June 1961.",
        "Nikita Khrushchev, First Secretary <i>of the CPSU</i>.",  # markup in a note is text
        "It was fixed in May."]
    # occurrence = 2: after the second "talks in Vienna", outside the place name.
    first = notes[0]
    assert first.getprevious().text == "Vienna" and first.getprevious().tag.endswith("placeName")
    assert "".join(first.getparent().itertext()).index("can be held") > 0
    assert xp(tree, "count(//t:sp[@xml:id='turn-2']//t:note)") == 0
    # An anchor across markup ("Mr. <persName>Khrushchev</persName>"): the note follows the name.
    assert notes[1].getprevious().get("ref") == "#khrushchev"
    assert notes[2].getparent().getparent().get("{http://www.w3.org/XML/1998/namespace}id") == "turn-4"


def test_places_and_organisations_are_tagged_and_listed(memo):
    _, tree = memo
    assert [(n.get("ref"), n.text) for n in xp(tree, "//t:body//t:placeName")] == [
        ("#vienna", "Vienna"), ("#vienna", "Vienna"), ("#washington", "Washington")]
    assert [(n.get("ref"), n.text) for n in xp(tree, "//t:body//t:orgName")] == [
        ("#soviet-government", "Soviet government")]
    assert xp(tree, "//t:standOff/t:listPlace/t:place/@xml:id") == ["vienna", "washington"]
    assert xp(tree, "string(//t:place[@xml:id='vienna']/t:note)") == "Where the leaders met in June 1961."
    assert xp(tree, "//t:place[@xml:id='washington']/t:placeName/text()") == ["Washington, D.C.", "Washington"]
    # Gromyko's role points to an organisation the text never names: it is listed all the same.
    assert xp(tree, "//t:standOff/t:listOrg/t:org/@xml:id") == ["soviet-government", "supreme-soviet"]


def test_person_entries_get_spellings_dates_roles_and_biography(memo):
    _, tree = memo
    (gromyko,) = xp(tree, "//t:person[@xml:id='gromyko']")
    assert xp(gromyko, "t:persName/text()") == ["Andrei Gromyko", "Andrei Andreyevich Gromyko",
                                               "Andrej Gromyko"]
    assert xp(gromyko, "t:persName[1]/@type") == []  # the canonical name comes first
    assert xp(gromyko, "t:birth/@when") == ["1909-07-18"]
    assert xp(gromyko, "string(t:birth)") == "18 July 1909"
    assert xp(gromyko, "string(t:death)") == "July 1989"
    # The role the document names gets the register's dates; no second copy of it.
    assert [(a.get("from"), a.get("to"), " ".join("".join(a.itertext()).split()))
            for a in xp(gromyko, "t:affiliation[t:roleName]")] == [
        ("1957", "1985", "Minister of Foreign Affairs"),
        ("1985", None, "Chairman of the Presidium, Supreme Soviet of the USSR")]
    assert xp(gromyko, "t:affiliation/t:orgName/@ref") == ["#supreme-soviet"]
    assert xp(gromyko, "string(t:note[@type='biography'])").startswith("Invented biography: a minister who <b>")
    assert xp(tree, "//t:person[@xml:id='thompson']/t:birth/@when") == ["1904"]


def test_subjects_go_to_the_keywords(memo):
    _, tree = memo
    terms = xp(tree, "//t:profileDesc/t:textClass/t:keywords/t:term")
    assert [(t.text, t.get("ref"), t.get("key")) for t in terms] == [
        ("Vienna summit (1961)", None, None),
        ("US–Soviet relations", "https://www.wikidata.org/wiki/Q1", "us-soviet")]


def test_the_enriched_tei_is_valid_and_round_trips(memo, validator, tmp_path):
    result, _ = memo
    target = tmp_path / "memo-1961-03-03.xml"
    target.write_bytes(result.tei)
    report = validator.validate([str(target)])
    assert report.ok, [f.as_dict() for f in report.faults]
    # The text form is the source: corrections as printed, notes left out.
    lines = decode_source(MEMO.read_bytes(), str(MEMO))
    source = source_without_dropped(lines, {n for n, _, _ in result.document.dropped})
    assert normalise(tei_to_text(result.tei)) == normalise(source)


def test_the_apparatus_is_deterministic(memo):
    result, _ = memo
    assert convert(MEMO, FIXTURE).tei == result.tei


# -- robust to re-conversion; broken anchors stop the build -----------------------------

def test_anchors_survive_a_changed_transcript(edition_dir):
    memo = edition_dir / "transcripts" / MEMO.name
    text = MEMO.read_text(encoding="utf-8")
    # A new turn before the anchors, and the anchored words re-wrapped over two lines.
    text = text.replace("Gromyko: Please go ahead.",
                        "Gromyko: Welcome.\n\nAmbassador Thompson: Thank you.\n\nGromyko: Please go ahead.")
    text = text.replace("A date must still be fixed.", "A date must still\nbe   fixed.")
    memo.write_text(text, encoding="utf-8")
    tree = etree.fromstring(convert(memo, edition_dir).tei)
    notes = xp(tree, "//t:note[@type='editorial']")
    assert len(notes) == 3
    assert notes[0].getparent().getparent().get("{http://www.w3.org/XML/1998/namespace}id") == "turn-5"
    assert notes[2].getparent().getparent().get("{http://www.w3.org/XML/1998/namespace}id") == "turn-6"


def note_error(edition_dir: Path, old: str, new: str) -> EditionError:
    notes = edition_dir / "register" / "notes.toml"
    notes.write_text(notes.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        convert(edition_dir / "transcripts" / MEMO.name, edition_dir)
    return caught.value


def entry_line(edition_dir: Path, needle: str) -> int:
    lines = (edition_dir / "register" / "notes.toml").read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if needle in line)
    return max(i for i in range(index + 1) if lines[i].startswith("[[")) + 1


def test_a_note_whose_words_are_gone_names_file_entry_and_words(edition_dir):
    error = note_error(edition_dir, 'at = "Mr. Khrushchev"', 'at = "Mr. Kennedy"')
    assert error.path == str(edition_dir / "register" / "notes.toml")
    assert error.line == entry_line(edition_dir, 'at = "Mr. Kennedy"')
    assert "\u201cMr. Kennedy\u201d no longer occur in document 'memo-1961-03-03'" in error.message


def test_words_that_occur_twice_need_an_occurrence(edition_dir):
    error = note_error(edition_dir, 'occurrence = 2\n', '')
    assert "occur 2 times" in error.message and "occurrence = 1 … 2" in error.message
    assert error.line == entry_line(edition_dir, 'at = "talks in Vienna"')


def test_an_occurrence_beyond_the_last_is_reported(edition_dir):
    error = note_error(edition_dir, 'occurrence = 2', 'occurrence = 3')
    assert "occurrence = 3, but the words \u201ctalks in Vienna\u201d occur only 2 times" in error.message


def test_a_correction_whose_slip_is_gone_is_reported(edition_dir):
    error = note_error(edition_dir, 'sic = "Washinton"', 'sic = "Washingtn"')
    assert "\u201cWashingtn\u201d no longer occur" in error.message
    assert error.line == entry_line(edition_dir, 'sic = "Washingtn"')


def test_a_broken_anchor_fails_the_cli_without_output(edition_dir, tmp_path, capsys):
    notes = edition_dir / "register" / "notes.toml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("still be fixed.", "still be agreed."),
                     encoding="utf-8")
    out = tmp_path / "out"
    code = main(["convert", str(edition_dir / "transcripts" / MEMO.name), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert f"{notes}:{entry_line(edition_dir, 'still be agreed.')}:" in err
    assert "still be agreed." in err
    assert not (out / "memo-1961-03-03.xml").exists()


# -- the sample edition ------------------------------------------------------------------

def test_the_sample_carries_persons_corrections_notes_and_subjects(sample, validator, tmp_path):
    result, tree = sample
    participants = xp(tree, "//t:particDesc//t:person/@xml:id")
    assert len(participants) == 10
    kim = xp(tree, "//t:person[@xml:id='kim-il-sung']")[0]
    assert xp(kim, "t:idno[@type='gnd']/text()") == ["118562126"]
    assert xp(kim, "t:idno[@type='viaf']/text()") == ["108235077"]
    assert xp(kim, "t:birth/@when") == ["1912-04-15"] and xp(kim, "t:death/@when") == ["1994-07-08"]
    assert xp(kim, "string(t:note[@type='biography'])").startswith("Founder and leader")
    assert xp(tree, "//t:choice[t:sic='USSSR']/t:corr/text()") == ["USSR"]
    assert len(xp(tree, "//t:text//t:note[@type='editorial']")) >= 3
    assert "Cult of personality" in xp(tree, "//t:keywords/t:term/text()")
    assert xp(tree, "//t:placeName[@ref='#pyongyang']/text()") == ["Pyongyang"]
    # Every mention of a person still points to an entry in the same file.
    ids = set(xp(tree, "//@xml:id"))
    refs = {r[1:] for r in xp(tree, "//@ref | //@who") if r.startswith("#")}
    assert refs <= ids
    target = tmp_path / "sample.xml"
    target.write_bytes(result.tei)
    assert validator.validate([str(target)]).ok


def test_the_shared_personography_is_valid_tei(validator, tmp_path):
    edition = load_edition(SAMPLE_EDITION)
    data = personography(edition)
    tree = etree.fromstring(data)
    assert len(xp(tree, "//t:listPerson/t:person")) == len(edition.persons)
    assert xp(tree, "//t:person[@xml:id='kim-il-sung']/t:idno/text()") == ["108235077", "118562126"]
    assert xp(tree, "//t:listOrg/t:org/@xml:id") == ["ccp", "cpsu", "kwp"]
    target = tmp_path / "register.xml"
    target.write_bytes(data)
    report = validator.validate([str(target)])
    assert report.ok, [f.as_dict() for f in report.faults]
    assert personography(edition) == data


def test_overlapping_corrections_are_reported(edition_dir):
    error = note_error(edition_dir, 'corr = "Washington"\n',
                       'corr = "Washington"\n\n[[corrections]]\nsic = "from Washinton with"\n'
                       'corr = "from Washington with"\n')
    assert "correction 'from Washinton with' overlaps correction 'Washinton'" in error.message
    assert error.line == entry_line(edition_dir, 'sic = "from Washinton with"')


def test_an_edition_wide_correction_may_find_nothing(tmp_path):
    # No document id: the slip is corrected wherever it occurs, and nowhere is no error.
    (tmp_path / "transcripts").mkdir()
    (tmp_path / "edition.toml").write_text('[[corrections]]\nsic = "Moskow"\ncorr = "Moscow"\n',
                                           encoding="utf-8")
    path = tmp_path / "transcripts" / "note.txt"
    path.write_text("A note about Moskow.\n\nAnd nothing else in Moskow.\n", encoding="utf-8")
    tree = etree.fromstring(convert(path, tmp_path).tei)
    assert xp(tree, "//t:choice/t:corr/text()") == ["Moscow", "Moscow"]
    path.write_text("A note about Paris.\n", encoding="utf-8")
    assert not xp(etree.fromstring(convert(path, tmp_path).tei), "//t:choice")
