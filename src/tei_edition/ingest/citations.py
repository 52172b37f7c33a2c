"""Archival citations read into msIdentifier parts.

Families: Russian (f./op./d./ll. and spelled out), German (SAPMO-BArch,
BArch, PA AA: Bestand/Signatur, Bl.), Hungarian (MNL OL / MOL: fond, doboz),
Polish (AAN, AMSZ: zespół, wiązka, teczka, k.), the Chinese Foreign Ministry
archive (file number, pages), US (NARA record group; presidential library
tapes). A citation of no known form is kept whole as printed.
"""

from __future__ import annotations

import re

from .model import Citation

_RANGE = r"(?P<from>[\dIVXLivxl]+[a-z]?(?:ob\.?|v)?)(?:\s*[-–—]\s*(?P<to>[\dIVXLivxl]+[a-z]?(?:ob\.?|v)?))?"

RUSSIAN_REPOSITORIES = r"(?:GARF|RGANI|RGASPI|AVP\s?RF|AVPRF|APRF|AP\s?RF|TsAMO|RGAE|RGVA|TsKhSD|RTsKhIDNI|TsGANKh|RGALI|RGAKFD|GA\s?RF)"
_RU_PARTS = [
    ("collection", "fond", r"\b(?:fond|f\.|F\.)\s*(?P<v>[\w/-]+)"),
    ("collection", "opis", r"\b(?:opis'?|op\.|Op\.)\s*(?P<v>[\w/-]+)"),
    ("collection", "papka", r"\b(?:papka|pap\.|p\.)\s*(?P<v>[\w/-]+)"),
    ("idno", "delo", r"\b(?:delo|d\.|D\.)\s*(?P<v>[\w/-]+)"),
]
_RU_LOCUS = re.compile(rf"\b(?:listy|list|ll\.|l\.|pages|pp\.)\s*{_RANGE}", re.I)

GERMAN_REPOSITORIES = r"(?:SAPMO[- ]BArch|BArch|PA\s?AA|BStU|SAPMO|Bundesarchiv|Politisches Archiv des Auswärtigen Amts)"
HUNGARIAN_REPOSITORIES = r"(?:MNL\s?OL|MOL|Magyar Nemzeti Levéltár(?: Országos Levéltára)?|Hungarian National Archives(?: \(MOL\))?|PIL)"
POLISH_REPOSITORIES = r"(?:AAN|AMSZ|Archiwum Akt Nowych|Archiwum Ministerstwa Spraw Zagranicznych|IPN)"
CHINESE_REPOSITORIES = r"(?:PRC FMA|PRC Foreign Ministry Archives?|Chinese Foreign Ministry Archives?|Archives of the (?:PRC )?Ministry of Foreign Affairs(?: of the People's Republic of China)?|CFMA|Waijiaobu Dang'anguan)"
US_REPOSITORIES = r"(?:NARA|National Archives(?: and Records Administration)?|U\.S\. National Archives)"
US_LIBRARIES = r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:Presidential\s+)?Library(?:\s+and\s+Museum)?)"


# Words that introduce a citation ("Source: …").
SOURCE_LABELS = r"(?:Source|Archival citation|Archive|Citation|Quelle|Forrás|Źródło)"
_SOURCE_LABEL = re.compile(rf"^\s*{SOURCE_LABELS}\s*:\s*")
_SOURCE_LINE = re.compile(rf"^\s*{SOURCE_LABELS}\s*:\s*\S", re.I)


def read_citation(text: str, line: int) -> Citation | None:
    """A citation of a known family; or, after a "Source:" label, any text kept whole."""
    found = parse_citation(text, line)
    if found is None and _SOURCE_LINE.match(text):
        found = unknown_citation(text, line)
    return found


def parse_citation(text: str, line: int = 0) -> Citation | None:
    """Read an archival citation of a known family; None when the text is not one."""
    cleaned = _SOURCE_LABEL.sub("", text.strip())
    for reader in (_russian, _german, _hungarian, _polish, _chinese, _us):
        citation = reader(cleaned, text.strip(), line)
        if citation:
            return citation
    return None


def unknown_citation(text: str, line: int) -> Citation:
    """A citation of no known form: kept whole."""
    return Citation(text=text.strip(), line=line, family="unknown")


def _begin(repositories: str, family: str, text: str, printed: str,
           line: int) -> tuple[Citation | None, str]:
    """A citation of this family if text opens with one of its repositories, and the rest."""
    m = re.match(rf"\s*(?P<repo>{repositories})\s*[,.:;]?\s*", text)
    if not m:
        return None, text
    repository = re.sub(r"\s+", " ", m.group("repo"))
    return Citation(text=printed, line=line, family=family, repository=repository), text[m.end():]


def _russian(text: str, printed: str, line: int) -> Citation | None:
    citation, rest = _begin(RUSSIAN_REPOSITORIES, "russian", text, printed, line)
    if citation is None:
        return None
    for kind, typ, pattern in _RU_PARTS:
        m = re.search(pattern, rest, re.I)
        if m:
            (citation.collections if kind == "collection" else citation.idnos).append(
                (typ, m.group("v").rstrip(",.")))
    _locus(citation, _RU_LOCUS.search(rest))
    return citation if citation.collections or citation.idnos else None


def _german(text: str, printed: str, line: int) -> Citation | None:
    citation, rest = _begin(GERMAN_REPOSITORIES, "german", text, printed, line)
    if citation is None:
        return None
    locus = re.search(rf"\b(?:Bl\.|Blatt|S\.|Seiten?)\s*{_RANGE}", rest)
    signature = rest[:locus.start()] if locus else rest
    signature = signature.strip().rstrip(",.;").strip()
    m = re.match(r"(?P<bestand>[A-Z]{1,3}\s?\d+[A-Z]?)\s*[/,]?\s*(?P<sig>.*)$", signature)
    if m:
        citation.collections.append(("bestand", m.group("bestand")))
        if m.group("sig"):
            citation.idnos.append(("signatur", m.group("sig").strip().rstrip(",")))
    elif signature:
        citation.idnos.append(("signatur", signature))
    _locus(citation, locus)
    return citation if citation.collections or citation.idnos else None


def _hungarian(text: str, printed: str, line: int) -> Citation | None:
    citation, rest = _begin(HUNGARIAN_REPOSITORIES, "hungarian", text, printed, line)
    if citation is None:
        return None
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    for part in parts:
        part = part.rstrip(".")
        if m := re.match(r"(?P<v>[\w/-]+)\.?\s*(?:doboz|d\.)$", part):
            citation.collections.append(("doboz", m.group("v")))
        elif re.match(r"^[IVXLC]+-[\w-]+", part) and not citation.collections:
            citation.collections.append(("fond", part))
        elif m := re.match(rf"(?:old\.|oldal|pp?\.)\s*{_RANGE}", part):
            _locus(citation, m)
        elif re.search(r"\d", part):
            citation.idnos.append(("file", part))
    return citation if citation.collections or citation.idnos else None


def _polish(text: str, printed: str, line: int) -> Citation | None:
    citation, rest = _begin(POLISH_REPOSITORIES, "polish", text, printed, line)
    if citation is None:
        return None
    for typ, pattern in (("zespol", r"(?:zespół|zesp\.|z\.|Z-)\s*(?P<v>[\w/]+)"),
                         ("wiazka", r"(?:wiązka|wiąz\.|w\.|W-)\s*(?P<v>[\w/]+)")):
        if m := re.search(pattern, rest):
            citation.collections.append((typ, m.group("v")))
    if m := re.search(r"(?:teczka|tecz\.|t\.|T-)\s*(?P<v>[\w/]+)", rest):
        citation.idnos.append(("teczka", m.group("v")))
    _locus(citation, re.search(rf"\b(?:k\.|karty?|s\.)\s*{_RANGE}", rest))
    if not citation.collections and not citation.idnos:
        # "AAN, KC PZPR, 2639, k. 1-20": fonds name, then file number.
        parts = [p.strip() for p in re.split(r",", rest) if p.strip()]
        if parts and not re.match(r"k\.", parts[0]):
            citation.collections.append(("zespol", parts[0]))
        for part in parts[1:]:
            if re.fullmatch(r"[\w/.-]*\d[\w/.-]*", part):
                citation.idnos.append(("sygnatura", part))
                break
    return citation if citation.collections or citation.idnos else None


def _chinese(text: str, printed: str, line: int) -> Citation | None:
    citation, rest = _begin(CHINESE_REPOSITORIES, "chinese", text, printed, line)
    if citation is None:
        return None
    if m := re.search(r"(?:No\.\s*)?(?P<v>\d{3}-\d{3,6}-\d{1,3})", rest):
        citation.idnos.append(("file", m.group("v")))
        _locus(citation, re.search(rf"(?:pp?\.\s*)?{_RANGE}", rest[m.end():].lstrip(" ,")))
    return citation if citation.idnos else None


def _us(text: str, printed: str, line: int) -> Citation | None:
    citation, rest = _begin(US_REPOSITORIES, "us", text, printed, line)
    if citation is not None:
        parts = [p.strip().rstrip(".") for p in rest.split(",") if p.strip()]
        for index, part in enumerate(parts):
            if m := re.match(r"(?:RG|Record Group)\s*(?P<v>\d+)", part):
                citation.collections.append(("record-group", m.group("v")))
            elif re.match(r"(?:Box|box)\s", part):
                citation.idnos.append(("box", part.split(None, 1)[1]))
            elif re.match(r"(?:Folder|folder)\s", part):
                citation.idnos.append(("folder", part.split(None, 1)[1]))
            elif re.search(r"\d+(?:\.\d+)+/", part):
                citation.idnos.append(("file", part))
            elif index > 0 and not re.fullmatch(r"\d{4}(?:[-–]\d{2,4})?", part):
                citation.collections.append(("series", part))
        return citation if citation.collections or citation.idnos else None
    m = re.match(rf"\s*(?P<repo>{US_LIBRARIES})\s*,\s*(?P<rest>.*)$", text)
    if not m:
        return None
    citation = Citation(text=printed, line=line, family="us-library", repository=m.group("repo"))
    for part in (p.strip().rstrip(".") for p in m.group("rest").split(",") if p.strip()):
        if t := re.match(r"(?:Tape|Cassette|Conversation|WH|Citation)\s*(?:No\.|#)?\s*(?P<v>[\w.#-]+)", part):
            citation.idnos.append((part.split()[0].lower().rstrip("#"), t.group("v")))
        elif re.match(r"(?:#|No\.)\s*\d+", part):
            citation.idnos.append(("conversation", part.lstrip("#No. ")))
        elif re.fullmatch(r"WH\d[\w.]*", part):
            citation.idnos.append(("tape", part))
        else:
            citation.collections.append(("series", part))
    return citation if citation.idnos else None


def _locus(citation: Citation, match: re.Match | None) -> None:
    if match:
        citation.locus_text = match.group(0).strip().rstrip(".,")
        citation.locus_from = match.group("from")
        citation.locus_to = match.group("to") or match.group("from")
