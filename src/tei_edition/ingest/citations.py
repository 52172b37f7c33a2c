"""Archival citations read into msIdentifier parts, wherever they stand.

`read_citation` reads a block that IS a citation (a repository opening it, a
"Source:" or "Archival Signature:" field, the digital archive's citation
paragraph, a copy's provenance: "scanned from the X Collection at the Y Library"). `find_citation` finds one anywhere in a block: in a paragraph, a
footnote body, a FRUS source note. Both return a `Citation` whose `span` says
where the citation proper stands in its `text`; what is left over stays in the
text as printed.

One table, `FAMILIES`, names every archive family: its repositories as printed
and how its signature parts are written. A signature is read part by part:
a part with a keyword (`f. 5`, `Fond 5`, `Collection 52`, `288. f.`, `Box 12`)
is typed by that keyword; a part without one (`KC PZPR`, `Central Files`) is
typed by the family's rule for bare parts. The citation ends after its last
part read; a sentence end (`. Secret.`, `. Typescript.`) only lets a keyed part
go on. A form of no known family is kept whole, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .model import Citation

# A folio or page range: "49-57", "3ob.", "IV-VI", "12v".
_NUMBER = r"[\dIVXLivxl]+[a-z]?(?:\s?ob\.?|v)?"
_RANGE = rf"(?P<from>{_NUMBER})(?:\s*[-–—]\s*(?P<to>{_NUMBER}))?"
# A signature value: "0102", "98c", "IV 2/2.035/43" stops at spaces, "611.61/1–1062".
_VALUE = r"[\w/–-]+(?:\.[\w/–-]+)*"
# A value that may hold spaces ("IV 2/2.035/43", "CC al PCR – Cancelarie"): to the next comma.
_TO_COMMA = r"[^,;]+?(?=[,;]|\.(?:\s|$)|$)"


@dataclass(frozen=True)
class Part:
    """A keyed signature part: where it goes, its type, its pattern (group v, or from/to)."""

    kind: str      # collection | idno | locus; "" when the pattern names its groups
    type: str      # (as collection_series, idno_piece) for several parts at once
    pattern: str

    @cached_property
    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern)


def _keyed(kind: str, type_: str, keywords: str, value: str = _VALUE) -> Part:
    """A part written keyword first: "f. 5", "Fond 5", "Collection 52" (keywords
    in any case)."""
    return Part(kind, type_, rf"(?i:{keywords})(?:(?<=[.#])|\b)\s*(?:No\.|nr\.|no\.|№)?\s*(?P<v>{value})")


def _after(kind: str, type_: str, keywords: str) -> Part:
    """A part written value first, as in Hungarian: "288. f.", "11. doboz"."""
    return Part(kind, type_, rf"(?P<v>[\w/-]+)\.?\s*(?i:{keywords})(?!\w)")


def _locus(keywords: str) -> Part:
    return Part("locus", "", rf"(?i:{keywords})\s*{_RANGE}(?![\w/])")


# -- the keyed parts of each family ------------------------------------------------

_RUSSIAN = [
    # a fond's letter after a space ("f. 146 B", as Bulgarian fonds are numbered);
    # transliterated, translated, or in Cyrillic ("ф. 3. оп. 23, д. 11, лл. 16")
    _keyed("collection", "fond", r"fond|f\.|Collection|Fund|фонд|ф\.", _VALUE + r"(?:\s[A-ZА-Я](?=[,.;\s]|$))?"),
    _keyed("collection", "opis", r"opis'?|op\.|Inventory|Register|Record|опись|оп\."),
    _keyed("collection", "perechen", r"perechen'?|per\.|перечень|пер\."),
    _keyed("collection", "papka", r"papka|pap\.|p\.|Folder|папка"),
    _keyed("idno", "delo", r"delo|d\.|File|Dossier|Case|дело|д\."),
    _keyed("idno", "dokument", r"dokument|dok\.|Document|документ|док\."),
    _keyed("idno", "ae", r"a\.\s?e\.|ae\.|arkhivna edinitsa|Archival unit"),
    _locus(r"listy?|ll\.|l\.|Sheets?|Pages?|pp\.|листы?|лл\.|л\."),
]
_GERMAN = [
    _keyed("collection", "bestand", r"Bestand|Best\.", r"[\w-]+(?:\s\d+[A-Z]?)?"),
    _keyed("idno", "band", r"Bd\.|Band"),
    _keyed("idno", "signatur", r"Signatur|Sign\.|Sig\.", _TO_COMMA),
    _locus(r"Bl\.|Blatt|S\.|Seiten?|pp?\."),
]
_HUNGARIAN = [
    # "M-KS 288. f.": the party's fonds are numbered after their group's letters
    Part("collection", "fond", r"(?P<v>(?:[A-Z]{1,2}-[A-Z]{1,3}\s)?[\w/-]+)\.?\s*(?i:f\.|fond)(?!\w)"),
    _after("collection", "csomo", r"cs\.|csomó"),
    _after("collection", "tetel", r"t\.|tétel"),
    _after("collection", "doboz", r"d\.|doboz"),
    _after("idno", "oe", r"ő\.\s?e\.|ö\.\s?e\.|őe\.|öe\."),
    _locus(r"old\.|oldal|pp?\."),
]
_POLISH = [
    _keyed("collection", "zespol", r"zespół|zesp\.|z\.|Z-"),
    _keyed("collection", "wiazka", r"wiązka|wiąz\.|w\.|W-"),
    _keyed("idno", "paczka", r"paczka|pacz\.|Package"),
    _keyed("idno", "teczka", r"teczka|tecz\.|t\.|T-|Folder"),
    _keyed("idno", "sygnatura", r"sygnatura|sygn\.|sygn", _TO_COMMA),
    _locus(r"k\.|karty?|str\.|s\.|pp?\."),
]
_ROMANIAN = [
    _keyed("collection", "fond", r"fondul|fond", _TO_COMMA),
    _keyed("idno", "dosar", r"dosarul|dosar|file|ds\."),
    _keyed("idno", "volum", r"vol\.|volumul"),
    _locus(r"ff\.|f\.|filele|fila|pp?\."),
]
_CZECH = [
    _keyed("collection", "fond", r"fond|f\.", _TO_COMMA),
    _keyed("collection", "svazek", r"svazek|sv\."),
    _keyed("idno", "karton", r"karton|kart\.|k\.|box"),
    _keyed("idno", "aj", r"a\.\s?j\.|arch\.\s?j\.|ar\.\s?j\.|archivní jednotka"),
    _keyed("idno", "inventarni", r"inv\.\s?č\.|inv\.\s?j\.|inv\. no\."),
    _keyed("idno", "bod", r"bod|item"),
    _keyed("idno", "cj", r"č\.\s?j\.|čj\."),
    _locus(r"fol\.|l\.|s\.|str\.|pp?\."),
]
_ALBANIAN = [
    _keyed("collection", "fond", r"fondi|fond|F\.|Fund"),
    _keyed("collection", "viti", r"viti|V\.|Year"),
    _keyed("collection", "lista", r"lista|L\."),
    _keyed("idno", "dosja", r"dosja|D\.|File"),
    _locus(r"fl\.|fletë|fleta|Sheets?|pp?\."),
]
_CHINESE = [Part("idno", "file", r"(?:File\s)?(?:No\.\s?)?(?P<v>\d{3}-\d{3,6}-\d{1,3}(?:\(\d+\))?)")]
_US = [
    _keyed("collection", "record-group", r"RG|Record Group"),
    _keyed("collection", "entry", r"Entry"),
    Part("idno", "lot", r"(?P<v>Lot\s\d+\s?[A-Z]\s?\d+)"),
    Part("idno", "accession", r"(?P<v>FRC\s\d+\s?[A-Z]\s?\d+)"),
    _keyed("idno", "job", r"Job"),
    _keyed("idno", "box", r"Box"),
    _keyed("idno", "folder", r"Folder|File", _TO_COMMA),
    _keyed("idno", "tape", r"Tape|Reel"),
    _keyed("idno", "cassette", r"Cassette"),
    _keyed("idno", "conversation", r"Conversation No\.|Conversation|Conv\.|#"),
    Part("idno", "tape", r"(?P<v>WH\d[\w.]*)"),
    Part("idno", "file", r"(?P<v>\d+(?:\.\d+)+/[\w–-]+)"),   # decimal file 611.61/3-361
    _locus(r"pp?\.|pages?"),
]
# Parliamentary debates: "HC Deb 18 April 1961 vol 638 cc971-5" (volume, columns).
_HANSARD = [Part("", "", r"\d{1,2} [A-Z][a-z]+ \d{4}"),   # the sitting's date: passed over
            _keyed("collection", "volume", r"vol\.?"), _locus(r"cc?\.?")]
# A catalogue reference: department, series, piece, item ("CAB 128/30", "CAB/65/50/12").
# "FCO7/4532 f18": the folio after the piece.
_UK = [Part("", "", r"(?P<collection_department>[A-Z]{1,5})\s?/?\s?(?P<collection_series>\d+)"
                    r"/(?P<idno_piece>\d+)(?:/(?P<idno_item>\d+))?"), _locus(r"ff?\.?")]
# The departments whose catalogue references name The National Archives without it
# ("Source: PREM19/1234", "FCO 7/4532").
_UK_DEPARTMENTS = r"PREM|CAB|FCO|FO|DEFE|CO|DO|WO|HO|ADM|AIR|BT|OD|MAF|LAB|POWE|T"
# A private archive's reference, as the Churchill Archives Centre's "(THCR 5/1/1E/47 f92)":
# the collection, its series and subseries, a file and an item, the folio.
_PAPERS = [Part("", "", r"\(?(?P<collection_fonds>[A-Z]{3,5})\s(?P<collection_series>\d+)"
                        r"(?:/(?P<collection_subseries>\w+))?(?:/(?P<idno_file>\w+))?(?:/(?P<idno_item>\w+))?"),
           _locus(r"ff?\.?")]
# The National Archives of Australia: a series, the item's control symbol, a part
# ("NAA: A11099, 1/8", "[AA:A1838/2, 401/3/1/1, ii]").
_AUSTRALIAN = [Part("", "", r"(?P<collection_series>[A-Z]{1,4}\d{1,6}(?:/\d+)?)\s*,\s*(?P<idno_item>\w+(?:/\w+)*)"
                            r"(?:\s*,\s*(?P<idno_part>[ivx]+|\d+)\b)?")]
# Library and Archives Canada: a record or manuscript group, a volume, a file, its part
# ("LAC, RG 25, vol. 8561, file no. 50303-40, part 1.1").
_CANADIAN = [
    _keyed("collection", "record-group", r"RG|Record Group", r"\d+(?:\s[A-Z]\d{0,2}\b)?"),
    _keyed("collection", "manuscript-group", r"MG|Manuscript Group", r"\d+(?:\s[A-Z]\d{0,2}\b)?"),  # "MG 26 N3"
    _keyed("collection", "volume", r"vol\.|vols?\b|volume"),
    _keyed("idno", "file", r"file|dossier"),
    _keyed("idno", "part", r"part|pt\."),
    _locus(r"pp?\."),
]
# The National Archives of Ireland, as the Documents on Irish Foreign Policy cite it: a
# department, the series if named, the file ("NAI DFA Secretary's Files P3", "NAI DT
# S11846", "NAI DFA 305/14/192").
_IRISH = [Part("", "", r"(?P<collection_department>DFA|DEA|DT|TSCH|TAOIS|JUS|FIN)\s+"
                       r"(?:(?P<collection_series>[A-Z][\w'’]+(?: [A-Z][\w'’]+){0,3})\s+)?"
                       r"(?P<idno_file>[A-Z]?\d[\w/.-]*\w|[A-Z]\d*)")]
# CIA-RDP80B01554R002700160001-9, CIA-RDP88-01070R000100670007-5, CIA-RDP79T00975A003400210001-7;
# OCR may space the digits ("CIA-RDP80R01 731 R00090001 0002-4"), kept as printed
_CREST = [Part("idno", "document", r"(?P<v>CIA-RDP\d{2}[A-Z]?-?(?:\d ?){5}[A-Z](?: ?\d){12}-\d)")]


# -- bare parts: what a part without a keyword is, per family ------------------------
# Each takes the citation read so far and a bare segment; it returns the parts the
# segment gives as (kind, type, value) ([] to pass over it), or None to end the citation.

Bare = list[tuple[str, str, str]] | None


def _bare_stop(citation: Citation, segment: str) -> Bare:
    """Families whose every part has a keyword: a bare part ends the citation."""
    return None


def _bare_eastern(fonds: str, file: str):
    """A bare part first names the fonds (Polish "KC PZPR", Hungarian "XIX-J-1-j
    Korea"), then a bare number is the file's signature and a bare name a series;
    a place right after the repository ("Sofia") is passed over."""
    def bare(citation: Citation, segment: str) -> Bare:
        has_parts = citation.collections or citation.idnos
        if not has_parts and re.fullmatch(r"[A-Z][a-z]+", segment):
            return []
        if re.fullmatch(r"[\w/.-]*\d[\w/.-]*", segment):
            return [("idno", file, segment)] if has_parts else [("collection", fonds, segment)]
        # A name; words in lower case are a sentence (a column of OCR read across
        # the citation: "teczka 46a, would not agree to this."), and end it.
        if len(segment) <= 60 and not _FOLLOW_ON.match(segment) and not segment[:1].islower():
            return [("collection", "series" if has_parts else fonds, segment)]
        return None
    return bare


def _bare_german(citation: Citation, segment: str) -> Bare:
    """ "DY 30/IV 2/2.035/43": the Bestand, then its Signatur; "MfAA, C 1234/72"."""
    if len(segment) > 40:
        return None
    if not citation.collections:
        if m := re.fullmatch(r"(?P<b>[A-Z]{1,4}\s?\d+[A-Z]?)\s*/\s*(?P<s>.+)", segment):
            return [("collection", "bestand", m.group("b")), ("idno", "signatur", m.group("s"))]
        return [("collection", "bestand", segment)]
    if re.search(r"\d", segment):
        return [("idno", "signatur", segment)]
    return None


_bare_albanian_names = _bare_eastern("fond", "dosja")


def _bare_albanian(citation: Citation, segment: str) -> Bare:
    """A signature joined by hyphens, "AQPPSH-MPKK-V. 1961": archive, fonds, year;
    otherwise as the other eastern archives."""
    if m := re.fullmatch(r"(?P<names>[A-Z][\w/]*(?:-[A-Z][\w/]*)*)-V\.\s*(?P<year>\d{4})", segment):
        names = m.group("names").split("-")
        return ([("collection", "archive", n) for n in names[:-1]]
                + [("collection", "fond", names[-1]), ("collection", "viti", m.group("year"))])
    return _bare_albanian_names(citation, segment)


def _bare_chinese(citation: Citation, segment: str) -> Bare:
    """After the file number, its pages: "109-00763-05, 1-12"."""
    if citation.idnos and not citation.locus_from and re.fullmatch(rf"(?:pp?\.\s*)?{_RANGE}", segment):
        return [("locus", "", segment)]
    return None


# A span of months ("May–Nov 1971", "January 1971", "9–12/78").
_MONTHS_OF = re.compile(r"(?:[A-Z][a-z]{2,8}\.?\s*(?:[-–]\s*[A-Z][a-z]{2,8}\.?\s*)?\d{4})"
                        r"|\d{1,2}/\d{2}\s*[-–]\s*\d{1,2}/\d{2}")  # "11/77–11/81"


def _bare_us(citation: Citation, segment: str) -> Bare:
    """ "Central Files", "President's Office Files": a series until a box or lot,
    then a folder. A year range belongs to the series before it ("Memoranda of
    Conversations, 1973–1977"); elsewhere it is passed over."""
    if re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{2,4})?", segment):
        if citation.collections and citation.collections[-1][0] == "series" and not citation.idnos:
            citation.collections[-1] = ("series", f"{citation.collections[-1][1]}, {segment}")
        return []
    if _MONTHS_OF.fullmatch(segment) and citation.idnos and citation.idnos[-1][0] == "folder":
        # "Home File, May–Nov 1971", "Egypt, 11/77–11/81": the months a folder holds
        # are its title's
        citation.idnos[-1] = ("folder", f"{citation.idnos[-1][1]}, {segment}")
        return []
    if not re.match(r"[A-Z0-9\"“'‘]", segment) or len(segment) > 100:
        return None
    if m := re.fullmatch(r"(?P<series>.+?)\s*\((?P<kind>Box|Folder)\s+(?P<number>[\w-]+)\)", segment):
        # "Presidential Telephone Calls (Folder 177)": the series, its folder in brackets
        return [("collection", "series", m.group("series")),
                ("idno", m.group("kind").lower(), m.group("number"))]
    if any(t in ("box", "lot", "folder") for t, _ in citation.idnos):
        return [("idno", "folder", segment)]
    return [("collection", "series", segment)]


# -- the families -------------------------------------------------------------------

@dataclass(frozen=True)
class Family:
    """One archive family: its repositories as printed, and how its parts are written."""

    name: str
    repositories: str      # a regex; an abbreviation in brackets may follow any of them
    parts: list[Part]
    bare: Callable[[Citation, str], Bare] = _bare_stop   # what a part without a keyword is
    min_parts: int = 2     # parts needed to accept a citation found in a sentence

    # Compiled once, when first used: where a repository starts (in a line, at a
    # position) and a line that is nothing but the repository.
    @cached_property
    def repository_in_text(self) -> re.Pattern:
        return re.compile(rf"(?<![\w-])(?:{self.repositories}){_GUARD}")

    @cached_property
    def repository_at(self) -> re.Pattern:
        return re.compile(rf"\s*(?P<repo>(?:{self.repositories}){_GUARD}{_ABBREVIATED})")

    @cached_property
    def repository_alone(self) -> re.Pattern:
        return re.compile(rf"(?:{self.repositories}){_ABBREVIATED}\.?")


FAMILIES = [
    Family("russian", "|".join([
        r"APRF", r"AP\s?RF", r"AVP\s?RF", r"AVPRF", r"RGANI", r"TsKhSD", r"GARF", r"GA\s?RF",
        r"RGASPI", r"RTsKhIDNI", r"TsAMO", r"RGAE", r"RGVA", r"RGALI", r"TsGANKh",
        r"Archive of the President of the Russian Federation",
        r"Archive of (?:the )?Foreign Policy of the Russian Federation",
        r"Russian State Archive of Contemporary History",
        r"State Archive of the Russian Federation",
        r"Russian State Archive of Social and Political History",
        r"РГАСПИ", r"РЦХИДНИ", r"ГАРФ", r"РГАНИ", r"ЦХСД", r"АП\s?РФ", r"АВП\s?РФ", r"ЦАМО",
        r"РГАЭ", r"РГВА", r"РГАЛИ",
        # any archive abbreviated in Cyrillic capitals before its fond ("МПА, ф. 3")
        r"[А-ЯЁ]{2,7}(?=[,.]?\s*(?i:ф\.|фонд)\s*\d)"]), _RUSSIAN),
    Family("german", "|".join([
        r"SAPMO[- ]BArch", r"SAPMO[- ]BA", r"SAPMO", r"BArch", r"PA\s?AA", r"BStU",
        r"Bundesarchiv", r"Politisches Archiv des Auswärtigen Amt(?:e?s)?",
        r"Political Archive of the (?:Federal )?Foreign Office",
        r"Office of the Federal Commissioner for the (?:Stasi Records|Records of the State "
        r"Security Service of the (?:former )?German Democratic Republic)(?: \(BStU\))?"]),
        _GERMAN, _bare_german),
    Family("hungarian", "|".join([
        r"MNL\s?OL", r"MOL", r"Magyar Nemzeti Levéltár(?: Országos Levéltára)?",
        r"Hungarian National Archives?", r"PIL"]), _HUNGARIAN, _bare_eastern("fond", "file")),
    Family("polish", "|".join([
        r"AAN", r"AMSZ", r"Archiwum Akt Nowych", r"Archiwum Ministerstwa Spraw Zagranicznych",
        r"Central Archives of Modern Records"]), _POLISH, _bare_eastern("zespol", "sygnatura")),
    Family("romanian", "|".join([
        r"ANIC", r"AMAE", r"Arhivele Na[țţt]ionale(?: Istorice Centrale| ale României)?",
        r"(?:Romanian )?National (?:Historical )?Archives of Romania"]), _ROMANIAN, _bare_eastern("fond", "dosar")),
    Family("czech", "|".join([
        r"SÚA", r"SUA", r"AMZV", r"NA\s?ČR", r"Národní archiv", r"Státní ústřední archiv", r"NA(?=,?\s*(?:f\.|fond|KSČ))",
        r"National Archives? of the Czech Republic",
        r"(?:Central State|State Central) Archives?,?\s*\(?Prague\)?",
        # the Institute of Contemporary History, and its collection of the government
        # commission's papers cited alone ("Sb. KV, Z/M")
        r"ÚSD", r"Ústav pro soudobé dějiny", r"(?=Sb\.\s?KV\b)"]), _CZECH, _bare_eastern("fond", "file")),
    Family("bulgarian", "|".join([
        r"TsDA", r"TsDIA", r"CDA", r"CSA", r"ЦДА", r"Central State Archives?,\s*Sofia"]),
        _RUSSIAN, _bare_eastern("fond", "file")),
    Family("albanian", "|".join([
        r"AQSh", r"AQSH", r"AQPPSH", r"AQPPSh", r"AMPJ", r"Arkivi Qendror Shtet[ëe]ror",
        r"(?:Albanian )?Central State Archives?,\s*Tirana"]), _ALBANIAN, _bare_albanian),
    Family("chinese", "|".join([
        r"PRC FMA", r"PRC Foreign Ministry Archives?", r"Chinese Foreign Ministry Archives?",
        r"Archives of the (?:PRC )?Ministry of Foreign Affairs(?: of the People's Republic of China)?",
        r"CFMA", r"Waijiaobu Dang'anguan"]), _CHINESE, _bare_chinese, min_parts=1),
    Family("us", "|".join([
        r"NARA", r"National Archives(?: and Records Administration)?", r"U\.S\. National Archives",
        r"NA(?=,?\s*(?:RG|Record Group))", r"Department of State", r"Washington National Records Center",
        r"Central Intelligence Agency", r"Library of Congress", r"Nixon Presidential Materials(?: Project)?",
        r"Department of Defense", r"Office of the Secretary of Defense",
        r"(?:[A-Z][\w.']*\s+){1,4}(?:Presidential\s+)?Library(?:\s+and\s+Museum)?"]), _US, _bare_us),
    Family("hansard", r"H[CL] Deb(?:ates)?\.?|H\.[CL]\. Deb\.?", _HANSARD),
    # A UK catalogue reference after its field label names The National Archives.
    Family("uk", r"TNA|PRO|The National Archives(?: of the UK)?|Public Record Office|"
                 r"UK National Archives|(?<=Reference:)|(?<=Reference: )|"
                 rf"(?=(?:{_UK_DEPARTMENTS})\s?\d+/\d+)", _UK, min_parts=3),
    # "Thatcher MSS (THCR 5/1/1E/47 f92)": papers at the Churchill Archives Centre.
    Family("papers", r"Thatcher MSS|Churchill Archives Centre|Churchill Papers", _PAPERS),
    Family("australian", r"National Archives of Australia|NAA|Australian Archives|AA(?=\s?:)", _AUSTRALIAN,
           min_parts=2),
    Family("canadian", r"Library and Archives Canada|(?:National|Public) Archives of Canada|"
                       r"(?:LAC|NAC|PAC)(?=,?\s*[RM]G\s?\d)", _CANADIAN),
    Family("irish", r"NAI|National Archives of Ireland", _IRISH, min_parts=2),
    # A CIA document number (CREST) names its archive.
    Family("cia-crest", r"(?=CIA-RDP\d)", _CREST, min_parts=1),
]

# Fields that introduce a citation; the label is not part of the citation.
FIELD_LABELS = (r"Source|Sources|Archival Signature|Archival citation|Original Archive|Archive|"
                r"Citation|Catalogue Reference|Quelle|Fundort|Forrás|Źródło|Sursa|Zdroj|Burimi|Източник")
# A field label at the start, or after a footnote marker ("//", "/1/", "1.", "[1]"), or
# opening an editor's note in brackets ("[Source: …]", "6[Source: …]").
_FIELD = re.compile(rf"(?:^|(?<=\n)|(?<=[.)\]]\s)|(?<=\[))\s*(?:(?:\[\d+\]|\d+\.|/\d*/|[-•*]|\d{{0,3}}\[)\s*)?"
                    rf"(?P<label>{FIELD_LABELS})\s*:\s*", re.I)
# The same, standing inside a line ("… Zhou Enlai Citation: “Memorandum …”"): only
# these labels, capitalised, and only a citation of a known family counts there.
_FIELD_INSIDE = re.compile(r"(?<=\s)(?P<label>Source|Citation|Archival Signature|Original Archive|"
                           r"Catalogue Reference):\s*")
# The digital archive's citation paragraph: '"Title," Date, History and Public Policy
# Program Digital Archive, <archival citation>. Translated by X.'
_DIGITAL_ARCHIVE = re.compile(r"(?:History and Public Policy Program |Wilson Center )?Digital Archive,\s*")
# A segment that is not a signature part: a classification, a drafting note, a sentence.
_FOLLOW_ON = re.compile(
    r"(?:Top Secret|Secret|Confidential|Unclassified|Limited Official Use|Official Use Only|"
    r"No classification|Eyes Only|Sensitive|Nodis|Exdis|Drafted|Transcribed|Translated|"
    r"Obtained|Contributed|Typescript|Original|Copy|Copies|According|Approved|Sent|Repeated|"
    r"Prepared|Attached|Printed|Released|Sanitized|Declassified|See|Also|Cf|Ibid|The|This|"
    r"These|A|An|In|On|For|It|He|She|They|We|I|"
    r"Géppel|Kézzel|Eredeti|Másolat|Tisztázat|Fogalmazvány)\b")   # Hungarian: typed, copy, draft
# A period that ends an abbreviation, not a sentence.
_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec", "no", "nos", "vol", "mr", "mrs", "dr", "st", "dept", "gen", "amb", "sec",
                  "sb"}  # Czech "Sb." (sbírka, a collection)
_ARCHIVE_NAME = re.compile(r"\b(?:Archives?|Archiv\w*|Arhiv\w*|Levéltár\w*|Library|Records Office)\b")


# A copy's provenance in a sentence: "File scanned from the X Collection at the Gerald R.
# Ford Presidential Library".
_PROVENANCE = re.compile(
    r"\b(?:scanned|taken|reproduced|copied|digiti[sz]ed|transcribed) from (?:the )?"
    r"(?P<collection>[A-Z][^;:]{3,120}?) (?:at|in|of) the "
    r"(?P<repository>[A-Z][^;:,]{2,80}?\b(?:Library|Archives?|Museum)(?: and Museum)?)\b")


def _provenance(text: str, line: int) -> Citation | None:
    m = _PROVENANCE.search(text)
    if m is None:
        return None
    return Citation(text=text, line=line, family="repository", repository=m.group("repository"),
                    collections=[("collection", m.group("collection"))],
                    span=(m.start("collection"), m.end("repository")))


def read_citation(text: str, line: int) -> Citation | None:
    """A block that IS a citation: a repository of a known family opening it with its
    signature, a citation field ("Source:", "Archival Signature:", also after "//" or
    "/1/") of any form (an unknown one kept whole, with a warning), or the digital
    archive's citation paragraph. A numbered note ("1. Source: …") is a footnote:
    find_citation reads it."""
    printed = text.strip()
    field = _FIELD.match(printed)
    if field and not re.match(r"\s*(?:\[\d+\]|\d+\.)", printed):
        return _after_field(printed, field.end(), line)
    if printed[:1] in "\"“" and (archive := _DIGITAL_ARCHIVE.search(printed)):
        return _digital_archive(printed, archive.end(), line)
    return _read_at(printed, 0, line, "opening") or _provenance(printed, line) or _archive_alone(printed, line)


def _archive_alone(text: str, line: int) -> Citation | None:
    """A known archive named alone on its line, under a document's title ("Russian
    State Archive of Social and Political History"): the repository, no signature."""
    for family in FAMILIES:
        if family.repository_alone.fullmatch(text):
            return Citation(text=text, line=line, family=family.name,
                            repository=text.rstrip("."), span=(0, len(text)))
    return None


def find_citation(text: str, line: int) -> Citation | None:
    """A citation anywhere in a block (a paragraph, a footnote body, a source note);
    its `span` says where it stands in `text`. Prose that only names an archive is
    not one: a citation inside a sentence, without a field label, needs a signature
    with a number in it. Every block read_citation reads, it reads too."""
    unknown = None
    for field in _FIELD.finditer(text):
        found = _after_field(text, field.end(), line)
        if found and found.family != "unknown":
            return found
        unknown = unknown or found
    for field in _FIELD_INSIDE.finditer(text):
        found = _after_field(text, field.end(), line)
        if found and found.family != "unknown":
            return found
    archive = _DIGITAL_ARCHIVE.search(text)
    if archive and re.search(r",[\"”]|[\"”],", text[:archive.start()]):
        found = _digital_archive(text, archive.end(), line)
        if found and found.family != "unknown":
            return found
        unknown = unknown or found
    for start in _repository_starts(text):
        found = _read_at(text, start, line, "prose" if text[:start].strip() else "opening")
        if found:
            return found
    return _provenance(text, line) or unknown


# -- readers ------------------------------------------------------------------------

def _after_field(text: str, start: int, line: int) -> Citation | None:
    """The text after a citation field label: a known family, an archive named as
    printed with a known signature, or kept whole."""
    if text[start:start + 1] in "\"“" and (archive := _DIGITAL_ARCHIVE.search(text, start)):
        return _digital_archive(text, archive.end(), line)
    found = _read_at(text, start, line, "field") or _named_archive(text, start, line)
    if found is None:   # "Source: copy of RGANI, f. 5, …"
        found = next(filter(None, (_read_at(text, s, line, "prose")
                                   for s in _repository_starts(text, start))), None)
    return found or _unknown(text, start, line)


def _digital_archive(text: str, start: int, line: int) -> Citation | None:
    """The archival citation after "… Digital Archive, ": a known family, an archive's
    name alone ("Ministry of Foreign Affairs Archive."), or kept whole."""
    found = _read_at(text, start, line, "field") or _named_archive(text, start, line)
    if found:
        return found
    end = _segment_end(text, start)
    name = text[start:end].strip()
    for family in FAMILIES:  # a known archive with no signature ("AVP RF; obtained by …")
        if re.fullmatch(family.repositories, name):
            return Citation(text=text, line=line, family=family.name, repository=name,
                            span=(start, end))
    if _ARCHIVE_NAME.search(name) and not re.search(r"\d", name) and len(name) <= 120:
        return Citation(text=text, line=line, family="repository", repository=name,
                        span=(start, end))
    return _unknown(text, start, line)


def _named_archive(text: str, start: int, line: int) -> Citation | None:
    """An archive of no family, named as printed ("Archive of the X Foundation"),
    followed by a signature some family reads ("Fond 1. Opis 1.")."""
    end = _segment_end(text, start)
    name = text[start:end].strip()
    if not _ARCHIVE_NAME.search(name) or len(name) > 120:
        return None
    for family in FAMILIES:
        citation = Citation(text=text, line=line, family=family.name, repository=name)
        last = _read_parts(family, citation, text, end)
        keyed = [v for _, v in citation.collections + citation.idnos]
        if last > end and any(re.search(r"\d", v) for v in keyed):
            citation.span = (text.index(name, start), last)
            return citation
    return None


def _unknown(text: str, start: int, line: int) -> Citation | None:
    """A citation of no known form: kept whole as printed, and said so; None when
    the field is empty."""
    end = text.find("\n", start)
    end = max(start, len(text.rstrip()) if end < 0 else end)
    shown = text[start:end].strip()
    if not shown:
        return None
    shown = shown if len(shown) <= 80 else shown[:77] + "…"
    return Citation(text=text, line=line, family="unknown", span=(start, end),
                    warning=f"citation not parsed: {shown!r} kept whole")


_GUARD = r"(?!(?<=\w)[\w-])"   # a repository ends at a word's end (or is empty: CREST)
# "Archiwum Akt Nowych (AAN)"; "AVPRF (Foreign Policy Archives of the Russian Federation)"
_ABBREVIATED = r"(?:\s?\([A-Z][\w .,'’-]{1,80}\))?"


def _repository_starts(text: str, pos: int = 0) -> list[int]:
    """Where a known repository is named, in text order."""
    starts = set()
    for family in FAMILIES:
        for m in family.repository_in_text.finditer(text, pos):
            starts.add(m.start())
    return sorted(starts)


def _read_at(text: str, start: int, line: int, context: str) -> Citation | None:
    """A citation of a known family whose repository stands at `start`.

    How many parts make a citation depends on where it stands: after a field
    label one part will do; opening a block, a number or two parts; in prose, the
    family's count with a number among them."""
    for family in FAMILIES:
        m = family.repository_at.match(text, start)
        if not m:
            continue
        citation = Citation(text=text, line=line, family=family.name,
                            repository=re.sub(r"\s+", " ", m.group("repo")).strip())
        end = _read_parts(family, citation, text, m.end())
        if not citation.repository:   # the reference itself names the archive
            citation.repository = {"uk": "The National Archives (UK)",
                                   "cia-crest": "CIA (CREST)",
                                   "czech": "ÚSD"}.get(family.name, "")  # the Komise vlády papers
        values = [v for _, v in citation.collections + citation.idnos]
        count = len(values) + bool(citation.locus_from)
        number = any(re.search(r"\d", v) for v in values)
        if {"field": count >= 1,
                "opening": count >= 2 or (count >= 1 and number),
                "prose": count >= family.min_parts and number}[context]:
            citation.span = (m.start("repo"), end)
            return citation
    return None


# What stands between two parts: spaces and separators, a sentence's full stop.
_GAP = re.compile(r"[\s,;:]*(?:\.(?=\s|$)\s*)?[\s,;:]*")


def _read_parts(family: Family, citation: Citation, text: str, pos: int) -> int:
    """Read the signature's parts from pos; the end of the last part read.

    After a sentence end ("Sheets 43. Typescript.") only a keyed part goes on."""
    end = pos
    while True:
        gap = _GAP.match(text, pos)
        sentence_ended = "." in gap.group(0)
        if gap.end() >= len(text):
            return end
        after = _keyed_part(family, citation, text, gap.end())
        if after:
            pos = end = after
            continue
        if sentence_ended or text[gap.start():gap.end()].count("\n"):
            return end
        segment_end = _segment_end(text, gap.end())
        segment = text[gap.end():segment_end].strip()
        if not segment or _FOLLOW_ON.match(segment):
            return end
        parts = family.bare(citation, segment)
        if parts is None:
            return end
        if (parts == [("idno", "folder", segment)] and ":" in gap.group(0)
                and citation.idnos and citation.idnos[-1][0] == "folder"):
            # a folder's title may hold a colon: "Box 11, Egypt: 9–12/78"
            citation.idnos[-1] = ("folder", f"{citation.idnos[-1][1]}: {segment}")
            pos = end = segment_end
            continue
        for kind, type_, value in parts:
            if kind == "locus":
                _set_locus(citation, re.search(_RANGE, value), value)
            else:
                (citation.collections if kind == "collection" else citation.idnos).append(
                    (type_, value.strip()))
        pos = segment_end
        if parts:
            end = segment_end


def _keyed_part(family: Family, citation: Citation, text: str, pos: int) -> int | None:
    """A keyed part at pos, recorded; the position after it, or None."""
    read = citation.collections + citation.idnos
    for part in family.parts:
        if part.kind == "collection" and any(t == part.type for t, _ in citation.collections):
            continue   # a fonds is named once: "f." further on is something else
        if part.kind == "locus" and citation.locus_from:
            continue
        m = part.compiled.match(text, pos)
        if not m or not m.group(0).strip():
            continue
        if part.kind == "locus":
            _set_locus(citation, m, m.group(0))
        elif part.kind:
            citation_list = citation.collections if part.kind == "collection" else citation.idnos
            value = m.group("v").strip().rstrip(",;")
            if (part.type, value) in read:
                continue
            citation_list.append((part.type, value))
        else:   # several parts in one pattern, named kind_type
            for name, value in m.groupdict().items():
                if value:
                    kind, type_ = name.split("_", 1)
                    (citation.collections if kind == "collection" else citation.idnos).append(
                        (type_, value))
        return m.end()
    return None


def _segment_end(text: str, pos: int) -> int:
    """The end of a bare part: a comma, semicolon, colon, bracket or sentence end."""
    skip_to = pos
    for m in re.finditer(r"[,;()\n]|:\s|\.(?=\s|$)", text[pos:]):
        index = pos + m.start()
        if index < skip_to:
            continue
        if m.group(0) == "(" and index > pos:   # "Transcripts (Telcons)" is one part
            close = text.find(")", index, index + 60)
            if close > 0:
                skip_to = close + 1
                continue
        if m.group(0) == ".":
            word = re.search(r"(\w+)$", text[pos:index])
            if (word and (len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS)
                    and not _FOLLOW_ON.match(text[index + 1:].lstrip())):
                continue
        return index
    return len(text)


def _set_locus(citation: Citation, match: re.Match, printed: str) -> None:
    citation.locus_text = printed.strip().rstrip(".,")
    citation.locus_from = match.group("from").strip()
    citation.locus_to = (match.group("to") or match.group("from")).strip()
    first, last = citation.locus_from, citation.locus_to
    if first.isdigit() and last.isdigit() and len(last) < len(first) and int(last) < int(first):
        # "ll. 165-9": the last page written short, as 169
        citation.locus_to = first[:len(first) - len(last)] + last
