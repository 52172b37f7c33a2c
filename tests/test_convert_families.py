"""The transcript families of DESIGN §4, each on transcripts written for the tests,
and the round trip (TEI → text = source) for all of them and for generated ones."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import SAMPLE, SAMPLE_EDITION, TRANSCRIPTS
from tei_edition.ingest import convert_transcript
from tei_edition.ingest.decode import decode_source
from tei_edition.register import Edition, load_edition, parse_edition
from tei_edition.textform import normalise, source_without_dropped, tei_to_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
FAMILY_FILES = sorted(TRANSCRIPTS.glob("*.txt"))


def convert(path: Path, edition: Edition | None = None):
    edition = edition or Edition(root=path.parent)
    result = convert_transcript(path.read_bytes(), path, edition)
    return result, etree.fromstring(result.tei)


def speakers(tree) -> Counter:
    return Counter(sp.get("who") for sp in tree.xpath("//t:sp", namespaces=NS))


def one(tree, path):
    return tree.xpath(f"string({path})", namespaces=NS)


# -- label forms ------------------------------------------------------------------

LABELS = {
    "colon-labels-memcon.txt": {"#llewellyn-thompson": 3, "#andrei-gromyko": 2},
    "caps-stop-labels.txt": {"#khrushchev": 2, "#gomulka": 2},  # ids are ASCII (ids.py)
    "caps-verb-memorandum.txt": {"#konig": 2, "#zorin": 2},
    "label-alone.txt": {"#mikoyan": 2, "#suslov": 1},
    "side-labels.txt": {"#zhou-enlai": 2, "#mikoyan": 2},
    "interview-qa.txt": {"#interviewer": 3, "#respondent": 3},
    "alias-hereafter.txt": {"#mikhail-gorbachev": 3, "#george-shultz": 2},
    "tape-unknown.txt": {"#kennedy": 2, "#unidentified": 3},
    "hungarian-nameroles.txt": {"#kim-il-sung": 2, "#karoly-prath": 1},
    "crlf-nbsp-quotes.txt": {"#mikoyan": 2, "#rim-hae": 1},
    "bom-footnotes.txt": {"#mikoyan": 2, "#rim-hae": 1},
    "unknown-citation.txt": {"#puzanov": 2, "#kim": 1},
    "narrative-memorandum.txt": {},
    "us-memcon-fields.txt": {},
}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_label_forms(name):
    _, tree = convert(TRANSCRIPTS / name)
    assert speakers(tree) == LABELS[name]


def test_every_speaker_is_a_listed_person():
    for path in FAMILY_FILES:
        _, tree = convert(path)
        ids = set(tree.xpath("//t:particDesc//t:person/@xml:id", namespaces=NS))
        for sp in tree.xpath("//t:sp", namespaces=NS):
            assert sp.get("who")[1:] in ids, (path.name, sp.get("who"))


def test_caps_verb_keeps_the_verb_in_the_speech():
    _, tree = convert(TRANSCRIPTS / "caps-verb-memorandum.txt")
    first = tree.xpath("//t:sp", namespaces=NS)[0]
    assert one(first, "t:speaker") == "KÖNIG"
    assert one(first, "t:p").startswith("said that the delegation")


def test_alias_resolves_later_labels():
    _, tree = convert(TRANSCRIPTS / "alias-hereafter.txt")
    labels = [(sp.get("who"), one(sp, "t:speaker")) for sp in tree.xpath("//t:sp", namespaces=NS)]
    assert labels[2] == ("#mikhail-gorbachev", "MG:")


def test_caps_stop_does_not_take_sentences_for_labels():
    _, tree = convert(TRANSCRIPTS / "caps-stop-labels.txt")
    text = "".join(tree.xpath("//t:body", namespaces=NS)[0].itertext())
    assert "U.S. newspapers already write about a crisis." in text
    assert not tree.xpath("//t:sp[t:speaker='U.S.']", namespaces=NS)


def test_unlabelled_memorandum_is_paragraphs():
    _, tree = convert(TRANSCRIPTS / "narrative-memorandum.txt")
    assert not tree.xpath("//t:sp", namespaces=NS)
    paragraphs = tree.xpath("//t:body/t:div/t:p", namespaces=NS)
    assert len(paragraphs) == 3
    assert tree.xpath("//t:body/t:div/t:p/t:pb[@n='2']", namespaces=NS) or \
        tree.xpath("//t:pb[@n='2']", namespaces=NS)
    assert one(tree, "//t:sic") == "Party"
    assert one(tree, "//t:closer/t:signed/t:persName") == "V. Ivanov"
    assert one(tree, "//t:back//t:note[@xml:id='fn-1']") == "The report was sent on 25 September 1956."
    assert tree.xpath("//t:ref[@target='#fn-1']", namespaces=NS)
    assert one(tree, "//t:classCode") == "Confidential"


def test_memorandum_header_fields_time_and_bulleted_participants():
    result, tree = convert(TRANSCRIPTS / "us-memcon-fields.txt")
    assert result.document.unplaced == []
    date = tree.xpath("//t:creation/t:date", namespaces=NS)[0]
    assert date.get("when") == "1958-10-03"
    time = date.xpath("t:time", namespaces=NS)[0]
    assert (time.get("from"), time.get("to"), time.text) == ("15:00:00", "16:15:00", "3:00–4:15 p.m.")
    assert one(tree, "//t:creation/t:placeName") == "Secretary's Office, Department of State"
    assert one(tree, "//t:body//t:ab[@type='subject']") == "Subject: Taiwan Strait"
    items = tree.xpath("//t:list[@type='participants']/t:item", namespaces=NS)
    assert [i.get("n") for i in items] == ["•", "•", "•"]
    assert one(tree, "//t:person[@xml:id='menshikov']/t:affiliation/t:roleName") == "Soviet Embassy"
    assert one(tree, "//t:classCode") == "SECRET"
    assert one(tree, "//t:msIdentifier/t:idno[@type='file']") == "793.00/10-358"


# -- participants layouts --------------------------------------------------------------

def test_participants_one_per_line_grouped_by_side():
    _, tree = convert(TRANSCRIPTS / "colon-labels-memcon.txt")
    groups = tree.xpath("//t:particDesc/t:listPerson", namespaces=NS)
    assert [one(g, "t:head") for g in groups] == ["American side", "Soviet side"]
    assert [len(g.xpath("t:person", namespaces=NS)) for g in groups] == [2, 2]
    assert one(tree, "//t:person[@xml:id='andrei-gromyko']/t:affiliation/t:roleName") == \
        "Minister of Foreign Affairs"
    listing = tree.xpath("//t:body//t:list[@type='participants']", namespaces=NS)[0]
    assert one(listing, "t:head") == "Participants:"
    assert [one(item, "t:list/t:head") for item in listing.xpath("t:item", namespaces=NS)] == \
        ["American side:", "Soviet side:"]


def test_participants_as_name_and_role_columns():
    _, tree = convert(TRANSCRIPTS / "hungarian-nameroles.txt")
    people = tree.xpath("//t:particDesc//t:person", namespaces=NS)
    assert [(one(p, "t:persName"), one(p, "t:affiliation/t:roleName")) for p in people] == [
        ("Kim Il Sung", "Chairman of the KWP CC"), ("Pak Chang-ok", "Vice-Premier"),
        ("Károly Práth", "Ambassador of Hungary")]


def test_speakers_not_in_a_participants_list_are_listed():
    _, tree = convert(TRANSCRIPTS / "interview-qa.txt")
    heads = tree.xpath("//t:particDesc/t:listPerson/t:head/text()", namespaces=NS)
    assert heads == ["Speakers"]
    assert tree.xpath("//t:person[@xml:id='interviewer']/t:persName/text()", namespaces=NS) == ["Interviewer"]


# -- dates -------------------------------------------------------------------------

DATES = {
    "caps-stop-labels.txt": ("1956-10-19", "19 X 56"),
    "caps-verb-memorandum.txt": ("1956-09-17", "17.09.1956"),
    "label-alone.txt": ("1956-09", "September 1956"),
    "narrative-memorandum.txt": ("1956-09-17", "September 17, 1956"),
    "hungarian-nameroles.txt": ("1957-09", "1957. szeptember"),
    "bom-footnotes.txt": ("1958-06", "June 1958"),
}


@pytest.mark.parametrize("name", sorted(DATES))
def test_document_dates(name):
    _, tree = convert(TRANSCRIPTS / name)
    docdate = tree.xpath("//t:front/t:docDate", namespaces=NS)[0]
    assert (docdate.get("when"), docdate.text) == DATES[name]


def test_date_with_time_range():
    _, tree = convert(TRANSCRIPTS / "side-labels.txt")
    date = tree.xpath("//t:creation/t:date", namespaces=NS)[0]
    assert date.get("when") == "1956-09-16"
    time = date.xpath("t:time", namespaces=NS)[0]
    assert (time.get("from"), time.get("to")) == ("10:00:00", "12:30:00")


def test_meeting_date_from_a_heading_line():
    _, tree = convert(TRANSCRIPTS / "colon-labels-memcon.txt")
    assert one(tree, "//t:creation/t:date/@when") == "1961-03-03"
    _, tree = convert(TRANSCRIPTS / "alias-hereafter.txt")
    assert one(tree, "//t:creation/t:date/@when") == "1988-02-22"


# -- citations -----------------------------------------------------------------------

CITATIONS = {
    "narrative-memorandum.txt": ("AVP RF", [("fond", "0102"), ("opis", "12")], [("delo", "68")], ("4", "14")),
    "label-alone.txt": ("RGANI", [("fond", "3"), ("opis", "12")], [("delo", "1005")], ("45", "47")),
    "caps-verb-memorandum.txt": ("SAPMO-BArch", [("bestand", "DY 30")], [("signatur", "IV 2/2.035/43")], ("12", "15")),
    "hungarian-nameroles.txt": ("MNL OL", [("fond", "XIX-J-1-j Korea"), ("doboz", "11")],
                                [("file", "24/b"), ("file", "005426/1957")], None),
    "caps-stop-labels.txt": ("AAN", [("zespol", "KC PZPR")], [("sygnatura", "2639")], ("1", "20")),
    "side-labels.txt": ("PRC FMA", [], [("file", "109-00763-05")], ("1", "12")),
    "colon-labels-memcon.txt": ("NARA", [("record-group", "59"), ("series", "Central Decimal File, 1960-63")],
                                [("file", "611.61/3-361"), ("box", "1245")], None),
    "tape-unknown.txt": ("John F. Kennedy Presidential Library", [("series", "Presidential Recordings")],
                         [("tape", "28"), ("cassette", "28A")], None),
}


@pytest.mark.parametrize("name", sorted(CITATIONS))
def test_citation_families(name):
    _, tree = convert(TRANSCRIPTS / name)
    repository, collections, idnos, locus = CITATIONS[name]
    ident = tree.xpath("//t:msIdentifier", namespaces=NS)[0]
    assert one(ident, "t:repository") == repository
    assert [(c.get("type"), c.text) for c in ident.xpath("t:collection", namespaces=NS)] == collections
    assert [(c.get("type"), c.text) for c in ident.xpath("t:idno", namespaces=NS)] == idnos
    if locus:
        node = tree.xpath("//t:msItem/t:locus", namespaces=NS)[0]
        assert (node.get("from"), node.get("to")) == locus
    assert one(tree, "//t:sourceDesc/t:bibl[@type='source']")


def test_unknown_citation_is_kept_whole():
    result, tree = convert(TRANSCRIPTS / "unknown-citation.txt")
    assert not tree.xpath("//t:msDesc", namespaces=NS)
    assert one(tree, "//t:sourceDesc/t:bibl[@type='source']") == \
        'Source: Private collection of the Smith family, folder "Korea", item 5.'


# -- text quirks ----------------------------------------------------------------------

def test_crlf_nbsp_curly_quotes_and_glued_page_marker():
    result, tree = convert(TRANSCRIPTS / "crlf-nbsp-quotes.txt")
    first = tree.xpath("//t:sp", namespaces=NS)[0]
    assert one(first, "t:speaker") == "Cde. Mikoyan -"
    assert "\u201cHow\u201d does he feel" in one(first, "t:p")
    assert first.xpath("t:p/t:pb[@n='3']", namespaces=NS)
    assert "\r" not in result.tei.decode()
    assert any("line ends" in note for note in result.document.notes)


def test_byte_order_mark_and_footnote_styles():
    result, tree = convert(TRANSCRIPTS / "bom-footnotes.txt")
    assert "\ufeff" not in result.tei.decode()
    notes = tree.xpath("//t:back//t:note", namespaces=NS)
    assert [(n.get("n"), n.get("rend"), "".join(n.itertext())) for n in notes] == [
        ("1", "caret", "Said in Korean."), ("2", "superscript", "Said in Russian.")]
    assert len(tree.xpath("//t:ref[@type='footnote']", namespaces=NS)) == 2


# -- the edition's own rules --------------------------------------------------------------

def test_edition_can_add_its_own_speaker_label_pattern(tmp_path):
    source = tmp_path / "angle.txt"
    source.write_text("10 May 1960\n\nSMITH> We begin.\n\nJONES> Agreed.\n\nSMITH> Good.\n")
    plain, _ = convert(source)
    assert not plain.document.turns()
    edition = parse_edition({"rules": {"speaker_labels": [
        r"^(?P<label>(?P<name>[A-Z]{2,})>)\s*(?P<rest>.*)$"]}}, tmp_path)
    result, tree = convert(source, edition)
    assert speakers(tree) == {"#smith": 2, "#jones": 1}
    assert one(tree, "//t:sp[1]/t:speaker") == "SMITH>"


# -- validity and round trip -----------------------------------------------------------------

def test_every_output_is_valid_tei_p5(tmp_path, validator):
    paths = []
    for source in FAMILY_FILES + [SAMPLE]:
        edition = load_edition(SAMPLE_EDITION) if source == SAMPLE else Edition(root=source.parent)
        result = convert_transcript(source.read_bytes(), source, edition)
        target = tmp_path / f"{source.stem}.xml"
        target.write_bytes(result.tei)
        paths.append(str(target))
    report = validator.validate(paths)
    assert report.skipped_layers == {}, "jing must run here"
    assert report.faults == [], "\n".join(f"{f.file}:{f.line}: {f.layer}/{f.rule}: {f.message}"
                                          for f in report.faults)


def round_trip(data: bytes, path: Path, edition: Edition) -> tuple[str, str]:
    result = convert_transcript(data, path, edition)
    lines = decode_source(data, str(path))
    source = source_without_dropped(lines, {n for n, _, _ in result.document.dropped})
    return normalise(source), normalise(tei_to_text(result.tei))


@pytest.mark.parametrize("path", FAMILY_FILES + [SAMPLE], ids=lambda p: p.name)
def test_round_trip(path):
    edition = load_edition(SAMPLE_EDITION) if path == SAMPLE else Edition(root=path.parent)
    source, text = round_trip(path.read_bytes(), path, edition)
    assert text == source


# Generated transcripts: words, speaker labels, brackets of every kind, noise.
_word = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x4FF),
                min_size=1, max_size=8)
_phrase = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_bracket = st.one_of(
    _phrase.map(lambda p: f"[{p}]"),
    _phrase.map(lambda p: f"[inserted: {p}]"),
    st.sampled_from(["[?]", "[illegible]", "[…]", "[...]", "[sic]", "[Page 2]", "[laughter]"]),
    st.sampled_from(["[", "]", "<script>", "&amp;", '"', "'", "*", "#", "//", "\u00a0"]),
)
_sentence = st.lists(st.one_of(_phrase, _bracket), min_size=1, max_size=8).map(" ".join)
_label = st.sampled_from(["Cde. Mikoyan -", "Cde. Choe Yong-geon -", "Rim Hae:", "MIKOYAN.",
                          "Q:", "A:", "", ""])


@st.composite
def transcripts(draw):
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["September 17, 1956", "19 X 56", "17.09.1956"])))
    if draw(st.booleans()):
        lines.append(draw(_phrase))
    for _ in range(draw(st.integers(1, 8))):
        label = draw(_label)
        lines.append(f"{label} {draw(_sentence)}".strip())
    if draw(st.booleans()):
        lines.append("Recorded by " + draw(_phrase).title())
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
    return separator.join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts().filter(str.strip))  # a text of spaces alone is an empty file, an error
def test_generated_transcripts_round_trip(text):
    path = Path("generated.txt")
    edition = load_edition(SAMPLE_EDITION)
    data = text.encode("utf-8")
    result = convert_transcript(data, path, edition)
    etree.fromstring(result.tei)  # well-formed
    source, back = round_trip(data, path, edition)
    assert back == source


def test_turn_holding_only_a_page_break_round_trips(tmp_path):
    path = tmp_path / "pb.txt"
    path.write_text("Cde. Mikoyan - [Page 2]\n\nCde. Rim Hae - Yes.\n\nCde. Mikoyan - Good.\n")
    source, text = round_trip(path.read_bytes(), path, Edition(root=tmp_path))
    assert text == source
