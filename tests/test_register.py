"""The editor's register (edition.toml and register/*.toml): what it accepts, and
that every mistake is one clear error naming the file and the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE_EDITION
from tei_edition.cli import main
from tei_edition.errors import EditionError
from tei_edition.register import load_edition

FIXTURE = Path(__file__).parent / "fixtures" / "apparatus" / "vienna-1961"


@pytest.fixture
def edition_dir(tmp_path) -> Path:
    """A copy of the invented edition, free to be spoilt."""
    target = tmp_path / "vienna-1961"
    shutil.copytree(FIXTURE, target)
    return target


def error_of(root: Path) -> EditionError:
    with pytest.raises(EditionError) as caught:
        load_edition(root)
    return caught.value


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [number for number, line in enumerate(lines, start=1) if needle in line]
    return hits[nth - 1]


# -- what the register holds ---------------------------------------------------------

def test_the_invented_register_reads_every_kind_of_entry():
    edition = load_edition(FIXTURE)
    gromyko = next(p for p in edition.persons if p.id == "gromyko")
    assert gromyko.birth == "1909-07-18" and gromyko.death == "1989-07"
    assert gromyko.spellings == ("Andrei Andreyevich Gromyko", "Andrej Gromyko")
    assert "Andrej Gromyko" in gromyko.names()  # spellings are recognised in the text too
    assert [(r.role, r.org, r.start, r.end) for r in gromyko.roles] == [
        ("Minister of Foreign Affairs", "", "1957", "1985"),
        ("Chairman of the Presidium", "supreme-soviet", "1985", "")]
    assert next(p for p in edition.persons if p.id == "thompson").birth == "1904"
    assert [p.id for p in edition.places] == ["vienna", "washington"]
    assert [o.id for o in edition.orgs] == ["soviet-government", "supreme-soviet"]
    assert [(c.sic, c.document) for c in edition.corrections] == [
        ("Washinton", "memo-1961-03-03"), ("goverment", "")]
    assert [n.occurrence for n in edition.notes] == [2, 0, 0]
    assert [s.term for s in edition.subjects] == ["Vienna summit (1961)", "US–Soviet relations"]
    # Entries remember where they were written, for errors found at conversion.
    notes = FIXTURE / "register" / "notes.toml"
    assert edition.notes[0].origin.path == str(notes)
    assert edition.notes[0].origin.line == line_of(notes, "[[notes]]")


def test_the_sample_register_carries_the_participants_and_kim_il_sung():
    edition = load_edition(SAMPLE_EDITION)
    ids = {p.id for p in edition.persons}
    assert {"mikoyan", "mukhitdinov", "ponomarev", "kapitonov", "yudin", "satyukov",
            "choe-yong-geon", "rim-hae", "ri-ju-yeon", "ha-ang-cheon", "kim-il-sung"} <= ids
    kim = next(p for p in edition.persons if p.id == "kim-il-sung")
    assert dict(kim.authority) == {"viaf": "108235077", "gnd": "118562126"}
    assert kim.birth == "1912-04-15" and kim.biography
    assert len(edition.notes) >= 3 and edition.corrections and edition.subjects


# -- mistakes: file and line -------------------------------------------------------------

def test_malformed_toml_names_file_line_and_column(edition_dir):
    notes = edition_dir / "register" / "notes.toml"
    text = notes.read_text(encoding="utf-8").replace('sic = "Washinton"', 'sic = "Washinton')
    notes.write_text(text, encoding="utf-8")
    error = error_of(edition_dir)
    assert error.path == str(notes)
    assert error.line == line_of(notes, 'sic = "Washinton')
    assert "not valid TOML" in str(error)


def test_malformed_edition_toml_is_reported_too(edition_dir):
    path = edition_dir / "edition.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[persons]\n", encoding="utf-8")
    error = error_of(edition_dir)
    assert error.path == str(path) and error.line == len(path.read_text().splitlines())


def test_a_duplicate_id_names_the_second_entry_and_the_first(edition_dir):
    places = edition_dir / "register" / "places.toml"
    places.write_text(places.read_text(encoding="utf-8")
                      + '\n[[places]]\nid = "gromyko"\nname = "Gromyko Street"\n', encoding="utf-8")
    error = error_of(edition_dir)
    assert error.path == str(places)
    assert error.line == line_of(places, 'id = "gromyko"')
    assert "duplicate id 'gromyko'" in error.message
    assert f"edition.toml:{line_of(edition_dir / 'edition.toml', '[[persons]]', 2)}" in error.message


def test_an_unknown_organisation_id_names_the_person_entry(edition_dir):
    path = edition_dir / "edition.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('org = "supreme-soviet"',
                                                             'org = "politburo"'), encoding="utf-8")
    error = error_of(edition_dir)
    assert error.path == str(path)
    assert error.line == line_of(path, "[[persons]]", 2)  # Gromyko's entry
    assert "unknown organisation id 'politburo'" in error.message


def test_an_unknown_document_id_names_the_note(edition_dir):
    notes = edition_dir / "register" / "notes.toml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace('at = "Mr. Khrushchev"', 'at = "Mr. Khrushchev"\n')
                     .replace('document = "memo-1961-03-03"\nat = "Mr. Khrushchev"',
                              'document = "memo-1961-03-04"\nat = "Mr. Khrushchev"'), encoding="utf-8")
    error = error_of(edition_dir)
    assert error.path == str(notes)
    assert error.line == line_of(notes, "[[notes]]", 2)
    assert "unknown document id 'memo-1961-03-04'" in error.message
    assert "memo-1961-03-03" in error.message  # the ids there are


@pytest.mark.parametrize("entry, needle, message", [
    ('[[persons]]\nid = "x1"\nname = "X"\nbirth = "15 April 1912"\n', "birth =",
     "'birth' must be a date"),
    ('[[persons]]\nid = "x1"\nname = "X"\nwikidata = "X123"\n', "wikidata =",
     "'X123' is not a wikidata identifier"),
    ('[[persons]]\nid = "x1"\nname = "X"\nbiografy = "typo"\n', "biografy =",
     "unknown key 'biografy'"),
    ('[[persons]]\nid = "1x"\nname = "X"\n', 'id = "1x"', "needs an 'id'"),
    ('[[places]]\nid = "p1"\n', "[[places]]", "needs a 'name'"),
    ('[[notes]]\ndocument = "memo-1961-03-03"\nat = "Vienna"\noccurrence = 0\ntext = "t"\n',
     "occurrence =", "'occurrence' must be a whole number from 1"),
    ('[[corrections]]\nsic = "a"\ncorr = "a"\n', "corr =", "'corr' is the same as 'sic'"),
    ('[[subjects]]\nterm = "US–Soviet relations"\n', 'term = "US–Soviet relations"',
     "duplicate subject"),
    ('[[persona]]\nid = "x"\n', "[[persona]]", "unknown table 'persona'"),
])
def test_each_kind_of_mistake_names_its_line(edition_dir, entry, needle, message):
    extra = edition_dir / "register" / "zz-extra.toml"
    extra.write_text("# added by the test\n\n" + entry, encoding="utf-8")
    error = error_of(edition_dir)
    assert error.path == str(extra)
    assert message in error.message
    hits = [n for n, line in enumerate(entry.splitlines(), start=3) if needle in line]
    assert error.line == hits[-1]


def test_edition_metadata_belongs_in_edition_toml_only(edition_dir):
    extra = edition_dir / "register" / "meta.toml"
    extra.write_text('[edition]\ntitle = "x"\n', encoding="utf-8")
    error = error_of(edition_dir)
    assert (error.path, error.line) == (str(extra), 1)


def test_the_cli_prints_one_line_and_writes_nothing(edition_dir, tmp_path, capsys):
    path = edition_dir / "edition.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('birth = 1904', 'birth = 1904x'),
                    encoding="utf-8")
    out = tmp_path / "out"
    code = main(["convert", str(next((edition_dir / "transcripts").glob("*.txt"))), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{path}:{line_of(path, 'birth = 1904x')}" in err
    assert not out.exists() or not any(out.iterdir())


def test_a_name_two_places_share_is_refused(edition_dir):
    places = edition_dir / "register" / "places.toml"
    places.write_text(places.read_text(encoding="utf-8")
                      + '\n[[places]]\nid = "vienna-virginia"\nname = "Vienna, Virginia"\n'
                        'aliases = ["Vienna"]\n', encoding="utf-8")
    error = error_of(edition_dir)
    assert (error.path, error.line) == (str(places), line_of(places, 'id = "vienna-virginia"') - 1)
    assert "the name 'Vienna' is also given for 'vienna'" in error.message


# -- the register kept as TEI ------------------------------------------------------------

TEI_REGISTER = Path(__file__).parent / "fixtures" / "apparatus" / "tei-register"


def test_a_tei_register_reads_like_the_toml_one():
    edition = load_edition(TEI_REGISTER)
    (novak,) = edition.persons
    assert (novak.id, novak.name, novak.aliases, novak.spellings) == (
        "novak", "Jan Novak", ("Ambassador Novak",), ("Jan Nowak",))
    assert (novak.birth, novak.side, novak.role, novak.biography) == (
        "1910-05-01", "Visitors", "Ambassador", "An invented ambassador.")
    assert [(r.role, r.org, r.start, r.end) for r in novak.roles] == [("Envoy", "ministry", "1950", "1962")]
    assert [(p.id, p.aliases) for p in edition.places] == [("brno", ("Brünn",))]
    assert [o.id for o in edition.orgs] == ["ministry"]
    path = TEI_REGISTER / "register" / "persons.xml"
    assert novak.origin.line == line_of(path, '<person xml:id="novak">')


def test_a_mistake_in_a_tei_register_names_its_line(tmp_path):
    root = tmp_path / "ed"
    shutil.copytree(TEI_REGISTER, root)
    path = root / "register" / "persons.xml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('<org xml:id="ministry">',
                                 '<org xml:id="ministry">\n<idno type="wikidata">X1</idno>'),
                    encoding="utf-8")
    error = error_of(root)
    assert (error.path, error.line) == (str(path), line_of(path, '<org xml:id="ministry">'))
    assert "organisation 'ministry': 'X1' is not a wikidata identifier" in error.message
    path.write_text(text.replace('<org xml:id="ministry">', '<org xml:id="novak">'), encoding="utf-8")
    error = error_of(root)  # libxml2 sees the duplicate xml:id first
    assert (error.path, error.line) == (str(path), line_of(path, '<org xml:id="novak">'))
    path.write_text(text.replace("<birth when=\"1910-05-01\"/>", "<birth when=\"1910-05-01\">"),
                    encoding="utf-8")
    error = error_of(root)
    assert error.path == str(path) and "not well-formed XML" in error.message and error.line
