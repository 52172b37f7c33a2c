"""Classes of misreading found on real transcripts (tests/realworld/), each shown on a
transcript written for this test in the same shape. Each class is read right, or the
report says at which line the converter was unsure; every text survives the round trip."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.ingest import convert_transcript
from tei_edition.ingest.speakers import LabelReader
from tei_edition.register import Edition
from tei_edition.rules import Rules
from tei_edition.textform import normalise, source_without_dropped, tei_to_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def convert(tmp_path: Path, text: str, name: str = "case.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = convert_transcript(path.read_bytes(), path, Edition(root=tmp_path))
    return result, etree.fromstring(result.tei)


def turns(tree) -> Counter:
    return Counter(sp.get("who") for sp in tree.xpath("//t:sp", namespaces=NS))


def printed_labels(tree) -> list[str]:
    return [sp.xpath("string(t:speaker)", namespaces=NS) for sp in tree.xpath("//t:sp", namespaces=NS)]


def labels_by_person(tree) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for sp in tree.xpath("//t:sp", namespaces=NS):
        found.setdefault(sp.get("who"), set()).add(sp.xpath("string(t:speaker)", namespaces=NS))
    return found


def assert_round_trip(result, text: str) -> None:
    doc = result.document
    dropped = {line for line, _, _ in doc.dropped}
    expected = source_without_dropped(text.splitlines(), dropped)
    assert normalise(tei_to_text(result.tei)) == normalise(expected)


MIXED_CASE_STOP = """Record of the Conversation between Molotov and Ambassador Varga

Molotov. Is the delegation ready to begin?

Varga. It is. We have studied the draft with care.

Molotov. Yes. Then we begin with the first article.

Varga. Good. Our government accepts it.
"""


def test_mixed_case_names_with_a_full_stop_are_labels_but_common_words_are_not(tmp_path):
    result, tree = convert(tmp_path, MIXED_CASE_STOP)
    assert turns(tree) == {"#molotov": 2, "#varga": 2}
    # "Yes." and "Good." open sentences inside the speeches: never speakers.
    assert "Yes. Then we begin" in tree.xpath("string(//t:sp[3]/t:p)", namespaces=NS)
    assert_round_trip(result, MIXED_CASE_STOP)


OFFICES_AND_ONE_OFF = """Memorandum of Conversation

Participants:
The President
Secretary of State Harlan
Mr. Ostrow
Mr. Pellinger

The President: I asked you here to talk about the grain sales.

The Secretary of State: The figures are ready, Mr. President.

The President: Then let us hear them.

Mr. Ostrow: Four million tons this year, and more next.

The Secretary of State: That is the whole of it.

Mr. Pellinger: The ports can carry that much.
"""


def test_offices_and_one_off_speakers_of_the_documents_label_form(tmp_path):
    result, tree = convert(tmp_path, OFFICES_AND_ONE_OFF)
    found = turns(tree)
    assert found["#the-president"] == 2
    assert found["#harlan"] == 2   # the participant who holds the office
    assert found["#ostrow"] == 1 and found["#pellinger"] == 1
    assert not [m for _, _, m in result.document.warnings if "second speaker" in m]
    assert sum(found.values()) == 6
    assert_round_trip(result, OFFICES_AND_ONE_OFF)


SEVERAL_FORMS = """Record of Conversation of Comrade Ilse Brandauer with Comrade Teodor Wirth

Comrade Ilse Brandauer: We thank you for the reception.

Comrade Teodor Wirth: You are welcome in our capital.

Brandauer: The harvest was poor this year.

Chairwoman Brandauer: We shall need more credit.

Wirth: We shall consider it.
"""


def test_one_person_under_several_label_forms_is_one_speaker(tmp_path):
    result, tree = convert(tmp_path, SEVERAL_FORMS)
    assert turns(tree) == {"#ilse-brandauer": 3, "#teodor-wirth": 2}
    assert_round_trip(result, SEVERAL_FORMS)


INITIALS = """Oral History Interview with Marit Solberg

Petra Lindqvist: This begins the interview with Marit Solberg in Bergen.

Marit Solberg: Thank you for coming.

PL: Where were you born?

MS: In a small village north of Bergen.

PL: And your parents?

MS: Fishermen, both of them.
"""


def test_capital_initials_resolve_to_the_person_named_in_full_before(tmp_path):
    result, tree = convert(tmp_path, INITIALS)
    assert turns(tree) == {"#petra-lindqvist": 3, "#marit-solberg": 3}
    assert_round_trip(result, INITIALS)


SUPPLIED_AND_LETTERS = """Transcript of Telephone Conversation Between Hanna Berg and Ole Dahl

HB [Hanna Berg]: Good morning.

OD [Ole Dahl]: Good morning to you.

HB: Have you read the cable?

OD: I have.

K. Are you still there?

D. Still here.

K. Good.

D. Goodbye.

K. Goodbye.
"""


def test_supplied_full_names_and_single_capitals_used_often(tmp_path):
    result, tree = convert(tmp_path, SUPPLIED_AND_LETTERS)
    found = labels_by_person(tree)
    assert found["#hanna-berg"] == {"HB [Hanna Berg]:", "HB:"}
    assert found["#ole-dahl"] == {"OD [Ole Dahl]:", "OD:"}
    assert sum(turns(tree).values()) == 9
    assert_round_trip(result, SUPPLIED_AND_LETTERS)


HEADINGS_NOT_SPEAKERS = """Minutes of the Harbour Board

Subject: The new quay

Ms. Rautio: The quay will be finished in May.

Mr. Kallas: And the cranes?

Ms. Rautio: In June.

Adjourn: 5:40 p.m.

Stenographic Transcript
"""


def test_heading_words_are_never_speakers(tmp_path):
    result, tree = convert(tmp_path, HEADINGS_NOT_SPEAKERS)
    assert turns(tree) == {"#rautio": 2, "#kallas": 1}
    assert_round_trip(result, HEADINGS_NOT_SPEAKERS)


def test_a_label_like_line_not_read_as_a_label_is_reported_at_its_line(tmp_path):
    text = ("Memorandum\n\nThe visit went well. The minister spoke at length about the harbour.\n\n"
            "Weather: fine and cold, with a strong wind from the sea over the whole visit.\n")
    result, _ = convert(tmp_path, text)
    assert any(line == 5 and "looks like a speaker label" in message
               for line, _, message in result.document.warnings)


TITLE_BELOW_FURNITURE = """Copy No. 2

[Page 349]

88. MEMORANDUM OF CONVERSATION1

Place: Geneva

May 3, 1961

Mr. Aalto: The session is open.

Mr. Brun: Thank you.

Mr. Aalto: Let us begin.

Mr. Brun: Agreed.
"""


def test_the_title_is_the_heading_never_furniture_and_a_generic_one_is_completed(tmp_path):
    result, tree = convert(tmp_path, TITLE_BELOW_FURNITURE)
    title = tree.xpath("string(//t:titleStmt/t:title)", namespaces=NS)
    assert title.startswith("Memorandum of Conversation")
    assert "Geneva" in title and "1961" in title
    # The heading as printed stays in the front; what stood above it stays there too.
    assert tree.xpath("string(//t:front//t:titlePart)", namespaces=NS) == "88. MEMORANDUM OF CONVERSATION1"
    assert_round_trip(result, TITLE_BELOW_FURNITURE)


SIDES = """Memorandum of Conversation

PARTICIPANTS:
United States
- The President
- Mr. Norbeck, Interpreter
Soviet Union
- Chairman Voskresensky
- Mr. Tamm, Interpreter
Observers:

The President: Welcome.

Chairman Voskresensky: Thank you.

The President: Shall we begin?

Chairman Voskresensky: Yes.
"""


def test_a_side_is_a_group_never_a_person_and_no_list_is_empty(tmp_path):
    result, tree = convert(tmp_path, SIDES)
    persons = [p.xpath("string()") for p in tree.xpath("//t:particDesc//t:person/t:persName",
                                                         namespaces=NS)]
    assert not any(name in ("United States", "Soviet Union") for name in persons)
    heads = [h.xpath("string()") for h in tree.xpath("//t:particDesc/t:listPerson/t:head",
                                                       namespaces=NS)]
    assert "United States" in heads and "Soviet Union" in heads
    for listing in tree.xpath("//t:list", namespaces=NS):
        assert listing.xpath("t:item", namespaces=NS), etree.tostring(listing)
    assert_round_trip(result, SIDES)


FOOTNOTES_AND_OMISSIONS = """Record of Conversation

Cde. Lund - We welcome you.[1] [Omitted here is discussion of the harvest.]

Cde. Sato - Thank you.[2] [2 lines not declassified]

Cde. Lund - Good.

Cde. Sato - Agreed.

[1] Said in German.
[2] Said in Russian.
"""


def test_consecutive_footnotes_are_separate_and_omissions_are_gaps(tmp_path):
    result, tree = convert(tmp_path, FOOTNOTES_AND_OMISSIONS)
    notes = [n.xpath("string()") for n in tree.xpath("//t:note[@xml:id]", namespaces=NS)]
    assert [n.strip() for n in notes] == ["Said in German.", "Said in Russian."]
    reasons = tree.xpath("//t:gap/@reason", namespaces=NS)
    assert reasons == ["omitted", "not-declassified"]
    assert_round_trip(result, FOOTNOTES_AND_OMISSIONS)


@pytest.mark.parametrize("text", [MIXED_CASE_STOP, OFFICES_AND_ONE_OFF, SEVERAL_FORMS, INITIALS,
                                  SUPPLIED_AND_LETTERS, HEADINGS_NOT_SPEAKERS,
                                  TITLE_BELOW_FURNITURE, SIDES, FOOTNOTES_AND_OMISSIONS])
def test_every_case_is_valid_tei(tmp_path, text):
    from tei_edition.validate import Validator

    result, _ = convert(tmp_path, text)
    path = tmp_path / "case.xml"
    path.write_bytes(result.tei)
    report = Validator().validate([str(path)])
    assert report.ok, [f.message for f in report.faults]


NUMBERED_NOTES = """Memorandum of Conversation1

Mr. Aalto: The session is open.2

Mr. Brun: Thank you. We have read Document 12 of the F-16 file.

Mr. Aalto: Good.

  1. Source: National Archives, RG 59, Central Files, Box 4411. Secret.
  2. Opened at 10:05.
"""


def test_numbered_notes_link_from_numbers_glued_to_words_and_carry_the_citation(tmp_path):
    result, tree = convert(tmp_path, NUMBERED_NOTES)
    # The title's marker stays as printed (a title is plain text); the speech's links.
    refs = tree.xpath("//t:ref[@type='footnote']/@target", namespaces=NS)
    assert refs == ["#fn-2"]
    assert [n.get("n") for n in tree.xpath("//t:note[@place='foot']", namespaces=NS)] == ["1", "2"]
    # "Document 12" and "F-16" are no markers.
    assert "Document 12 of the F-16 file" in tree.xpath("string(//t:sp[2])", namespaces=NS)
    assert tree.xpath("string(//t:msIdentifier/t:repository)", namespaces=NS) == "National Archives"
    assert_round_trip(result, NUMBERED_NOTES)


FLATTENED = ("Record of Telephone Conversation between Anna Ekholm and Piet Maes\n\n"
             "The call lasted ten minutes. The Chancellor: Good morning, Piet. "
             "Minister Maes: Good morning. We have the answer. The Chancellor: Then tell me. "
             "Minister Maes: It is yes.\n")


def test_labels_inside_a_line_whose_breaks_were_lost_begin_turns(tmp_path):
    result, tree = convert(tmp_path, FLATTENED)
    assert printed_labels(tree) == ["The Chancellor:", "Minister Maes:", "The Chancellor:", "Minister Maes:"]
    assert_round_trip(result, FLATTENED)


NO_BLANK_LINES = """Protokół nr 7 z posiedzenia Komisji w dniu 3 V 1980 r.
Obecni: tow. A. Nowicka, B. Zieliński.
A. Nowicka – Otwieram posiedzenie.
B. Zieliński – Dziękuję.
A. Nowicka – Przechodzimy do punktu pierwszego.
Sekretarz Komitetu Centralnego Bolesław Zieliński: Zgoda.
"""


def test_a_text_without_blank_lines_has_a_paragraph_a_line(tmp_path):
    result, tree = convert(tmp_path, NO_BLANK_LINES)
    assert tree.xpath("string(//t:titleStmt/t:title)", namespaces=NS).startswith("Protokół nr 7")
    found = turns(tree)
    assert found["#a-nowicka"] == 2
    assert found["#b-zielinski"] == 2   # "Bolesław Zieliński:" after a long office
    assert sum(found.values()) == 4
    assert_round_trip(result, NO_BLANK_LINES)


REPORTED_AND_INITIALS = """Record of the Meeting of Comrade J. Vahter with Comrade K. Orav

 K. Orav.  Permit us to thank you.

J. VAHTER proposes to begin with the economy.

K. ORAV accepts the proposal.

J. VAHTER. Good.

The Secretary said that the talks would go on. Vahter thanks the delegation and asks about the harvest.
"""


def test_initials_and_surname_before_a_stop_and_speech_verbs_in_the_present(tmp_path):
    result, tree = convert(tmp_path, REPORTED_AND_INITIALS)
    found = turns(tree)
    assert found["#k-orav"] == 2 and found["#j-vahter"] == 2
    # reported speech in mixed case stays in a paragraph, not a turn of its own
    assert tree.xpath("//t:p[contains(., 'Vahter thanks the delegation')]", namespaces=NS)
    assert sum(found.values()) == 4
    assert_round_trip(result, REPORTED_AND_INITIALS)


OTHER_SCRIPTS = """Record of Conversation

Cde. Vahter - We have read the note. He said: «Мы должны сказать, что самолет сбит» and left.

Cde. Orav - Согласен с товарищем Вахтером.

Cde. Vahter - Good. The banner said 和平友谊万岁 in large letters.
"""


def test_text_in_another_script_declares_its_language(tmp_path):
    result, tree = convert(tmp_path, OTHER_SCRIPTS)
    foreign = {f.get("{http://www.w3.org/XML/1998/namespace}lang"): f.text
               for f in tree.xpath("//t:foreign", namespaces=NS)}
    assert foreign == {"ru": "Мы должны сказать, что самолет сбит", "zh": "和平友谊万岁"}
    whole = tree.xpath("//t:sp[2]/t:p", namespaces=NS)[0]
    assert whole.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert set(tree.xpath("//t:langUsage/t:language/@ident", namespaces=NS)) == {"en", "ru", "zh"}
    assert_round_trip(result, OTHER_SCRIPTS)


TAPE_EVENTS = """Transcript of a Meeting in the Oval Office

PRESIDENT: Well, (Laughter.) that is the problem. (Pause) We wait.

HALDEMAN: (unintelligible) the cable./1/ [laughter]

PRESIDENT: Fine.

/1/ The cable of March 3, not printed.
"""


def test_spoken_events_in_parentheses_and_slash_footnotes(tmp_path):
    result, tree = convert(tmp_path, TAPE_EVENTS)
    assert tree.xpath("//t:vocal[@rend='parentheses']/t:desc/text()", namespaces=NS) == ["Laughter."]
    assert tree.xpath("//t:incident[@rend='parentheses']/t:desc/text()", namespaces=NS) == ["Pause"]
    assert tree.xpath("//t:gap[@rend='parentheses']/@reason", namespaces=NS) == ["inaudible"]
    assert tree.xpath("//t:ref[@type='footnote']/@target", namespaces=NS) == ["#fn-1"]
    assert_round_trip(result, TAPE_EVENTS)


SIGNED = """Record of Conversation

Cde. Vahter - We have read the note.

Cde. Orav - Good.

Cde. Vahter - Then we agree.

Ю. Андропов
"""


def test_a_name_alone_at_the_end_signs_the_record(tmp_path):
    result, tree = convert(tmp_path, SIGNED)
    assert tree.xpath("string(//t:closer/t:signed/t:persName)", namespaces=NS) == "Ю. Андропов"
    assert "Андропов" not in tree.xpath("string(//t:sp[last()])", namespaces=NS)
    assert_round_trip(result, SIGNED)


def test_lower_case_labels_and_two_speakers_on_a_line_are_flagged(tmp_path):
    text = ("Record\n\nMIKOYAN: Let us begin. KIM: Agreed.\n\nKIM: Good.\n\nMIKOYAN: Yes.\n\n"
            "mikoyan: this line was typed in lower case.\n")
    result, tree = convert(tmp_path, text)
    messages = {(line, message.split("'")[0]) for line, _, message in result.document.warnings}
    assert (3, "a second speaker") in {(line, m[:16]) for line, m in messages}
    assert any(line == 9 and "lower case" in message
               for line, _, message in result.document.warnings)
    assert_round_trip(result, text)


WRAPPED_PRESENT = """Record of Conversation

Present: Cdes. Vahter, Orav, Tamm,
Kask and Lepik; the Latvian delegation: Ozols (leader), Berzins.

Cde. Vahter - We begin.

Cde. Ozols - Thank you.
"""


def test_a_participants_list_wrapped_over_lines(tmp_path):
    result, tree = convert(tmp_path, WRAPPED_PRESENT)
    persons = {p.get("{http://www.w3.org/XML/1998/namespace}id")
               for p in tree.xpath("//t:particDesc//t:person", namespaces=NS)}
    assert {"vahter", "orav", "tamm", "kask", "lepik", "ozols", "berzins"} <= persons
    assert_round_trip(result, WRAPPED_PRESENT)


# A catalogue page's fields, a heading in capitals and an OCR'd cover of one word a line:
# words alone on their lines, but no speech follows them.
NOTHING_SPOKEN_BELOW = """Staff Meeting of the Harbour Board

Release Decision:
RELPUB
Content Type:
MINUTES
File:

DRAFT
 DRAFT
BOARD
 OF
HARBOURS

NOTICE
This transcript may be quoted for research.

LUND: We open the meeting. The tide tables first, then the dredging
contract for Oslo.

HOLM: The dredger arrives on Monday. I spoke to the yard in
Bergen.

LUND: Then we are done.
"""



BULLETED_TAPE = """Tape of 3 June, the Harbour Office

- In the conversation before this one, Holm had told the board's secretary that he would not sign the dredging contract until the yard had answered him.
- LUND
- Nils, how are you? I hoped to catch you before the board.
- HOLM
- Fine. Just back from the yard.
- LUND
- Good.
"""



# An OCR'd memorandum of a telephone call: the line breaks and the punctuation are lost,
# the labels are an office and a name in capitals, with or without a colon.
FLATTENED_CAPS = ("MEMORANDUM OF TELEPHONE CONVERSATION SUBJECT Call with President Aho "
                  "PARTICIPANTS The President President Aho Interpreter Anna Berg "
                  "PRESIDENT LINDQVIST Hello PRESIDENT AHO Hello Erik it is good to hear you "
                  "PRESIDENT LINDQVIST I will not keep you long I wanted to thank you for the "
                  "grain agreement PRESIDENT AHO Thank you we were glad to sign it\n\n"
                  "Seminar on the harbour works, 3 May. SENATOR ERIK HOLM: Thank you, Director. "
                  "Is the dredging reported to the board? R DIRECTOR ANNA VIK: It is reported "
                  "each month to the board and to the ministry of transport SENATOR HOLM: Not "
                  "to us DIRECTOR VIK: Then we will send it to the committee as well.\n")


def test_labels_in_capitals_inside_lines_that_lost_their_punctuation(tmp_path):
    result, tree = convert(tmp_path, FLATTENED_CAPS)
    assert printed_labels(tree) == [
        "PRESIDENT LINDQVIST", "PRESIDENT AHO", "PRESIDENT LINDQVIST", "PRESIDENT AHO",
        "SENATOR ERIK HOLM:", "DIRECTOR ANNA VIK:", "SENATOR HOLM:", "DIRECTOR VIK:"]
    assert any("no punctuation before them" in message
               for _, _, message in result.document.warnings)
    assert_round_trip(result, FLATTENED_CAPS)


# Notes of a dinner: the honorific before a label is the label's own, even inside a long
# line; a hyphenated given name in the heading names a speaker who talks once.
DINNER_NOTES = """Record of a Conversation between Valdis Ozols, Ri Song-min and Anna Berg

Cde. V. Ozols: spoke with Cde. Berg about the fund for the harbour works and about the Latvian contribution to it, as well as about the timber.

Cde. Berg: We thank you for the timber.

Ri Song-min. The mood in our harbour is good.

Cde. Berg: Then we agree.

Cde. V. Ozols: Agreed.
"""


def test_an_honorific_leads_its_label_and_a_hyphenated_name_in_the_heading_is_a_speaker(tmp_path):
    result, tree = convert(tmp_path, DINNER_NOTES)
    speakers = printed_labels(tree)
    assert speakers == ["Cde. V. Ozols:", "Cde. Berg:", "Ri Song-min.", "Cde. Berg:", "Cde. V. Ozols:"]
    assert not any("second speaker" in message for _, _, message in result.document.warnings)
    assert_round_trip(result, DINNER_NOTES)


# A short record whose first speaker talks once, straight before the one the header names.
FIRST_SPEAKER_ONCE = """Farewell at the Harbour Office, 3 May 1972

LUND Erik    Harbour master

HOLM: Did you sleep well? I wish to thank you before I leave.

LUND: It is good that we part as friends. Was anything amiss?
"""


def test_a_strong_label_right_before_the_first_turn_opens_the_record(tmp_path):
    result, tree = convert(tmp_path, FIRST_SPEAKER_ONCE)
    assert turns(tree) == {"#holm": 1, "#lund": 1}
    assert any(line == 5 and "occurs once" in message
               for line, _, message in result.document.warnings)
    assert_round_trip(result, FIRST_SPEAKER_ONCE)


# A staff meeting's attendance: bureau abbreviations before "Mr." and a name, one bureau
# after another; the stop after "Mr" is the honorific's, no label's.
STAFF_MEETING = """Staff Meeting of the Harbour Board

Chairman

D Mr. Berg  P Mr. Sund  E Mr. Lie

AF Mr. Holm (Acting)  ARA Mr. Dahl

EA Mr. Vik  EUR Mr. Aas

MR. BERG: The dredging first.

MR. HOLM: It is on time.

MR. BERG: Good.
"""



# A Soviet-style record mixing reported speech ("Holm thanks …") with direct speech
# ("Lund. …"); a narrative sentence above the record is no turn.
REPORTED_BESIDE_DIRECT = """Minutes of Conversation between N. Lund and Nils Holm

Nils Holm said in the evening that the talks had gone well.

3 May 1952

Translated by A. Berg

Nils Holm sends greetings from the board and asks about the harbour.

Lund thanks Nils Holm and asks about the pilots.

Lund. The harbour is ready. The pilots are waiting.

Nils Holm agrees and adds that the dredging must be finished first.

Lund. Then we begin on Monday.
"""


def test_reported_speech_beside_direct_labels_is_read_as_turns_and_reported(tmp_path):
    result, tree = convert(tmp_path, REPORTED_BESIDE_DIRECT)
    speakers = [(sp.get("who"), sp.xpath("string(t:speaker)", namespaces=NS))
                for sp in tree.xpath("//t:sp", namespaces=NS)]
    assert speakers == [("#nils-holm", "Nils Holm"), ("#lund", "Lund"), ("#lund", "Lund."),
                        ("#nils-holm", "Nils Holm"), ("#lund", "Lund.")]
    # the verb stays in the speech
    assert tree.xpath("string(//t:sp[1]/t:p)", namespaces=NS).startswith("sends greetings")
    assert any(line == 9 and "reported speech" in message
               for line, _, message in result.document.warnings)
    assert_round_trip(result, REPORTED_BESIDE_DIRECT)


def test_a_record_wholly_in_reported_speech_stays_paragraphs(tmp_path):
    text = "Minutes\n\nNils Holm said that the talks had gone well.\n\nLund agreed and asked about the pilots.\n"
    result, tree = convert(tmp_path, text)
    assert turns(tree) == {}
    assert_round_trip(result, text)


# A magazine's web page: its navigation is bulleted above the transcript's dateline.
NAVIGATION_ABOVE = """HARBOUR: The Board's Conversations

  • Share
  • Read Later

(5 of 21)

MARCH 17,1973, 1:25 P.M.

The Harbour Office. Present: Lund and Holm.

L: The dredger is late.

H: It will come on Monday.

L: Monday, then.

H: Yes.
"""


def test_a_pages_bulleted_navigation_is_no_participants_list(tmp_path):
    result, tree = convert(tmp_path, NAVIGATION_ABOVE)
    assert not tree.xpath("//t:particDesc//t:person[contains(., 'Share')]", namespaces=NS)
    assert "1973-03-17" in tree.xpath("//t:teiHeader//t:date/@when", namespaces=NS)
    assert_round_trip(result, NAVIGATION_ABOVE)


def test_a_sites_buttons_are_never_the_title(tmp_path):
    text = ("Sign Up,\n\nothers\n\nLund and Holm at the Harbour Office\n\n"
            "LUND: The dredger is late.\n\nHOLM: It comes on Monday.\n\nLUND: Good.\n")
    result, tree = convert(tmp_path, text)
    assert result.document.title == "Lund and Holm at the Harbour Office"
    assert_round_trip(result, text)


def test_a_generic_heading_in_capitals_inside_an_ocrd_page_is_the_title(tmp_path):
    text = ("-CONFIDENTIAL GBPM 1097 THE HARBOUR OFFICE DECLASSIFIED BERGEN MEMORANDUM OF "
            "TELEPHONE CONVERSATION 3 iy o 3 The President's call with President Aho on the "
            "grain agreement PARTICIPANTS The President President Aho Interpreter Anna Berg "
            "PRESIDENT LINDQVIST Hello PRESIDENT AHO Hello Erik it is good to hear you "
            "PRESIDENT LINDQVIST I wanted to thank you PRESIDENT AHO Thank you\n")
    result, tree = convert(tmp_path, text)
    assert result.document.title.startswith("Memorandum of Telephone Conversation")
    assert any("title read from inside the text" in message
               for _, _, message in result.document.warnings)
    assert_round_trip(result, text)


# A parliamentary record: the member alone on a line, the question following in lower case
# ("asked …"); an office with the member in brackets; an initial after the honorific.
PARLIAMENT = """HC Deb 18 April 1961 vol 638 cc971-5
Mr. N. Holm (by Private Notice)

asked the Minister of Harbours what reports he has received about the dredging at Bergen.

The Minister of Harbours (Mr. Erik Lund)

We have very little information about the dredging so far.

Mr. Holm

Is the Minister not aware that the dredger left a week ago?

Mr. Lund

We have no clear information about its course.
"""



# A webcast's captions: one long line, each speaker after a caption's ">>".
CAPTIONS = (">> From the Harbour Museum in Bergen, Norway. >> Nils Holm: How are you doing? "
            "I'm a volunteer at the museum and I have recorded about two hundred pilots for the "
            "project in the last three years. >> Anna Vik: Okay, my name is Anna Vik. I am with "
            "the Pilots' Society, which is located here in the old customs house. Erik? "
            ">> Erik Lund: I'm the historian of the harbour board.\n")


def test_a_captions_chevrons_open_turns_inside_one_long_line(tmp_path):
    result, tree = convert(tmp_path, CAPTIONS)
    assert turns(tree) == {"#nils-holm": 1, "#anna-vik": 1, "#erik-lund": 1}
    # each one-off label is reported where it stands in the line
    assert {(line, column) for line, column, message in result.document.warnings
            if "occurs once" in message} == {(1, 47), (1, 196), (1, 321)}
    assert_round_trip(result, CAPTIONS)


# A tape transcript whose transcriber doubted who spoke: "Holm?:".
DOUBTED = """Harbour Office tape, 3 May

Lund: The dredger is late.

Holm?: Late again? [laughs]

Lund: Yes.

Lund?: Oh.

Vik: Then we wait.
"""


def test_a_doubted_attribution_is_a_turn_and_reported(tmp_path):
    result, tree = convert(tmp_path, DOUBTED)
    assert [sp.get("who") for sp in tree.xpath("//t:sp", namespaces=NS)] == \
        ["#lund", "#holm", "#lund", "#lund", "#vik"]
    assert {line for line, _, message in result.document.warnings
            if "doubts who spoke" in message} == {5, 9}
    assert_round_trip(result, DOUBTED)


# A book's document: the editors' source note in brackets after the last speech, with a
# note number glued before it.
BRACKETED_SOURCE = """Notes of a Telephone Conversation between Lund and Holm, 3 May 1972

Lund: Good morning. The dredger is late.

Holm: It comes on Monday.

6[Source: Archive of the Harbour Foundation, Fond 4. Opis 2. On file at the Pilots' Society. Translated by Anna Vik.]
"""


def test_a_source_note_in_brackets_after_the_record_is_its_citation(tmp_path):
    result, tree = convert(tmp_path, BRACKETED_SOURCE)
    assert tree.xpath("string(//t:msIdentifier/t:repository)", namespaces=NS) == \
        "Archive of the Harbour Foundation"
    assert "Fond 4" not in tree.xpath("string(//t:sp[last()])", namespaces=NS)
    assert_round_trip(result, BRACKETED_SOURCE)


# A transcription site's page: the scan's provenance in a sentence, then the letterhead's
# one-word heading above the document's own.
SCANNED_PAGE = """From Harbourwiki

File scanned from the Harbour Master's Conversations Collection at the Erik N. Lund Memorial Library

MEMORANDUM

THE HARBOUR OFFICE
BERGEN

MEMORANDUM OF CONVERSATION

LUND: The dredger is late.

HOLM: It comes on Monday.

LUND: Good.
"""


def test_a_scans_provenance_is_its_citation_and_the_fuller_heading_its_title(tmp_path):
    result, tree = convert(tmp_path, SCANNED_PAGE)
    assert tree.xpath("string(//t:msIdentifier/t:repository)", namespaces=NS) == \
        "Erik N. Lund Memorial Library"
    assert tree.xpath("string(//t:msIdentifier/t:collection)", namespaces=NS) == \
        "Harbour Master's Conversations Collection"
    assert result.document.title.startswith("Memorandum of Conversation")
    # the sentence is kept whole as the source's description, like any header citation
    assert tree.xpath("string(//t:sourceDesc/t:bibl)", namespaces=NS) == SCANNED_PAGE.splitlines()[2]
    assert [sp.get("who") for sp in tree.xpath("//t:sp", namespaces=NS)] == ["#lund", "#holm", "#lund"]


ELLIPSIS_BELOW = ("Protokoll der Sitzung des Hafenrates\n\nHOLM\n"
                  "... aber es ist eine Beratung der Lotsen noch, die Genosse Lund leitet.\n\n"
                  "LUND\nWir beginnen.\n\nHOLM\n… und dann?\n\nLUND\nDann nichts.\n")


@pytest.mark.parametrize("text, expected", [
    # a word alone on its line is no speaker unless speech follows it
    (NOTHING_SPOKEN_BELOW, {"#lund": 2, "#holm": 1}),
    # labels alone on bulleted lines open the bulleted speech below them
    (BULLETED_TAPE, {"#lund": 2, "#holm": 1}),
    # an abbreviation before an honorific is no label ("D Mr. Berg")
    (STAFF_MEETING, {"#berg": 2, "#holm": 1}),
    # a member alone on a line, then a question in lower case ("asked …")
    (PARLIAMENT, {"#n-holm": 2, "#erik-lund": 2}),
    # speech below a label alone may open with an ellipsis
    (ELLIPSIS_BELOW, {"#holm": 2, "#lund": 2}),
], ids=["nothing-spoken-below", "bulleted-tape", "staff-meeting", "parliament", "ellipsis-below"])
def test_who_speaks_in_each_shape_of_label_alone_or_listed(tmp_path, text, expected):
    result, tree = convert(tmp_path, text)
    assert turns(tree) == expected
    assert_round_trip(result, text)


def test_initials_of_the_first_name_and_surname_name_a_person_with_middle_initials(tmp_path):
    text = ("Call between Nils H.W. Holm and Erik Lund\n\nNils H.W. Holm: Hello, Erik.\n\n"
            "Erik Lund: Nils, my friend.\n\nNH: I called to thank you.\n\nEL: Thank you.\n\n"
            "NH: Goodbye.\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == {"#nils-h-w-holm": 3, "#erik-lund": 2}
    assert_round_trip(result, text)


# A minister's notes of a meeting: initials or names glued to the speech by a dash,
# topics glued so too.
GLUED_NOTES = """Notes of a Harbour Board Meeting

Dredging—the contract is late again.

EL [Erik Lund] But the yard promised Monday.

EL—we must ask for the penalty clause

NH—the yard will refuse

EL—then we go to court

Anna Vik—Court takes a year; better to talk first

Tolls—no change this year

EL—agreed
"""


def test_names_glued_to_the_speech_by_a_dash_among_glued_labels(tmp_path):
    result, tree = convert(tmp_path, GLUED_NOTES)
    assert printed_labels(tree) == ["EL [Erik Lund]", "EL—", "NH—", "EL—", "Anna Vik—", "EL—"]
    assert any(line == 13 and "glued to the speech" in message
               for line, _, message in result.document.warnings)
    # every word kept in its order; the speech after a glued label is its own paragraph
    assert normalise(tei_to_text(result.tei)).replace("— ", "—") == normalise(GLUED_NOTES)


def test_an_initial_before_a_name_alone_on_its_line_is_the_name_not_a_label(tmp_path):
    text = ("Erik Lund and Nils Holm on 1 May 1964\n\nErik Lund\n\nNils? Good morning.\n\n"
            "N. Nils Holm\n\nGood morning, Erik. How are you?\n\nErik Lund\n\nWell.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Erik Lund", "N. Nils Holm", "Erik Lund"]
    assert_round_trip(result, text)


def test_a_hyphen_glued_before_i_ends_a_label(tmp_path):
    text = ("Working notes\n\nCde. Lund-I do not understand Cde. Holm.\n\n"
            "Cde. Holm-reinforce the harbour first.\n\nCde. Lund-agreed.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Cde. Lund-", "Cde. Holm-", "Cde. Lund-"]


# A memorandum's participants in a hanging indent aligned with spaces, one side per
# group, the groups parted by a blank line.
HANGING_INDENT = """MEMORANDUM OF CONVERSATION

PARTICIPANTS:         Ambassador Erik Lund
                                      Anna Vik, Counsellor of the Embassy

                                      Minister Nils Holm
                                      Per Dahl, Assistant to the Minister (Notetaker)

Minister Holm: The dredger is late.

Ambassador Lund: It comes on Monday.
"""


def test_participants_in_a_hanging_indent_over_blank_lines(tmp_path):
    result, tree = convert(tmp_path, HANGING_INDENT)
    persons = {p.get("{http://www.w3.org/XML/1998/namespace}id")
               for p in tree.xpath("//t:particDesc//t:person", namespaces=NS)}
    assert {"erik-lund", "anna-vik", "nils-holm", "per-dahl"} <= persons
    assert turns(tree) == {"#nils-holm": 1, "#erik-lund": 1}
    assert_round_trip(result, HANGING_INDENT)


# A record written days after the meeting: the header has the day it was written, the
# first paragraph the day of the meeting.
WRITTEN_LATER = """November 20, 1986

Record of Conversation between Erik Lund and Nils Holm

November 20, 1986    Bergen

On reception of Pilot Nils Holm by Harbour Master Erik Lund

On November 11, 1986, at 10am, Harbour Master Erik Lund received Pilot Nils Holm. After that, a conversation took place between them about the dredging and the tolls of the coming year.

Lund: The dredger is late.

Holm: It comes on Monday.
"""


def test_a_meeting_date_opening_the_record_below_a_later_header_date(tmp_path):
    result, tree = convert(tmp_path, WRITTEN_LATER)
    doc = result.document
    assert (doc.meeting_date.iso, doc.doc_date.iso) == ("1986-11-11", "1986-11-20")
    assert any(line == 9 and "first sentence" in message for line, _, message in doc.warnings)
    # every word kept (the dateline stands after the subtitle the header reads as a head)
    assert sorted(normalise(tei_to_text(result.tei)).split()) == sorted(WRITTEN_LATER.split())


def test_initials_before_a_surname_are_no_second_label_inside_the_line(tmp_path):
    text = ("Call of 25 December\n\nErik N.O. Lund: Hello, Nils.\n\nNils A. Holm: Erik, my friend.\n\n"
            "Erik N.O. Lund: Goodbye.\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == {"#erik-n-o-lund": 2, "#nils-a-holm": 1}
    assert not any("second speaker" in message for _, _, message in result.document.warnings)


def test_a_page_title_cut_short_gives_way_to_the_same_title_in_full(tmp_path):
    text = ("Transcripts For HARBOUR3 1966 Lund Dredging Hearings Nils\n\n"
            "Transcripts For HARBOUR3 1966 Lund Dredging Hearings Nils Holm 20160228\n\n"
            "LUND: The committee will come to order.\n\nHOLM: Thank you.\n\nLUND: Go on.\n")
    result, tree = convert(tmp_path, text)
    assert result.document.title == "Transcripts For HARBOUR3 1966 Lund Dredging Hearings Nils Holm 20160228"
    assert_round_trip(result, text)


CATALOGUE_PAGE = """WEEKLY MEETING OF THE HARBOUR BOARD

Document Type:\u00a0
Document Creation Date:\u00a0
March 2, 2017
Document Release Date:\u00a0
June 30, 2010
Publication Date:\u00a0
October 4, 1961
Content Type:\u00a0
MIN

The board met at the pier office. The chairman reported that the new crane had arrived and that the dredging of the east basin would start in the spring, weather permitting.
"""


def test_a_catalogue_page_s_own_dates_are_not_the_document_s(tmp_path):
    """A reading-room page copied into text (CIA CREST) puts each field's label on one
    line and its value on the next: the catalogue's creation and release dates are
    kept as printed but are not the document's date; its publication date is."""
    result, tree = convert(tmp_path, CATALOGUE_PAGE)
    doc = result.document
    assert doc.doc_date.iso == "1961-10-04" and doc.meeting_date is None
    text = " ".join(tree.xpath("string(//t:text)", namespaces=NS).split())
    assert "March 2, 2017" in text and "June 30, 2010" in text
    assert_round_trip(result, CATALOGUE_PAGE)
    # with no date of the document's own, the first date in its text, said so
    no_publication = CATALOGUE_PAGE.replace("Publication Date:\u00a0\nOctober 4, 1961\n", "")
    no_publication = no_publication.replace("The board met", "On 3 October 1961 the board met")
    result, _ = convert(tmp_path, no_publication, "second.txt")
    assert result.document.meeting_date.iso == "1961-10-03"
    assert any("date read from inside the text" in m for _, _, m in result.document.warnings)


GLUED_CALL = """Briefing by Minister Halvorsen on the Harbour Treaty (Oslo)1

MINISTER HALVORSEN2

I am glad that so many of you could come this morning. The treaty we signed last week settles the question of the northern channel, which has divided our two towns for forty years.

It also opens the east basin to ships of both flags, and it sets up a joint board to keep the channel dredged.
"""


def test_a_label_with_a_footnote_number_glued_to_it(tmp_path):
    """FRUS pages lose the superscript of a footnote call: "SECRETARY VANCE2" alone on
    its line is Vance's label with note 2, said so; the title loses its "1"."""
    result, tree = convert(tmp_path, GLUED_CALL)
    assert printed_labels(tree) == ["MINISTER HALVORSEN2"]  # as printed
    assert [t.label for t in result.document.turns()] == ["MINISTER HALVORSEN"]
    call = tree.xpath("//t:speaker/t:ref[@type = 'footnote']", namespaces=NS)[0]
    assert (call.text, call.get("target")) == ("2", None)  # its note is not in the excerpt
    assert list(turns(tree).values()) == [1]
    assert result.document.title == "Briefing by Minister Halvorsen on the Harbour Treaty (Oslo)"
    assert any("footnote number 2 glued to it" in m for _, _, m in result.document.warnings)
    assert_round_trip(result, GLUED_CALL)
    # with its note in the text, the number links to it
    with_note = GLUED_CALL + "\n2. Remarks made to the press at the harbour office.\n"
    result, tree = convert(tmp_path, with_note, "noted.txt")
    call = tree.xpath("//t:speaker/t:ref[@type = 'footnote']", namespaces=NS)[0]
    assert call.get("target") == "#fn-2" and tree.xpath("//t:note[@xml:id = 'fn-2']", namespaces=NS)
    assert_round_trip(result, with_note)


HEARING_RUN_IN = """Hearing of the Committee on Harbours, Part 3

(14:02:10) The CHAIRMAN. We will come to order and hear the witness on the dredging contract before we adjourn for lunch today. Senator BRANDT. Mr. Chairman, may I ask one question first? The CHAIRMAN. Go ahead. Senator BRANDT. Who signed the contract for the east basin, and when was it signed? Mr. OKAFOR. I signed it myself, Senator, in March of last year. The CHAIRMAN. Thank you, Mr. Okafor.
"""


def test_hearing_labels_run_into_one_paragraph(tmp_path):
    """US hearings print labels as an honorific and a surname in capitals before a full
    stop ("Senator GRAMM."); a page flattened into one paragraph keeps them inside it."""
    result, tree = convert(tmp_path, HEARING_RUN_IN)
    assert printed_labels(tree) == ["The CHAIRMAN.", "Senator BRANDT.", "The CHAIRMAN.",
                                    "Senator BRANDT.", "Mr. OKAFOR.", "The CHAIRMAN."]
    assert any("'Mr. OKAFOR.' read as a speaker label although it occurs once" in m
               for _, _, m in result.document.warnings)
    assert_round_trip(result, HEARING_RUN_IN)


SPACED_STOP = """Рабочая запись заседания

Горбачев . Начнем с первого вопроса, товарищи.

Рыжков . Предложения подготовлены, их можно обсудить сегодня.

Горбачев . Хорошо, так и сделаем.
"""

SUPPLIED_INITIALS = """Zápis ze schůze předsednictva

[K.] Novotná: Navrhuji, abychom o tom hlasovali hned.
[P.] Dvořák: Souhlasím, ale nejdřív chci slyšet zprávu.
[K.] Novotná: Zpráva je připravena a rozdána.
"""

CJK_COLON = """接见代表时的讲话

王明远:大家好,今天我们来谈谈三个问题。

李文:我们同意这个安排。

王明远：那就开始吧。
"""

MINUTES_FIELDS = """Protokoll Nr. 12 der Sitzung des Vorstandes

Tagesordnung:
  1. Bericht über den Hafenausbau
     Berichterstatter: Genosse Brandt

Sitzungsleitung: Brandt
Protokollführung: Weber
Beginn: 10.00 Uhr

Behandelt:
  1. Bericht über den Hafenausbau

Beschlossen:
  Der Bericht wird bestätigt.
"""


@pytest.mark.parametrize("text, labels", [
    (SPACED_STOP, ["Горбачев .", "Рыжков .", "Горбачев ."]),
    (SUPPLIED_INITIALS, ["[K.] Novotná:", "[P.] Dvořák:", "[K.] Novotná:"]),
    (CJK_COLON, ["王明远:", "李文:", "王明远："]),
    (MINUTES_FIELDS, []),
])
def test_label_forms_of_typed_minutes_and_of_other_scripts(tmp_path, text, labels):
    """A surname spaced from its full stop (Soviet working records), an initial the
    editors supplied in brackets (Czech minutes), Chinese names before an ASCII or a
    full-width colon; and the fields of German minutes, which name no speaker."""
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == labels
    assert_round_trip(result, text)


TWO_PRESIDENTS = """MEMORANDUM OF TELEPHONE CONVERSATION

SUBJECT: Telephone Conversation with President Okonjo

PRESIDENT OKONJO: Good morning, my friend. I am calling about the harbour agreement.

THE PRESIDENT: Good morning. I read your letter last night and I agree with most of it.

PRESIDENT OKONJO: Then our ministers can sign it next week in Lagos.

THE PRESIDENT: Yes, let them sign it.
"""


def test_a_foreign_president_labelled_by_name_is_not_the_president(tmp_path):
    """American memoranda of telephone calls label the other head of state by name
    ("PRESIDENT YELTSIN") and their own as "THE PRESIDENT": two persons, not one."""
    result, tree = convert(tmp_path, TWO_PRESIDENTS)
    assert len(turns(tree)) == 2 and sorted(turns(tree).values()) == [2, 2]
    assert_round_trip(result, TWO_PRESIDENTS)


OFFICE_AND_HOLDER = """Harbour Board Inquiry, second day

Lord Penrose: My Lords, may I ask when the board last met?

The Harbour-Master (Lord Ashby of Wenlock): My Lords, the board met on Tuesday.

THE CLERK (Mr. Tobias Reed): The minutes of Tuesday are before the inquiry.

Lord Penrose: I thank the noble Lord.

THE CLERK: I shall read them if the inquiry wishes.
"""


def test_an_office_and_in_brackets_the_person_who_holds_it(tmp_path):
    """Hansard and court records name an office and, in brackets, its holder ("The
    Attorney-General (Lord Williams of Mostyn):", "THE MARSHAL (Colonel Charles W.
    Mays):"), a peer with a territorial designation; the office alone later is the same
    person."""
    result, tree = convert(tmp_path, OFFICE_AND_HOLDER)
    assert [sp.get("who") for sp in tree.xpath("//t:sp", namespaces=NS)] == [
        "#penrose", "#ashby-of-wenlock", "#tobias-reed", "#penrose", "#tobias-reed"]
    assert_round_trip(result, OFFICE_AND_HOLDER)


SIDES_AS_FIELDS = """Record of Conversation between the Harbour Delegations

Northern Side: Ambassador Lund

Southern Side: Minister Okafor

Time: 7 April 1964

The Ambassador opened the meeting by recalling the agreement on the channel and asked whether the southern delegation had read the new draft.
"""


def test_a_side_named_in_the_header_is_no_speaker(tmp_path):
    """"Chinese Side: Ambassador Wang" lists who came for a side: no turn, and no person
    called "Chinese Side"."""
    result, tree = convert(tmp_path, SIDES_AS_FIELDS)
    assert printed_labels(tree) == []
    assert not [p for p in tree.xpath("//t:person/t:persName/text()", namespaces=NS) if "Side" in p]
    assert_round_trip(result, SIDES_AS_FIELDS)


NUMBERED_HEADER = """May 2, 1971

Record of Conversation between the Harbour Delegations

Document No. 412

Time: 9 May 1971

Location: Pier Office

The chairman opened the meeting and asked the delegation from the north to present its plan for the channel, which it did at length, with maps.
"""

FLATTENED_FIELDS = """1 This interview is part of the Harbour Oral History Collection at the Maritime Museum. 2 KARI LUND INTERVIEW TRANSCRIPT Interviewee: Kari Lund Interviewer: Ben Okafor Date: August 14, 2014 Location: Kari Lund's house 3 We began with her years on the ferry and the winters when the channel froze.
"""


def test_header_fields_below_a_document_number_and_a_date_field_inside_a_line(tmp_path):
    """"Document No. 412" is a heading, not the record's first sentence: the fields
    below it are the header's ("Time: 9 May 1971"). A page flattened into one line keeps
    its "Date: …" field inside it: read, and said so."""
    result, _ = convert(tmp_path, NUMBERED_HEADER)
    assert result.document.meeting_date.iso == "1971-05-09"
    assert_round_trip(result, NUMBERED_HEADER)
    result, _ = convert(tmp_path, FLATTENED_FIELDS, "flat.txt")
    assert result.document.meeting_date.iso == "2014-08-14"
    assert any("date read from a field inside a line" in m for _, _, m in result.document.warnings)
    assert_round_trip(result, FLATTENED_FIELDS)


BEGIN_THE_SPEAKER = """MEMORANDUM OF TELEPHONE CONVERSATION

PARTICIPANTS: The President
Prime Minister Menachem Begin

(Begin: 0915 Hours)

Carter: Good morning. I read the draft of the letters last night.

Begin: Good morning, Mr. President. We have some changes to propose.

Carter: Tell me the first one.

Begin: The second paragraph must name the date of the elections.
"""

RADIO_LOG = """John Glenn

Friendship Seven. Go ahead.

CAPCOM

Roger. Area 3 Delta is 4 hours, 12 minutes, 32 seconds.

John Glenn

Roger. Area 3 Delta is 04 plus 12 plus 32.

CAPCOM

Roger. That is affirmative.

John Glenn

Roger. Understand.
"""

TIME_TABLE = """Air-to-ground voice transcription, pages 31-32

04 06 45 52 | LMP (EAGLE) | Contact light. |
04 06 45 57 | CDR (EAGLE) | Shutdown. |
04 06 45 59 | LMP (EAGLE) | Okay. Engine stop. |
04 06 46 04 | CDR (TRANQ) | Houston, the base is here. |
"""

CAPS_BEFORE_THE_FIRST = """Рабочая запись

ЛЕБЕДЕВ. Да, люди эти уже пожилые.

ОРЛОВ. Мы это обсуждали на прошлой неделе.

ЛЕБЕДЕВ. Тогда решим сегодня.

ВОЛКОВ. Согласен.

RGANI. Fond 89, Opis 42, Delo 7, Listy 1-4.
"""


@pytest.mark.parametrize("text, labels", [
    (BEGIN_THE_SPEAKER, ["Carter:", "Begin:", "Carter:", "Begin:"]),
    (RADIO_LOG, ["John Glenn", "CAPCOM", "John Glenn", "CAPCOM", "John Glenn"]),
    (TIME_TABLE, ["04 06 45 52 | LMP (EAGLE) |", "04 06 45 57 | CDR (EAGLE) |",
                  "04 06 45 59 | LMP (EAGLE) |", "04 06 46 04 | CDR (TRANQ) |"]),
    (CAPS_BEFORE_THE_FIRST, ["ЛЕБЕДЕВ.", "ОРЛОВ.", "ЛЕБЕДЕВ.", "ВОЛКОВ."]),
])
def test_labels_of_radio_logs_time_tables_and_names_that_are_words(tmp_path, text, labels):
    """"Begin:" is Mr. Begin before speech and a time field before a time; "Roger." opens
    a speech and labels none; a name alone on its line above each speech; a table row's
    time cell before the label; a surname in capitals opening the record; an archive's
    abbreviation before its signature is a citation."""
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == labels
    assert_round_trip(result, text)


def test_two_offices_run_together_in_a_flattened_list_are_two_persons(tmp_path):
    text = ("MEMORANDUM OF TELEPHONE CONVERSATION\n\nPARTICIPANTS: The President Prime Minister Lund\n\n"
            "The President: Hello? (U)\n\nPrime Minister Lund: Hello Bill. How are you? (U)\n\n"
            "The President: Fine, thank you. (U)\n\nPrime Minister Lund: We should talk about the harbour. (U)\n")
    result, tree = convert(tmp_path, text)
    assert len(turns(tree)) == 2
    assert_round_trip(result, text)


FRENCH_INTERVIEW = """Entretien du Président avec le journal du soir

QUESTION.- Monsieur le Président, pourquoi avez-vous choisi la politique ?

- LE PRESIDENT.- Je ne l'ai pas choisie. Elle est venue à moi très tôt.

- QUESTION.- Et aujourd'hui, le regrettez-vous ?

- LE PRESIDENT.- Jamais. J'ai aimé chaque année de ce travail.
"""

FRENCH_SENATE = """Séance du 6 octobre

M. le président. La parole est à M. Paul Renard, pour le groupe du port.

M. Paul Renard. Monsieur le président, mes chers collègues, le port attend cette loi.

M. Louis Garnier. Ce n’est pas vrai !

M. Paul Renard. Je maintiens ce que j’ai dit sur le port et sur ses ouvriers.
"""

LETTER_SPACED = """Стенограмма заседания

П р е д с е д а т е л ь. Слово имеет депутат Орлов.

О р л о в. Уважаемые коллеги, я буду краток.

П р е д с е д а т е л ь. Пожалуйста, продолжайте.

О р л о в. Спасибо.
"""

GLUED_HONORIFICS = """Testimony of the harbour master

Mr.Lund. Where were you on the night of the storm?

Mr.Okafor. I was on the pier, with the night watchman.

Mr.Lund. Did you see the ferry leave?

Mr.Okafor. I did not.
"""


@pytest.mark.parametrize("text, labels", [
    (FRENCH_INTERVIEW, ["QUESTION.-", "- LE PRESIDENT.-", "- QUESTION.-", "- LE PRESIDENT.-"]),
    (FRENCH_SENATE, ["M. le président.", "M. Paul Renard.", "M. Louis Garnier.", "M. Paul Renard."]),
    (LETTER_SPACED, ["П р е д с е д а т е л ь.", "О р л о в.", "П р е д с е д а т е л ь.", "О р л о в."]),
    (GLUED_HONORIFICS, ["Mr.Lund.", "Mr.Okafor.", "Mr.Lund.", "Mr.Okafor."]),
])
def test_labels_of_french_records_letter_spacing_and_glued_honorifics(tmp_path, text, labels):
    """French interviews close a label with ".-"; the Sénat prints "M. le président." and
    one-off "M. X." labels; Russian print letter-spaces names for emphasis; a copied book
    glues the honorific to the name ("Mr.Ruby.")."""
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == labels
    assert_round_trip(result, text)


def test_a_speaker_s_paper_after_a_comma_is_not_a_second_speaker(tmp_path):
    """"Agnieszka Waś-Turecka, INTERIA.PL:" names the interviewer and her paper;
    "Smith, Jones:" names two persons and is no label of Smith."""
    from tei_edition.ingest.speakers import LabelReader
    from tei_edition.rules import Rules
    reader = LabelReader(Rules())
    found = reader.match("Anna Lis, RADIO.PL: Czy pamięta pan ten dzień?")
    assert (found.name, found.label) == ("Anna Lis", "Anna Lis, RADIO.PL:")
    assert reader.match("Smith, Jones: we both agree.") is None


SUBJECT_AS_TITLE = """Télécharger le .pdf

SUBJECT: Telcon with the Prime Minister of Ruritania (U)

PARTICIPANTS: The President
Prime Minister Lund

The President: Hello? (U)

Prime Minister Lund: Hello Bill. How are you? (U)
"""


def test_a_memo_without_a_heading_is_titled_by_its_subject_and_a_download_link_is_furniture(tmp_path):
    """Telephone memos released without their heading say what they are about in the
    SUBJECT field: that is the title (its portion mark dropped), said so. A page's
    "Télécharger le .pdf" is a link, never the title."""
    result, _ = convert(tmp_path, SUBJECT_AS_TITLE)
    assert result.document.title == "Telcon with the Prime Minister of Ruritania"
    assert any("title read from the subject field" in m for _, _, m in result.document.warnings)
    assert any("Télécharger" in text for _, text, _ in result.document.dropped)


PRESS_BRIEFING = """For Immediate Release March 18, 1999
                            PRESS BRIEFING
                             BY THE PRESS SECRETARY

1:15 P.M. EST

MR. LUND: Good afternoon, everyone. One quick announcement about tomorrow.

Q Is that your announcement?

MR. LUND: That's my announcement.

Q Will the President speak about the harbour today?

MR. LUND: He will, at four.
"""

FIELDS_OF_AN_INTERVIEW = """Oral History Project

Interviewee: Kari Lund
Interviewer: Ben Okafor
Videographer: John Bishop

Ben Okafor: Tell me about the winter the channel froze.

Kari Lund: We walked across to the island school that year.

Ben Okafor: Every day?

Kari Lund: Every day, for six weeks.
"""


def test_a_press_briefing_s_bare_q_and_its_release_date(tmp_path):
    """White House transcripts print a bare "Q" before each question and date the
    release "For Immediate Release March 18, 1999": the date is the document's, not
    an archive's release stamp."""
    result, tree = convert(tmp_path, PRESS_BRIEFING)
    assert printed_labels(tree) == ["MR. LUND:", "Q", "MR. LUND:", "Q", "MR. LUND:"]
    assert (result.document.meeting_date or result.document.doc_date).iso == "1999-03-18"
    assert_round_trip(result, PRESS_BRIEFING)


def test_fields_naming_who_held_a_part_are_no_turns(tmp_path):
    result, tree = convert(tmp_path, FIELDS_OF_AN_INTERVIEW)
    assert printed_labels(tree) == ["Ben Okafor:", "Kari Lund:", "Ben Okafor:", "Kari Lund:"]
    assert_round_trip(result, FIELDS_OF_AN_INTERVIEW)


def test_a_name_and_verb_after_a_hard_line_break_is_no_turn(tmp_path):
    """A briefing copied with hard line breaks and no blank lines: "… with a call to the" /
    "President expressed his hopes …" goes on a sentence; it is no reported-speech turn."""
    text = ("The White House President George Lund\n\nPress Briefing\n"
            "MR. OKAFOR: The President this morning began his day with a call to the\n"
            "President of Ruritania. The President expressed his hopes for the harbour\n"
            "President expressed his thanks to the workers who built it.\n"
            "Q Will he visit the harbour?\n"
            "MR. OKAFOR: He will, next week.\n"
            "Q And the island?\n"
            "MR. OKAFOR: Not this year.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["MR. OKAFOR:", "Q", "MR. OKAFOR:", "Q", "MR. OKAFOR:"]
    assert_round_trip(result, text)


def test_a_label_taken_back_leaves_no_warning_that_it_was_read_and_a_line_number_leads(tmp_path):
    """A one-off label in capitals that a record of colon labels takes back is reported
    once, as kept as text, not also as read; a transcript's line number before a label
    belongs to the label ("4 MR. CHILK: …")."""
    text = ("Meeting of the Harbour Board\n\nCHAIRMAN LUND: We will begin.\n\n"
            "MR. OKAFOR: The first item is the dredging contract.\n\n"
            "CHAIRMAN LUND: Go on.\n\nRICHARDT. The minutes are approved.\n\n"
            "4 MR. OKAFOR: The second item is the ferry.\n")
    result, tree = convert(tmp_path, text)
    messages = [m for line, _, m in result.document.warnings if line == 9]
    assert not [m for m in messages if "read as a speaker label" in m]
    assert printed_labels(tree)[-1] == "4 MR. OKAFOR:"
    assert_round_trip(result, text)


def test_an_answer_alone_on_its_line_labels_no_speech():
    from tei_edition.ingest.speakers import LabelReader
    from tei_edition.rules import Rules
    reader = LabelReader(Rules())
    assert reader.match("Yes.") is None and reader.match("Roger.") is None
    assert reader.match("Mr. Specter.") is not None


def test_a_briefings_one_question_is_a_turn(tmp_path):
    """A press briefing where a reporter asks once: "QUESTION:" (or a bare "Q") among
    the spokesman's labelled turns is the interviewer's turn, and reported."""
    text = ("Daily Press Briefing\n\nMR. HALVORSEN: Good afternoon. I have one announcement.\n\n"
            "QUESTION: Can you say when the envoy leaves for the talks?\n\n"
            "MR. HALVORSEN: Not today. I expect to have that for you next week.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["MR. HALVORSEN:", "QUESTION:", "MR. HALVORSEN:"]
    assert any("QUESTION" in m and "occurs once" in m for _, _, m in result.document.warnings)
    assert_round_trip(result, text)


def test_a_heading_with_two_dates_names_its_meeting_by_the_day(tmp_path):
    """A digital archive's heading leads with the month the record was filed and ends
    with the day of the meeting: the day is the meeting's date."""
    text = ("August, 1958 From the Diary of P. F. Yudin, Memorandum of Conversation with the "
            "Premier, 2 July 1958\n\nI was received on 2 July by the Premier. We spoke of the "
            "harvest and of the coming visit.\n")
    result, _ = convert(tmp_path, text)
    assert result.document.meeting_date.iso == "1958-07-02"
    assert_round_trip(result, text)


def test_a_note_on_the_heading_set_off_by_a_space_and_its_source_note_s_date(tmp_path):
    """A heading whose note number stands after a space ("… Secretary Hale 1"): the
    note is a note (its source note the citation), the title loses the number, and with
    no date elsewhere the recording's day in the source note dates the conversation."""
    text = ("Telephone Conversation Between President Ward and Secretary Hale 1\n\n"
            "Ward: Did you see the cable from Oslo?\n\nHale: I did. It says less than we hoped.\n\n"
            "Ward: Then we wait.\n\n"
            "  1. Source: Ward Library, Recordings and Transcripts, Recording of Telephone "
            "Conversation Between Ward and Hale, March 3, 1966, 9:12 a.m., Tape F66.02, Side B. "
            "No classification marking.\n")
    result, tree = convert(tmp_path, text)
    doc = result.document
    assert doc.title == "Telephone Conversation Between President Ward and Secretary Hale"
    assert doc.citation.repository == "Ward Library"
    assert doc.meeting_date.iso == "1966-03-03"
    assert any("source note" in m for _, _, m in doc.warnings)
    assert [n.get("n") for n in tree.xpath("//t:note", namespaces=NS)] == ["1"]
    assert_round_trip(result, text)


QUOTED_PARAGRAPHS = """Diario de Sesiones 12, de fecha 03/03/2009

'El señor presidente: Pasamos al siguiente punto del orden del día.'

'La señora Ortega Lamas: Gracias, señor presidente. Seré breve.'

'El señor presidente: Muchas gracias, señora Ortega.'
"""

SEAT_AND_PARTY = """Dáil debates
Tuesday, 4 March 2025
Leaders' Questions
Niamh Keane (Cork North-West, Labour)
Link to this: Individually | In context | Oireachtas source
The Taoiseach has promised a plan for housing and we have yet to see one page of it.
"""

OFFICE_BEFORE_THE_FIRST = """Auszug aus der Fragestunde
Ich rufe die Frage 12 auf.
Vizepräsidentin Greta Lorenz:
Bitte, Frau Kollegin.
Jana Weber (DIE LINKE):
Herr Staatssekretär, wann legt die Regierung den Bericht vor?
Jana Weber (DIE LINKE):
Und wann wird er veröffentlicht?
"""


@pytest.mark.parametrize("text, labels", [
    (QUOTED_PARAGRAPHS, ["'El señor presidente:", "'La señora Ortega Lamas:", "'El señor presidente:"]),
    (SEAT_AND_PARTY, ["Niamh Keane (Cork North-West, Labour)"]),
    (OFFICE_BEFORE_THE_FIRST, ["Vizepräsidentin Greta Lorenz:", "Jana Weber (DIE LINKE):",
                               "Jana Weber (DIE LINKE):"]),
])
def test_parliaments_labels_quoted_with_seat_and_party_or_led_by_an_office(tmp_path, text, labels):
    """Paragraphs printed in quotation marks, a Spanish chair's office in lower case
    after "El señor"; a member alone on a line with seat and party, a site's link line
    below dropped as furniture; a German chair's office and name before the first
    turn."""
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == labels
    assert_round_trip(result, text)


def test_a_radio_transcripts_name_above_a_line_holding_only_a_dash(tmp_path):
    """Russian radio transcripts print the speaker's initial and surname alone on a
    line, then a line with only a dash, then the speech: the name labels the turn, and
    the initial alone ("В.") is no speaker."""
    text = ("Особое мнение - 2021-03-05\nА. Соколов\n―\nДобрый вечер. У нас в гостях "
            "экономист.\nМ. Белова\n―\nЗдравствуйте.\nА. Соколов\n―\nНачнём с бюджета.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["А. Соколов", "М. Белова", "А. Соколов"]
    assert len(turns(tree)) == 2
    assert_round_trip(result, text)


def test_photo_credits_and_catalogue_fields_name_no_speaker(tmp_path):
    """A photo caption's credit ("Фото: …"), printed twice on a web page, is no speaker,
    and does not push aside the record's labels in capitals; nor is a catalogue
    page's "Topics of discussion:" field."""
    caption = ("1 мая 1985 г. Андрей Громыко и Первый секретарь ЦК БКП Тодор Живков. "
               "Фото: Иван Петров, Олег Белов / Фотохроника ТАСС\n\n")
    text = ("Из беседы с Живковым\n\n" + caption + caption +
            "ГРОМЫКО. Рад вас видеть.\n\nЖИВКОВ. Взаимно, товарищ Громыко.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["ГРОМЫКО.", "ЖИВКОВ."]
    assert_round_trip(result, text)
    fields = LabelReader(Rules())
    assert fields.match("TOPICS OF DISCUSSION: None indicated; the call is not urgent.") is None
    assert fields.match("Venue: White House") is None


CAPS_WITH_DIRECTION = """Из беседы с Кадаром

БРЕЖНЕВ (кратко рассказывает о поездке в Берлин). Положение там непростое.

КАДАР. Мы слышали об этом.

БРЕЖНЕВ. Тогда перейдём к делу.
"""

OFFICE_ONCE_IN_CAPITALS = """Transcript of a recording

HALE: The president just feels that we should say nothing until Monday.

PRESIDENT: That's right.

HALE: Then I will tell them so this afternoon.
"""


@pytest.mark.parametrize("text, labels", [
    (CAPS_WITH_DIRECTION, ["БРЕЖНЕВ (кратко рассказывает о поездке в Берлин).", "КАДАР.", "БРЕЖНЕВ."]),
    (OFFICE_ONCE_IN_CAPITALS, ["HALE:", "PRESIDENT:", "HALE:"]),
])
def test_a_stage_direction_before_the_stop_and_an_office_labelling_once(tmp_path, text, labels):
    """A surname in capitals with a stage direction in brackets before its full stop is a
    label; an office in capitals labels a turn once although the text also says "the
    president" in lower case."""
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == labels
    assert_round_trip(result, text)


def test_a_numbered_line_s_label_is_not_cut_from_its_number(tmp_path):
    """An OCR'd hearing whose lines keep their numbers: "4 MR. HALE: Four items. …" is
    the label of a turn led by the line's number, not a line "4" and a label cut off
    from it, which would open no paragraph."""
    text = ("PROCEEDINGS\n\nCHAIRMAN DORN: The session will come to order, let us 3\n\nbegin.\n\n"
            "4 MR. HALE: Four items. The first one deals with 5 SECY 77343. It is a petition by two "
            "companies for a rule on 6 transmission lines.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["CHAIRMAN DORN:", "4 MR. HALE:"]
    assert_round_trip(result, text)


QUESTION_BEFORE_THE_ANSWER = """Gdyby dzisiaj zamknięto granice...
Rozmowa o tym, jak wyglądałby kraj, gdyby z dnia na dzień zamknięto granice i wyłączono łączność z całym światem.
Anna Nowak-Lis, GAZETA.PL: Co zauważylibyśmy najpierw, gdyby stało się to jutro rano?
Prof. Jan Wolski - Pierwsze byłoby wyłączenie telefonów. Potem zamknięto by drogi.
"""

ABBREVIATED_AS = """Record of Conversation

Li Wenhua (to be abbreviated as Li): Welcome to Beijing.

Pak Sun-ho [Pak Sun Ho] (to be abbreviated as Pak): Thank you.

Li: How was the journey?

Pak: Long, but the weather was good.
"""


@pytest.mark.parametrize("text, labels, persons", [
    (QUESTION_BEFORE_THE_ANSWER, ["Anna Nowak-Lis, GAZETA.PL:", "Prof. Jan Wolski -"], 2),
    (ABBREVIATED_AS, ["Li Wenhua (to be abbreviated as Li):", "Pak Sun-ho [Pak Sun Ho] (to be abbreviated as Pak):",
                      "Li:", "Pak:"], 2),
])
def test_a_question_before_the_first_answer_and_a_name_to_be_abbreviated(tmp_path, text, labels, persons):
    """An interview whose two labels each stand once, of two shapes: the question right
    above the first answer opens the record; a label saying how a name will be
    abbreviated ("(to be abbreviated as Li)") makes the short labels the same person's."""
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == labels
    assert len(turns(tree)) == persons
    assert_round_trip(result, text)


OCR_SPECKS = """MEMORANDUM OF TELEPHONE CONVERSATION

The President: Hello? (U)

Prime Minister Reid: Good morning. (U)

The Pr.esident: Well, I will tell you what I heard this morning. (U)

·The President: He works for the Council, not for us. (U)

Prime Minister Reid: I understand. (U)
"""

SUPPLIED_NAMES = """Notepad, 15 May 1989

M.S. [Gorbachev]: You made a correct observation.

Y[ang Shangkun]: Let us close the past.

[Gorbachev]: This visit will mark a new stage.

[Part II]

[Yang Shangkun]: I gladly accept your proposal.
"""


@pytest.mark.parametrize("text, labels, persons", [
    (OCR_SPECKS, ["The President:", "Prime Minister Reid:", "The Pr.esident:", "·The President:",
                  "Prime Minister Reid:"], 2),
    (SUPPLIED_NAMES, ["M.S. [Gorbachev]:", "Y[ang Shangkun]:", "[Gorbachev]:", "[Yang Shangkun]:"], 2),
])
def test_ocr_specks_in_labels_and_names_the_editors_completed(tmp_path, text, labels, persons):
    """OCR specks: a full stop inside a label's word ("The Pr.esident:"), a dot before
    it ("·The President:"); names in the editors' brackets, whole ("[Yang Shangkun]:")
    or completing an initial ("Y[ang Shangkun]:"), one person either way; "[Part II]"
    alone on its line is an editor's note."""
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == labels
    assert len(turns(tree)) == persons
    assert_round_trip(result, text)


def test_a_sites_way_back_topics_account_and_who_examines_are_no_speakers(tmp_path):
    """Web furniture ("Return to Transcripts main page", "Subscribe to … here.") is
    dropped and never the title; a page's "Themen:" and "Konto:" lines and a court
    reporter's "BY MR. HALE:" name no speaker; "BY:" alone may still be initials."""
    text = ("Return to Transcripts main page\n\nPress Conference of 6 December 2021\n\n"
            "Themen: Haushalt, Impfpflicht\n\nSTS KLEIN: Guten Tag, meine Damen und Herren.\n\n"
            "FRAGE WEBER: Gibt es einen Termin?\n\nSTS KLEIN: Noch nicht.\n\n"
            "Subscribe to the Press Podcast here.\n\nKonto: Beispielbank, IBAN DE00 1234\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["STS KLEIN:", "FRAGE WEBER:", "STS KLEIN:"]
    assert result.document.title == "Press Conference of 6 December 2021"
    assert_round_trip(result, text)
    reader = LabelReader(Rules())
    assert reader.match("BY MR. HALE: Q. Where were you that night?") is None
    assert reader.match("BY: When did your family come to Seattle?").name == "BY"


def test_office_labels_without_separator_in_a_flattened_ocr_memorandum(tmp_path):
    """An OCR'd memorandum of conversation flattened into one line with its
    punctuation lost: "The President Helmut it is …", "Chancellor Reiter Thank you …"
    open turns where each form stands twice; a header's "President Anna Reiter" is no
    label, and prose with its punctuation is never cut so."""
    text = ("MEMORANDUM OF CONVERSATION PARTICIPANTS The President Chancellor Anna Reiter "
            "DATE TIME AND PLACE March 3 1992 Camp David The President Anna it is a pleasure to "
            "have you here We could start with trade if you like Chancellor Reiter Thank you for "
            "this hospitality We appreciate this quiet talk in these turbulent times U The "
            "President I think the slow economy is the big problem U Chancellor Reiter We have "
            "the same phenomenon in Europe and I think the elections will be close this spring\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["The President", "Chancellor Reiter", "The President",
                                    "Chancellor Reiter"]
    assert any("no punctuation before them" in m for _, _, m in result.document.warnings)
    assert_round_trip(result, text)
    prose = ("Record of the meeting\n\nDr. Kissinger and his delegation went back to the Guest "
             "House. Prime Minister Chou En-lai stayed behind with the Chairman, and they spoke "
             "for an hour. Later Prime Minister Chou Went to see them again, as he had promised, "
             "and Prime Minister Chou Said that the talks had gone well, which all agreed.\n")
    result, tree = convert(tmp_path, prose, "prose.txt")
    assert printed_labels(tree) == []


def test_a_label_cut_from_a_flattened_transcript_after_a_line_number(tmp_path):
    """A hearing's text layer flattened with its line numbers glued to the words
    ("… yes.9 MR HALE: My Lord, …"): the label cut there opens a turn although the
    piece before it ends with a number; a court record's "APPEARANCES OF COUNSEL:" and
    "For Plaintiff:" name no speaker."""
    text = ("1 APPEARANCES OF COUNSEL: 2 For Plaintiff: THOMAS DORN, District Attorney 3 "
            "(2.00 pm)4 LORD DALE: We will begin again now, I think, Mr Hale, if you are ready.5 "
            "MR HALE: I am, my Lord. I was unfair earlier in6 something I said about the "
            "solicitor before the adjournment.7 LORD DALE: Thank you, Mr Hale, that is noted for"
            "8 the record and we can go on with the witness.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["LORD DALE:", "MR HALE:", "LORD DALE:"]
    assert_round_trip(result, text)


def test_a_dialogue_of_first_names_alone_above_each_speech(tmp_path):
    """A foundation's transcript of a children's programme prints each speaker's first
    name alone on its line above the speech ("Lena", "P.M"): two names standing so at
    least twice each make the layout a dialogue, and the name of the person the page
    is about, alone at its head, is no speaker."""
    text = ("Speeches and interviews\n\nAnna Kerr\n\nRadio interview for a school programme\n\n"
            "Venue: the minister's office\n\n"
            "Lena\n\nDid you always want to go into politics?\n\n"
            "P.M\n\nNo, not at all. I wanted to be a chemist, and I was one for years.\n\n"
            "Lena\n\nWhat made you change your mind?\n\n"
            "P.M\n\nA by-election in my own town, and a friend who would not take no for an answer.\n\n"
            "Tomas\n\nDo you ever get tired of the travelling?\n\n"
            "P.M\n\nOften. But the trains are good for reading.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Lena", "P.M", "Lena", "P.M", "P.M"]
    assert_round_trip(result, text)
    # one name above one speech is not yet a dialogue
    single = "Notes\n\nLena\n\nDid you always want to go into politics? She asked me that.\n"
    result, tree = convert(tmp_path, single, "single.txt")
    assert printed_labels(tree) == []


def test_initials_name_the_speakers_labelled_in_full_before_them(tmp_path):
    """A newspaper prints each speaker's name in full once, then initials with stops
    ("J.E.:"), and a taped call names its senator in full only in the heading: the
    initials are the same persons, not new ones. The two full labels, each standing
    once, open the record one above the other: both are read."""
    text = ("Interview on the evening programme\n\n"
            "LUCIA MARTÍN: Good evening, and thank you for coming.\n\n"
            "ERNESTO VIDAL: It is a pleasure to be here.\n\n"
            "L.M.: Shall we begin with the budget?\n\n"
            "E.V.: By all means. The budget is the heart of it.\n\n"
            "L.M.: Then tell me why it was late.\n\n"
            "E.V.: Because the numbers changed twice.\n")
    result, tree = convert(tmp_path, text)
    assert labels_by_person(tree) == {"#lucia-martin": {"LUCIA MARTÍN:", "L.M.:"},
                                      "#ernesto-vidal": {"ERNESTO VIDAL:", "E.V.:"}}
    assert_round_trip(result, text)
    call = ("Telephone conversation between the Governor and Senator Walter Harding.\n"
            "March 3, 1964 9:10 p.m.\n\n"
            "Governor Lowe: Walter?\n\nSenator Harding: Yes, Governor.\n\n"
            "GL: I wanted you to hear it from me first.\n\nWH: Hear what?\n\n"
            "GL: The bridge bill passed this evening.\n\nWH: Well, that is news.\n")
    result, tree = convert(tmp_path, call, "call.txt")
    assert labels_by_person(tree)["#harding"] == {"Senator Harding:", "WH:"}
    assert_round_trip(result, call)


def test_a_japanese_assembly_record_marks_each_speaker_with_a_circle(tmp_path):
    """Japanese assembly minutes open each speech with a circle, the speaker's name
    and office, and a space ("○山田委員長 …"): each is a turn, even the chair's one
    speech; a circle before a plain list item is no label."""
    text = ("委員会速記録第三号\n\n令和二年五月十日(水曜日)\n\n"
            "○山田委員長 ただいまから委員会を開会いたします。\n\n"
            "○佐藤理事 議事の進め方について申し上げます。\n\n"
            "○ Item one of the agenda\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["○山田委員長", "○佐藤理事"]
    assert_round_trip(result, text)


def test_a_numbered_question_to_a_minister_and_a_hearings_headings(tmp_path):
    """A parliament's oral questions print the member, the party and whom the question
    is put to before the colon ("1. MARA TENNANT (Labour) to the Minister of Health
    :"); a hearing's "TESTIMONY OF …" heading above the witness is no speaker; nor is
    a country's name alone above a catalogue's fields ("Reference Code: …",
    "Creator(s): …", "Copyright: …")."""
    text = ("Questions for Oral Answer\n\n"
            "1. MARA TENNANT (Labour) to the Minister of Health : Does she stand by her "
            "statement on waiting lists?\n\n"
            "Hon ELSIE BRANT (Minister of Health): Yes, I do.\n\n"
            "Mara Tennant : Why then have the lists grown?\n\n"
            "Hon ELSIE BRANT: They have not; they have shortened.\n")
    result, tree = convert(tmp_path, text)
    assert [label.split("(")[0].strip(" :") for label in printed_labels(tree)] == [
        "MARA TENNANT", "Hon ELSIE BRANT", "Mara Tennant", "Hon ELSIE BRANT"]
    assert len(turns(tree)) == 2
    assert_round_trip(result, text)
    hearing = ("Mr. PRICE. Mr. Dorn, would you like to make any comments?\n\n"
               "TESTIMONY OF CONGRESSMAN WALTER A. DORN\n\n"
               "Mr. DORN. Mr. Chairman, I thank you for this chance to speak.\n\n"
               "Mr. PRICE. Thank you, Mr. Dorn.\n")
    result, tree = convert(tmp_path, hearing, "hearing.txt")
    assert printed_labels(tree) == ["Mr. PRICE.", "Mr. DORN.", "Mr. PRICE."]
    catalogue = ("NATIONAL ARCHIVES\n\nNORWAY\n\nReference Code: 2011/14/220\n\n"
                 "Creator(s): Department of the Prime Minister Access Conditions: Open\n\n"
                 "Copyright: National Archives. May only be reproduced with permission.\n\n"
                 "Meeting in Oslo with British officials, 3 May 1981.\n\n"
                 "1. The meeting took place in the ministry and lasted two hours.\n")
    result, tree = convert(tmp_path, catalogue, "catalogue.txt")
    assert printed_labels(tree) == []
    assert_round_trip(result, catalogue)


def test_an_office_alone_above_its_speeches_and_a_list_of_names(tmp_path):
    """A committee's record prints the office alone above each speech ("Clerk to the
    Committee"): two such turns make it a speaker, the body it serves ("Committee")
    notwithstanding. A participants list, one name or office a line, has no speech
    below its names."""
    text = ("Business of Committee\n\nClerk to the Committee\n\n"
            "We are in public session. As the Chairman is unable to attend, I am taking the chair.\n\n"
            "The first item is the election of a temporary chairman.\n\n"
            "I propose Deputy Anne Rourke.\n\nClerk to the Committee\n\n"
            "As there are no other nominations I declare Deputy Rourke temporary chairman.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Clerk to the Committee", "Clerk to the Committee"]
    assert_round_trip(result, text)
    listing = ("Memorandum of Conversation\n\nPARTICIPANTS\n\nChairman Volkov\n"
               "Foreign Minister Dorin\nAmbassador Lind, Ambassador to Sweden\n\n"
               "The Secretary\nMr. Hale, Interpreter\n\nChairman Volkov\n"
               "Mr. Orlov, Interpreter, Ministry of Foreign Affairs\n\n"
               "The Chairman opened the meeting by welcoming the Secretary to Vienna.\n")
    result, tree = convert(tmp_path, listing, "listing.txt")
    assert printed_labels(tree) == []


def test_a_content_systems_edit_note_is_furniture(tmp_path):
    """A university repository's page opens with who last edited it and when ("admin",
    "Thu, 08/21/2025 - 19:16", "Edited Text"): no title, no date of the interview,
    which the transcript's own heading gives."""
    text = ("admin\nThu, 08/21/2025 - 19:16\nEdited Text\nCOLLEGE ORAL HISTORY\n"
            "INTERVIEWEE:\n\nMRS. ANNA BELL\n\n14 MAY 1992\n\n"
            "Q: How did you come to the college?\n\nA: By train, in 1958.\n")
    result, tree = convert(tmp_path, text)
    assert result.document.title != "Edited Text"
    dates = [d.iso for d in (result.document.meeting_date, result.document.doc_date) if d]
    assert dates and dates[0] == "1992-05-14"
    assert_round_trip(result, text)


def test_short_labels_are_the_speakers_whose_labels_they_abbreviate(tmp_path):
    """A tape transcript writes "PRESIDENT:" once and "P:" after; a newspaper
    "Pregunta." once and "P." after; an oral history tells two Rosenbergs apart by
    "JoR:" and "JeR:". Each short label is the speaker it abbreviates, and a person
    with another first name is not the same person for sharing a surname."""
    tape = ("PRESIDENT: Did you call him?\n\nHALLORAN: I did, this morning.\n\n"
            "P: And what did he say?\n\nH: That he would think about it.\n\n"
            "P: Well, he had better think fast.\n\nH: I told him so.\n")
    result, tree = convert(tmp_path, tape)
    assert labels_by_person(tree) == {"#president": {"PRESIDENT:", "P:"},
                                      "#halloran": {"HALLORAN:", "H:"}}
    assert_round_trip(result, tape)
    paper = ("Entrevista\n\nPregunta. ¿Por qué volvió a la política?\n\n"
             "Respuesta. Porque me lo pidieron.\n\nP. ¿Quién se lo pidió?\n\n"
             "R. Mis compañeros.\n\nP. ¿Y usted aceptó enseguida?\n\nR. No, tardé un mes.\n")
    result, tree = convert(tmp_path, paper, "paper.txt")
    assert {who: labels for who, labels in labels_by_person(tree).items()} == {
        "#interviewer": {"Pregunta.", "P."}, "#respondent": {"Respuesta.", "R."}}
    oral = ("Oral history interview\n\nDavid Kline: Where did you two meet?\n\n"
            "Jean Rosenberg: At a meeting in 1962.\n\nJohn Rosenberg: In Chicago.\n\n"
            "DK: And then?\n\nJeR: Then we married.\n\nJoR: A year later.\n\n"
            "JeR: In the spring.\n\nJoR: It rained.\n")
    result, tree = convert(tmp_path, oral, "oral.txt")
    found = labels_by_person(tree)
    assert found["#jean-rosenberg"] == {"Jean Rosenberg:", "JeR:"}
    assert found["#john-rosenberg"] == {"John Rosenberg:", "JoR:"}


def test_a_flattened_inquiry_transcript_with_questions_and_answers(tmp_path):
    """An inquiry's transcript flattened into one line with its line numbers: the
    counsel's and the chair's labels, then "Q." and "A." after the numbers, each a
    turn; "Questioned by MR HOLT" says whose the questions are; the witness named with
    the oath ("(sworn)") is no turn."""
    text = ("1 Tuesday, 4 March 2025 2 (10.00 am) 3 MR HOLT: Good morning, sir. 4 SIR ANN "
            "REEVE: Good morning. 5 MR HOLT: We hear Mr Carter today. 6 PETER JOHN CARTER "
            "(sworn) 7 Questioned by MR HOLT 8 MR HOLT: Could you state your full name? "
            "9 A. Peter John Carter. 10 Q. Thank you. You made one statement to the 11 "
            "Inquiry. Do you have it? 12 A. Yes, I have it. 13 Q. Is that your signature? "
            "14 A. It is. 15 Q. Then let us begin with your first year at the depot.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["MR HOLT:", "SIR ANN REEVE:", "MR HOLT:", "MR HOLT:",
                                    "A.", "Q.", "A.", "Q.", "A.", "Q."]
    assert labels_by_person(tree)["#holt"] == {"MR HOLT:", "Q."}
    assert_round_trip(result, text)
    oath = ("Mr Dane: May I call Ruth Ames, please.\n\nRuth Ames\n\nRUTH MARY AMES (affirmed).\n\n"
            "Questioned by Mr Dane\n\nMr Dane: Please give your full name.\n\n"
            "Ruth Ames: Ruth Mary Ames.\n\nMr Dane: Thank you.\n")
    result, tree = convert(tmp_path, oath, "oath.txt")
    assert printed_labels(tree) == ["Mr Dane:", "Mr Dane:", "Ruth Ames:", "Mr Dane:"]


def test_parliaments_and_interviews_of_other_languages(tmp_path):
    """Forms from other parliaments and scripts: a Norwegian member's party and a lost
    link's empty brackets ("Name (Sp) []:"); a Brazilian senator's long bracket and a
    dash ("O SR. PRESIDENTE (…) -"); Turkish labels with a dash run into one paragraph
    ("… arkadaşlar. BAŞKAN - …"); an Arabic interview whose names are long words, a
    question ending in "؟", and a line that only introduces the next label."""
    norwegian = ("Presidenten: Representanten Kari Lunde Berg vil fremsette et forslag.\n\n"
                 "Kari Lunde Berg (Sp) []: Jeg vil legge fram et forslag om jernbanen.\n\n"
                 "Presidenten: Forslaget vil bli behandlet.\n")
    result, tree = convert(tmp_path, norwegian, "no.txt")
    assert printed_labels(tree) == ["Presidenten:", "Kari Lunde Berg (Sp) []:", "Presidenten:"]
    brazil = ("O SR. PRESIDENTE (Paulo Lima. Bloco Parlamentar da Resistência Democrática/PT - PE. "
              "Fala da Presidência.) - Bom dia a todos.\n\n"
              "O SR. JOSÉ MOURA (Bloco Parlamentar Vanguarda/PL - RN. Pela ordem.) - Senhor "
              "Presidente, peço a palavra.\n\n"
              "O SR. PRESIDENTE (Paulo Lima. Bloco Parlamentar da Resistência Democrática/PT - PE) "
              "- Tem a palavra.\n")
    result, tree = convert(tmp_path, brazil, "br.txt")
    assert len(printed_labels(tree)) == 3
    assert_round_trip(result, brazil)
    turkish = ("Oylama devam ediyor.\n"
               "AHMET KAYA (Bursa) - Sayın Başkan, kabinler boş. BAŞKAN - Sayın milletvekilleri, "
               "lütfen kabinleri işgal etmeyelim. AHMET KAYA (Bursa) - Bekliyoruz efendim. "
               "SELİN ORAL (İzmir) - Düşünerek oy kullanıyoruz. BAŞKAN - Teşekkür ederim.\n")
    result, tree = convert(tmp_path, turkish, "tr.txt")
    assert [label.split(" (")[0].rstrip(" -") for label in printed_labels(tree)] == [
        "AHMET KAYA", "BAŞKAN", "AHMET KAYA", "SELİN ORAL", "BAŞKAN"]
    assert_round_trip(result, turkish)
    arabic = ("من موقع القناة:\n\n"
              "عبدالرحمن السيلاوي: سيادة الرئيس، هل تفكر في الاستمرار؟\n"
              "الرئيس المحترم: الحكم مسؤولية صعبة جداً.\n")
    result, tree = convert(tmp_path, arabic, "ar.txt")
    assert printed_labels(tree) == ["عبدالرحمن السيلاوي:", "الرئيس المحترم:"]
    assert_round_trip(result, arabic)


def test_an_earnings_calls_lists_of_executives_and_analysts(tmp_path):
    """An earnings call's transcript lists "Executives" and "Analysts", one "Name –
    Role" a line between blank lines: participants in two groups, none of them a turn;
    the host's name alone above the speech opens his turn."""
    text = ("Q4 2010 Earnings Call Transcript\n\nExecutives\n\nAnna Weir – VP, Investor Relations\n\n"
            "Tom Hale – Chairman & CEO\n\nAnalysts\n\nRaj Patel – Northbank\n\nLena Ruiz – Coast Capital\n\n"
            "Operator\n\nGood day, and welcome to the call. I would now like to turn the call over "
            "to your host, Ms. Anna Weir.\n\nAnna Weir\n\nThank you, and good morning, everyone.\n")
    result, tree = convert(tmp_path, text)
    groups = tree.xpath("//t:particDesc/t:listPerson", namespaces=NS)
    assert [len(g.xpath("t:person", namespaces=NS)) for g in groups][:2] == [2, 2]
    assert groups[1].xpath("string(t:head)", namespaces=NS) == "Analysts"
    assert printed_labels(tree) == ["Anna Weir"]
    assert_round_trip(result, text)


def test_a_courts_printed_proceedings_with_sworn_witnesses(tmp_path):
    """Printed proceedings of a criminal court give each witness's evidence after
    "NAME sworn. -", and join each answer to its question with a dash ("Q. …? - A.
    …"): each is a turn, and the answers are the witness's last sworn."""
    text = ("412. JOHN WELLS was indicted for stealing two silver spoons, the property of "
            "Mary Dent.\n\n"
            "MARY DENT sworn. - I keep a house in Fleet-street; the prisoner lodged with me a "
            "month, and the spoons were missing the day he left.\n\n"
            "Q. When did you miss them? - A. On the Monday morning.\n\n"
            "Q. Had anyone else been in the room? - A. Nobody.\n\n"
            "GEORGE HALE sworn. - I am a pawnbroker; the prisoner pledged two spoons with me.\n\n"
            "Q. Are you sure of the man? - A. I am.\n")
    result, tree = convert(tmp_path, text)
    found = labels_by_person(tree)
    assert found["#mary-dent"] == {"MARY DENT sworn. -", "A."}
    assert found["#george-hale"] == {"GEORGE HALE sworn. -", "A."}
    assert len(turns(tree)) == 3 and sum(turns(tree).values()) == 8
    assert_round_trip(result, text)


def test_supplied_first_names_reporters_and_a_short_label_beside_its_namesake(tmp_path):
    """A hearing's editors supply first names and an office in brackets ("[ROBERT E.]
    STRIPLING [CHIEF INVESTIGATOR]:"), then use initials ("RES:"); a press conference
    names each reporter with the paper ("Q. Ann Lee, Daily Star:"); a government's
    interview writes "P.-" for the interviewer beside "Presidente.-": P is not the
    president, whose turns it answers."""
    hearing = ("[JOHN A.] MARLOW [CHIEF INVESTIGATOR]: Will you state your name?\n\n"
               "WALTER KENT: Walter Kent.\n\n[H. B.] LAMB: How long have you been in business?\n\n"
               "WK: Since 1920.\n\nJAM: And where?\n\nWK: In Chicago.\n\nHBL: Thank you.\n")
    result, tree = convert(tmp_path, hearing, "hearing.txt")
    found = labels_by_person(tree)
    assert found["#marlow"] == {"[JOHN A.] MARLOW [CHIEF INVESTIGATOR]:", "JAM:"}
    assert found["#lamb"] == {"[H. B.] LAMB:", "HBL:"}
    press = ("THE PRESIDENT. Good morning. Please sit down.\n\n"
             "Q. Ann Lee, Daily Star: Mr. President, will you run again?\n\n"
             "THE PRESIDENT. I have not decided.\n\n"
             "Q. Tom Ruiz, Evening Post: When will you decide?\n\nTHE PRESIDENT. Soon.\n")
    result, tree = convert(tmp_path, press, "press.txt")
    assert turns(tree) == {"#the-president": 3, "#ann-lee": 1, "#tom-ruiz": 1}
    spanish = ("Entrevista\n\nMarta Ruiz.- Buenas noches desde el palacio.\n\n"
               "Presidente.- Buenas noches.\n\nP.- ¿Habrá elecciones?\n\n"
               "Presidente.- No lo descarto.\n\nP.- ¿Cuándo?\n\nPresidente.- Pronto.\n")
    result, tree = convert(tmp_path, spanish, "es.txt")
    found = labels_by_person(tree)
    assert "P.-" not in found.get("#presidente", set())


def test_chinese_record_fields_and_russian_radio_labels_run_together(tmp_path):
    """A Chinese translation's header fields ("参加会谈人士:", "日期及时间:") are no
    speakers beside one-character labels ("毛:"); a Russian radio transcript run into
    one paragraph opens a turn at each "Ю. ШАРАНДИН –" after a finished sentence."""
    chinese = ("毛泽东尼克松会谈\n\n参加会谈人士:毛主席,尼克松总统\n\n地点:毛主席寓所\n\n"
               "尼:主席先生,很高兴见到您。\n\n毛:欢迎你们。\n\n尼:我们读过主席的诗词。\n\n毛:那些都不算什么。\n")
    result, tree = convert(tmp_path, chinese, "zh.txt")
    assert printed_labels(tree) == ["尼:", "毛:", "尼:", "毛:"]
    assert_round_trip(result, chinese)
    radio = ("В прямом эфире радиостанции.\nК. ЛАРИНА – Добрый вечер, в студии Ксения Ларина. "
             "Здравствуйте, Юрий. Ю. ШАРАНДИН – Добрый день. К. ЛАРИНА – У нас много вопросов. "
             "Начнём? Ю. ШАРАНДИН – Давайте.\n")
    result, tree = convert(tmp_path, radio, "ru.txt")
    assert [label.rstrip(" –") for label in printed_labels(tree)] == [
        "К. ЛАРИНА", "Ю. ШАРАНДИН", "К. ЛАРИНА", "Ю. ШАРАНДИН"]
    assert_round_trip(result, radio)


def test_the_line_below_a_name_alone_is_that_speakers(tmp_path):
    """An open-parliament site prints each member's name alone, then the member's
    list or group with a dash and the role ("NOVA LISTA - Za bolji grad | Predsedava"),
    then the speech: the group line belongs to the name above, and is no label."""
    text = ("Stenografske beleške\n\nJelena Marić\n\nNOVA LISTA - Za bolji grad | Predsedava\n"
            "Molim vas da se vratimo dnevnom redu.\n\nPetar Ilić\n\nZELENI - Zajedno za promene | Poslanik\n"
            "Tražim reč po Poslovniku.\n\nJelena Marić\n\nNOVA LISTA - Za bolji grad | Predsedava\n"
            "Izvolite, imate dva minuta.\n\nPetar Ilić\n\nZELENI - Zajedno za promene | Poslanik\nHvala.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Jelena Marić", "Petar Ilić", "Jelena Marić", "Petar Ilić"]
    assert_round_trip(result, text)


def test_a_bulleted_list_of_names_above_the_record_is_no_turn(tmp_path):
    """FRUS prints the participants of a call as bullets under the heading ("- President
    Ford" / "- Prime Minister Rabin"): the last name is no label, although a sentence
    follows it; where every line is bulleted, a name alone is still a label."""
    text = ("210. Transcript of a Telephone Conversation Between President Ford and Prime "
            "Minister Rabin\n- President Ford\n- Prime Minister Rabin\nExchange of greetings.\n"
            "President Ford: We are ready to announce it at noon.\nRabin: Good.\n"
            "President Ford: Will you come on Sunday?\nRabin: Yes, on Sunday.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["President Ford:", "Rabin:", "President Ford:", "Rabin:"]
    assert_round_trip(result, text)
    bulleted = ("- A conversation in the Oval Office.\n- SEGMENT ONE\n- NIXON\n- Bob, how are you?\n"
                "- HALDEMAN\n- Fine, thank you.\n- NIXON\n- Good.\n")
    result, tree = convert(tmp_path, bulleted, "bulleted.txt")
    assert [label.strip("- ") for label in printed_labels(tree)] == ["NIXON", "HALDEMAN", "NIXON"]


def test_a_portrait_and_links_around_a_members_name(tmp_path):
    """A parliament's web page, copied as text, sets the portrait's text before the
    member's name and the links after it ("Photo of Ann LeeAnn Lee (Speaker) Share this
    | | Source"): the line is the member's label, the member is named without them; a
    portrait that names a person is evidence enough, even for a member speaking once."""
    text = ("House debates\n\nMonday, 2 March 2009\n\n"
            "Photo of Tom ReddTom Redd (Eastwood, Labour Party) Share this | | Hansard source\n\n"
            "Mr Speaker, I rise on a point of order about the list.\n\n"
            "Photo of Ann LeeAnn Lee (Speaker) Share this | | Hansard source\n\n"
            "The member will resume his seat.\n\n"
            "Photo of Tom ReddTom Redd (Eastwood, Labour Party) Share this | | Hansard source\n\n"
            "I will, but the point stands.\n\n"
            "Photo of Ann LeeAnn Lee (Speaker) Share this | | Hansard source\n\n"
            "It is noted.\n")
    result, tree = convert(tmp_path, text)
    assert len(printed_labels(tree)) == 4
    names = sorted(tree.xpath("//t:listPerson/t:person/t:persName/text()", namespaces=NS))
    assert names == ["Ann Lee", "Tom Redd"]
    assert_round_trip(result, text)
    # Another site: the name once more after a space, then the office or party and the
    # time; each member speaks once.
    once = ("Motion on the Budget\n\nPhoto of Ann Lee Ann Lee Speaker 11:45, 4 October 2016\n\n"
            "The Business Committee has agreed to one hour for the debate.\n\n"
            "Photo of Tom Redd Tom Redd Labour\n\nI beg to move the motion.\n\n"
            "Photo of the harbour the harbour at dawn\n\nIt was a fine morning.\n")
    result, tree = convert(tmp_path, once, "once.txt")
    assert len(printed_labels(tree)) == 2
    assert sorted(tree.xpath("//t:listPerson/t:person/t:persName/text()", namespaces=NS)) == [
        "Ann Lee", "Tom Redd"]
    assert_round_trip(result, once)


def test_latin_american_chambers_labels(tmp_path):
    """Mexico's chamber names the office, in lower case the member's title, then the
    name ("La Presidenta diputada Ana Ruiz Soto:"); Argentina's closes a label with a
    stop, a space and a dash glued to the speech ("Sr. Paz (J. L.). -Señora …")."""
    mexico = ("Versión estenográfica de la sesión ordinaria del jueves 5 de marzo de 2009\n"
              "La Presidenta diputada Ana Ruiz Soto: Pido a la Secretaría el cómputo.\n"
              "La Secretaria diputada María del Pilar Gómez Vera: Hay quórum, Presidenta.\n"
              "La Presidenta diputada Ana Ruiz Soto (11:05 horas): Se abre la sesión.\n"
              "El diputado Luis Mora Paz (desde la curul): Presidenta.\n"
              "La Presidenta diputada Ana Ruiz Soto: Adelante, diputado.\n")
    result, tree = convert(tmp_path, mexico, "mx.txt")
    assert len(printed_labels(tree)) == 5
    assert len(turns(tree)) == 3
    assert_round_trip(result, mexico)
    argentina = ("Sra. Presidenta (Luna). -Tiene la palabra el señor diputado Paz.\n"
                 "Sr. Paz (J. L.). -Señora presidenta: pido la votación nominal.\n"
                 "Sra. Presidenta (Luna). -Así se hará.\n"
                 "Sr. Ortiz. -Señora presidenta: una aclaración.\n")
    result, tree = convert(tmp_path, argentina, "ar.txt")
    assert [label.rstrip(" -") for label in printed_labels(tree)] == [
        "Sra. Presidenta (Luna).", "Sr. Paz (J. L.).", "Sra. Presidenta (Luna).", "Sr. Ortiz."]
    assert_round_trip(result, argentina)


def test_the_speaker_of_a_house_and_its_headings_in_capitals(tmp_path):
    """Westminster-style records print "Mr. Speaker:" (a field's word after an
    honorific names the office) below headings in capitals ("PRAYERS", "LEAVE OF
    ABSENCE"); the office speaks once, and the headings are no speakers."""
    text = ("HOUSE OF REPRESENTATIVES\n\nMonday, May 2, 2011\n\nThe House met at 1.30 p.m.\n\n"
            "PRAYERS\n\n[MR. SPEAKER in the Chair]\n\nLEAVE OF ABSENCE\n\n"
            "Mr. Speaker: Hon. Members, the Member for Arima has asked to be excused from "
            "today's sitting. The leave is granted.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Mr. Speaker:"]
    assert_round_trip(result, text)


def test_names_alone_above_their_speeches_in_a_parliament(tmp_path):
    """A stenogram prints each speaker's name alone on the line above the speech, the
    chair's with the office ("Aseesimees Mari Tamm"): the chair speaks often, every
    member once; each member's name is a label, reported."""
    text = ("Stenogramm\n\nNeljapäev, 9. märts 2017\n\n"
            "Aseesimees Mari Tamm\nTere hommikust! Alustame istungit. Sõna on Jaan Kasel.\n\n"
            "Jaan Kask\nAustatud juhataja! Komisjon annab üle eelnõu.\n\n"
            "Aseesimees Mari Tamm\nAitäh! Järgmisena Liis Mets.\n\n"
            "Liis Mets\nHead kolleegid! Fraktsioon annab üle teise eelnõu.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Aseesimees Mari Tamm", "Jaan Kask", "Aseesimees Mari Tamm",
                                    "Liis Mets"]
    assert sum("occurs once" in w[2] for w in result.document.warnings) == 2
    assert_round_trip(result, text)


def test_an_office_to_its_body_and_a_journalist_with_the_outlet(tmp_path):
    """"Clerk to the Assembly:" is an office (not a question put to the Assembly); an
    interviewer is named with the outlet after a dash ("Lan Anh – VOA:"); a
    Vietnamese office stands before the name ("Đại sứ Brown:")."""
    assembly = ("Official Report: Friday 6 May 2022\n\nThe Assembly met at 12:00 pm.\n\n"
                "Notice of First Meeting\n\nClerk to the Assembly: I give notice that the "
                "Assembly will meet today.\n\nUndertaking\n\nMr Speaker: Members, please take "
                "your seats.\n")
    result, tree = convert(tmp_path, assembly, "ni.txt")
    assert printed_labels(tree) == ["Clerk to the Assembly:", "Mr Speaker:"]
    assert_round_trip(result, assembly)
    interview = ("Lan Anh – VOA: Cảm ơn ông đã dành thời gian cho chúng tôi.\n\n"
                 "Đại sứ Brown: Vâng, cảm ơn cô và các thính giả.\n")
    result, tree = convert(tmp_path, interview, "vi.txt")
    assert printed_labels(tree) == ["Lan Anh – VOA:", "Đại sứ Brown:"]
    assert_round_trip(result, interview)


def test_an_initial_a_or_q_before_a_surname_in_capitals(tmp_path):
    """Lithuanian stenograms print an initial and the surname in capitals, the party in
    brackets ("A. KAZLAUSKAS (TS-LKD). Gerbiamas …"): a member, not the answer "A.";
    "A. YES. That …" stays an answer."""
    text = ("Gruodžio 3 d.\n\nL. JONAITIENĖ. Gerbiamieji kolegos, pradedame posėdį.\n\n"
            "PIRMININKĖ. Jūsų nori paklausti A. Kazlauskas.\n\n"
            "A. KAZLAUSKAS (TS-LKD). Ačiū, posėdžio pirmininke. Turiu klausimą.\n\n"
            "PIRMININKĖ. Prašom.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree)[2] == "A. KAZLAUSKAS (TS-LKD)."
    assert_round_trip(result, text)
    reader = LabelReader(Rules())
    assert reader.match("A. YES. That is right.").name == "A"


def test_a_chairs_field_and_a_list_of_members_present_are_no_turns(tmp_path):
    """A committee's page names its chair in a field ("Chairperson: Mr Q Dube (ANC)"),
    and minutes head their lists "MEMBERS PRESENT: MEMBERS ABSENT:": neither speaks."""
    text = ("Committee Inquiry, Day 12\n\nChairperson: Mr Q Dube (ANC)\n\n"
            "Meeting Summary\n\nThe Chairperson shared the concerns of the Committee.\n\n"
            "The Chairperson: I welcome all Members to this meeting.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["The Chairperson:"]
    assert_round_trip(result, text)
    minutes = ("MINUTES\n\nSENATE COMMITTEE ON NATURAL RESOURCES\n\nMEMBERS PRESENT: MEMBERS ABSENT:\n"
               "Senator Ann Lee Senator Tom Redd\n\nThe chair called the meeting to order at "
               "9:00 a.m. The clerk called the roll.\n")
    result, tree = convert(tmp_path, minutes, "minutes.txt")
    assert printed_labels(tree) == []
    assert_round_trip(result, minutes)


def test_a_hungarian_honorific_after_the_name(tmp_path):
    """Hungarian minutes set "elvtárs" (comrade) after the name ("KOVÁCS ISTVÁN
    elvtárs:", "Nagy elvtárs:"): the label names the person without it."""
    text = ("Jegyzőkönyv, 1957. július 9.\n\nKOVÁCS ISTVÁN elvtárs: Tárgyaltunk róla, "
            "és megállapodtunk.\n\nNAGY PÉTER elvtárs: Egyetértek vele.\n\n"
            "KOVÁCS ISTVÁN elvtárs: Akkor ezt elfogadjuk.\n")
    result, tree = convert(tmp_path, text)
    assert len(printed_labels(tree)) == 3
    names = sorted(tree.xpath("//t:listPerson/t:person/t:persName/text()", namespaces=NS))
    assert [n.casefold() for n in names] == ["kovács istván", "nagy péter"]
    assert_round_trip(result, text)


def test_a_delegates_label_inside_a_flattened_un_record(tmp_path):
    """A United Nations verbatim record flattened into one paragraph runs the agenda
    into the first delegate's label ("… and related matters Ms. Lind (Norway): We …"):
    an honorific, a name and a country in brackets before a colon begin a turn."""
    text = ("United Nations General Assembly 51st plenary meeting Monday, 14 November 2005, "
            "10 a.m. New York The meeting was called to order at 10.05 a.m. Agenda item 9 "
            "(continued) Report of the Security Council and related matters Ms. Lind (Norway): "
            "We welcome the report and thank the Council for its work this year. "
            "Mr. Arce (Peru): My delegation shares that view entirely.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Ms. Lind (Norway):", "Mr. Arce (Peru):"]
    assert_round_trip(result, text)


def test_an_office_of_two_words_in_brackets_names_no_person(tmp_path):
    """"El señor ROJAS (Secretario General).-" gives the member's office in brackets, as
    "Rt Hon ANN KEY (Prime Minister):" does: the office is no person named "General" or
    "Minister"; the member is ROJAS, the Prime Minister ANN KEY."""
    text = ("Sesión 12ª, en martes 3 de marzo de 2020\n\n"
            "La señora LUNA (Presidenta).- Se abre la sesión. Tiene la palabra el Secretario.\n\n"
            "El señor ROJAS (Secretario General).- Se han recibido los documentos.\n\n"
            "La señora LUNA (Presidenta).- Muchas gracias.\n\n"
            "El señor ROJAS (Secretario General).- Es todo, señora Presidenta.\n")
    result, tree = convert(tmp_path, text)
    assert sorted(turns(tree)) == ["#luna", "#rojas"]
    assert_round_trip(result, text)
    questions = ("1. TOM REDD (Leader of the Opposition) to the Prime Minister: Does she stand "
                 "by her statements?\n\nRt Hon ANN KEY (Prime Minister): Yes.\n\n"
                 "Tom Redd: Why?\n\nRt Hon ANN KEY: Because they are right.\n")
    result, tree = convert(tmp_path, questions, "nz.txt")
    assert sorted(turns(tree)) == ["#ann-key", "#tom-redd"]


def test_a_bulleted_hansard_page_with_headings_in_capitals(tmp_path):
    """A parliament's site bullets every heading and every member's name, the speech
    indented below ("  • PRAYERS", "  • Mr. Speaker", "    Order!"): a heading above a
    name makes no list of names; the names are labels."""
    text = ("Eye on Parliament\n  • Hansard\n  • The House met at 2.30 p.m.\n  • PRAYERS\n\n"
            "  • Mr. Speaker\n\n    Order, hon. Members! Next Order!\n\n  • PAPERS LAID\n\n"
            "  • The following Paper was laid on the Table.\n\n  • NOTICE OF MOTION\n\n"
            "  • Mary Wanjiru Otieno\n\n    Mr. Speaker, Sir, I beg to give notice of the "
            "following Motion.\n\n  • Mr. Speaker\n\n    Next Order!\n")
    result, tree = convert(tmp_path, text)
    assert [label.strip("• ") for label in printed_labels(tree)] == [
        "Mr. Speaker", "Mary Wanjiru Otieno", "Mr. Speaker"]
    assert_round_trip(result, text)


def test_a_machine_transcripts_numbered_speakers(tmp_path):
    """A machine transcript tells speakers apart by number, the time in brackets
    ("Speaker 1 (00:09):"): two persons, whatever the times; "Speaker:" alone heads a
    field, and "Before:" the bench below it."""
    text = ("Episode Transcript\nSpeaker 1 (00:00):\nGood morning, Prime Minister.\n"
            "Speaker 2 (00:04):\nMorning.\nSpeaker 1 (00:05):\nA big match on Saturday.\n"
            "Speaker 2 (00:09):\nIt was a proper test match.\n")
    result, tree = convert(tmp_path, text)
    assert list(turns(tree).values()) == [2, 2]
    assert_round_trip(result, text)
    assert LabelReader(Rules()).match("Before:") is None


def test_broadcast_labels_in_capitals_with_offices_and_papers(tmp_path):
    """A broadcaster names guests in capitals with their office and employer after
    commas ("NASSER BRAHIM, Senior Planner, Kleinfelder:"), a senator with party and
    state ("SEN. AMY KLOBUCHAR (D), Minnesota:"); the presidency's records give an
    honorific in capitals or the paper in brackets before a stop ("MR. DIMBLEBY.",
    "DAVID DIMBLEBY [BBC]."); a name whose colon the transcriber dropped in some
    paragraphs ("PELLEY You think …") still labels them, reported."""
    news = ("JUDY WOODRUFF: Good evening.\n\nSEN. AMY KLOBUCHAR (D), Minnesota: Forty states "
            "have old machines.\n\nJUDY WOODRUFF: And in Boston, floods.\n\nNASSER BRAHIM, "
            "Senior Planner, Kleinfelder: This will happen every month.\n\nJUDY WOODRUFF: "
            "All that and more tonight.\n")
    result, tree = convert(tmp_path, news, "news.txt")
    assert len(turns(tree)) == 3 and len(printed_labels(tree)) == 5
    assert_round_trip(result, news)
    interview = ("Interview with European journalists\n\nDAVID DIMBLEBY [BBC]. Mr. President, "
                 "what do you expect?\n\nTHE PRESIDENT. Well, a good summit.\n\nMR. DIMBLEBY. "
                 "Will they ask for more?\n\nTHE PRESIDENT. I think not.\n")
    result, tree = convert(tmp_path, interview, "carter.txt")
    assert list(turns(tree).values()) == [2, 2]
    assert_round_trip(result, interview)
    dropped = ("60 Minutes\n\nPELLEY: Mr. Chairman, when does this end?\n\nBERNANKE: It depends "
               "on the banks.\n\nPELLEY You think it ends this year?\n\nBERNANKE In the sense "
               "that the decline slows, yes.\n")
    result, tree = convert(tmp_path, dropped, "dropped.txt")
    assert printed_labels(tree) == ["PELLEY:", "BERNANKE:", "PELLEY", "BERNANKE"]
    assert any("without their colon" in w[2] for w in result.document.warnings)
    assert_round_trip(result, dropped)


def test_a_greek_question_mark_ends_a_question_before_a_label(tmp_path):
    """Greek asks with ";": in a briefing flattened into one paragraph, a label after
    a question begins a turn ("… το σχέδιο; ΠΑΠΑΔΑΚΗΣ: Όπως …")."""
    text = ("Ενημέρωση των πολιτικών συντακτών. ΠΑΠΑΔΑΚΗΣ: Χαίρετε, τις ερωτήσεις σας. "
            "ΝΙΚΟΛΑΟΥ: Θα σχολιάσετε το σχέδιο; ΠΑΠΑΔΑΚΗΣ: Όπως γνωρίζετε, το εξετάζουμε. "
            "ΝΙΚΟΛΑΟΥ: Και πότε θα απαντήσετε; ΠΑΠΑΔΑΚΗΣ: Σύντομα.\n")
    result, tree = convert(tmp_path, text)
    assert [label.rstrip(":") for label in printed_labels(tree)] == [
        "ΠΑΠΑΔΑΚΗΣ", "ΝΙΚΟΛΑΟΥ", "ΠΑΠΑΔΑΚΗΣ", "ΝΙΚΟΛΑΟΥ", "ΠΑΠΑΔΑΚΗΣ"]
    assert_round_trip(result, text)


def test_an_office_alone_in_a_script_without_capitals(tmp_path):
    """A legislature's record bullets the chair's office alone above the chair's words
    ("• 主席"), and labels the members' questions with a colon, the chair's once too: the
    office alone is the chair's label; the speech below needs no capital letter."""
    text = ("立法院第9屆第1會期第3次會議紀錄\n主席:現在開會。\n  • 主席\n    "
            "今天進行質詢。請李委員明華質詢。\n    李委員明華:主席、各位同仁。院長早。\n  • 主席\n    "
            "請院長答復。\n    陳院長志強:主席、各位委員。我們會處理。\n    李委員明華:謝謝院長。\n"
            "    陳院長志強:不客氣。\n")
    result, tree = convert(tmp_path, text)
    assert [label.strip("• :") for label in printed_labels(tree)] == [
        "主席", "主席", "李委員明華", "主席", "陳院長志強", "李委員明華", "陳院長志強"]
    assert_round_trip(result, text)


def test_a_member_speaking_for_a_group_with_the_seat(tmp_path):
    """The Turkish record names the group a member speaks for before the member and
    the seat ("AKP GRUBU ADINA AYŞE KAYA (Rize) - Teşekkür …"): a label, even once."""
    text = ("Konu: Kanun tasarısı\nBirleşim: 12\n\nTÜRKİYE BÜYÜK MİLLET MECLİSİ\n\n"
            "AKP GRUBU ADINA AYŞE KAYA (Rize) - Teşekkür ediyorum Sayın Başkan.\n"
            "Değerli arkadaşlarım, tasarı hakkında görüşlerimizi sunuyoruz.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["AKP GRUBU ADINA AYŞE KAYA (Rize) -"]
    assert_round_trip(result, text)


def test_a_clerks_one_line_above_the_chair_and_a_courts_parties(tmp_path):
    """The secretary-general reports the quorum once, right above the chair's first
    words ("林秘書長志嘉:出席委員64人…"): a full name without spaces is a label there; a
    court transcript's "B e t w e e n -" (the parties) is none."""
    text = ("立法院第10屆第3會期第3次會議紀錄\n\n林秘書長志嘉:出席委員64人,已足法定人數。\n"
            "主席:現在開會。\n主席:進行報告事項。\n主席:散會。\n")
    result, tree = convert(tmp_path, text)
    assert [label.rstrip(":") for label in printed_labels(tree)] == ["林秘書長志嘉", "主席", "主席", "主席"]
    assert_round_trip(result, text)
    court = ("IN THE HIGH COURT\n\nB e t w e e n -\n\nJOHN SMITH\nAppellant\n\nand\n\nANN LEE\n"
             "Respondent\n\nMR SMITH: May it please the Court.\n\nGUMMOW J: Yes.\n\n"
             "MR SMITH: I appear for the appellant.\n\nGUMMOW J: Thank you.\n")
    result, tree = convert(tmp_path, court, "court.txt")
    assert printed_labels(tree) == ["MR SMITH:", "GUMMOW J:", "MR SMITH:", "GUMMOW J:"]


TURKISH_DATABASE_PAGE = """Konu:Köprü İnşaatı Hakkında Kanun Teklifi
Yasama Yılı:3
Birleşim:41
Tarih:14/11/2013

KÖPRÜ İNŞAATI HAKKINDA KANUN TEKLİFİ

BAŞKAN - Sayın milletvekilleri, birleşimi açıyorum.

AYŞE DEMİR (İzmir) - Teşekkür ederim Sayın Başkan.

BAŞKAN - Buyurun.
"""


def test_a_field_whose_value_is_a_number_is_no_title_and_turkish_capitals_keep_their_dots(tmp_path):
    """A parliament database's fields ("Birleşim:41") are not the title; the heading
    in capitals is, lowered as Turkish lowers (İ is i, I is ı, no combining dot)."""
    result, tree = convert(tmp_path, TURKISH_DATABASE_PAGE)
    assert result.document.title == "Köprü İnşaatı Hakkında Kanun Teklifi"
    assert result.document.meeting_date.iso == "2013-11-14"
    assert_round_trip(result, TURKISH_DATABASE_PAGE)


BREAK_BEFORE_LABEL = """Evening Bulletin, 3 March 2016

MARTA QUINN: Good evening.

OWEN PRICE: Thank you, Marta.

MARTA QUINN: We begin with the floods.
(BREAK) MARTA QUINN: Welcome back.

[T.] Oldroyd: A supplied initial stays in its label.
"""


def test_a_label_after_a_bracketed_break_begins_a_turn(tmp_path):
    """A broadcast transcript prints the break and the anchor's label on one line:
    the label begins a turn, the break is an incident; a supplied initial in
    brackets is part of its label."""
    result, tree = convert(tmp_path, BREAK_BEFORE_LABEL)
    assert printed_labels(tree) == ["MARTA QUINN:", "OWEN PRICE:", "MARTA QUINN:", "MARTA QUINN:",
                                    "[T.] Oldroyd:"]
    assert tree.xpath("string(//t:sp[3]//t:incident/t:desc)", namespaces=NS) == "BREAK"
    assert_round_trip(result, BREAK_BEFORE_LABEL)


DEPUTY_AND_SPEAKER = """Sitting of the House

MR. DEPUTY SPEAKER (Mr. Alan Fairlie): Order, please.

HON. RUTH OKAFOR: I table the letter of resignation.

MR. DEPUTY SPEAKER: The letter is tabled.

MR. SPEAKER: Thank you, members, for this honour.

HON. RUTH OKAFOR: Congratulations, Mr. Speaker.
"""


def test_the_speaker_is_not_the_deputy_speaker(tmp_path):
    """A newly elected Speaker speaks after the Deputy Speaker who presided: the
    office "Speaker" inside "Deputy Speaker" names no one by the name "Speaker"."""
    result, tree = convert(tmp_path, DEPUTY_AND_SPEAKER)
    people = labels_by_person(tree)
    assert people["#alan-fairlie"] == {"MR. DEPUTY SPEAKER (Mr. Alan Fairlie):", "MR. DEPUTY SPEAKER:"}
    assert people["#speaker"] == {"MR. SPEAKER:"}
    assert_round_trip(result, DEPUTY_AND_SPEAKER)


NAMES_WITH_THE_ITEMS_TIME = """Debates of 4 Feb 2019

MR SPEAKER
PRAYERS 10:05 a.m.

Mr Speaker 10:05 a.m.
Hon Members, we turn to Questions.
Mr Kofi Asante 10:05 a.m.
Thank you, Mr Speaker. My Question concerns the new clinic.
Mr Speaker 10:05 a.m.
The Minister will answer.
Minister for Health (Mrs Ama Boateng) 10:05 a.m.
The clinic will open in March.
Mr Asante 10:05 a.m.
I am grateful.
"""


def test_a_name_alone_with_the_items_time_is_a_label_and_mr_needs_no_full_stop(tmp_path):
    """A parliament's site prints each speaker's name alone with the time of the item:
    the time is part of the label, not of the name; "Mr" without its full stop is an
    honorific as "Mr." is, so "Mr Asante" is the Kofi Asante named before."""
    result, tree = convert(tmp_path, NAMES_WITH_THE_ITEMS_TIME)
    assert turns(tree) == Counter({"#speaker": 2, "#kofi-asante": 2, "#ama-boateng": 1})
    assert printed_labels(tree)[1] == "Mr Kofi Asante 10:05 a.m."
    assert_round_trip(result, NAMES_WITH_THE_ITEMS_TIME)


def test_a_short_honorific_alone_is_a_persons_initials(tmp_path):
    """"DR:" in a President's notes is Dean Rusk, not an honorific without a name."""
    text = ("Notes of the Meeting\n\nLBJ: Where do we stand?\n\nDR: Nowhere yet.\n\n"
            "LBJ: Then try again.\n\nDR: We shall.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["LBJ:", "DR:", "LBJ:", "DR:"]
    assert len(set(turns(tree))) == 2
    assert_round_trip(result, text)


LEADER_OF_THE_HOUSE = """TUESDAY, 9TH MAY, 2017

The Parliament resumed at 9.30 a.m.

MINUTES

HON. LEADER OF THE GOVERNMENT IN PARLIAMENT.- Madam Speaker, I move that the Minutes be confirmed.

HON. R. NAIVALU.- Madam Speaker, I second the motion.

Question put.

Motion agreed to.

COMMUNICATIONS FROM THE CHAIR

HON. SPEAKER.- I welcome all Honourable Members.
"""


def test_an_office_in_capitals_with_its_body_is_a_label(tmp_path):
    """A Westminster parliament's "HON. LEADER OF THE GOVERNMENT IN PARLIAMENT.-": an
    office (Leader) and the body it serves, in capitals, label the first turn, and the
    seconder speaks once before the Speaker's first turn."""
    result, tree = convert(tmp_path, LEADER_OF_THE_HOUSE)
    assert printed_labels(tree) == ["HON. LEADER OF THE GOVERNMENT IN PARLIAMENT.-", "HON. R. NAIVALU.-",
                                    "HON. SPEAKER.-"]
    assert_round_trip(result, LEADER_OF_THE_HOUSE)


def test_the_speaker_pro_tempore_is_a_label(tmp_path):
    """Legislative journals print the chair's substitute as "The SPEAKER pro tempore.",
    a hearing's label with the Latin words after the office."""
    text = ("Legislative Journal\n\nThe SPEAKER pro tempore. The House will come to order.\n\n"
            "Mr. LOWRY. I move that the Journal be approved.\n\n"
            "The SPEAKER pro tempore. Without objection, it is so ordered.\n\n"
            "Mr. LOWRY. I thank the Chair.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["The SPEAKER pro tempore.", "Mr. LOWRY.",
                                    "The SPEAKER pro tempore.", "Mr. LOWRY."]
    assert_round_trip(result, text)


def test_a_pages_arrows_to_other_speeches_stand_in_the_label(tmp_path):
    """A legislature's web page links each label to the speaker's previous and next
    speech with « and », printed before the colon: the label is still one."""
    text = ("Opening of the Session\n\nSERGEANT-AT-ARMS: Please rise.\n\n"
            "THE CLERK « » : The honourable Premier.\n\n"
            "HON. JANE ROURKE » : Members, I have a commission to read.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["SERGEANT-AT-ARMS:", "THE CLERK « » :", "HON. JANE ROURKE » :"]
    assert_round_trip(result, text)


def test_a_full_name_above_the_only_speech_and_a_heading_with_its_year(tmp_path):
    """A parliament's page of one speech: the member's full name and a colon above it
    label the one turn; a heading "Budget Speech Mr Lowe - 2014" is no label."""
    text = ("Budget Speech Mr Lowe - 2014\n\n12 May 2014\n\nGeneral Debate\n\nMarta Lindqvist:\n\n"
            "Mister President. Our budget must serve every district.\n\n"
            "We have waited long enough for the new bridge.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Marta Lindqvist:"]
    assert any("the only label of the text" in w[2] for w in result.document.warnings)
    assert_round_trip(result, text)


def test_a_marked_label_broken_after_its_bracket(tmp_path):
    """A city council's minutes on the web break "○議長(山田一郎議員)" after the opening
    bracket, one paragraph a line: the halves are one label, the speech after a space
    or on the next line."""
    text = ("令和5年 3月 定例会\n-----\n○議長(\n山田一郎議員) ただいまから会議を開きます。\n-----\n"
            "○市長(\n佐藤花子君)\n提案理由を説明いたします。\n-----\n○議長(\n山田一郎議員) 以上で終わります。\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["○議長(山田一郎議員)", "○市長(佐藤花子君)", "○議長(山田一郎議員)"]
    assert_round_trip(result, text)


def test_spanish_labels_with_a_stop_and_a_dash_inside_a_flattened_record(tmp_path):
    """A congress's record flattened into one paragraph: "El señor MOREYRA.-" begins a
    turn inside the line, and "Señor Presidente:" inside a speech addresses the chair."""
    text = ("DIARIO DE DEBATES\n\nEl señor PRESIDENTE.- Se va a pasar lista.  El señor PRESIDENTE.- "
            "Continúa el debate del artículo primero.  Doctor Quispe.  El señor QUISPE LAURA.- Gracias, "
            "señor Presidente. Pido una breve sesión reservada para tratar un asunto urgente.  "
            "El señor VALDEZ ROCA.- Señor Presidente: Ayer se votó el tema de la carrera docente "
            "y quedó pendiente la remuneración. Señor Presidente: Este punto es central.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["El señor PRESIDENTE.-", "El señor PRESIDENTE.-",
                                    "El señor QUISPE LAURA.-", "El señor VALDEZ ROCA.-"]
    assert_round_trip(result, text)


def test_a_member_with_the_office_or_party_in_brackets_before_a_dash(tmp_path):
    """An Italian regional council prints "Marini (Presidente) -" on the chair's first
    turn, "Presidente -" after; members speak once with their party ("Bruno (PD) -")."""
    text = ("Resoconto della seduta\n\nOGGETTO N. 12 - Ordine dei lavori.\n\n"
            "Marini (Presidente) - Punto n. 3 all'ordine del giorno. Ha chiesto la parola il Consigliere Bruno.\n\n"
            "Bruno (PD) - Chiedo la verifica del numero legale.\n\n"
            "Presidente - Procediamo all'appello.\n\nPresidente - Il numero legale c'è, proseguiamo.\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == Counter({"#marini": 3, "#bruno": 1})
    assert_round_trip(result, text)


def test_a_labels_colon_scanned_as_a_semicolon(tmp_path):
    """OCR of a typed record reads the colon after a label alone on its line as ";":
    still the label, reported; a semicolon inside a line stays text."""
    text = ("Stenografická správa\n\nPodpredseda SNR K. Horváth;\n\nKto sa hlási do rozpravy?\n\n"
            "Poslanec D. Kováč:\n\nVážená rada, navrhujem zmenu; ďakujem.\n\n"
            "Podpredseda SNR K. Horváth:\n\nĎakujem pánovi poslancovi.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Podpredseda SNR K. Horváth;", "Poslanec D. Kováč:",
                                    "Podpredseda SNR K. Horváth:"]
    assert any("scanned as ';'" in w[2] for w in result.document.warnings)
    assert_round_trip(result, text)


def test_three_initials_run_together_in_a_label(tmp_path):
    """A court transcript's counsel "MR M.L.D. EINFELD QC:" has three initials run
    together: they end no sentence."""
    text = ("HIGH COURT TRANSCRIPT\n\nMR P.R. GARDINER: May it please the Court, I appear for the applicant.\n\n"
            "MR M.L.D. EINFELD QC: May it please the Court, I appear for the respondent.\n\n"
            "KIRBY J: Yes, Mr Gardiner.\n\nMR P.R. GARDINER: Thank you, your Honour.\n\n"
            "KIRBY J: Proceed.\n")
    result, tree = convert(tmp_path, text)
    assert "MR M.L.D. EINFELD QC:" in printed_labels(tree)
    assert_round_trip(result, text)


def test_the_only_label_an_office_and_one_off_voices_opening_a_podcast(tmp_path):
    """A press conference's page with one turn under "Statsministeren:", and a podcast
    that opens with three voices speaking once before its host: each is a label."""
    text = "Pressemøde\n\nStatsministeren: ”Velkommen til pressemøde! I dag taler vi om finansloven.\n"
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Statsministeren:"]
    assert_round_trip(result, text)
    podcast = ("00:00:00\n[Theme music plays]\nAnna Reyes: Looking back, you see how much has changed.\n"
               "Tomas Berg: It was daunting to try anything in that world.\n"
               "Ruth Okoye: I will keep trying, because I believe in it.\n"
               "Lena Marsh: Hello, and welcome to the programme. I'm Lena Marsh.\n"
               "Paul Hart: And I'm Paul Hart.\nLena Marsh: Today we open the archive.\n"
               "Paul Hart: Let us begin.\n")
    result, tree = convert(tmp_path, podcast, "podcast.txt")
    assert printed_labels(tree)[:3] == ["Anna Reyes:", "Tomas Berg:", "Ruth Okoye:"]
    assert_round_trip(result, podcast)


def test_bracketed_speakers_of_japanese_and_korean_briefings(tmp_path):
    """Japan's ministries print "【外務大臣】" before each speech, with no separator; Korea's
    briefings "<질문>" and "<답변>", a question and its answer."""
    text = ("記者会見\n\n【外務大臣】本日は三か国を訪問いたします。\n\n【記者】訪問の狙いは何でしょうか。\n\n"
            "【外務大臣】法の支配を確認したいと考えています。\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["【外務大臣】", "【記者】", "【外務大臣】"]
    assert_round_trip(result, text)
    briefing = ("정례브리핑\n<질문> 회담 일정이 정해졌습니까?\n<답변> 현재 공유드릴 사안은 없습니다.\n"
                "<질문> 외교부 입장이 있을까요?\n<답변> 국제사회의 일치된 목표입니다.\n")
    result, tree = convert(tmp_path, briefing, "briefing.txt")
    assert printed_labels(tree) == ["<질문>", "<답변>", "<질문>", "<답변>"]
    assert_round_trip(result, briefing)


def test_a_japanese_heading_and_a_sites_navigation_are_read_for_what_they_are(tmp_path):
    """"…会見記録" (record of a press conference) is the heading of a Japanese page, whose
    words no spaces bound; "About this site" and "Browse by Sport" never are."""
    text = ("記者会見\n\n外務大臣会見記録\n\n【外務大臣】本日は三か国を訪問いたします。\n\n"
            "【記者】訪問の狙いは何でしょうか。\n\n【外務大臣】法の支配を確認したいと考えています。\n")
    result, tree = convert(tmp_path, text)
    assert result.document.title == "外務大臣会見記録"
    site = ("About this site\n\nBrowse by Sport\n\nInterview with Ruth Okafor\n\n"
            "Q. When did you begin?\n\nA. In 1990.\n\nQ. And why?\n\nA. I had to.\n")
    result, tree = convert(tmp_path, site, "site.txt")
    assert result.document.title == "Interview with Ruth Okafor"


def test_questions_and_answers_of_a_flattened_interrogation(tmp_path):
    """An interrogation whose line breaks were lost: each "Q." and "A." after a sentence
    begins a turn."""
    text = ("7 June 1946 Q. Did you meet the minister that spring? A. I may have met him at a "
            "reception, but not on business. Q. Think again. The record says you met him twice. "
            "A. I do not remember it. Q. Then who arranged the second meeting? A. The embassy, "
            "I suppose, as it arranged all of them.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Q.", "A.", "Q.", "A.", "Q.", "A."]
    assert_round_trip(result, text)


def test_the_congressional_records_chair_and_a_senator_alone_on_the_line(tmp_path):
    """The Congressional Record names who holds the chair in brackets ("The PRESIDING
    OFFICER (Mr. Bennet).") and may print a senator's label alone above the speech."""
    text = ("Congressional Record\n\nMr. HALE. Mr. President, I yield the floor.\n\nMs. ORTIZ.\n"
            "I thank my colleague and yield the floor.\n\n"
            "The PRESIDING OFFICER (Mr. Reyes). The Senator from Ohio.\n\n"
            "Mr. HALE. Mr. President, I ask unanimous consent to speak.\n\n"
            "The PRESIDING OFFICER. Without objection, it is so ordered.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Mr. HALE.", "Ms. ORTIZ.", "The PRESIDING OFFICER (Mr. Reyes).",
                                    "Mr. HALE.", "The PRESIDING OFFICER."]
    assert turns(tree)["#reyes"] == 2
    assert_round_trip(result, text)


def test_a_wrapped_initial_and_a_double_name_joined_by_an_en_dash(tmp_path):
    """A hard-wrapped lead puts a name's initial at a line's start ("Datuk Ahmad" /
    "A. Rahim on TV3's …"): no answer. A double name joined by an en dash
    ("Vaira Vīķe–Freiberga:") labels once where the text names her."""
    text = ("KUALA LUMPUR: The following is the transcript of the interview with Datuk Ahmad\n"
            "A. Rahim on the programme tonight.\nQuestion: Welcome to the studio.\nPM: Thank you.\n"
            "Question: How is the campaign?\nPM: It goes well.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Question:", "PM:", "Question:", "PM:"]
    assert_round_trip(result, text)
    interview = ("RĪKI\n\nValsts prezidente Anna Bērziņa–Kalniņa intervijā televīzijai vakar.\n\n"
                 "— Labvakar! Jūs bijāt vizītē.\n\nAnna Bērziņa–Kalniņa: — Tas ir ļoti relatīvs jēdziens.\n\n"
                 "RĪKI\n")
    result, tree = convert(tmp_path, interview, "interview.txt")
    assert printed_labels(tree) == ["Anna Bērziņa–Kalniņa:"]
    assert_round_trip(result, interview)


def test_a_governors_double_circle_and_a_lone_office_in_chinese(tmp_path):
    """Japanese assemblies mark the governor with "◎" where members have "○"; a press
    conference's only label may be an office alone above the speech ("部長:")."""
    text = ("定例会会議録\n\n◎知事(山本一郎君) 開会に当たりまして、一言ごあいさつ申し上げます。\n\n"
            "○議長(田中次郎君) ただいまから会議を開きます。\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["◎知事(山本一郎君)", "○議長(田中次郎君)"]
    assert_round_trip(result, text)
    briefing = "標題:新春記者會談話紀錄\n\n部長:\n\n各位媒體朋友大家早安,首先向大家表示感謝之意。\n"
    result, tree = convert(tmp_path, briefing, "briefing.txt")
    assert printed_labels(tree) == ["部長:"]
    assert_round_trip(result, briefing)


def test_initials_glued_to_the_surname(tmp_path):
    """The Kremlin's transcripts glue the initial to the surname ("В.Путин:")."""
    text = ("В.Путин: Добрый день!\nВопрос: Какой вопрос Вы ожидали услышать?\n"
            "В.Путин: Вопросы начали поступать за несколько дней.\nВопрос: Спасибо.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["В.Путин:", "Вопрос:", "В.Путин:", "Вопрос:"]
    assert_round_trip(result, text)


def test_initials_in_cyrillic_and_chinese_questions_run_together(tmp_path):
    """An interview names its speakers in full, then by initials in Cyrillic ("С.К.:"
    is Соня Кошкіна); a ministry's briefing runs "问:" and "答:" into one paragraph."""
    text = ("Соня Кошкіна: Давайте розпочнемо.\nВ'ячеслав Кириленко: Я не брав участі.\n"
            "С.К.: А хто зробив вам цю пропозицію?\nВ.К.: Прем’єр-міністр.\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == Counter({"#sonya-koshkina": 2, "#v-yacheslav-kirilenko": 2})
    briefing = ("外交部发言人主持例行记者会。 问:中方是否会向他表示祝贺?对于两国关系有何期待? "
                "答:中方注意到菲律宾顺利举行了全国大选,对他赢得选举表示祝贺。 问:你能否介绍访问的情况? "
                "答:访问期间双方将举行会谈,我们期待访问取得成功。\n")
    result, tree = convert(tmp_path, briefing, "briefing.txt")
    assert printed_labels(tree) == ["问:", "答:", "问:", "答:"]
    assert_round_trip(result, briefing)


def test_a_secretary_speaks_once_and_a_stage_direction_opens_no_turn(tmp_path):
    """A city council's record: the secretary reads the oath once ("Schriftführerin GRin
    Anna Berger:"), and a line inside an applause in brackets ("(Beifall bei allen" /
    "Fraktionen. Die …") opens no turn."""
    text = ("Vorsitzende GRin Maria Huber:\nIch bitte um Verlesung der Formel.\n"
            "Schriftführerin GRin Anna Berger:\n„Ich gelobe der Stadt Wien unverbrüchliche Treue.“\n"
            "Vorsitzende GRin Maria Huber:\nFrau GRin Karin Wolf!\nKarin Wolf:\nIch gelobe!\n"
            "Vorsitzende GRin Maria Huber:\nDanke, die Angelobung ist vollzogen. (Beifall bei allen\n"
            "Fraktionen. Die Gemeinderätinnen erheben sich.)\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Vorsitzende GRin Maria Huber:", "Schriftführerin GRin Anna Berger:",
                                    "Vorsitzende GRin Maria Huber:", "Karin Wolf:", "Vorsitzende GRin Maria Huber:"]
    assert_round_trip(result, text)


def test_a_question_time_where_everyone_speaks_once(tmp_path):
    """A Hansard's questions: the minister answers once, the member follows up once,
    the Speaker calls order once; an honorific or an office with a colon labels each."""
    text = ("FRIDAY, 6 MARCH, 1964\n\nMr. SPEAKER took the Chair at 10.50 a.m.\n\nQUESTIONS\n\n"
            "Harbour Works *I. Mr. P. J. VAN DER WALT\n\nasked the Minister of Transport:\n\n"
            "  1. (1) Whether blasting was used at the harbour last month; and\n"
            "  2. (2) whether he has received complaints:\nThe MINISTER OF TRANSPORT:\n"
            "  1. (1) Yes.\n  2. (2) No.\nMr. P. J. VAN DER WALT:\n\nDoes he realize that he is shaking Parliament?\n\n"
            "Mr. SPEAKER:\n\nOrder!\n\nFilms *II. Mr. P. J. VAN DER WALT\n\nasked the Minister of the Interior:\n\n"
            "  1. (1) Whether representations were made.\nThe MINISTER OF THE INTERIOR:\n"
            "  1. (1) No representations were received.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["The MINISTER OF TRANSPORT:", "Mr. P. J. VAN DER WALT:", "Mr. SPEAKER:",
                                    "The MINISTER OF THE INTERIOR:"]
    assert_round_trip(result, text)


def test_labels_that_ocr_spaced_are_the_same_speakers(tmp_path):
    """OCR of a typed press conference spaces letters inside labels ("THE PRES IDENT:",
    "GO D WIN :"): the same speakers as "THE PRESIDENT:" and "GODWIN:"."""
    text = ("PRESS CONFERENCE #922\n\nTHE PRESIDENT: Good morning.\n\nGODWIN: Mr. President, any news?\n\n"
            "THE PRES IDENT: Nothing today.\n\nGO D WIN : Nothing at all?\n\nTHE PRESIDENT: Not a thing.\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == Counter({"#the-president": 3, "#godwin": 2})
    assert_round_trip(result, text)


def test_a_witness_inside_a_flattened_inquiry_record(tmp_path):
    """A committee of inquiry's record flattened into one line: "Zeuge Joseph Weber:"
    (the witness) begins a turn as the chair's labels do."""
    text = ("Untersuchungsausschuss, 33. Sitzung. Vorsitzender Hans Krüger: Ich eröffne die Sitzung und "
            "rufe den Zeugen auf. Bitte sehr. Zeuge Joseph Weber: Herr Vorsitzender, ich danke Ihnen für "
            "die Gelegenheit. Ich will kurz beginnen. Vorsitzender Hans Krüger: Vielen Dank, wir kommen "
            "zu den Fragen.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Vorsitzender Hans Krüger:", "Zeuge Joseph Weber:", "Vorsitzender Hans Krüger:"]
    assert_round_trip(result, text)


def test_a_committee_roster_names_members_and_no_turns(tmp_path):
    """A provincial committee's Hansard lists its members surname first, with seat and
    party ("Chair: Lindqvist, Karin (Portage North NDP)"): fields, not turns; the chair's
    turns begin below."""
    text = ("STANDING COMMITTEE ON FISHERIES\n\nTuesday 4 March 1997\n\n"
            "Chair: Lindqvist, Karin (Portage North NDP)\n\nVice-Chair: Abara, Tomas (Lakeview PC)\n\n"
            "Osei, Ama (Riverdale L)\n\nClerk pro tem: Moreau, Denise\n\n"
            "The committee met at 1530 in room 2.\n\n"
            "The Chair: We have two matters today, the report and the hearings.\n\n"
            "Mr Abara: I move that we take the report first.\n\n"
            "The Chair: Agreed. We take the report first.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["The Chair:", "Mr Abara:", "The Chair:"]
    assert_round_trip(result, text)


def test_members_present_and_witnesses_are_lists_not_speakers(tmp_path):
    """A select committee's evidence opens with "Members present: …" and "Witnesses: …":
    participants, not a speaker called "Witnesses"; the chair listed there is the
    member the chair's later label names by surname."""
    text = ("Oral evidence: Harbour safety, HC 412\n\nTuesday 3 June 2014\n\n"
            "Members present: Ms Ruth Adair (Chair); Tom Bexley; Mrs Jane Corrin.\n\n"
            "Witnesses: Hal Dunmore and Ivy Eskdale.\n\n"
            "Q1 Chair: Good morning. Would you introduce yourselves?\n\n"
            "Hal Dunmore: I am the harbour master.\n\n"
            "Ivy Eskdale: I chair the pilots' association.\n\n"
            "Q2 Mrs Corrin: How many incidents were there last year?\n")
    result, tree = convert(tmp_path, text)
    assert "#witnesses" not in turns(tree)
    assert tree.xpath("//t:person[t:persName='Mrs Jane Corrin']/@xml:id", namespaces=NS) == ["jane-corrin"]
    assert turns(tree)["#jane-corrin"] == 1
    assert_round_trip(result, text)


def test_a_label_of_a_role_names_the_participant_listed_with_it(tmp_path):
    """"Members present: Ms Ruth Adair (Chair); …" then "Chair: …": the chair's turns are
    Ruth Adair's, not those of a person called Chair."""
    text = ("Oral evidence: Harbour safety, HC 412\n\nTuesday 3 June 2014\n\n"
            "Members present: Ms Ruth Adair (Chair); Tom Bexley; Mrs Jane Corrin.\n\n"
            "Chair: Good morning. Would you introduce yourself?\n\n"
            "Hal Dunmore: I am the harbour master.\n\n"
            "Chair: Thank you. Mrs Corrin?\n\n"
            "Mrs Corrin: How many incidents were there last year?\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == Counter({"#ruth-adair": 2, "#hal-dunmore": 1, "#jane-corrin": 1})
    assert_round_trip(result, text)


def test_stenographers_initials_with_a_hyphen_before_quoted_words(tmp_path):
    """Stenographic notes of a call: "K- "…"" and "W- "…"", the initial, a hyphen and the
    words in quotation marks; the page may end on a bare label."""
    text = ('STENOGRAPHIC NOTES OF A TELEPHONE CALL, 4 MARCH 1958\n\n'
            'K- "Are you there? I have the figures."\n\n'
            'W- "Yes, go ahead."\n\n'
            'K- "Forty-two in the first week."\n\n'
            'W- "That is more than we thought."\n\n'
            'K- \n')
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["K-", "W-", "K-", "W-", "K-"]
    assert_round_trip(result, text)


def test_a_lone_label_before_quoted_words_names_a_person_the_record_names(tmp_path):
    """A telegram reports one call: "Hollis: "I conferred with …"" after "we called on the
    Secretary, Hollis." One turn, and no title taken from the speech."""
    text = ("From: Lisbon (Ferreira)\nTo: Madrid\n12 March 1942\n\n"
            "Yesterday I called on the Secretary of State, Hollis. The resume of our talk follows:\n\n"
            'Hollis: "I conferred with the Ministers of the three governments this morning. '
            'They will answer by Monday."\n\n'
            "Thus the Secretary seemed concerned about the press.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Hollis:"]
    assert not tree.xpath("//t:titleStmt/t:title[starts-with(., 'Hollis')]", namespaces=NS)
    assert_round_trip(result, text)


def test_a_rule_of_underscores_glued_to_the_first_label(tmp_path):
    """A hearing's page opens with a rule run into the chair's label
    ("_____CHAIRPERSON: …"): the chair's turn, like the later ones."""
    text = ("____________________________CHAIRPERSON: We are late this morning. Mr Vos, will you explain?\n\n"
            "MR VOS: Chairperson, thank you. There was a difference of opinion.\n\n"
            "CHAIRPERSON: Thank you. We adjourn until two.\n\n"
            "MR VOS: As the Chair pleases.\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == Counter({"#chairperson": 2, "#vos": 2})
    assert_round_trip(result, text)


def test_the_only_label_of_a_record_a_full_name_the_text_gives(tmp_path):
    """A plenary's minutes print one speech: "Tomas Berg: Thank you, …" after "… the
    gavel passes to Tomas Berg, who closes the sitting"; in Swedish the office stands in
    lower case before the name ("Andra vicetalman Roger Nordlund:")."""
    text = ("Plenary of 31 October 2023\n\nMinutes\n\nTwenty members are present.\n\n"
            "The next plenary is on 3 November. The gavel passes to Tomas Berg, who closes the sitting.\n\n"
            "Tomas Berg: Thank you, Speaker! I asked to close this plenary because it is my last.\n\n"
            "It is many years since I first sat in the gallery.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Tomas Berg:"]
    assert_round_trip(result, text)
    swedish = ("Plenum den 31 oktober 2023\n\nProtokoll\n\nNu ger jag klubban över till vicetalman "
               "Roger Nordlund.\n\nAndra vicetalman Roger Nordlund: Tack, herr talman! Jag frågade "
               "talmannen om jag skulle få avsluta.\n")
    result, tree = convert(tmp_path, swedish, "sv.txt")
    assert printed_labels(tree) == ["Andra vicetalman Roger Nordlund:"]
    assert_round_trip(result, swedish)


def test_the_only_label_of_a_record_above_a_row_of_dots(tmp_path):
    """"Doamna Paula Maria Ivănescu:" alone on its line, a row of dots (an omission), then
    her speech: the record's one turn."""
    text = ("Ședința Camerei Deputaților din 14 decembrie 1998\n\n2. Informare cu privire la proiectele de lege:\n\n"
            "Doamna Paula Maria Ivănescu:\n\n..........................\n\n"
            "Intrăm în ordinea de zi și vă prezint informarea cu privire la inițiativele legislative.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Doamna Paula Maria Ivănescu:"]
    assert_round_trip(result, text)


def test_korean_council_minutes_give_office_then_name(tmp_path):
    """"○의장 김민수 의석을 …": the office, the member's name, then the speech; the
    older hanja minutes so too ("○議長 朴東根 …"), but "○書記 三十八次 …" is the
    clerk reading, and "○李東輝議員 會議錄 …" a member named before the speech."""
    text = ("제12회 구의회 본회의회의록\n\n○의장 김민수 의석을 정돈해 주시기 바랍니다.\n"
            "성원이 되었으므로 개의하겠습니다.\n○사무국장 박지훈 안녕하십니까? 보고사항을 말씀드리겠습니다.\n"
            "○의장 김민수 수고하셨습니다.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["○의장 김민수", "○사무국장 박지훈", "○의장 김민수"]
    assert_round_trip(result, text)
    hanja = ("第五次 會議錄\n\n○議長 朴東根 開議하겠습니다.\n\n○書記 三十八次 會議錄 朗讀\n\n"
             "○李東輝議員 會議錄 거기에 잘못이 있습니다.\n\n○議長 朴東根 修正하겠습니다.\n")
    result, tree = convert(tmp_path, hanja, "hanja.txt")
    assert printed_labels(tree) == ["○議長 朴東根", "○書記", "○李東輝議員", "○議長 朴東根"]
    assert_round_trip(result, hanja)


def test_hungarian_offices_after_the_name(tmp_path):
    """The Hungarian parliament's record: "• KOVÁCS ANNA jegyző: …" (the clerk, her office
    after her name in lower case) and "• ELNÖK: …" each speak once."""
    text = ("• KOVÁCS ANNA jegyző: Tisztelt Országgyűlés! A javasolt négyórás időkeret megoszlása a "
            "következő: a Fidesz képviselőcsoportjának 83 perc, az MSZP képviselőcsoportjának 46 perc, a "
            "független képviselőknek pedig 8 perc áll rendelkezésre.\n"
            "  • ELNÖK: Köszönöm, jegyző úr. Kérem, most szavazzanak!\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["• KOVÁCS ANNA jegyző:", "• ELNÖK:"]
    assert_round_trip(result, text)


def test_knesset_committee_labels_below_a_heading(tmp_path):
    """A Knesset committee's protocol: the chair's label "היו"ר דני לוין" (the
    abbreviation keeps its gershayim) alone on its line right below the agenda heading,
    which in a script without capitals ends in a letter like any sentence."""
    text = ('פרוטוקול מס\' 7\n\nבחירת סגנים זמניים\nהיו"ר דני לוין\nאנחנו פותחים את הישיבה.\n'
            'משה כהן\nיש לי הערה לזה.\nהיו"ר דני לוין\nבבקשה.\nמשה כהן\nתודה רבה.\n')
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree)[:2] == ['היו"ר דני לוין', "משה כהן"]
    assert len(printed_labels(tree)) == 4
    assert_round_trip(result, text)


def test_the_deputy_speaker_before_the_speaker_is_another_person(tmp_path):
    """A Hansard where the Deputy Speaker reads prayers, then the Speaker announces: the
    Speaker is not the Deputy Speaker though he is labelled second."""
    text = ("NATIONAL ASSEMBLY\n\nWednesday, 5th March, 2025\n\n"
            "THE HON. DEPUTY SPEAKER: Let us pray. Almighty God, guide us in our deliberations.\n\n"
            "THE HON. SPEAKER: I have received apologies from the following Ministers.\n")
    result, tree = convert(tmp_path, text)
    assert len(set(turns(tree))) == 2
    assert_round_trip(result, text)


@pytest.mark.parametrize("surname", ["GAUDIN", "GAUDILL\ufffdRE"])
def test_the_paris_council_chair_with_two_offices_after_the_name(tmp_path, surname):
    """The Conseil de Paris prints "M. Bernard GAUDIN, adjoint, président. - …": an
    honorific, a surname in capitals, two offices. A page that could not decode an
    accent keeps U+FFFD inside the name, and the label still reads."""
    text = (f"Vœu n° 15 relatif aux cinémas.\n\nM. Bernard {surname}, adjoint, président. - Le vœu n° 15 est "
            "relatif aux cinémas. La parole est à M. BROSSAT.\n\nM. Ian BROSSAT. - Merci.\n\n"
            f"M. Bernard {surname}, adjoint, président. - Merci. Je mets aux voix le vœu.\n\n"
            "M. Ian BROSSAT. - Nous votons pour.\n")
    result, tree = convert(tmp_path, text)
    assert len(printed_labels(tree)) == 4 and len(set(turns(tree))) == 2
    assert_round_trip(result, text)


def test_arabic_minutes_labels_and_the_invocation(tmp_path):
    """An Arab parliament's minutes: "– السيد رئيس مجلس النواب:-" (Mr. Speaker) labels
    the chair's turns, the Quran reader speaks once ("– القارئ السيد …:-"), and the
    invocation "بسم الله الرحمن الرحيم:-" that opens a speech is no speaker."""
    text = ("محضر جلسة رقم (8)\n\nبدأت الجلسة الساعة (2:20) ظهراً.\n\n– السيد رئيس مجلس النواب:-\n\n"
            "بسم الله الرحمن الرحيم\n\nنفتتح الجلسة الثامنة، نبدؤها بقراءة آيات من القرآن الكريم.\n\n"
            "– القارئ السيد احمد ظافر (موظف):-\n\nيتلو آياتٍ من القرآن الكريم.\n\n– السيد رئيس مجلس النواب:-\n\n"
            "السيدات والسادة أعضاء مجلس النواب المحترمين:-\n\nبسم الله الرحمن الرحيم:-\n\n"
            "مرت أيام عصيبة على شعبنا.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["– السيد رئيس مجلس النواب:-", "– القارئ السيد احمد ظافر (موظف):-",
                                    "– السيد رئيس مجلس النواب:-"]
    assert_round_trip(result, text)


def test_a_list_of_members_ending_in_semicolons_is_no_turn(tmp_path):
    """The Speaker reads a committee's members, one a line, each ending in ";": not the
    colon OCR may read as ";", but a list inside the Speaker's turn."""
    text = ("NATIONAL ASSEMBLY\n\nTuesday, 20th January, 2009\n\n"
            "Mr Speaker: Hon. Members, I have appointed the following Members to the Committee:\n\n"
            "The Hon. Mr Speaker (Chairperson);\n\nThe Hon. G. Banda, MP, the Vice-President;\n\n"
            "Mr H. I. Phiri, MP; and\n\nMrs F. B. Zulu, MP.\n\nThank you.\n\n"
            "Hon. Members: Hear, hear!\n\nMr Speaker: Order!\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Mr Speaker:", "Hon. Members:", "Mr Speaker:"]
    assert_round_trip(result, text)


def test_a_presenter_is_no_participants_list(tmp_path):
    """"Presenter:" begins with the word "Present", which introduces a list of
    participants; it labels the presenter's turns."""
    text = ("Transcript of the Deputy Minister being interviewed on Morning Talk\n\n"
            "Presenter: We begin our conversation with the Deputy Minister on all sorts of issues.\n\n"
            "Deputy Minister Lerato Dube: Good morning and good morning to your listeners.\n\n"
            "Presenter: I'd like to get a sense of where you think we stand.\n\n"
            "Deputy Minister Lerato Dube: Well, I think we have just emerged from a good year.\n")
    result, tree = convert(tmp_path, text)
    assert len(printed_labels(tree)) == 4
    assert printed_labels(tree)[0] == "Presenter:"
    assert_round_trip(result, text)


def test_an_office_after_the_name_names_the_speaker_later(tmp_path):
    """"PENNY WONG, FOREIGN MINISTER:" then "FOREIGN MINISTER:": the office after the name
    and the comma is hers, so the later label names her."""
    text = ("Business Summit - Sydney - 12/03/2024\n\n"
            "JAMES CURRAN: Well, Minister, congratulations on the milestone. Thank you for being here.\n\n"
            "PENNY WONG, FOREIGN MINISTER: Well, thank you, I actually wouldn't have known.\n\n"
            "CURRAN: Very kind of her. Can we begin with last week's summit?\n\n"
            "FOREIGN MINISTER: Well, it was a good summit.\n")
    result, tree = convert(tmp_path, text)
    assert turns(tree) == Counter({"#james-curran": 2, "#penny-wong": 2})
    assert_round_trip(result, text)


def test_a_bracketed_full_name_and_an_office_with_its_ordinal(tmp_path):
    """A podcast transcript labels "[Igor]:" and "[Luiz Inácio Lula da Silva]:", a full
    name of five words in brackets; a council's minutes "El Sr. Vicepresidente segundo:",
    the office and which of its holders."""
    text = ("Leia a íntegra da entrevista:\n\n[Igor]: Salve, salve, família. Bem-vindos a mais um Flow.\n\n"
            "[Luiz Inácio Lula da Silva]: É um prazer, Igor.\n\n[Igor]: Queria ter esse papo contigo.\n\n"
            "[Luiz Inácio Lula da Silva]: A verdade é a seguinte.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["[Igor]:", "[Luiz Inácio Lula da Silva]:", "[Igor]:",
                                    "[Luiz Inácio Lula da Silva]:"]
    assert_round_trip(result, text)
    acta = ("ACTA 1005/13\n\nLa Sesión es presidida por el Vicepresidente segundo del Concejo.\n\n"
            "El Sr. Vicepresidente segundo: “Concejales, damos inicio a la Sesión Ordinaria”.\n\n"
            "El Sr. Vicepresidente segundo: “Está la señora Lagomarsini, tiene la palabra”.\n\n"
            "La Sra. Florencia Lagomarsini: “Muchas gracias por recibirme”.\n")
    result, tree = convert(tmp_path, acta, "acta.txt")
    assert printed_labels(tree) == ["El Sr. Vicepresidente segundo:", "El Sr. Vicepresidente segundo:",
                                    "La Sra. Florencia Lagomarsini:"]
    assert_round_trip(result, acta)


def test_a_long_office_after_the_name_and_an_address_that_is_none(tmp_path):
    """"С.М. Гуриев, ректор Российской экономической школы:" (an office of four words after
    the name) and "О.Н. Смолин:" each speak once; a court reporter's address with its
    postcode before "For Defendant:" is no label."""
    text = ("Фрагмент стенограммы.\n\nС.М. Гуриев, ректор Российской экономической школы: Я хотел бы "
            "предоставить слово Олегу Николаевичу. Пожалуйста.\n\nО.Н. Смолин: Уважаемые коллеги! Я благодарю "
            "за то, что мне дали возможность выступить.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["С.М. Гуриев, ректор Российской экономической школы:", "О.Н. Смолин:"]
    assert_round_trip(result, text)
    assert LabelReader(Rules()).match("Santa Barbara, California 93101 9 10 11 For Defendant: MESEREAU") is None


def test_a_papers_name_in_quotation_marks_labels_its_questions(tmp_path):
    """An interview in a paper: the paper asks, its name in guillemets ("«Naša Niva»:",
    later "«NN»:"), the interviewee answers by name, later by initials ("KB:")."""
    text = ("«Naša Niva»: Niadaŭna ty apublikavała post u fejsbuku. Jak pośpiechi?\n\n"
            "Kaciaryna Barysievič: Viedaješ, mianie biełarusy vielmi ździvili za apošni hod.\n\n"
            "«NN»: A ź miedyja nie było prapanoŭ?\n\nKB: Byli, navat i ź dziaržaŭnych vydańniaŭ.\n\n"
            "«NN»: Jakija?\n\nKB: Nie, inšyja.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["«Naša Niva»:", "Kaciaryna Barysievič:", "«NN»:", "KB:", "«NN»:", "KB:"]
    assert len(set(turns(tree))) == 2
    assert_round_trip(result, text)


@pytest.mark.parametrize("credit", ["Текст: Дар’я Христинюк.", "Objavio:", "Wortmeldungen: LTAbg. Schwarz (28), LTAbg. Kunasek (43)"])
def test_credits_and_contents_entries_are_no_speakers(tmp_path, credit):
    """A page's credit ("Текст:" the text's author, "Objavio:" published) or a table of
    contents' "Wortmeldungen:" (the requests to speak) names no speaker."""
    text = (f"Розмова в укритті\n\nВасиль Карп’юк — поет, письменник, який пише для дітей.\n\n{credit}\n\n"
            "Іван Ципердюк: Дякую, що прийшов до нас.\n\n"
            "Василь Карп’юк: Якраз запрошення мене тішить.\n\nІван Ципердюк: Де ти почуваєшся в безпеці?\n\n"
            "Василь Карп’юк: Вдома.\n")
    result, tree = convert(tmp_path, text)
    assert credit.split(":")[0] + ":" not in printed_labels(tree)
    assert_round_trip(result, text)


def test_a_diarising_transcribers_numbered_speakers(tmp_path):
    """An automatic transcript of a council: "Speaker : spk3" alone above each turn, the
    words below need not be a sentence ("Barbieri,"), and a name read out in a roll call
    ("Franceschini Fuligni.") is speech, not a speaker."""
    text = ("Speaker : spk3\nPasso la parola al Segretario per l'appello.\nSpeaker : spk2\nBarbieri,\n"
            "Speaker : spk4\nDiotallevi, Andreoni, Tinti,\nMattioli.\nFranceschini Fuligni.\nGentili Ceccarini.\n"
            "Speaker : spk3\nPasso alla nomina degli scrutatori.\nSpeaker : spk2\nDiciamo che va bene.\n"
            "Speaker : spk4\nUna votazione distinta.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Speaker : spk3", "Speaker : spk2", "Speaker : spk4",
                                    "Speaker : spk3", "Speaker : spk2", "Speaker : spk4"]
    assert_round_trip(result, text)


def test_labels_that_lost_their_bold_and_run_into_the_speech(tmp_path):
    """A presidency's transcript whose bold labels lost their formatting: the interviewer's
    office and name, then the president's, open the paragraphs with no separator. Two
    openings that take turns are labels; a page's running heads are not."""
    text = ("Entrevista concedida por el Presidente Hugo Chávez a la periodista Carmen Aristegui\n\n"
            "Conductora del programa, Carmen Aristegui Bienvenidas y bienvenidos, gracias que nos acompañan.\n\n"
            "Presidente Chávez Bien, muy feliz de estar aquí con usted.\n\n"
            "Conductora del programa, Carmen Aristegui Gracias por esta conversación, presidente.\n\n"
            "Presidente Chávez Te vi ahí que estabas entre el torbellino de periodistas.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Conductora del programa, Carmen Aristegui", "Presidente Chávez"] * 2
    assert turns(tree)["#carmen-aristegui"] == 2
    assert_round_trip(result, text)
    heads = ("NIXON PRESIDENTIAL LIBRARY AND MUSEUM\n\nTape Subject Log (rev. April 2011)\n\n"
             "the conversation turns to the budget for the coming year.\n\n"
             "NIXON PRESIDENTIAL LIBRARY AND MUSEUM\n\nTape Subject Log (rev. April 2011)\n\n"
             "the conversation turns to the visit of the Prime Minister.\n")
    result, tree = convert(tmp_path, heads, "heads.txt")
    assert printed_labels(tree) == []


def test_honorifics_stops_and_given_names_hyphens_are_no_labels(tmp_path):
    """A debate reported in the third person ("MR. BOYD considered …"): the honorific's
    full stop is no label's. A committee's members ("Hon CHENG Kai-nam (Deputy
    Chairman)"): a given name's hyphen is no dash before a speech."""
    text = ("Legislative Assembly, 9 April 1866\n\nHON. MR. SMITH rose and stated that circumstances had arisen.\n"
            "MR. McCLELAN thought that the reasons should be stated.\n"
            "MR. BOYD considered it only fair, just and right to allow the time.\n"
            "MR. WETMORE said that unless there were reasons he did not see why.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == []
    assert_round_trip(result, text)
    members = ("Panel on Security\n\nMinutes of Meeting held on Tuesday, 22 July 1997\n\nMembers present :\n\n"
               "Hon Mrs Selina CHOW, JP (Chairman)\nHon CHENG Kai-nam (Deputy Chairman)\nHon CHEUNG Hon-chung\n"
               "Hon IP Kwok-him\n\nMr Allen LEE was elected to preside at the election.\n")
    result, tree = convert(tmp_path, members, "members.txt")
    assert printed_labels(tree) == []
    assert_round_trip(result, members)


def test_a_label_whose_name_stands_on_a_line_between_its_brackets(tmp_path):
    """A city council's notes print "O SR. PRESIDENTE (" / "João Jorge - MDB" / ") -",
    one line a paragraph: one label, the chair's, above the speech."""
    text = ("20ª SESSÃO EXTRAORDINÁRIA\n25/06/2025\n- Presidência do Sr. João Jorge.\n"
            "O SR. PRESIDENTE (\nJoão Jorge - MDB\n) -\nHá número legal. Está aberta a sessão.\n"
            "O SR. RICARDO TEIXEIRA (UNIÃO) -\nSr. Presidente, peço a palavra.\n"
            "O SR. PRESIDENTE (\nJoão Jorge - MDB\n) -\nTem a palavra o nobre Vereador.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["O SR. PRESIDENTE ( João Jorge - MDB ) -", "O SR. RICARDO TEIXEIRA (UNIÃO) -",
                                    "O SR. PRESIDENTE ( João Jorge - MDB ) -"]
    assert_round_trip(result, text)


def test_a_korean_broadcasts_marks_and_a_chinese_office_spaced_out(tmp_path):
    """A Korean broadcast transcript flattened into one line, each speaker marked
    "◎ 박정호 >" and glued to the speech before; a Taiwanese council's minutes spacing
    the chair's office to fill a column ("主   席:")."""
    text = ("■ 방송 : 오마이TV ■ 진행 : 박정호◎ 박정호 > 오늘은 정말 중요한 분을 모셔서 함께합니다. 안녕하십니까?"
            "◎ 윤호중 > 네. 안녕하세요.◎ 박정호 > 반갑습니다. 예. 바쁘신데 고맙습니다.◎ 윤호중 > 아유, 초청해주셔서 감사합니다.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["◎ 박정호 >", "◎ 윤호중 >"] * 2
    assert_round_trip(result, text)
    council = ("第3屆第3次定期會第3次會議紀錄\n主   席: 各位同仁請就座,本席宣布開會。\n林議員銘仁: 我們3點半才開會。\n"
               "主   席: 那個周議員。\n林議員銘仁: 中午不要休息好了。\n")
    result, tree = convert(tmp_path, council, "council.txt")
    assert printed_labels(tree) == ["主   席:", "林議員銘仁:", "主   席:", "林議員銘仁:"]
    assert_round_trip(result, council)


def test_an_interrogations_question_and_answer_inside_a_flattened_line(tmp_path):
    """A record of interrogation flattened into one paragraph: "… (personalia w aktach).
    Pytanie: … ? Odpowiedź: …", a question and an answer, each once. An interviewer's
    label alone inside such a line, with no answer labelled, is not cut out."""
    text = ("Protokół przesłuchania podejrzanego. Będzin, dnia 22 września 1947 roku. Oficer śledczy przesłuchał "
            "podejrzanego: Nowaka Jana (personalia w aktach). Pytanie: Powiedzcie kto i kiedy proponował wam "
            "wyjazd zagranicę? Odpowiedź: Prawie od czerwca 1947 roku namawiał nas komendant oddziału.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["Pytanie:", "Odpowiedź:"]
    assert_round_trip(result, text)
    one_sided = ("Interview with a student, recorded in 2019, transcribed by the project. Interviewer: Is that where "
                 "you were born? 185: Yes. Interviewer: What made you choose the college? 185: It was near home.\n")
    result, tree = convert(tmp_path, one_sided, "one.txt")
    assert printed_labels(tree) == []


def test_japanese_press_conferences_bracket_their_speakers(tmp_path):
    """A city's press conference: "(○:広田市長)それでは…" and "(■:日本海新聞)…", a mark and a
    colon inside the brackets; another city's "【司会】" alone above the speech, where
    "【字幕について】" (about the subtitles) is a heading; "(一)" numbers a part."""
    text = ("内容\n提出議案について\n(○:山本企画課長)それでは記者会見を開会いたします。\n"
            "(■:日本海新聞)よろしくお願いします。\n(○:広田市長)おはようございます。提出議案について説明します。\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == ["(○:山本企画課長)", "(■:日本海新聞)", "(○:広田市長)"]
    assert_round_trip(result, text)
    saga = ("【字幕について】\nあらかじめ字幕オンにしています。\n(一)\n会見内容\n【司会】\nただいまから市長定例記者会見を行います。\n"
            "【市長】\n10月の定例記者会見を始めさせていただきます。\n")
    result, tree = convert(tmp_path, saga, "saga.txt")
    assert printed_labels(tree) == ["【司会】", "【市長】"]
    assert_round_trip(result, saga)


def test_a_bulgarian_records_attachments_and_those_present(tmp_path):
    """A Politburo record's catalogue entry: "Приложено: …" (attached) and "Присъстват:
    …" (present) are a field and a participants list, not speakers."""
    text = ("Протокол № 447 от 19 май 1983 г.\nПриложено: докладни записки от Л. Павлов и Г. Йорданов.\n"
            "Присъстват: Т. Живков, Ал. Лилов, Г. Филипов.\nРешения: Приема доклада.\n")
    result, tree = convert(tmp_path, text)
    assert printed_labels(tree) == []
    assert_round_trip(result, text)
