"""The editor's word in the transcript: front matter (+++ TOML) and the @ and \\ line
marks, on invented transcripts; bad front matter is one line with file:line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.errors import EditionError
from tei_edition.ingest import convert_transcript
from tei_edition.register import load_edition
from tei_edition.textform import normalise, source_without_dropped, tei_to_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}

EDITION = """
[edition]
title = "Test edition"
language = "en"

[[persons]]
id = "herter"
name = "Christian Herter"
aliases = ["Herter"]

[[persons]]
id = "gromyko"
name = "Andrei Gromyko"
aliases = ["Gromyko"]
side = "Soviet delegation"
"""

FRONT = """+++
title = "Herter and Gromyko on Berlin"
date = 1959-05-14
meeting_date = "13 May 1959"
place = "Geneva"
number = 88
classification = "Secret"
language = "en-US"
summary = "The two ministers on the status of Berlin."
source = "NARA, RG 59, Central Files, 762.00/5-1459"
participants = ["herter", "gromyko", { name = "Llewellyn Thompson", role = "Ambassador", side = "US delegation" }]
not_speakers = ["Adjourn"]
label_pattern = '^(?P<label>(?P<name>[A-Z]{2,})>)\\s*(?P<rest>.*)$'

[speakers]
"The Secretary" = "herter"
+++
"""

TEXT = """Memorandum of Conversation

The Secretary: We must talk about Berlin.

Gromyko: We are ready to talk [about the city.

THOMPSON> The Ambassador agrees.

Adjourn: twelve o'clock.

The Secretary: Good.
"""


def make_edition(tmp_path: Path, transcripts: dict[str, str], register: str = EDITION) -> Path:
    root = tmp_path / "edition"
    (root / "transcripts").mkdir(parents=True)
    (root / "edition.toml").write_text(register, encoding="utf-8")
    for name, text in transcripts.items():
        (root / "transcripts" / name).write_text(text, encoding="utf-8")
    return root


def convert(root: Path, name: str):
    path = root / "transcripts" / name
    result = convert_transcript(path.read_bytes(), path, load_edition(root))
    return result, etree.fromstring(result.tei)


def xp(tree, path: str):
    return tree.xpath(path, namespaces=NS)


@pytest.fixture()
def stated(tmp_path):
    root = make_edition(tmp_path, {"memo.txt": FRONT + TEXT})
    return convert(root, "memo.txt")


def test_every_front_matter_key_reaches_the_tei(stated):
    result, tree = stated
    assert xp(tree, "string(//t:titleStmt/t:title)") == "Herter and Gromyko on Berlin"
    # the heading as printed stays in the text
    assert xp(tree, "string(//t:front/t:docTitle/t:titlePart)") == "Memorandum of Conversation"
    assert xp(tree, "string(//t:front/t:docDate/@when)") == "1959-05-14"
    assert xp(tree, "string(//t:creation/t:date/@when)") == "1959-05-13"
    assert xp(tree, "string(//t:creation/t:placeName)") == "Geneva"
    assert tree.get("n") == "88"
    assert xp(tree, "string(//t:classCode)") == "Secret"
    assert tree.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-US"
    assert xp(tree, "string(//t:langUsage/t:language/@ident)") == "en-US"
    assert xp(tree, "string(//t:abstract/t:ab)") == "The two ministers on the status of Berlin."
    assert xp(tree, "string(//t:msIdentifier/t:repository)") == "NARA"
    assert xp(tree, "string(//t:msIdentifier/t:idno[@type='file'])") == "762.00/5-1459"
    groups = {xp(g, "string(t:head)"): xp(g, "t:person/@xml:id")
              for g in xp(tree, "//t:particDesc/t:listPerson")}
    # the participant named in the front matter is the speaker "THOMPSON>"
    assert groups["US delegation"] == ["thompson"]
    assert xp(tree, "string(//t:person[@xml:id='thompson']/t:persName)") == "Llewellyn Thompson"
    assert "herter" in groups["Present"] and "gromyko" in (groups.get("Present", []) +
                                                          groups.get("Soviet delegation", []))
    turns = [(sp.get("who"), xp(sp, "string(t:speaker)")) for sp in xp(tree, "//t:sp")]
    # [speakers]: "The Secretary" is Herter; label_pattern: "THOMPSON>" is a label;
    # not_speakers: "Adjourn:" stays text
    assert turns == [("#herter", "The Secretary:"), ("#gromyko", "Gromyko:"),
                     ("#thompson", "THOMPSON>"), ("#herter", "The Secretary:")]
    assert "Adjourn: twelve o'clock." in xp(tree, "string(//t:sp[3])")
    change = xp(tree, "string(//t:revisionDesc/t:change[@type='editor-stated'])")
    assert "lines 1–17" in change
    for key in ("title", "date", "meeting_date", "place", "number", "classification", "language",
                "summary", "source", "participants", "speakers", "not_speakers", "label_pattern"):
        assert key in change


def test_line_numbers_after_front_matter_are_the_files_own(stated):
    result, _ = stated
    text = (FRONT + TEXT).splitlines()
    [(line, column, message)] = result.document.warnings
    assert "never closed" in message
    assert text[line - 1][column - 1] == "["
    assert {n for n, _, why in result.document.dropped if why == "front matter"} == set(range(1, 18))


def test_round_trip_leaves_the_front_matter_out(stated):
    result, _ = stated
    source = source_without_dropped((FRONT + TEXT).splitlines(),
                                    {n for n, _, _ in result.document.dropped})
    assert normalise(source) == normalise(tei_to_text(result.tei))
    assert "+++" not in tei_to_text(result.tei)


def test_a_stated_title_silences_the_no_title_warning(tmp_path):
    root = make_edition(tmp_path, {"t.txt": "+++\ntitle = \"Talks\"\n+++\nHerter: Hi.\n\nHerter: Bye.\n",
                                   "u.txt": "Herter: Hi.\n\nHerter: Bye.\n"})
    # the date is still missing, and still said; the title is not
    assert [w[2] for w in convert(root, "t.txt")[0].document.warnings] == ["no date found"]
    assert "no title found" in convert(root, "u.txt")[0].document.warnings[0][2]


def test_stated_values_replace_printed_ones_but_keep_the_printed_words(tmp_path):
    text = ("+++\ndate = 1956-09-18\nsource = \"GARF, f. 5446, op. 98c, d. 718, ll. 49-57\"\n+++\n"
            "Record of Conversation\n\nSeptember 17, 1956\n\nMikoyan: Hello.\n\nMikoyan: Bye.\n\n"
            "GARF, Fond 5446, Opis 98c, Delo 718, Listy 40-41.\n")
    root = make_edition(tmp_path, {"doc.txt": text})
    result, tree = convert(root, "doc.txt")
    date = xp(tree, "//t:front/t:docDate")[0]
    assert (date.get("when"), date.text) == ("1956-09-18", "September 17, 1956")
    # the citation as printed stays; its parts are the editor's
    assert "Listy 40-41" in xp(tree, "string(//t:bibl[@type='source'])")
    assert xp(tree, "string(//t:locus/@from)") == "49"
    source = source_without_dropped(text.splitlines(), {n for n, _, _ in result.document.dropped})
    assert normalise(source) == normalise(tei_to_text(result.tei))


def test_front_matter_output_is_valid_tei(stated, tmp_path, validator):
    result, _ = stated
    path = tmp_path / "memo.xml"
    path.write_bytes(result.tei)
    report = validator.validate([str(path)])
    assert report.ok and not report.skipped_layers, (report.faults, report.skipped_layers)


# -- line marks ---------------------------------------------------------------------

MARKED = """Record of a meeting

Chairman Lee: We open the meeting.

Chairman Lee: The first item.

@the voice from the floor: Louder, please!

\\Note: this is not a speaker.

@WITNESS
I saw it all.

Chairman Lee: Thank you.
"""


def test_at_lines_are_turns_and_backslash_lines_are_text(tmp_path):
    root = make_edition(tmp_path, {"marked.txt": MARKED})
    result, tree = convert(root, "marked.txt")
    turns = [(xp(sp, "string(t:speaker)"), sp.get("who")) for sp in xp(tree, "//t:sp")]
    assert ("the voice from the floor:", "#the-voice-from-the-floor") in turns
    assert ("WITNESS", "#witness") in turns
    texts = [" ".join("".join(p.itertext()).split()) for p in xp(tree, "//t:p")]
    assert "Note: this is not a speaker." in texts  # kept as text, without the mark
    assert "I saw it all." in texts
    assert not any(t.startswith(("@", "\\")) for t, _ in turns)
    assert result.marks.turns() == [7, 11] and result.marks.not_labels() == [9]
    assert "lines marked @ are turns: 7, 11" in xp(tree, "string(//t:change[@type='editor-stated'])")
    source = source_without_dropped(MARKED.splitlines(), {n for n, _, _ in result.document.dropped})
    assert normalise(source) == normalise(tei_to_text(result.tei))


def test_backslash_keeps_a_registered_name_from_being_a_label(tmp_path):
    text = "Talks\n\nHerter: One.\n\n\\Gromyko: a line quoted in a report.\n\nHerter: Two.\n"
    root = make_edition(tmp_path, {"t.txt": text})
    _, tree = convert(root, "t.txt")
    assert [sp.get("who") for sp in xp(tree, "//t:sp")] == ["#herter", "#herter"]


# -- bad front matter ---------------------------------------------------------------

BAD = [
    ("+++\ntitle = \"A\"\ncolour = \"red\"\n+++\n", 3, "unknown key 'colour'"),
    ("+++\ntitle = \"A\"\ndate = \"sometime\"\n+++\n", 3, "'date' must be a date"),
    ("+++\nmeeting_date = true\n+++\n", 2, "'meeting_date' must be a date"),
    ("+++\ntitle = 5\n+++\n", 2, "'title' must be a non-empty string"),
    ("+++\nlanguage = \"English\"\n+++\n", 2, "'language' must be a language code"),
    ("+++\nnumber = [1]\n+++\n", 2, "'number' must be"),
    ("+++\nparticipants = \"herter\"\n+++\n", 2, "'participants' must be a list"),
    ("+++\nparticipants = [{ name = \"X\", rank = \"y\" }]\n+++\n", 2, "unknown key 'rank'"),
    ("+++\nparticipants = [\"nobody\"]\n+++\n", 2, "participant 'nobody' is not a person"),
    ("+++\nnot_speakers = \"Adjourn\"\n+++\n", 2, "'not_speakers' must be a list"),
    ("+++\nlabel_pattern = '[A-Z'\n+++\n", 2, "not a valid regular expression"),
    ("+++\nlabel_pattern = '^(?P<name>[A-Z]+):'\n+++\n", 2, "needs the named groups"),
    ("+++\nsummary = \"ok\"\n\n[speakers]\n\"Q\" = \"smith\"\n+++\n", 5,
     "speaker 'Q' maps to 'smith', which is not a person"),
    ("+++\nspeakers = 3\n+++\n", 2, "'speakers' must be a table"),
    ("+++\ntitle = \"unclosed\n+++\n", 2, "not valid TOML"),
    ("+++\ntitle = \"A\"\n\nMikoyan: no closing fence.\n", 1, "never closed"),
]


@pytest.mark.parametrize("text,line,message", BAD, ids=[b[2][:30] for b in BAD])
def test_bad_front_matter_names_file_and_line(tmp_path, text, line, message):
    root = make_edition(tmp_path, {"bad.txt": text + "\nHerter: Hello.\n\nHerter: Bye.\n"})
    with pytest.raises(EditionError) as caught:
        convert(root, "bad.txt")
    assert caught.value.line == line, str(caught.value)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{root / 'transcripts' / 'bad.txt'}:{line}")


def test_bad_front_matter_on_the_command_line_is_one_line_and_no_output(tmp_path):
    root = make_edition(tmp_path, {"bad.txt": "+++\ncolour = 1\n+++\nHerter: Hi.\n"})
    result = subprocess.run([sys.executable, "-m", "tei_edition.cli", "convert",
                             str(root / "transcripts" / "bad.txt")], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {root / 'transcripts' / 'bad.txt'}:2: front matter: unknown key 'colour'; "
        "expected one of title, date, meeting_date, place, number, classification, language, "
        "summary, source, participants, speakers, not_speakers, label_pattern"]
    assert "Traceback" not in result.stderr
    assert not (root / "build").exists()
