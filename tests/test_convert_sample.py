"""The reference transcript (DESIGN §3, issue 2 §4): every row of the encoding table."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from conftest import SAMPLE, SAMPLE_EDITION
from tei_edition.ingest import convert_transcript
from tei_edition.register import load_edition

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def converted():
    edition = load_edition(SAMPLE_EDITION)
    return convert_transcript(SAMPLE.read_bytes(), SAMPLE, edition)


@pytest.fixture(scope="module")
def tei(converted):
    return etree.fromstring(converted.tei)


def xp(tree, path):
    return tree.xpath(path, namespaces=NS)


def test_52_turns_by_three_speakers(tei):
    turns = xp(tei, "//t:sp")
    assert len(turns) == 52
    assert Counter(sp.get("who") for sp in turns) == {
        "#mikoyan": 24, "#choe-yong-geon": 20, "#rim-hae": 8}


def test_doubled_honorific_label_kept_as_printed_and_resolved(tei):
    doubled = xp(tei, "//t:sp[starts-with(t:speaker, 'Cde. Cde.')]")
    assert len(doubled) == 3
    assert {sp.get("who") for sp in doubled} == {"#rim-hae"}
    assert xp(doubled[0], "string(t:speaker)") == "Cde. Cde. Rim Hae -"


def test_stage_direction_after_label(tei):
    assert xp(tei, "//t:sp/t:stage/text()") == ["(clarifies)"]


def test_three_insertions(tei):
    assert [a.text for a in xp(tei, "//t:add")] == [
        "With respect to", "a proposal was made", "him from the Party"]


def test_supplied_words(tei):
    supplied = [s.text for s in xp(tei, "//t:text//t:supplied")]
    for word in ("him", "it", "you", "we", "they", "Was", "Ju-yeon"):
        assert word in supplied, word


def test_query_encoded_as_documented(tei):
    queries = xp(tei, "//t:note[@type='query']")
    assert len(queries) == 1
    assert queries[0].get("place") == "inline" and queries[0].text == "?"
    assert xp(queries[0], "string(preceding-sibling::node()[1])").endswith("right now ")


def test_ten_participants_in_two_groups_with_roles(tei):
    groups = xp(tei, "//t:particDesc/t:listPerson")
    assert [len(xp(g, "t:person")) for g in groups] == [6, 4]
    assert xp(groups[0], "string(t:head)") == "Soviet delegation"
    assert xp(groups[1], "string(t:head)") == "The Korean delegation"
    ids = xp(tei, "//t:particDesc//t:person/@xml:id")
    assert ids == ["mikoyan", "mukhitdinov", "ponomarev", "kapitonov", "yudin", "satyukov",
                   "choe-yong-geon", "rim-hae", "ri-ju-yeon", "ha-ang-cheon"]
    for person in xp(tei, "//t:particDesc//t:person"):
        assert xp(person, "string(t:persName)")
        assert xp(person, "t:affiliation/t:roleName"), person.get("{http://www.w3.org/XML/1998/namespace}id")
    choe = xp(tei, "//t:person[@xml:id='choe-yong-geon']")[0]
    assert "leader of the delegation" in xp(choe, "string(t:affiliation[1]/t:roleName)")


def test_participants_stay_in_the_text_with_references(tei):
    ab = xp(tei, "//t:ab[@type='participants']")[0]
    assert "".join(ab.itertext()).startswith("Present: Cdes. Mikoyan, Mukhitdinov")
    refs = xp(ab, "t:persName/@ref")
    assert len(refs) == 10 and "#ri-ju-yeon" in refs
    assert xp(ab, "string(t:persName[@ref='#ri-ju-yeon']/t:supplied)") == "Ju-yeon"


def test_dates(tei):
    assert xp(tei, "string(//t:front/t:docDate/@when)") == "1956-09-17"
    assert xp(tei, "string(//t:front/t:docDate)") == "September 17, 1956"
    assert xp(tei, "string(//t:profileDesc/t:creation/t:date/@when)") == "1956-09-16"
    assert xp(tei, "string(//t:body/t:div[1]/t:head/t:date/@when)") == "1956-09-16"


def test_classification_kept_and_classified(tei):
    assert xp(tei, "string(//t:front/t:ab[@type='classification'])") == "Top Secret"
    assert xp(tei, "string(//t:textClass/t:classCode[@scheme='#security-classification'])") == "Top Secret"
    assert xp(tei, "//t:taxonomy[@xml:id='security-classification']")


def test_two_divisions_meeting_and_lunch(tei):
    divs = xp(tei, "//t:body/t:div")
    assert len(divs) == 2
    assert xp(divs[1], "string(t:head)") == "from a conversation over lunch."
    assert len(xp(divs[0], "t:sp")) + len(xp(divs[1], "t:sp")) == 52
    assert len(xp(divs[1], "t:sp")) == 14


def test_closer_with_recorder(tei):
    signed = xp(tei, "//t:body/t:closer/t:signed")[0]
    assert "".join(signed.itertext()) == "Recorded by V. Kovyzhenko"
    assert xp(signed, "string(t:persName)") == "V. Kovyzhenko"


def test_summary_is_the_abstract(tei):
    abstract = "".join(xp(tei, "//t:profileDesc/t:abstract")[0].itertext())
    assert "Mikoyan and Choe Yong-geon dominate the discussion" in abstract
    assert "Mikoyan and Choe Yong-geon dominate" not in "".join(xp(tei, "//t:body")[0].itertext())


def test_archival_citation(tei):
    ident = xp(tei, "//t:msDesc/t:msIdentifier")[0]
    assert xp(ident, "string(t:repository)") == "GARF"
    assert xp(ident, "string(t:collection[@type='fond'])") == "5446"
    assert xp(ident, "string(t:collection[@type='opis'])") == "98c"
    assert xp(ident, "string(t:idno[@type='delo'])") == "718"
    locus = xp(tei, "//t:msContents/t:msItem/t:locus")[0]
    assert (locus.get("from"), locus.get("to")) == ("49", "57")
    assert xp(tei, "string(//t:msItem/t:title)").startswith("Conversation with the Delegation")
    assert xp(tei, "string(//t:sourceDesc/t:bibl[@type='source'])").startswith(
        "GARF, Fond 5446, Opis 98c, Delo 718, Listy 49-57.")


def test_translator(tei):
    assert xp(tei, "string(//t:titleStmt/t:respStmt[t:resp='Translated by']/t:persName)") == "Gary Goldberg"


def test_rights_text_and_hidden_address(tei):
    availability = "".join(xp(tei, "//t:publicationStmt/t:availability")[0].itertext())
    assert "welcomes reuse of Digital Archive materials" in availability
    gap = xp(tei, "//t:availability//t:gap")[0]
    assert gap.get("reason") == "hidden-by-source"
    assert xp(gap, "string(t:desc)") == "email protected"


def test_no_page_furniture_in_the_text(converted, tei):
    everything = "".join(tei.itertext())
    for furniture in ("Skip to content", "Document Information", "Original Uploaded Date", "Record ID"):
        assert furniture not in everything
    assert [line for line, _, _ in converted.document.dropped] == [1, 197, 207, 211]


def test_mentions_of_registered_persons_are_tagged(tei):
    assert xp(tei, "//t:sp//t:persName[@ref='#kim-il-sung']")
    mentioned = xp(tei, "//t:standOff/t:listPerson[@type='mentioned']/t:person/@xml:id")
    assert "kim-il-sung" in mentioned and "yun-kong-hum" in mentioned
    # every pointer resolves inside the file
    ids = set(xp(tei, "//@xml:id"))
    for ref in xp(tei, "//@ref | //@who"):
        assert ref[1:] in ids, ref


def test_header_instructions_and_provenance(converted, tei):
    import hashlib

    head = converted.tei.split(b"\n", 2)
    assert head[0] == b'<?xml version="1.0" encoding="UTF-8"?>'
    assert head[1].startswith(b"<?xml-model href=") and b"tei_all.rng" in head[1]
    change = xp(tei, "string(//t:revisionDesc/t:change)")
    assert "tei-edition 0.1.0" in change
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() in change


def test_deterministic(converted):
    edition = load_edition(SAMPLE_EDITION)
    again = convert_transcript(SAMPLE.read_bytes(), SAMPLE, edition)
    assert again.tei == converted.tei
