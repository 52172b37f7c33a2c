"""Scoped names in the register: aliases and titles that hold in some documents or
dates only (two administrations in one edition), interview labels per document,
and overlapping scopes refused with both lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_edition.errors import EditionError
from tei_edition.ingest import convert_transcript
from tei_edition.register import load_edition

NS = {"t": "http://www.tei-c.org/ns/1.0"}

PRESIDENTS = """
[edition]
title = "Two administrations"

[[persons]]
id = "eisenhower"
name = "Dwight D. Eisenhower"
aliases = ["Eisenhower", { name = "The President", from = "1953-01-20", to = "1961-01-19" }]

[[persons]]
id = "kennedy"
name = "John F. Kennedy"
aliases = ["Kennedy"]
titles = [{ name = "The President", from = "1961-01-20", to = "1963-11-22" }]

[[persons]]
id = "smith"
name = "Hedrick Smith"
aliases = [{ name = "Q", documents = ["oral-1"] }]

[[persons]]
id = "jones"
name = "Mary Jones"
aliases = [{ name = "Q", documents = ["oral-2"] }]

[[persons]]
id = "dulles"
name = "Allen Dulles"
aliases = ["Dulles", { name = "The Director", documents = ["memo-1959"] }]
"""

MEMO = """Memorandum of Conversation, {date}

The President: We shall discuss Berlin.

Dulles: The report is ready.

The President: Read it.

The Director: I shall.
"""

INTERVIEW = """Interview, 12 May 1994

Q: When did you start?

A: In 1955.

Q: And then?

A: Then I left.
"""


def edition(tmp_path: Path, register: str = PRESIDENTS) -> Path:
    root = tmp_path / "edition"
    (root / "transcripts").mkdir(parents=True)
    (root / "edition.toml").write_text(register, encoding="utf-8")
    files = {"memo-1959.txt": MEMO.format(date="September 15, 1959"),
             "memo-1962.txt": MEMO.format(date="October 18, 1962"),
             "oral-1.txt": INTERVIEW, "oral-2.txt": INTERVIEW}
    for name, text in files.items():
        (root / "transcripts" / name).write_text(text, encoding="utf-8")
    return root


def speakers(root: Path, name: str) -> list[str]:
    path = root / "transcripts" / name
    tree = etree.fromstring(convert_transcript(path.read_bytes(), path, load_edition(root)).tei)
    return [sp.get("who") for sp in tree.xpath("//t:sp", namespaces=NS)]


def test_the_president_is_who_held_the_office_on_the_documents_date(tmp_path):
    root = edition(tmp_path)
    assert speakers(root, "memo-1959.txt")[0] == "#eisenhower"
    assert speakers(root, "memo-1962.txt")[0] == "#kennedy"


def test_an_alias_scoped_to_a_document_holds_there_only(tmp_path):
    root = edition(tmp_path)
    assert speakers(root, "memo-1959.txt")[3] == "#dulles"
    assert speakers(root, "memo-1962.txt")[3] != "#dulles"


def test_a_stated_date_in_the_front_matter_chooses_the_scope(tmp_path):
    root = edition(tmp_path)
    path = root / "transcripts" / "memo-1962.txt"
    path.write_text("+++\nmeeting_date = 1960-05-01\n+++\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    assert speakers(root, "memo-1962.txt")[0] == "#eisenhower"


def test_interview_labels_name_a_different_person_in_each_interview(tmp_path):
    root = edition(tmp_path)
    assert speakers(root, "oral-1.txt") == ["#smith", "#respondent", "#smith", "#respondent"]
    assert speakers(root, "oral-2.txt") == ["#jones", "#respondent", "#jones", "#respondent"]
    path = root / "transcripts" / "oral-1.txt"
    tree = etree.fromstring(convert_transcript(path.read_bytes(), path, load_edition(root)).tei)
    assert tree.xpath("string(//t:particDesc//t:person[@xml:id='smith']/t:persName)",
                      namespaces=NS) == "Hedrick Smith"
    assert not tree.xpath("//t:person[@xml:id='interviewer']", namespaces=NS)


def test_the_front_matter_can_name_an_interviews_speakers_too(tmp_path):
    root = edition(tmp_path)
    path = root / "transcripts" / "oral-2.txt"
    path.write_text('+++\n[speakers]\n"A" = "kennedy"\n+++\n' + INTERVIEW, encoding="utf-8")
    assert speakers(root, "oral-2.txt") == ["#jones", "#kennedy", "#jones", "#kennedy"]


def test_one_name_in_overlapping_scopes_is_an_error_naming_both_lines(tmp_path):
    register = PRESIDENTS.replace('to = "1963-11-22"', 'to = "1963-11-22"').replace(
        'from = "1961-01-20"', 'from = "1960-06-01"')
    root = edition(tmp_path, register)
    with pytest.raises(EditionError) as caught:
        load_edition(root)
    message = str(caught.value)
    lines = register.splitlines()
    kennedy = next(i for i, t in enumerate(lines, 1) if t.startswith("titles"))
    eisenhower = next(i for i, t in enumerate(lines, 1) if "Eisenhower\", {" in t)
    assert message.startswith(f"{root / 'edition.toml'}:{kennedy}: person 'kennedy': "
                              "the name 'The President' is also given to 'eisenhower' at "
                              f"edition.toml:{eisenhower}")


def test_one_interview_label_in_one_document_for_two_persons_is_an_error(tmp_path):
    root = edition(tmp_path, PRESIDENTS.replace('documents = ["oral-2"]', 'documents = ["oral-1"]'))
    with pytest.raises(EditionError, match="'Q' is also given to 'smith'"):
        load_edition(root)


def test_an_interview_label_for_every_document_is_refused(tmp_path):
    root = edition(tmp_path, PRESIDENTS.replace('{ name = "Q", documents = ["oral-2"] }', '"Q"'))
    with pytest.raises(EditionError, match="interview label 'Q' names a person only in some "
                                           "documents"):
        load_edition(root)


@pytest.mark.parametrize("entry,message", [
    ('{ name = "The Chief" }', "has no 'documents', 'from' or 'to'"),
    ('{ name = "The Chief", from = "1962-01-01", to = "1961-01-01" }', "ends (1961-01-01) before"),
    ('{ name = "The Chief", from = "last year" }', "'from' must be a date"),
    ('{ name = "The Chief", documents = ["no-such-document"] }', "unknown document id"),
    ('{ name = "The Chief", when = "1961" }', "unknown key 'when'"),
])
def test_bad_scopes_are_reported_at_their_entry(tmp_path, entry, message):
    root = edition(tmp_path, PRESIDENTS + f'\n[[persons]]\nid = "x"\nname = "X"\naliases = [{entry}]\n')
    with pytest.raises(EditionError) as caught:
        load_edition(root)
    assert message in str(caught.value)
    assert caught.value.line is not None


def test_a_register_kept_as_tei_scopes_aliases_too(tmp_path):
    root = edition(tmp_path, '[edition]\ntitle = "T"\n')
    (root / "register").mkdir()
    (root / "register" / "persons.xml").write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <standOff><listPerson>
    <person xml:id="eisenhower"><persName>Dwight D. Eisenhower</persName>
      <persName type="alias" from="1953-01-20" to="1961-01-19">The President</persName></person>
    <person xml:id="kennedy"><persName>John F. Kennedy</persName>
      <persName type="alias" from="1961-01-20" to="1963-11-22">The President</persName></person>
    <person xml:id="dulles"><persName>Allen Dulles</persName>
      <persName type="alias">Dulles</persName>
      <persName type="alias" corresp="#memo-1959">The Director</persName></person>
  </listPerson></standOff>
</TEI>
""", encoding="utf-8")
    assert speakers(root, "memo-1959.txt") == ["#eisenhower", "#dulles", "#eisenhower", "#dulles"]
    assert speakers(root, "memo-1962.txt")[0] == "#kennedy"
