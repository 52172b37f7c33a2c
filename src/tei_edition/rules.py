"""The converter's rules, in one readable place.

Everything the converter recognises by pattern or by word list is here. An
edition adjusts them in the `[rules]` table of its edition.toml, for example:

    [rules]
    speaker_labels = ['^(?P<label>(?P<name>[A-Z]{2,})>)\\s*(?P<rest>.*)$']  # "SMITH> text"
    honorifics = ["Cde.", "Comrade", "Tovarishch"]          # replaces the list
    extra_furniture = ["Print this page"]                   # adds to the list
    two_digit_century = 1900

A list given under its own name replaces the default; under `extra_<name>`
it is added to the default.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, fields, replace

from .errors import EditionError
from .ids import INTERVIEW_LABELS  # the register checks them too

# Words that may precede a name in a speaker label and are not part of the name.
HONORIFICS = [
    "Cde.", "Cdes.", "Cde", "Comrade", "Comrades", "Tov.", "Mr.", "Mrs.", "Ms.", "Miss",
    "Dr.", "Prof.", "Herr", "Frau", "Genosse", "Genossin", "Gen.", "Sir", "Madame", "Mme.",
    "M.", "Monsieur", "Madam", "Elvtárs", "Towarzysz", "Tow.", "Hon.", "The Right Hon.",
    "Right Hon.", "Rt Hon", "Rt. Hon.", "Rt Hon.",
    # without the full stop, as British and Commonwealth usage writes them
    "Mr", "Mrs", "Ms", "Dr", "Hon",
    "The Hon.", "Messrs.", "Mme", "Mlle", "Signor", "Señor", "Sr.", "Товарищ", "Тов.", "Т.",
    # Spanish parliaments' "El señor presidente:", "La señora Arévalo Araya:"
    "El señor", "La señora", "Señora", "Sra.", "El Sr.", "La Sra.",
    # Brazil's "O SR. PRESIDENTE (…) -", "A SRA. …"
    "O Sr.", "A Sra.",
    # Vietnamese "Ông", "Bà", and offices written in words of one syllable ("Đại sứ
    # Knapper:", "Thủ tướng …:")
    "Ông", "Bà", "Đại sứ", "Bộ trưởng", "Thủ tướng", "Chủ tịch", "Tổng thống",
    # Arabic "the Mr.", "the Mrs.", "the Dr." ("– السيد رئيس مجلس النواب:-")
    "السيد", "السيدة", "الدكتور", "الدكتورة",
]
# Offices that may stand before a surname in a label ("Ambassador Smith:").
TITLES = [
    "Ambassador", "Minister", "Secretary", "General", "Marshal", "Admiral", "Colonel",
    "President", "Premier", "Chairman", "Chancellor", "Senator", "Governor", "Professor",
    "Deputy", "Vice", "Prime", "First", "Foreign", "Under", "Assistant", "Counsellor",
    "Counselor", "Consul", "Director", "Judge", "Father", "Bishop", "King", "Queen",
    "Prince", "Lord", "Lady", "Capt.", "Col.", "Adm.", "Sen.", "Amb.", "Pres.",
    "P.M.", "V.P.", "Sec.", "Secy.", "Gov.", "Rep.", "Lt.", "Maj.", "Sgt.", "Cmdr.",
    "Commander", "Lieutenant", "Major", "Captain", "Sergeant", "Representative",
    # the chair and the government in parliaments of other languages
    "Präsident", "Präsidentin", "Vizepräsident", "Vizepräsidentin", "Alterspräsident",
    "Bundeskanzler", "Bundeskanzlerin", "Bundesminister", "Bundesministerin",
    "Staatssekretär", "Staatssekretärin", "Staatsminister", "Staatsministerin",
    "Vorsitzender", "Vorsitzende", "Schriftführer", "Schriftführerin", "Zeuge", "Zeugin",
    "Presidente", "Presidenta", "Vicepresidente", "Vicepresidenta", "Ministro", "Ministra",
    "Président", "Présidente", "Ministre", "Diputado", "Diputada", "Senador", "Senadora",
    "Secretario", "Secretaria", "Esimees", "Aseesimees",
    "Congressman", "Attorney", "Mayor", "Justice", "Chief", "Commissioner",
    "Undersecretary", "Envoy", "Attaché", "Clerk", "Başkan", "Presidenten", "Statsministeren",
    "Leader",
    # the chairs of the Nordic parliaments ("Andra vicetalman Roger Nordlund:", "Formanden:")
    "Talman", "Talmannen", "Vicetalman", "Formanden", "Puhemies", "Varapuhemies",
    # the Hungarian parliament's ("FÖLDI LÁSZLÓ jegyző:") and the Knesset's chair ("היו"ר")
    "Elnök", "Alelnök", "Jegyző", "Államtitkár", "Miniszter", "Miniszterelnök",
    'היו"ר', 'יו"ר',
    "القارئ",   # the reader of the Quran at an Arab parliament's opening
]
# Name particles written in lower case inside names.
NAME_PARTICLES = ["de", "da", "del", "della", "der", "den", "van", "von", "zu", "bin", "ibn",
                  "al", "el", "la", "le", "du", "dos", "das", "y", "ten", "ter"]
# Verbs that follow an upper-case name in reported speech ("KHRUSHCHEV said that").
SPEECH_VERBS = [
    "said", "says", "asked", "asks", "replied", "replies", "answered", "answers", "stated",
    "states", "noted", "notes", "remarked", "added", "continued", "declared", "responded",
    "interjected", "objected", "observed", "explained", "emphasized", "emphasised",
    "stressed", "pointed", "expressed", "agreed", "suggested", "proposed", "inquired",
    "enquired", "thanked", "welcomed", "informed", "reported", "announced", "indicated",
    "mentioned", "recalled", "interrupted", "concluded", "began", "opened", "spoke", "told",
    "accepted", "accepts", "proposes", "suggests", "speaks", "thanks", "agrees", "expresses",
    "stresses", "emphasizes", "emphasises", "raises", "raised", "requested", "requests",
    "underlined", "underlines", "confirmed", "confirms", "remarks", "adds", "continues",
    "declares", "responds", "objects", "observes", "explains", "informs", "reports",
    "announces", "indicates", "mentions", "recalls", "interrupts", "concludes", "begins",
    "opens", "tells", "inquires", "enquires", "welcomes", "greets", "greeted", "sends", "showed", "shows", "insisted",
    "insists", "repeated", "repeats", "assured", "assures", "warned", "warns", "argued",
    "argues", "reiterated", "reiterates", "urged", "urges", "offered", "offers", "invited",
    "invites", "described", "describes", "outlined", "outlines", "characterized",
    "characterizes", "underscored", "underscores", "affirmed", "affirms", "conveyed", "conveys",
]
# Words that make a label-like line a heading or an institution, not a person.
NOT_NAME_WORDS = [
    "house", "office", "school", "college", "university", "institute", "commission",
    "committee", "council", "department", "ministry", "embassy", "library", "archive",
    "archives", "center", "centre", "press", "room", "hall", "transcript", "transcripts",
    "notes", "record", "records", "minutes", "memorandum", "conversation", "meeting",
    "interview", "protocol", "report", "session", "hearing", "hearings", "program",
    "debate", "debates", "proceedings", "hansard", "parliament",
    "programme", "project", "foundation", "series", "volume", "chapter", "section",
    "declassified", "declassifies", "unclassified",
    "continued", "agenda", "usia", "nsc", "cia", "fbi",
    # the nouns of metadata fields ("Release Decision:", "Sequence Number:", "Content Type:")
    "decision", "number", "date", "type", "body", "status", "level", "length", "pages",
    "format", "id", "code", "terms", "rights", "keywords", "subjects", "citation", "reference",
]
# Labels of tape transcripts whose speaker is not known.
UNKNOWN_SPEAKER = r"(?:Speaker\s*\?+|Unidentified(?:\s+(?:speaker|voice|male|female|man|woman))?|Unknown(?:\s+speaker)?|Voice|\?+)"
# A line that starts one of these is never a speaker label.
NOT_LABELS = [
    "Note", "Notes", "Subject", "Date", "Time", "Place", "Location", "Present", "Participants",
    "Participating", "Attending", "Source", "Translated", "Translation", "Translator",
    "Attachment", "Enclosure", "Encl", "Copy", "Copies", "Distribution", "Re", "From", "To",
    "Cc", "Page", "Annex", "Summary", "Abstract", "Comment", "Comments", "Editor", "P.S",
    "PS", "Classification", "Agenda", "Item", "Archive", "Citation", "Document", "Record",
    "First", "Second", "Third", "Fourth", "Fifth", "Finally", "Also", "However", "Then",
    "Moreover", "Result", "Conclusion", "Topic", "Memorandum", "Minutes", "Signed",
    "Adjourn", "Adjourned", "Recess", "Present", "Absent", "Action", "Decision", "Decided",
    "Before", "Between",   # a hearing's bench and parties, listed below
    "Resolved", "Question", "Answer", "Reference", "Ref", "Drafted", "Approved", "Cleared",
    "Interview", "Interviewee", "Interviewers", "Narrator", "Transcript", "Transcriber",
    "Tape", "Side", "Description", "Speaker", "Delivered", "Audio", "Video", "Recommended",
    "Permission", "Keywords", "Duration", "Format", "Collection", "Series", "Box", "Folder",
    "File", "Fond", "Opis", "Delo", "Number", "No", "Status", "Type", "Language", "Original",
    "Published", "Publisher", "Author", "Authors", "Title", "Sender", "Recipient",
    "Addressee", "Via", "Priority", "Precedence", "Origin", "Received", "Sent", "Attention",
    "Bibliography", "Footnote", "Footnotes", "Endnote", "Endnotes", "Breadcrumb", "Home",
    "Posted", "Updated", "Tags", "Categories", "Category", "Share", "Print", "Download", "Size",
    # the fields of minutes in the languages of the corpus
    "Tagesordnung", "Berichterstatter", "Berichterstatterin", "Sitzungsleitung", "Vorsitz",
    "Protokollführung", "Protokollführer", "Protokoll", "Beginn", "Ende", "Schluss", "Schluß",
    "Behandelt", "Beschlossen", "Beschluss", "Beschluß", "Anwesend", "Anwesende",
    "Entschuldigt", "Abwesend", "Teilnehmer", "Gäste", "Betreff", "Datum", "Anlage", "Quelle",
    "Verteiler", "Присутствовали", "Присутствуют", "Председательствовал", "Повестка",
    "Слушали", "Постановили", "Решили", "Источник", "Примечание", "Obecni", "Porządek",
    "Protokołował", "Źródło", "Přítomni", "Usnesení", "Zdroj", "Poznámka", "Napirend",
    "Jelen", "Forrás", "Présents", "Ordre",
    "بسم",   # "بسم الله الرحمن الرحيم:-", the invocation that opens a speech
    # a page's credits and a table of contents' entries ("Текст: Дар’я …", "Objavio:")
    "Wortmeldungen", "Wortmeldung", "Objavio", "Objavljeno", "Текст", "Автор",
    "Приложено", "Приложения",   # a Bulgarian record's attachments
    # photo credits and the fields of an archive's catalogue page
    "Photo", "Photos", "Photograph", "Фото", "Foto", "Fotos", "Bild", "Credit", "Credits",
    "Caption", "Image", "Topics", "Venue", "Themes", "Importance", "Editorial",
    "Creator", "Creators", "Creator(s)", "Copyright", "Extent",
    # a case number, a page's topics and bank account; a court record's appearances
    "Case", "Themen", "Thema", "Konto", "Spendenkonto", "IBAN", "Appearances", "For", "Staff",
    # a record's fields in Chinese and Japanese, which run on without a space
    # ("参加会谈人士:", "日期及时间:"): these match as the start of the label
    "日期", "时间", "時間", "地点", "地點", "参加", "參加", "出席", "警告", "作者", "来源",
    "來源", "主题", "主題", "记录", "記錄", "编者", "編者", "附件", "标题", "標題", "日時", "場所",
    # a web page's pointers to other pages ("Read also:", "اقرأ أيضا :")
    "Read", "See", "Related", "Lesen", "Voir", "Читайте", "Смотрите", "اقرأ",
    # a hearing's headings above a witness's statement ("TESTIMONY OF CONGRESSMAN …")
    "Testimony", "Statement", "Remarks",
]
# Lines of a web page that are not part of the document (whole-line matches).
FURNITURE = [
    r"Skip to (?:main )?content", r"Document Information", r"Original Uploaded Date",
    r"Record ID", r"Original Archive", r"Original Language", r"Original Classification",
    r"Share(?: this)?", r"Print(?: this page)?", r"Download(?: PDF)?", r"Menu", r"Search",
    r"Back to top", r"Related Documents", r"Keywords", r"Subjects? Discussed", r"Language",
    r"Theme", r"Type", r"Rights", r"Citation", r"View (?:the )?original", r"Home", r"Topics",
    # the same buttons and links on pages in other languages
    r"Télécharger(?: le)? \.?pdf", r"Imprimer", r"Partager", r"Herunterladen(?: als PDF)?",
    r"Drucken", r"Teilen", r"Изображения страниц", r"Скачать(?: PDF)?", r"Печать",
    r"Pobierz(?: PDF)?", r"Drukuj", r"Stáhnout(?: PDF)?", r"Tisk", r"Descargar(?: PDF)?",
    r"Imprimir", r"Compartir",
    # the links beside each speech on KildareStreet and TheyWorkForYou
    r"Link to this: Individually \| In context(?: \| [\w ]{2,40} source)?",
    # a site's way back and its calls to subscribe
    r"<? ?Return to [\w ]{2,40}?(?: (?:main )?page)?(?: Return to [\w ]{2,40}?(?: page)?)?",
    r"Subscribe to (?:the |our )?[\w ]{2,40}?(?: here)?\.?", r"Archiv", r"Artikel", r"Archive \([\w ]{2,40}\)",
    # a content system's note of who last edited the page, and when ("admin",
    # "Thu, 08/21/2025 - 19:16", "Edited Text")
    r"admin", r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2}/\d{2}/\d{4} - \d{1,2}:\d{2}", r"Edited Text",
]
# Security classifications, as printed on the original.
CLASSIFICATIONS = [
    r"(?:Strictly |Most |Very )?(?:Top )?Secret(?:\s*[-–—,]?\s*(?:Special Dossier|Special File|Personal|Eyes Only|NODIS|EXDIS|Sensitive))?",
    r"(?:Strictly )?Confidential", r"For Official Use Only", r"Limited Official Use",
    r"Eyes Only", r"Restricted", r"Unclassified", r"Sekret", r"Sovershenno sekretno",
    r"Streng geheim", r"Geheim(?:e Verschlusssache)?", r"Vertrauliche Verschlusssache",
    r"Szigorúan titkos", r"Ściśle tajne", r"Tajne", r"Ne podlezhit oglasheniiu",
]
# Lines that introduce the list of participants (the rest of the line may list them).
PARTICIPANTS_INTRO = r"(?:Also present(?: were)?|Members present|Witnesses|Present|Присъстват|Присъстваха|Participants|Participating|Attending|In attendance|Those present|Present were|Persons present|Anwesend|Teilnehmer|Jelen vannak|Obecni|Prisutstvovali|Executives|Analysts|Corporate Participants|Conference Call Participants)"
# Lines that sign the record off.
CLOSER = r"(?:Recorded by|Record(?:ed)? (?:made|taken) by|Notes? (?:taken )?by|Minutes (?:taken )?by|Memorandum (?:prepared )?by|Prepared by|Drafted by|Written by|Transcribed by|Zapisal|Protokoll(?:iert)?:?|Signed:?)"
# Short lines that open a new part of the record ("from a conversation over lunch.").
SECTION_HEADS = r"(?:from|during|at|after|before|later|continued|continuation|part|over|in the course of)\b.*|(?:Lunch|Dinner|Breakfast|Reception|Afternoon|Morning|Evening) .*|.*\b(?:session|meeting|conversation|talks?|lunch|dinner|reception|continued)\b.*"
# Words in a paragraph that mark it as the rights statement.
RIGHTS = r"\b(?:copyright|rights holders?|rights status|permission|reuse|re-use|licen[cs]ed?|all rights reserved)\b"
# Credits for the translation.
TRANSLATOR = r"(?:Translated(?: from [A-Z][a-z]+)?(?: for [^,.]+?)? by|Translation(?: by)?:?|Translator:)\s+(?P<name>[^.;]+?(?:\s[A-Z]\.)?)(?:\.|;|$)"
# A heading that announces the editorial summary.
SUMMARY_HEADS = r"(?:Summary|Abstract|Editorial (?:note|summary)|Editor's note|Document summary|Description)\s*:?"


@dataclass(frozen=True)
class Rules:
    """The rule set one conversion runs with."""

    honorifics: tuple[str, ...] = tuple(HONORIFICS)
    titles: tuple[str, ...] = tuple(TITLES)
    name_particles: tuple[str, ...] = tuple(NAME_PARTICLES)
    speech_verbs: tuple[str, ...] = tuple(SPEECH_VERBS)
    not_labels: tuple[str, ...] = tuple(NOT_LABELS)
    not_name_words: tuple[str, ...] = tuple(NOT_NAME_WORDS)
    furniture: tuple[str, ...] = tuple(FURNITURE)
    classifications: tuple[str, ...] = tuple(CLASSIFICATIONS)
    speaker_labels: tuple[str, ...] = ()  # an edition's own label patterns, tried first
    interview_labels: dict = field(default_factory=lambda: dict(INTERVIEW_LABELS))
    participants_intro: str = PARTICIPANTS_INTRO
    closer: str = CLOSER
    section_heads: str = SECTION_HEADS
    rights: str = RIGHTS
    translator: str = TRANSLATOR
    summary_heads: str = SUMMARY_HEADS
    unknown_speaker: str = UNKNOWN_SPEAKER
    two_digit_century: int = 1900
    encoding: str = ""

    def compiled_labels(self) -> list[re.Pattern]:
        return [re.compile(p) for p in self.speaker_labels]


def rules_from_table(table: dict, source: str = "edition.toml", text: str = "") -> Rules:
    """Apply an edition's [rules] table to the defaults; unknown keys and values of
    the wrong kind are errors naming the file (and, given its text, the line)."""
    base = Rules()
    names = {f.name: f for f in fields(Rules)}
    changes: dict = {}

    def fail(message: str, key: str | None = None) -> None:
        match = re.search(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", text, re.M) if key else None
        raise EditionError(message, source, text.count("\n", 0, match.start()) + 1
                           if match else None)

    for key, value in table.items():
        name, extend = (key[6:], True) if key.startswith("extra_") else (key, False)
        if name not in names:
            fail(f"unknown rule '{key}' in [rules]; known rules: {', '.join(sorted(names))}", key)
        current = getattr(base, name)
        if isinstance(current, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                fail(f"rule '{key}' must be a list of strings", key)
            changes[name] = (current + tuple(value)) if extend else tuple(value)
        elif isinstance(current, dict):
            if not isinstance(value, dict) or not all(
                    isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                    for k, v in value.items()):
                fail(f"rule '{key}' must be a table of labels and roles, each a non-empty "
                     'string (Q = "interviewer")', key)
            changes[name] = {**current, **value} if extend else dict(value)
        elif isinstance(current, int):
            if not isinstance(value, int) or isinstance(value, bool):
                fail(f"rule '{key}' must be a whole number", key)
            changes[name] = value
        else:
            if not isinstance(value, str):
                fail(f"rule '{key}' must be a string", key)
            changes[name] = value
    rules = replace(base, **changes)
    if rules.encoding and not is_text_encoding(rules.encoding):
        fail(f"rule 'encoding': '{rules.encoding}' is not a text encoding Python knows; "
             "expected one such as utf-8, cp1252, latin-1", "encoding")
    for key, pattern in _patterns(rules):
        try:
            re.compile(pattern)
        except (re.error, RecursionError, OverflowError) as exc:
            fail(f"rule pattern {pattern!r} is not a valid regular expression: {exc}", key)
    for pattern in rules.speaker_labels:
        if "rest" not in re.compile(pattern).groupindex or "label" not in re.compile(pattern).groupindex:
            fail(f"speaker label pattern {pattern!r} needs the named groups "
                 "(?P<label>…) and (?P<rest>…)", "speaker_labels")
    return rules


def _patterns(rules: Rules) -> list[tuple[str, str]]:
    """Every regular expression of a rule set, with the name of its rule."""
    found = [(name, p) for name in ("speaker_labels", "furniture", "classifications")
             for p in getattr(rules, name)]
    return found + [(name, getattr(rules, name)) for name in (
        "participants_intro", "closer", "section_heads", "rights", "translator",
        "summary_heads", "unknown_speaker")]


def editor_patterns(table: dict) -> list[tuple[str, str]]:
    """The regular expressions an edition's [rules] table gives, with their rule's key."""
    names = {name for name, _ in _patterns(Rules())} | {"speaker_labels"}
    found = []
    for key, value in table.items():
        if key.removeprefix("extra_") in names:
            found += [(key, v) for v in (value if isinstance(value, list) else [value])
                      if isinstance(v, str)]
    return found


def is_text_encoding(name: str) -> bool:
    """Does Python know this encoding, as one that turns bytes into text (not rot13
    or base64, which codecs also knows)?"""
    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False
