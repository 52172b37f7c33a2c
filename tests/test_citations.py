"""Archival citations: each family read part by part, wherever the citation stands.

Every citation here is invented, in the shapes the archives print."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_edition.ingest import convert_transcript
from tei_edition.ingest.citations import find_citation, read_citation
from tei_edition.register import Edition

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def values(citation) -> dict:
    """What a reader of the TEI sees: the repository, each part with its type, the folios."""
    return {"family": citation.family, "repository": citation.repository,
            "collections": citation.collections, "idnos": citation.idnos,
            "locus": (citation.locus_from, citation.locus_to) if citation.locus_from else None}


def proper(citation) -> str:
    start, end = citation.span
    return citation.text[start:end]


# -- one family at a time: (the block as printed, family, repository, collections, idnos, locus)

FAMILIES = [
    ("GARF, Fond 9401, Opis 2, Papka 14, Delo 305, Listy 2-6.", "russian", "GARF",
     [("fond", "9401"), ("opis", "2"), ("papka", "14")], [("delo", "305")], ("2", "6")),
    ("AVP RF, f. 0213, op. 7, p. 41, d. 9, ll. 12-19ob.", "russian", "AVP RF",
     [("fond", "0213"), ("opis", "7"), ("papka", "41")], [("delo", "9")], ("12", "19ob.")),
    ("APRF. Collection 3. Inventory 66. File 212. Sheets 7-11. Original.", "russian", "APRF",
     [("fond", "3"), ("opis", "66")], [("delo", "212")], ("7", "11")),
    ("TsKhSD, f. 89, per. 12, dok. 7.", "russian", "TsKhSD",
     [("fond", "89"), ("perechen", "12")], [("dokument", "7")], None),
    ("SAPMO-BArch, DY 30/J IV 2/202/88, Bl. 4-9.", "german", "SAPMO-BArch",
     [("bestand", "DY 30")], [("signatur", "J IV 2/202/88")], ("4", "9")),
    ("SAPMO-BA, DY 30, 3391", "german", "SAPMO-BA", [("bestand", "DY 30")], [("signatur", "3391")], None),
    ("BStU, MfS, ZAIG 5102, Bl. 14-20.", "german", "BStU",
     [("bestand", "MfS")], [("signatur", "ZAIG 5102")], ("14", "20")),
    ("PA AA, MfAA, C 417/75, Bd. 2", "german", "PA AA",
     [("bestand", "MfAA")], [("signatur", "C 417/75"), ("band", "2")], None),
    ("MNL OL, 288. f. 5/412. ő.e.", "hungarian", "MNL OL", [("fond", "288")], [("oe", "5/412")], None),
    ("MOL, XIX-J-1-k, 7. doboz, 18/c, 00731/1959.", "hungarian", "MOL",
     [("fond", "XIX-J-1-k"), ("doboz", "7")], [("file", "18/c"), ("file", "00731/1959")], None),
    ("AAN, KC PZPR, paczka 7, teczka 44, str. 12-15", "polish", "AAN",
     [("zespol", "KC PZPR")], [("paczka", "7"), ("teczka", "44")], ("12", "15")),
    ("ANIC, fond CC al PCR – Relații Externe, file no.31/1968, ff.5-27", "romanian", "ANIC",
     [("fond", "CC al PCR – Relații Externe")], [("dosar", "31/1968")], ("5", "27")),
    ("SÚA, fond 02/2, svazek 18, a.j. 77, bod 4", "czech", "SÚA",
     [("fond", "02/2"), ("svazek", "18")], [("aj", "77"), ("bod", "4")], None),
    ("Central State Archive, Prague, KSČ-ÚV-02/1, sv. 56, ar.j. 58", "czech", "Central State Archive, Prague",
     [("fond", "KSČ-ÚV-02/1"), ("svazek", "56")], [("aj", "58")], None),
    ("AMZV, TO-T 1960-64, Vietnam, k. 2", "czech", "AMZV",
     [("fond", "TO-T 1960-64"), ("series", "Vietnam")], [("karton", "2")], None),
    ("TsDA, f. 1-B, op. 51, a.e. 820, l. 3-9", "bulgarian", "TsDA",
     [("fond", "1-B"), ("opis", "51")], [("ae", "820")], ("3", "9")),
    ("CDA, f. 146 B, op. 2, ae. 15.", "bulgarian", "CDA", [("fond", "146 B"), ("opis", "2")],
     [("ae", "15")], None),
    ("CSA, Sofia, Fond 378-B, op. 1, a.e. 12", "bulgarian", "CSA",
     [("fond", "378-B"), ("opis", "1")], [("ae", "12")], None),
    ("AQSh, F. 14/AP, V. 1964, D. 27, fl. 4-10", "albanian", "AQSh",
     [("fond", "14/AP"), ("viti", "1964")], [("dosja", "27")], ("4", "10")),
    ("PRC FMA 117-01142-02, 5-18", "chinese", "PRC FMA", [], [("file", "117-01142-02")], ("5", "18")),
    ('National Archives, RG 59, Entry 5312, Box 8, Folder "Vienna Talks".', "us", "National Archives",
     [("record-group", "59"), ("entry", "5312")], [("box", "8"), ("folder", '"Vienna Talks"')], None),
    ("Source: Department of State, Central Files, 711.62/4–1163. Confidential. Drafted by Paul Ainsley.",
     "us", "Department of State", [("series", "Central Files")], [("file", "711.62/4–1163")], None),
    ("//Source: Department of State, Policy Planning Staff Files: Lot 69 D 121, Berlin Talks. Secret.",
     "us", "Department of State", [("series", "Policy Planning Staff Files")],
     [("lot", "Lot 69 D 121"), ("folder", "Berlin Talks")], None),
    ("Source: Carter Library, Brzezinski Office File, Country Chron File, Box 11, Egypt: 9–12/78. Secret.",
     "us", "Carter Library", [("series", "Brzezinski Office File"), ("series", "Country Chron File")],
     [("box", "11"), ("folder", "Egypt: 9–12/78")], None),
    ("Source: Library of Congress, Manuscript Division, Kissinger Papers, Box 396, Telephone "
     "Conversations, Home File, May–Nov 1971.", "us", "Library of Congress",
     [("series", "Manuscript Division"), ("series", "Kissinger Papers")],
     [("box", "396"), ("folder", "Telephone Conversations"), ("folder", "Home File, May–Nov 1971")], None),
    ("Office of the Federal Commissioner for the Stasi Records (BStU), MfS, ZAIG 5382, p. 1-19.",
     "german", "Office of the Federal Commissioner for the Stasi Records (BStU)",
     [("bestand", "MfS")], [("signatur", "ZAIG 5382")], ("1", "19")),
    ("Source: Eisenhower Library, Whitman File, Dulles–Herter Series. Top Secret.", "us",
     "Eisenhower Library", [("series", "Whitman File"), ("series", "Dulles–Herter Series")], [], None),
    ("Kennedy Library, President's Office Files, Presidential Recordings, Meetings. No classification.",
     "us", "Kennedy Library", [("series", "President's Office Files"),
                               ("series", "Presidential Recordings"), ("series", "Meetings")], [], None),
    ("Source: Truman Library, Acheson Papers, Memoranda of Talks, 1949–1950, Box 12. Secret.",
     "us", "Truman Library", [("series", "Acheson Papers"), ("series", "Memoranda of Talks, 1949–1950")],
     [("box", "12")], None),
    ("Archiwum Akt Nowych (AAN), KC PZPR, sygn. XII A/31, k. 8-11", "polish", "Archiwum Akt Nowych (AAN)",
     [("zespol", "KC PZPR")], [("sygnatura", "XII A/31")], ("8", "11")),
    ("Source: Washington National Records Center, RG 330, OSD Files: FRC 71 A 4402, 092 Laos. Secret.",
     "us", "Washington National Records Center",
     [("record-group", "330"), ("series", "OSD Files"), ("series", "092 Laos")],
     [("accession", "FRC 71 A 4402")], None),
    ("Source: Department of State, Central Files, POL 15 LAOS S. Secret; Priority. Drafted by X.",
     "us", "Department of State", [("series", "Central Files"), ("series", "POL 15 LAOS S")], [], None),
    ("HL Deb 12 March 1958 vol 207 cc301-9", "hansard", "HL Deb", [("volume", "207")], [], ("301", "309")),  # columns 301 to 309
    ("TNA, FO 371/135612", "uk", "TNA", [("department", "FO"), ("series", "371")],
     [("piece", "135612")], None),
    ("Catalogue Reference:CAB/128/33/9", "uk", "The National Archives (UK)",
     [("department", "CAB"), ("series", "128")], [("piece", "33"), ("item", "9")], None),
]


@pytest.mark.parametrize("printed, family, repository, collections, idnos, locus", FAMILIES,
                         ids=[f[1] + "-" + f[0][:24] for f in FAMILIES])
def test_each_family_reads_each_part_into_its_own_field(printed, family, repository,
                                                        collections, idnos, locus):
    citation = read_citation(printed, 7)
    assert values(citation) == {"family": family, "repository": repository,
                                "collections": collections, "idnos": idnos, "locus": locus}
    assert citation.line == 7 and citation.warning == ""
    assert citation.text == printed   # kept whole as printed, for the bibl
    assert find_citation(printed, 7).span == citation.span


# -- where the citation stands --------------------------------------------------------

def test_the_citation_proper_excludes_the_label_and_what_follows_it():
    note = ("Source: Department of State, Central Files, 711.62/4–1163. Confidential. "
            "Drafted by Paul Ainsley and approved in S on April 14.")
    citation = read_citation(note, 1)
    assert proper(citation) == "Department of State, Central Files, 711.62/4–1163"
    spelled = read_citation("APRF. Collection 3. Inventory 66. File 212. Sheets 7-11. Original.", 1)
    assert proper(spelled) == "APRF. Collection 3. Inventory 66. File 212. Sheets 7-11"


def test_the_digital_archives_citation_paragraph():
    paragraph = ('"Record of a Talk between Comrade Ivo Marek and Comrade Li Tan," May 4, 1963, '
                 "History and Public Policy Program Digital Archive, AVP RF, f. 0213, op. 7, "
                 "p. 41, d. 9, ll. 12-19. Translated by Anna Brook.")
    for citation in (read_citation(paragraph, 3), find_citation("Summary of the talk. " + paragraph, 3)):
        assert citation.repository == "AVP RF"
        assert citation.idnos == [("delo", "9")] and citation.locus_to == "19"
        assert proper(citation) == "AVP RF, f. 0213, op. 7, p. 41, d. 9, ll. 12-19"
    named = read_citation('"Talk with Minister Oh," June 2, 1971, History and Public Policy Program '
                          "Digital Archive, Archive of the Ministry of Culture of Ruritania.", 1)
    assert (named.family, named.repository) == ("repository", "Archive of the Ministry of Culture of Ruritania")
    # a known archive with no signature, then where the copy came from
    bare = read_citation('"Record of a Dinner," May 1, 1962, History and Public Policy Program Digital '
                         "Archive, AVP RF; obtained by a broadcaster, copy on file at a library.", 1)
    assert (bare.family, bare.repository, bare.collections, bare.idnos) == ("russian", "AVP RF", [], [])
    party = read_citation('"Account of a Reception," October 4, 1961, History and Public Policy Program '
                          "Digital Archive, AQPPSH, MPP Korese, V. 1961, D4. Translated by A. Translator.", 1)
    assert (party.family, party.repository) == ("albanian", "AQPPSH")
    assert ("viti", "1961") in party.collections


def test_an_archive_of_no_family_named_before_a_known_signature():
    citation = find_citation("4[Source: Archive of the Lindqvist Foundation, Fond 2. Opis 5. "
                             "Copy on file elsewhere.]", 9)
    assert (citation.repository, citation.collections) == (
        "Archive of the Lindqvist Foundation", [("fond", "2"), ("opis", "5")])


@pytest.mark.parametrize("text, repository, part", [
    ("Archival Signature: SAPMO-BArch, DY 30/J IV 2/202/88", "SAPMO-BArch", ("signatur", "J IV 2/202/88")),
    ("Original Archive: PA AA, MfAA, C 417/75, Bl. 3-8", "PA AA", ("signatur", "C 417/75")),
    ("/4/Source: Department of State, Central Files, 611.93/2–462. Secret.", "Department of State",
     ("file", "611.93/2–462")),
    ("- Source: Ford Library, Staff Files, Box 31. Secret; Nodis.", "Ford Library", ("box", "31")),
])
def test_citation_fields(text, repository, part):
    citation = read_citation(text, 1)
    assert citation.repository == repository and part in citation.idnos


def test_a_citation_inside_a_paragraph_or_a_footnote_body():
    speech = ("As the ambassador's report of the same day shows (RGASPI, f. 82, op. 2, d. 1291, "
              "ll. 40-44), the delegation left early.")
    citation = find_citation(speech, 12)
    assert citation.family == "russian" and citation.line == 12
    assert proper(citation) == "RGASPI, f. 82, op. 2, d. 1291, ll. 40-44"
    footnote = ("  3. Rusk phoned Harlan at noon. (Department of State, Rusk Files: Lot 74 D 164, "
                "Telephone Calls) The call is not printed.")
    citation = find_citation(footnote, 30)
    assert citation.repository == "Department of State"
    assert ("lot", "Lot 74 D 164") in citation.idnos
    numbered = "  1. Source: Department of State, Central Files, 033.1100/6–1461. Secret."
    assert find_citation(numbered, 2).idnos == [("file", "033.1100/6–1461")]
    assert read_citation(numbered, 2) is None   # a numbered note is a footnote, not a citation block


def test_a_document_number_that_names_its_archive():
    ocr = ("Approved For Release 2004/05/12 : CIA-RDP79T00975A003400210001-7 TOP SECRET "
           "CURRENT INTELLIGENCE BULLETIN")
    citation = find_citation(ocr, 1)
    assert citation.repository == "CIA (CREST)"
    assert citation.idnos == [("document", "CIA-RDP79T00975A003400210001-7")]
    # the number of a later release series has a hyphen after its two-digit year
    later = "Approved For Release 2007/05/21: CIA-RDP88-01070R000100670007-5 RADIO TV REPORTS"
    assert find_citation(later, 1).idnos == [("document", "CIA-RDP88-01070R000100670007-5")]
    assert read_citation("CIA-RDP88-01070R000100670007-5", 6).repository == "CIA (CREST)"


def test_a_cia_release_stamp_that_ocr_spaced_and_that_falls_inside_a_speech(tmp_path):
    """An OCR'd stenographic record: the page's release stamp, its number spaced by OCR,
    stands between two lines of one speaker's turn. It is the document's citation, kept
    where it stands, as printed."""
    text = ('NOTES OF CONVERSATION, 2 MAY 1958\n\nA- "Did you see the paper?"\n\nB- "Yes."\n\n'
            'A- "The front page said it all.\n\n'
            'Approved For Release 2003/04/11 : CIA-RDP80R01 731 R00090001 0005-1\n\n'
            'I thought so too."\n\nB- "Quite."\n')
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    result = convert_transcript(path.read_bytes(), path, Edition(root=tmp_path))
    citation = result.document.citation
    assert citation.repository == "CIA (CREST)"
    assert citation.idnos == [("document", "CIA-RDP80R01 731 R00090001 0005-1")]
    tree = etree.fromstring(result.tei)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert tree.xpath("string(//t:msIdentifier/t:idno[@type='document'])", namespaces=ns) == \
        "CIA-RDP80R01 731 R00090001 0005-1"
    assert len(tree.xpath("//t:sp", namespaces=ns)) == 4


@pytest.mark.parametrize("speech", [
    "We asked GARF and the Truman Library for the papers, but the box was empty.",
    "Comrade Petrov: The archive (AAN) has nothing on this, I checked the files myself.",
    "He spent years in the National Archives, Entry hall by hall, before he found it.",
    "Department of State, as you know, has its own view.",
])
def test_speech_that_merely_mentions_an_archive_is_no_citation(speech):
    assert find_citation(speech, 1) is None
    assert read_citation(speech, 1) is None


# -- what cannot be read -------------------------------------------------------------

def test_an_unknown_form_is_kept_whole_with_a_warning_that_shows_it():
    printed = "Source: Shoebox of Ms. Varga, envelope 3, loose sheet."
    citation = read_citation(printed, 44)
    assert (citation.family, citation.repository, citation.line) == ("unknown", "", 44)
    assert citation.text == printed
    assert proper(citation) == "Shoebox of Ms. Varga, envelope 3, loose sheet."
    assert citation.warning == "citation not parsed: 'Shoebox of Ms. Varga, envelope 3, loose sheet.' kept whole"
    assert find_citation("Some talk first.\n" + printed, 43).warning == citation.warning


def test_a_known_citation_wins_over_an_unknown_field_in_the_same_block():
    block = ("Source: notes of an aide, undated. Copy: Department of State, Central Files, "
             "700.5611/3–862.")
    citation = find_citation(block, 1)
    assert citation.family == "us" and citation.idnos == [("file", "700.5611/3–862")]


# -- into the TEI ----------------------------------------------------------------------

def test_a_new_family_reaches_ms_identifier_and_the_bibl_keeps_the_rest(tmp_path):
    transcript = ("Record of Conversation with the Ambassador of Ruritania\n\n"
                  "12 May 1966\n\n"
                  "Cde. Ionescu: Welcome to Bucharest.\n\n"
                  "Cde. Varga: Thank you, it is good to be back.\n\n"
                  "Cde. Ionescu: Let us begin with the trade agreement.\n\n"
                  "ANIC, fond CC al PCR – Relații Externe, file no.31/1966, ff.5-27. "
                  "Translated by Anna Brook.\n")
    path = tmp_path / "ruritania.txt"
    path.write_text(transcript, encoding="utf-8")
    tree = etree.fromstring(convert_transcript(path.read_bytes(), path, Edition(root=tmp_path)).tei)
    ident = tree.xpath("//t:msIdentifier", namespaces=NS)[0]
    assert ident.xpath("string(t:repository)", namespaces=NS) == "ANIC"
    assert ident.xpath("string(t:collection[@type='fond'])", namespaces=NS) == "CC al PCR – Relații Externe"
    assert ident.xpath("string(t:idno[@type='dosar'])", namespaces=NS) == "31/1966"
    locus = tree.xpath("//t:msItem/t:locus", namespaces=NS)[0]
    assert (locus.get("from"), locus.get("to")) == ("5", "27")
    bibl = "".join(tree.xpath("//t:sourceDesc/t:bibl[@type='source']", namespaces=NS)[0].itertext())
    assert bibl.endswith("Translated by Anna Brook.")


def test_a_known_archive_named_alone_on_its_line_is_the_repository():
    """An exhibition page prints the holding archive alone under the title."""
    alone = read_citation("Russian State Archive of Social and Political History", 4)
    assert (alone.family, alone.repository, alone.collections, alone.idnos) == (
        "russian", "Russian State Archive of Social and Political History", [], [])
    assert read_citation("The archive was closed that winter.", 4) is None


def test_the_czech_institute_and_its_government_commission_papers():
    """The National Security Archive's readers cite Czech documents by the Institute of
    Contemporary History (ÚSD) and its collection of the government commission's papers
    ("Sb. KV"), which names that archive when it stands alone; "Sb." ends no sentence."""
    named = find_citation("Source: ÚSD, Sb. KV, Z/S 10.", 1)
    assert named.repository == "ÚSD"
    assert [v for _, v in named.collections] == ["Sb. KV", "Z/S 10"]
    alone = find_citation("Source: Sb. KV, Z/M.", 1)
    assert alone.repository == "ÚSD" and alone.collections[0] == ("fond", "Sb. KV")
    assert find_citation("The USD rose against the euro in 1968.", 1) is None


def test_a_presidential_librarys_folder_in_brackets_after_its_series():
    """A foundation's archive page cites a presidential library's file as
    "Series: Series (Folder 177)": the folder is a part of its own."""
    cited = find_citation("Source: Truman Library: White House Central Files: "
                          "Calls to Heads of Government (Folder 41)", 1)
    assert cited.repository == "Truman Library"
    assert cited.collections == [("series", "White House Central Files"),
                                 ("series", "Calls to Heads of Government")]
    assert cited.idnos == [("folder", "41")]


def test_a_russian_citation_written_in_cyrillic():
    """Russian editions cite in Cyrillic: a known archive ("РГАСПИ. Ф. 17. Оп. 3.") or
    any archive abbreviated in capitals right before its fond ("ЦАОДМ, ф. 4")."""
    known = read_citation("РГАСПИ. Ф. 17. Оп. 162. Д. 9. Л. 40–41. Подлинник.", 1)
    assert (known.repository, known.collections, known.idnos, known.locus_from, known.locus_to) == (
        "РГАСПИ", [("fond", "17"), ("opis", "162")], [("delo", "9")], "40", "41")
    other = find_citation("ЦАОДМ, ф. 4, оп. 8, д. 12, л. 7. Копия.", 1)
    assert other.repository == "ЦАОДМ" and other.idnos == [("delo", "12")]
    assert find_citation("ТАСС сообщил об этом в тот же день.", 1) is None


def test_a_folders_months_written_in_numbers_belong_to_its_title():
    """FRUS cites a folder by its subject and the months it spans, in numbers
    ("Box 1, Egypt, 11/77–11/81"): one folder, not a folder and a stray part."""
    cited = find_citation("Source: Carter Library, Plains File, Box 2, Israel, 1/78–6/79. Secret.", 1)
    assert cited.idnos == [("box", "2"), ("folder", "Israel, 1/78–6/79")]


def test_a_sentence_read_across_a_citation_is_no_part_of_it():
    """OCR of a page in two columns runs the text beside a citation into it ("teczka
    46a, would not agree to this."): a part in lower case is a sentence, and the
    signature ends before it."""
    cited = find_citation("Source: AAN, KC PZPR, paczka 9, teczka 31b, we could not accept "
                          "it. str. 12-14; translated from the Polish.", 1)
    assert cited.repository == "AAN"
    assert cited.collections == [("zespol", "KC PZPR")]
    assert cited.idnos == [("paczka", "9"), ("teczka", "31b")]


def test_a_uk_departments_reference_and_papers_at_the_churchill_archives():
    """The Thatcher Foundation cites the No. 10 files by the department's reference
    alone ("Source: PREM19/1234 f5"), which names The National Archives, and the
    Thatcher papers by their own ("Thatcher MSS (THCR 2/6/1/37 f12)")."""
    cited = read_citation("Source: PREM19/1234 f5", 1)
    assert cited.repository == "The National Archives (UK)"
    assert cited.collections == [("department", "PREM"), ("series", "19")]
    assert (cited.idnos, cited.locus_from) == ([("piece", "1234")], "5")
    papers = read_citation("Source: Thatcher MSS (THCR 2/6/1/37 f12): speaking notes", 1)
    assert papers.repository == "Thatcher MSS"
    assert papers.collections == [("fonds", "THCR"), ("series", "2"), ("subseries", "6")]
    assert (papers.idnos, papers.locus_from) == ([("file", "1"), ("item", "37")], "12")
    assert find_citation("We discussed FCO policy in 1982/83 at length.", 1) is None


def test_the_hungarian_party_archives_fond_and_bundle():
    """The party's papers in the Hungarian National Archives are cited "MOL M-KS 288.
    f. 5. cs. 44. ő. e.": the fonds with its group's letters, the bundle (csomó), the
    unit; a note that the copy is typed ends the signature."""
    cited = find_citation("Jegyzőkönyvezte: Kiss Anna MOL M-KS 288. f. 4. cs. 12. ő. e. "
                          "Géppel írt tisztázat.", 1)
    assert cited.repository == "MOL"
    assert cited.collections == [("fond", "M-KS 288"), ("csomo", "4")]
    assert cited.idnos == [("oe", "12")]


def test_the_national_archives_of_australia():
    """"NAA: A11099, 1/8": the series and the item's control symbol; the older
    "AA:" (Australian Archives) with a part."""
    cited = find_citation("Title: Cabinet Notebook 1/8, 1950 Reference: NAA: A11099, 1/8 Page 1", 1)
    assert (cited.repository, cited.collections, cited.idnos) == ("NAA", [("series", "A11099")], [("item", "1/8")])
    cited = find_citation("[AA:A1838/2, 401/3/1/1, ii]", 1)
    assert cited.collections == [("series", "A1838/2")]
    assert cited.idnos == [("item", "401/3/1/1"), ("part", "ii")]


def test_library_and_archives_canada():
    """"LAC, RG 25, vol. 8561, file no. 50303-40, part 1.1" at the end of a footnote: the
    record group, the volume, the file and its part; the older "National Archives of
    Canada, MG 26 …" too."""
    cited = find_citation("Memorandum for the Prime Minister, 14 Aug. 1957, LAC, RG 25, vol. 8561, "
                          "file no. 50303-40, part 1.1.", 1)
    assert cited.repository == "LAC"
    assert cited.collections == [("record-group", "25"), ("volume", "8561")]
    assert cited.idnos == [("file", "50303-40"), ("part", "1.1")]
    cited = find_citation("National Archives of Canada, MG 26 N3, vol. 12, file 4.", 1)
    assert cited.repository == "National Archives of Canada"
    assert cited.collections == [("manuscript-group", "26 N3"), ("volume", "12")]
    assert cited.idnos == [("file", "4")]


def test_the_national_archives_of_ireland_as_the_irish_documents_cite_it(tmp_path):
    """"NAI DFA Secretary's Files P3": the department, the series, the file; "NAI DT
    S11846" without a series. A line that is the edition's number and the citation is
    no title: the citation is read where it stands."""
    cited = find_citation("No. 230 NAI DFA Secretary's Files P3", 1)
    assert cited.repository == "NAI"
    assert cited.collections == [("department", "DFA"), ("series", "Secretary's Files")]
    assert cited.idnos == [("file", "P3")]
    assert find_citation("NAI DT S11846", 1).idnos == [("file", "S11846")]
    text = ("No. 231 NAI DFA Secretary's Files P12\n\nMemorandum by Joseph Walshe (Dublin)\n\n"
            "Dublin, 20 July 1940\n\nThe Minister called to see me today, and remained for an hour.\n")
    path = tmp_path / "difp.txt"
    path.write_text(text, encoding="utf-8")
    result = convert_transcript(path.read_bytes(), path, Edition(root=tmp_path))
    assert result.document.citation.idnos == [("file", "P12")]
    assert "NAI" not in result.document.title
