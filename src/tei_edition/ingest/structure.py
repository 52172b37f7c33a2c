"""Reading a transcript's lines into the document model.

The reader works in passes over blank-line separated blocks:

1. page furniture (whole lines such as "Skip to content") is dropped;
2. footnote bodies at the end ("[1] …", "¹ …") are set aside;
3. the participants list is read, so that its names are known;
4. speaker labels are found and accepted (see speakers.py);
5. the header zone before the record (dates, title, classification,
   heading) and the tail after it (closer, summary, citation, translator,
   rights) are classified;
6. the record itself becomes divisions of turns and paragraphs.

Every line ends up somewhere in the model, or in the report as dropped page
furniture; a line the reader cannot classify is kept as a paragraph and
listed as "not placed".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..ids import name_key
from .citations import find_citation, read_citation
from .dates import (date_doubts, find_date, handling_label, most_precise_date, parse_date,
                    read_date_field, read_dateline)
from .inline import footnote_marker, parse_inline, superscript_number
from .model import (Citation, Division, Document, Footnote, Inline, Node, Paragraph, Participant,
                    ParticipantGroup, ParticipantList, Turn, plain_text)
from .participants import read_line_item, read_run_in
from .people import INITIALS, PeopleIndex
from ..rules import Rules
from .scripts import dominant_language, foreign_runs, language_of
from .speakers import CAPS_RULES, OATHS, LabelMatch, LabelReader, numbered_speaker, unspaced

_FOOTNOTE_BODY = re.compile(r"^\s*(?:\[(?P<b>\d{1,3})\]|\^(?P<c>\d{1,3})|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|"
                            r"(?P<d>\d{1,3})\.(?=\s)|/(?P<sl>\d{1,3})/)\s*(?P<text>\S.*)$")


def _heading_call(number: str, blocks: list[Block]) -> bool:
    """A note's number set off by a space at the end of the heading, as a page prints a
    superscript after the title ("… and Secretary of Defense McNamara 1")."""
    return bool(blocks) and blocks[0].single() and bool(
        re.search(rf"(?:(?<=[^\W\d_][)”’])|(?<=[^\W\d_]{{3}})) {number}$", blocks[0].text.rstrip()))


def _glued(number: str) -> re.Pattern:
    """A footnote number glued to the word or sentence it annotates, as web pages print
    superscripts that lost their formatting ("Conversation1", "Lenin.2")."""
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?\"”’)]))(?<![A-Z]){number}(?![\d.,]\d|\w)")
# Memorandum header fields kept in the text as typed blocks.
# Where a label may begin inside a long line: after a sentence's end, a closing bracket
# or quotation mark, or a number ("… 20 FEBRUARY 1998 NEAL: This is …"); never after
# an initial ("N. S. Khrushchev:").
# (Greek asks with ";": "… στα ελληνικά; ΑΝΤΩΝΑΡΟΣ: …"; Chinese ends with "。": "…期望。 问:…")
_RUN_TOGETHER = re.compile(r"(?:(?<=[.?!…\"”’)\]\u037e。？！])|(?<=[\u0370-\u03ff\u1f00-\u1fff];)|(?<=\d))(?<!\b[^\W\d_]\.)\s+(?=[^\W\d_])"
                           r"|\s+(?=>>\s*[^\W\d_])"  # a caption's ">>" marks a new speaker
                           r"|\s*(?=◎ ?[\uac00-\ud7a3]{2,4} ?>)")  # so does a Korean transcript's "◎ 이름 >"
# A delegate as the United Nations' verbatim records print one, an honorific, the name
# and the country in brackets before the colon: a label even after a word ("… and related
# matters Mr. Oshima (Japan): We condemn …").
_DELEGATE_START = re.compile(r"(?<=[^\W\d_])\s+(?=(?:Mr|Mrs|Ms|Dr|Sir)\.?\s[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}"
                             r"\s\([A-Z][^()]{1,40}\)\s?:)")
# A label as US congressional hearings print it: an honorific or office in mixed
# case, the surname in capitals, a full stop ("Senator GRAMM.", "The CHAIRMAN.", "The
# SPEAKER pro tempore.", "The PRESIDING OFFICER (Mr. Bennet).").
_HEARING_LABEL = re.compile(r"^(?:[A-Z][a-z]+\.?\s+){1,2}[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]+)?(?:\s+pro\s+tempore)?"
                            r"(?:\s\([^()]{1,40}\))?\.$")
_HEARING_START = re.compile(r"(?<=\S)\s+(?=(?:[A-Z][a-z]+\.?\s+){1,2}[A-Z][A-Z'’-]{2,}(?:\s+pro\s+tempore)?\.\s)")
# A bracketed event before a label on a short line: "(BREAK) JUDY WOODRUFF: …".
_EVENT_FIRST = re.compile(r"\s*[(\[][^\W\d_][^()\[\]]{0,30}[)\]]\s+\S")
# The first line of a speech: a capitalised word, then a sentence in lower case.
_SPEECH_START = re.compile(r"\s*[\"“”„«]?[^\W\d_][^\W\d_]*[.,!]?\s+[^\W\d_]*[a-zà-ÿ]{2}")
# An office after the name and a comma, closing a label: "PENNY WONG, FOREIGN MINISTER:".
_OFFICE_AFTER_NAME = re.compile(r",\s*([^,:：()]{3,60}?)\s*[:：]\s*$")
# A row of dots or dashes alone on its line: an omission, not a speech.
_OMISSION_ROW = re.compile(r"\s*[.…·_–—-]{3,}\s*")
# A short label line that ends in an opening bracket, and the line that closes it.
_OPEN_BRACKET_END = re.compile(r"^\s*\S[^()（）]{0,30}[(（]\s*$")
_CLOSE_BRACKET_START = re.compile(r"^\s*[^()（）]{1,40}[)）]")
# Or the name on a line of its own between them, and a line the closing bracket opens:
# "O SR. PRESIDENTE (" / "João Jorge - MDB" / ") -".
_BRACKETED_NAME_LINE = re.compile(r"\s*[^()（）]{2,40}")
_CLOSE_BRACKET_FIRST = re.compile(r"\s*[)）]")
# A speech's address to the chair, which Spanish and Portuguese records print with
# a colon inside a speech; their labels have the article ("El señor PRESIDENTE.-").
_VOCATIVE = re.compile(r"(?:Señor|Señora|Senhor|Senhora)\s+(?:Presidente|Presidenta)\s*:")
# A party's initials in a member's label: "M5S", "PD", "UV", "SPD".
_PARTY = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
# A line holding only a dash, between a radio transcript's speaker and the speech.
_DASH_LINE = re.compile(r"\s*[―—–]\s*")
# A member's seat and party (and office) in brackets after the name, alone on its line.
_SEAT_AND_PARTY = re.compile(r"\([A-Z][^()]{1,40}(?:, [A-Z][^(),]{1,60}){1,3}\)$")
# What follows a field's label when the line names who held a part: a person's name
# and nothing else ("David Cline", "John and Jean Rosenberg").
# ("Mr Q Dyantyi (ANC)": an initial without its stop, the party in brackets; "Kormos,
# Peter (Welland-Thorold NDP)": a committee's roster, surname first, seat and party).
_NAME_ONLY_FIELD = re.compile(r"(?:(?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.?|and|und|et|y|i|и)){1,5}"
                              r"|[A-Z][\w'’-]+,(?:\s+(?:[A-Z][a-z][\w'’-]*|[A-Z]\.)){1,3})"
                              r"(?:\s\([A-Z][\w-]{1,10}\)|\s\([A-Z][\w-]+(?:\s[A-Z][\w-]*){1,4}\))?")
# A witness named with the oath taken ("ANDREW FRANK WINN (affirmed)."): no speech.
_OATH_LINE = re.compile(rf"[^()]{{2,80}}\((?:{'|'.join(sorted(OATHS))})\)\.?", re.I)
# A participant and the role after a spaced dash, no sentence: "Ken Zener – Macquarie".
_NAME_DASH_ROLE = re.compile(r"(?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’-]+\s[-–—]\s[^.?!]{1,80}")
# The dash before an answer printed on its question's line.
_DASH_ANSWER = re.compile(r"\s[-–—]\s(?=A\.\s)")
# A witness named with the oath, in capitals: "THOMAS HACK sworn.", "RUTH AMES (affirmed)".
_SWORN_WITNESS = re.compile(r"(?P<name>(?:[A-Z][A-Z'’-]+\s){1,4}[A-Z][A-Z'’-]+)\s+(?:\((?:sworn|affirmed)\)|sworn\b)")
# A hearing's note of who examines the witness: "Questioned by MR STEVENS".
_EXAMINED_BY = re.compile(r"\b(?:Questioned|Examined|Cross-examined|Re-examined|Further examined)\s+by\s+"
                          r"(?P<name>(?:MR|MRS|MS|DR|SIR|Mr|Mrs|Ms|Dr|Sir)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# A memorandum's subject field, less a classification's portion mark ("(U)").
_SUBJECT_FIELD = re.compile(r"^\s*(?:SUBJECT|Subject|SUBJ|Re|RE|Betreff|Objet|Тема)\s*[:.]\s*"
                            r"(?P<value>\S.{2,200}?)\s*(?:\((?:U|C|S|TS|LOU|SBU)\))?\s*$")
# A date field inside a line whose line breaks were lost: "… Date: August 14, 2014 …".
_DATE_FIELD_INSIDE = re.compile(r"(?<![^\W\d_])(?:Interview\s+)?(?:Date|DATE|Datum|Дата|Fecha)\s*[:：]\s*")
# How much of a long line after a possible label start is read for the label: a
# label is short, and reading the rest of a long line at each sentence end cost
# time that grew with the square of the line.
_LABEL_WINDOW = 240
# What a label run into a line needs near its start: a colon, or a hearing's form.
_MAY_OPEN_LABEL = re.compile(r"[^\n:：]{0,120}[:：]|◎ ?[\uac00-\ud7a3]{2,4} ?>|(?:[A-Z][a-z]+\.?\s+){1,2}[A-Z][A-Z'’-]{2,}\.\s|[QA]\.\s"
                             # "BAŞKAN - …", "Ю. ШАРАНДИН – …": capitals, then a dash
                             r"|(?=(?:[^\W\d_]\.\s?)?[^\W\d_a-zа-яё]{2})(?:\S+\s){0,3}\S+(?:\s\([^()]{1,40}\))?\s[-–—]\s"
                             # "El señor MOREYRA LOREDO.- Gracias": a stop and a dash
                             r"|(?:\S+\s){0,4}[^\W\d_a-zа-яё]{2,}\.[-–—]\s")
# A word in capitals after a space, where a label in capitals may begin.
_CAPS_START = re.compile(r"(?<=\S)\s+(?=[A-ZА-ЯЁ][A-ZА-ЯЁ])")
# An office of any wording, then a capitalised name and a colon.
_OFFICE_AND_NAME = re.compile(r"^\s*(?P<label>[^\W\d_][^:\[\]()]{2,80}?\s(?P<name>(?:[^\W\d_a-zа-я][\w'’.-]+\s?){1,3}?)\s*:)"
                              r"\s+(?P<rest>\S.*)$")
# A line number before a line's text ("  12. PRESIDENT NIXON: Hello?").
_LINE_NUMBER = re.compile(r"^\s*\d{1,4}\.?(?:\s|$)")
# A speaker's name in lower case opening a line, and a label after a sentence inside one.
_LOWER_LABEL = re.compile(r"^\s*(?P<name>[a-zа-яё][\w'’-]+(?:\s[a-zа-яё][\w'’-]+)?)\s*:\s+\S")
_INNER_LABEL = re.compile(r"(?<=[^\W\d_][.?!…])\s+(?P<name>[A-ZА-ЯЁ][\w.'’-]*(?:\s[A-ZА-ЯЁ][\w.'’-]*){0,3}):\s")
# Label forms a one-off speaker may use when the document labels its turns that way.
_ONE_OFF_FORMS = ("dash-colon", *CAPS_RULES)
_FIELD = re.compile(r"^(?P<field>Place|Location|Subject|Topic|Re|Time)\s*:\s*(?P<value>\S.*)$", re.I)


@dataclass
class Block:
    lines: list[tuple[int, str]]  # (line number, text)

    @property
    def first(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return " ".join(t.strip() for _, t in self.lines)

    def single(self) -> bool:
        return len(self.lines) == 1


class LinePos(int):
    """A line number that also knows the column its text starts at. A line whose line
    breaks were lost is read as several segments ("… he said. NEAL: This is …"): each
    keeps its line number for the report, and segments of one line stay distinct."""

    column: int

    def __new__(cls, line: int, column: int = 1) -> "LinePos":
        position = super().__new__(cls, line)
        position.column = column
        return position

    def _key(self) -> tuple[int, int]:
        return int(self), self.column

    def __eq__(self, other) -> bool:
        return (int(self), self.column) == (int(other), getattr(other, "column", 1)) \
            if isinstance(other, int) else NotImplemented

    def __hash__(self) -> int:
        return hash(int(self)) if self.column == 1 else hash(self._key())

    def __lt__(self, other) -> bool:
        return (int(self), self.column) < (int(other), getattr(other, "column", 1))

    def __le__(self, other) -> bool:
        return self < other or self == other

    def __gt__(self, other) -> bool:
        return not self <= other

    def __ge__(self, other) -> bool:
        return not self < other


def split_blocks(lines: list[str]) -> list[Block]:
    """Paragraphs: runs of lines between blank lines. A text with hardly any blank line
    (copied from a web page or a PDF's text layer) has a paragraph a line instead, except
    that a line continuing a sentence ("… of the\nparty …") stays with the line above."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    inner_blank = (filled[-1] - filled[0] + 1 - len(filled)) if filled else 0
    line_paragraphs = len(filled) >= 6 and inner_blank < len(filled) / 10
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                blocks.append(Block(current))
                current = []
            continue
        if line_paragraphs and current and not _continues(current[-1][1], line):
            blocks.append(Block(current))
            current = []
        current.append((number, line))
    if current:
        blocks.append(Block(current))
    return blocks


def _continues(previous: str, line: str) -> bool:
    """Does line go on with the sentence of the line above it?"""
    return (not re.search(r"[.?!:;\"”’)\]]\s*$", previous)
            and bool(re.match(r"\s*[a-zа-яёß(,;]", line)))


class TranscriptReader:
    """One conversion's reader: rules, labels and people for one transcript."""

    def __init__(self, rules: Rules, people: PeopleIndex, labels: LabelReader):
        self.rules = rules
        self.people = people
        self.labels = labels
        self._furniture = [re.compile(rf"^\s*(?:{p})\s*:?\s*$", re.I) for p in rules.furniture]
        # where an office in mixed case may open a label inside a flattened line
        offices = "|".join(re.escape(t) for t in sorted(rules.titles, key=len, reverse=True)
                           if not t.endswith(".") and t[:1].isupper())
        self._office_start = re.compile(rf"(?<=\S)\s+(?=(?:The\s+)?(?:{offices})\s)")
        self._classification = re.compile(rf"^\s*(?:{'|'.join(rules.classifications)})\s*\.?\s*$", re.I)
        # (a word of its own: "Present:", not "Presenter:")
        self._intro = re.compile(rf"^\s*(?P<intro>{rules.participants_intro})(?!\w)\s*(?::|\s[-–—])?\s*", re.I)
        self._closer = re.compile(rf"^\s*(?:{rules.closer})\s+\S", re.I)
        self._section = re.compile(rf"^\s*(?:{rules.section_heads})\s*$", re.I)
        self._rights = re.compile(rules.rights, re.I)
        self._translator = re.compile(rules.translator)
        self._summary_head = re.compile(rf"^\s*(?:{rules.summary_heads})\s*$", re.I)
        self._verb_first = re.compile(rf"(?:{'|'.join(rules.speech_verbs)})\b")
        # Words that lead a label: an honorific or an office ends with a full stop, no sentence.
        self._leading_words = {w.casefold() for w in (*rules.honorifics, *rules.titles)}
        self._participant_blocks: list[int] = []   # block indexes of the participants list
        self._participants: ParticipantList | None = None
        # The editor's say (frontmatter.py): lines that are turns, lines that are not.
        self.forced: dict[int, LabelMatch] = {}
        self.refused: set[int] = set()

    # -- the passes -------------------------------------------------------------

    def read(self, doc: Document, lines: list[str]) -> Document:
        self._unpunctuated_cuts: set[LinePos] = set()
        filled = [line for line in lines if line.strip()]
        numbered = sum(1 for line in filled if _LINE_NUMBER.match(line))
        self.labels.numbered_lines = len(filled) >= 6 and numbered >= 0.6 * len(filled)
        if self.labels.numbered_lines:
            doc.notes.append("every line is numbered: labels are read after the numbers")
        blocks = self._drop_furniture(doc, split_blocks(lines))
        blocks = self._set_aside_footnotes(doc, blocks)
        blocks = self._split_run_together(doc, blocks)
        blocks = _join_open_brackets(blocks)
        # who asks a hearing's questions ("Questioned by MR STEVENS"), and who answers
        # them: the witness last sworn ("THOMAS HACK sworn.", "… (affirmed)")
        self._examiners = _named_at(blocks, _EXAMINED_BY)
        self._witnesses = _named_at(blocks, _SWORN_WITNESS)
        participants_at = self._find_participants(doc, blocks)
        turns = self._find_turns(doc, blocks)
        first_turn = min((i for i, b in enumerate(blocks) if any(n in turns for n, _ in b.lines)),
                         default=None)
        last_turn = max((i for i, b in enumerate(blocks) if any(n in turns for n, _ in b.lines)),
                        default=None)
        header_end = self._header_end(blocks, first_turn, participants_at)
        header_end = self._heading_below(blocks, header_end, first_turn, participants_at)
        tail_start = self._tail_start(blocks, max(header_end, (last_turn or -1) + 1))
        first_division = self._read_header(doc, blocks[:header_end], participants_at)
        self._read_body(doc, blocks[header_end:tail_start], turns, first_division)
        self._read_tail(doc, blocks[tail_start:])
        if not doc.title:
            self._title_in_text(doc, blocks, turns)
        self._resolve_footnotes(doc)
        self._citation_in_text(doc)
        if doc.meeting_date is None and doc.doc_date is None:
            self._date_in_text(doc, blocks[:max(header_end, 1) + 2], blocks[:20])
        else:
            self._date_opening_the_record(doc, blocks[:max(header_end, first_turn or 0) + 1])
        self._tag_mentions(doc)
        self._mark_languages(doc)
        doc.title = complete_title(doc.title, doc.place, doc.meeting_date or doc.doc_date)
        return doc

    def _drop_furniture(self, doc: Document, blocks: list[Block]) -> list[Block]:
        kept: list[Block] = []
        for block in blocks:
            lines = []
            for number, text in block.lines:
                # whole-line patterns; a long line is text ("Return to Johnson Space Center
                # home page" twice is 81 characters)
                if len(text.strip()) <= 90 and any(p.match(text) for p in self._furniture):
                    doc.dropped.append((number, text.strip(), "page furniture"))
                else:
                    lines.append((number, text))
            if lines:
                kept.append(Block(lines))
        return kept

    def _set_aside_footnotes(self, doc: Document, blocks: list[Block]) -> list[Block]:
        """Footnote bodies: marker-led lines after the record, whose marker occurs earlier.
        Notes printed one after another with no blank line between ("[1] …" then
        "[2] …") are separate notes."""
        split: list[Block] = []
        for index, block in enumerate(blocks):
            if index > len(blocks) // 3 and _FOOTNOTE_BODY.match(block.lines[0][1]):
                current: list[tuple[int, str]] = []
                for line in block.lines:
                    if current and _FOOTNOTE_BODY.match(line[1]):
                        split.append(Block(current))
                        current = []
                    current.append(line)
                split.append(Block(current))
            else:
                split.append(block)
        blocks = split
        earlier = ""  # the text of the blocks kept so far
        kept: list[Block] = []
        for index, block in enumerate(blocks):
            m = _FOOTNOTE_BODY.match(block.lines[0][1])
            if m and index > len(blocks) // 3:
                number = (m.group("b") or m.group("c") or m.group("d") or m.group("sl")
                          or superscript_number(m.group("s")))
                style = ("bracket" if m.group("b") else "caret" if m.group("c")
                         else "number" if m.group("d") else "slash" if m.group("sl")
                         else "superscript")
                # a number glued to a word, or to a label in capitals alone on its
                # line ("SECRETARY VANCE2"), calls the note
                if ((_glued(number).search(earlier)
                     or re.search(rf"(?<=[A-ZА-ЯЁ]{{3}}){number}$", earlier, re.M)
                     or _heading_call(number, kept))
                        if style == "number" else footnote_marker(number, style) in earlier):
                    line = block.first
                    body = " ".join([m.group("text")] + [t.strip() for _, t in block.lines[1:]])
                    content = parse_inline(body, line, m.start("text") + 1, doc.warnings)
                    doc.footnotes.append(Footnote(number, style, content, line))
                    continue
            earlier += block.text + "\n"
            kept.append(block)
        return kept

    def _split_run_together(self, doc: Document, blocks: list[Block]) -> list[Block]:
        """Labels inside long lines whose line breaks were lost (a PDF's text layer, a
        page flattened into one paragraph) begin segments of their own, when the same
        label stands so at least twice or also opens a line elsewhere, or names a person."""
        def key(found: LabelMatch) -> str:  # "SENATOR ABOUREZK" and "SENATOR JAMES ABOUREZK"
            return name_key(found.name).split()[-1]

        starts = {key(m) for b in blocks for _, t in b.lines
                  if (m := self.labels.match(t)) and m.rule in _ONE_OFF_FORMS}
        inside: list[tuple[int, int, int, LabelMatch]] = []
        # Labels in capitals where an OCR'd page lost its punctuation too ("… not reported
        # DIRECTOR COLBY: That …", "PRESIDENT CLINTON Hello …"): each must label two turns.
        loose: list[tuple[int, int, int, LabelMatch]] = []
        for bindex, block in enumerate(blocks):
            for lindex, (_, text) in enumerate(block.lines):
                if len(text) < 100 and not _EVENT_FIRST.match(text):
                    continue
                delegates = _DELEGATE_START.finditer(text) if "):" in text or ") :" in text else ()
                first = self.labels.match(text)
                for m in [*_RUN_TOGETHER.finditer(text), *delegates]:
                    if first and m.end() < len(first.label) and not _LINE_NUMBER.fullmatch(text[:m.end()]):
                        continue  # inside the label opening the line: "[A.] Poledňák: …"
                    if not _MAY_OPEN_LABEL.match(text, m.end()):
                        continue  # no colon near, no hearing label: no label begins here
                    if (text[:m.start()].split()[-1:] or [""])[0].casefold() in self._leading_words:
                        continue  # "Cde. N. Ceausescu: …": the honorific is the label's own
                    if re.fullmatch(r"\s*\d{1,3}", text[:m.start()]) and self.labels.match(text):
                        continue  # "4 MR. CHILK: …": the label reader takes the line's number
                    found = self.labels.match(text[m.end():m.end() + _LABEL_WINDOW])
                    # "… your full name? 14 A. Thomas Beezer. 15 Q. Thank you …"
                    answered = found and found.label in ("Q.", "A.") and (
                        text[:m.start()][-1:].isdigit()
                        # "… at any time? A. I might have …": an interrogation flattened
                        or text[:m.start()].rstrip()[-1:] in ".?!\"”")
                    # "… arkadaşlar. BAŞKAN - Sayın …", "ENGİN ALTAY (İstanbul) - …": a dash after
                    # a name in capitals that an office is, or that a seat in brackets follows
                    dashed = (found and found.rule == "dash-colon" and found.label[-1:] in "-–—"
                              and found.name.isupper()
                              and (found.label.rstrip(" -–—").endswith(")") or self.labels.is_office(found.name)
                                   # "… Здравствуйте, Юрий. Ю. ШАРАНДИН – Добрый день.": an
                                   # initial and a surname in capitals
                                   or re.fullmatch(r"(?:[^\W\d_]\.\s?){1,2}[^\W\d_]{2,}", found.name)
                                   # "… Doctor Moreyra.  El señor MOREYRA LOREDO.- Gracias …"
                                   or found.label.endswith((".-", ".–", ".—"))))
                    if found and _VOCATIVE.match(found.label):
                        continue  # "… dirección. Señor Presidente: Este …" addresses the chair
                    if (found and found.rest.strip() and (self._plausible(found) or answered
                                                          or found.rule == "interview") and (
                            (found.rule in ("dash-colon", "interview") and found.label.endswith((":", "：")))
                            or (found.rule == "marked" and found.label.startswith("◎"))
                            or _HEARING_LABEL.match(found.label) or answered or dashed)):
                        inside.append((bindex, lindex, m.end(), found))
                # Where labels already stand: never cut inside one ("SENATOR JAMES ABOUREZK:").
                spans = [(p, p + len(f.label)) for b, l, p, f in inside if (b, l) == (bindex, lindex)]
                spans += [(0, len(first.label))] if first else []
                # an office in mixed case only where OCR lost the punctuation too: a
                # long line with hardly a full stop or comma
                unpunctuated = len(text) >= 300 and len(re.findall(r"[.,;?!]", text)) * 200 < len(text)
                openings = [*_CAPS_START.finditer(text), *_HEARING_START.finditer(text),
                            *(self._office_start.finditer(text) if unpunctuated else ())]
                for m in sorted(openings, key=lambda m: m.end()):
                    if any(start <= m.end() < end for start, end in spans):
                        continue
                    found = self.labels.match(text[m.end():m.end() + _LABEL_WINDOW], unpunctuated)
                    if found and found.rule == "office-plain" and len(set(found.name.split())) < len(found.name.split()):
                        continue  # "The President President …": a flattened list of participants
                    if found and found.rest.strip() and (found.rule in ("caps-office", "office-plain") or (
                            found.rule == "dash-colon" and found.label.endswith(":")
                            and found.name.isupper()) or _HEARING_LABEL.match(found.label)):
                        loose.append((bindex, lindex, m.end(), found))
                        spans.append((m.end(), m.end() + len(found.label)))
        # an office in mixed case counts only in the same words twice ("Chancellor
        # Kohl", not "General Andropov" beside "Chairman Andropov")
        def form(found: LabelMatch) -> str:
            return name_key(found.name) if found.rule == "office-plain" else key(found)

        twice = Counter(form(f) for *_, f in inside + loose)
        # "President Boris Yeltsin" in a flattened list is no label "President Boris"
        surnames = {f.name.split()[-1] for *_, f in loose if f.rule == "office-plain"}
        loose = [cut for cut in loose if twice[form(cut[3])] >= 2 and not (
            cut[3].rule == "office-plain" and cut[3].rest.split()[0] in surnames)]
        if loose:
            bindex, lindex, position, found = loose[0]
            number = blocks[bindex].lines[lindex][0]
            doc.warnings.append((*_place(number, position),
                                 f"'{found.label}' and {len(loose) - 1} more labels "
                                 "read inside lines with no punctuation before them: check the turns"))
        inside += loose
        # "… (personalia w aktach). Pytanie: … ? Odpowiedź: …": an interview's labels inside
        # a flattened line, when questions and answers both stand so
        roles = {f.role for *_, f in inside if f.rule == "interview" and f.label not in ("Q.", "A.")}
        if not {"interviewer", "respondent"} <= roles:
            inside = [cut for cut in inside if cut[3].rule != "interview" or cut[3].label in ("Q.", "A.")
                      or self._plausible(cut[3])]
        # questions and answers after line numbers: a hearing's, when both stand so twice
        asked = Counter(f.label for *_, f in inside if f.label in ("Q.", "A."))
        if min(asked["Q."], asked["A."]) < 2:
            inside = [cut for cut in inside if cut[3].label not in ("Q.", "A.")]
        # "Q. When did you tell your master of it? - A. I have not …": printed proceedings
        # join each answer to its question with a dash
        answers = [(b, l, m.end(), found) for b, block in enumerate(blocks)
                   for l, (_, t) in enumerate(block.lines) if t.lstrip().startswith("Q.")
                   for m in _DASH_ANSWER.finditer(t)
                   if (found := self.labels.match(t[m.end():m.end() + _LABEL_WINDOW]))
                   and found.label == "A."]
        if len(answers) >= 2:
            inside += answers
        counts = Counter(key(f) for *_, f in inside)
        whole = name_key(" ".join(t for b in blocks for _, t in b.lines))

        def named(found: LabelMatch) -> bool:
            """A label standing once: led by an honorific or an office, or in capitals,
            or naming someone the text names twice more, or after a caption's ">>"."""
            led = self.people.strip_honorifics(found.name) != found.name or \
                self.labels.strip_honorifics(found.label) != found.label
            letters = [c for c in found.name if c.isalpha()]
            return (led or all(c.isupper() for c in letters) or whole.count(key(found)) >= 3
                    or found.label.startswith(">>"))

        cuts: dict[tuple[int, int], list[int]] = {}
        for bindex, lindex, position, found in inside:
            if counts[key(found)] >= 2 or key(found) in starts or named(found) or found.rule == "interview":
                cuts.setdefault((bindex, lindex), []).append(position)
        if not cuts:
            return blocks
        # the lines an office in mixed case opens, to be read so again (_find_turns)
        unpunctuated_cuts = {(b, l, p) for b, l, p, f in loose if f.rule == "office-plain"}
        result = []
        for bindex, block in enumerate(blocks):
            lines: list[tuple[int, str]] = []
            for lindex, (number, text) in enumerate(block.lines):
                bounds = [0, *sorted(cuts.get((bindex, lindex), [])), len(text)]
                for start, end in zip(bounds, bounds[1:]):
                    column = getattr(number, "column", 1) + start
                    position = LinePos(int(number), column) if start else number
                    if (bindex, lindex, start) in unpunctuated_cuts:
                        self._unpunctuated_cuts.add(position)
                    lines.append((position,
                                  text[start:end].rstrip() if end < len(text) else text[start:end]))
            result.append(Block(lines))
        return result

    def _find_participants(self, doc: Document, blocks: list[Block]) -> int | None:
        """Read the first participants list among the leading blocks; its block index."""
        for index, block in enumerate(blocks[:12]):
            m = self._intro.match(block.lines[0][1])
            if not m:
                continue
            self._participant_blocks = [index]
            first = block.lines[0][1]
            wrapped = (not block.single() and first[m.end():].strip()
                       and re.search(r"[,;]\s*$|\b(?:and|und|i|и)\s*$|[^\W\d_]\s*$", first)
                       and not any(re.match(r"^\s*(?:[-–•*·]|\d{1,2}[.)])\s", t) for _, t in block.lines[1:])
                       # a hanging indent: one person a line, aligned under the first
                       and not all(_indent(t) >= 8 for _, t in block.lines[1:]))
            if first[m.end():].strip() and (block.single() or wrapped):
                # "Present: Cdes. Mikoyan, Suslov, …" on one line, or wrapped over several
                text = " ".join(t.strip() for _, t in block.lines)
                intro = self._intro.match(text)
                plist = read_run_in(text, intro, block.first, self.people, doc.warnings,
                                    "|".join(re.escape(h) for h in self.rules.honorifics))
            else:
                plist = self._read_line_participants(doc, blocks, index, m)
            doc.participants = plist.groups
            self._participants = plist
            if not plist.groups:
                doc.warnings.append((block.first, 1, "a participants list whose persons were not "
                                                     "understood; kept as printed"))
            return index
        for index, block in enumerate(blocks[:8]):
            # A list of persons with no heading: "• Chou En-lai, Premier …", one a line.
            bullets = [t for _, t in block.lines if re.match(r"^\s*[•·*–-]\s+[^\W\d_]", t)]
            after = blocks[index + 1].lines[0][1] if index + 1 < len(blocks) else ""
            if len(bullets) >= 2 and len(bullets) == len(block.lines) and all(
                    len(t.split()) <= 16 for t in bullets) and self._persons_listed(bullets, after):
                self._participant_blocks = [index]
                plist = self._read_line_participants(doc, blocks, index, None)
                doc.participants = plist.groups
                self._participants = plist
                return index
        self._participant_blocks = []
        return None

    def _persons_listed(self, bullets: list[str], after: str) -> bool:
        """Is a bulleted list without a heading one of persons? A page's navigation
        ("• Share", "• Read Later") is not: the record's first label follows a list of
        persons, or half its persons at least have an honorific, an office or a role."""
        items = [t.strip(" •·*–-") for t in bullets]
        described = [t for t in items if "," in t or self.labels.strip_honorifics(t) != t
                     or self.labels.is_office(t)]
        return self.labels.match(after) is not None or 2 * len(described) >= len(items)

    def _read_line_participants(self, doc, blocks, index, intro) -> ParticipantList:
        """Participants one per line, possibly over several short blocks."""
        plist = ParticipantList(content=[], line=blocks[index].first)
        group = ParticipantGroup(label="")
        plist.groups.append(group)
        if intro is None:
            candidates = [blocks[index].lines]
        else:
            number, text = blocks[index].lines[0]
            value = text[intro.end():].strip()
            content = parse_inline(text.strip(), number, 1, doc.warnings)
            if value:
                # "PARTICIPANTS:   Chairman Mao Tse-tung": the first person stands on the
                # heading's line, the others in a hanging indent below
                probe = ParticipantGroup(label="")
                _, person, kind = read_line_item(value, number, self.people, probe, doc.warnings)
                if kind == "person":
                    group.members.extend(probe.members)
                    head = text.strip()[:len(text.strip()) - len(value)]
                    content = parse_inline(head, number, 1, doc.warnings) + person
            plist.items.append(("intro", content))
            candidates = [blocks[index].lines[1:]]
        follow = index + 1
        while follow < len(blocks) and self._looks_like_participant_block(
                blocks[follow], _indent(blocks[follow - 1].lines[-1][1])):
            candidates.append(blocks[follow].lines)
            self._participant_blocks.append(follow)
            follow += 1
        for lines in candidates:
            for number, text in lines:
                if _FIELD_LINE.match(text.strip()):  # "DATE AND TIME: …" inside the block
                    plist.items.append(("line:", parse_inline(text.strip(), number, 1, doc.warnings)))
                    continue
                probe = ParticipantGroup(label="")
                if self._intro.fullmatch(text.strip().rstrip(":")):  # "Analysts": a group
                    group = ParticipantGroup(label=text.strip().rstrip(":"))
                    plist.groups.append(group)
                    plist.items.append(("group:", parse_inline(text.strip(), number, 1, doc.warnings)))
                    continue
                bullet, content, kind = read_line_item(text.strip(), number, self.people, probe,
                                                       doc.warnings)
                if kind == "group":
                    group = ParticipantGroup(label=probe.label)
                    plist.groups.append(group)
                else:
                    group.members.extend(probe.members)
                plist.items.append((f"{kind}:{bullet}", content))
        plist.groups = [g for g in plist.groups if g.members]
        return plist

    def _looks_like_participant_block(self, block: Block, indent: int = 0) -> bool:
        """A block continuing the participants list: short lines of persons, bulleted,
        in columns or with roles after commas, or all at the list's own deep indent
        (a hanging indent aligned with spaces)."""
        for _, text in block.lines:
            stripped = text.strip()
            aligned = indent >= 8 and abs(_indent(text) - indent) <= 2
            if len(stripped) > 120 or len(stripped.split()) > 16:
                return False
            if self._intro.fullmatch(stripped.rstrip(":")) or _NAME_DASH_ROLE.fullmatch(stripped):
                continue  # "Analysts", "Ken Zener – Macquarie": an earnings call's lists
            if self.labels.match(stripped) and self.labels.match(stripped).rest:
                return False
            if self._classification.match(stripped) or parse_date(stripped):
                return False
            if not (re.match(r"^([-–•*·]|\d{1,2}[.)])\s", stripped) or stripped.endswith(":")
                    or re.search(r"\s{2,}|\t|,\s", stripped) or aligned):
                return False
        return True

    def _find_turns(self, doc: Document, blocks: list[Block]) -> dict[int, LabelMatch]:
        """Accepted speaker labels, by line number.

        A line that opens with a label is a candidate; it is accepted on evidence: a
        form that is always a label (an edition's own, side, alias, unknown speaker,
        two interview labels at least), a known name (register, participants, a name in
        the heading above the first label), the same name labelling two turns, or the
        document's dominant label form with a plausible name (a one-off speaker, which
        is reported). Mixed-case labels ending in a full stop or standing alone without a
        separator ("Molotov. …", "President Johnson") need a known or repeated name, and
        never a word the text also uses in lower case ("Yes. …"). Candidates not accepted
        at the start of a paragraph are reported: they stay in the text.
        """
        skip = {n for i in self._participant_blocks for n, _ in blocks[i].lines}
        candidates: list[tuple[int, LabelMatch, bool]] = []
        reported: list[tuple[int, LabelMatch]] = []  # "Zhou Enlai thanks …", paragraph openers
        # The line above (in this paragraph, else the last of the one before) and the
        # brackets the lines above left open since the last blank line: a line inside a
        # stage direction ("(Beifall bei allen" / "Fraktionen. Die …") opens no turn.
        depth, previous = 0, None
        for bindex, block in enumerate(blocks):
            for lindex, (number, text) in enumerate(block.lines):
                line_above, previous = previous, (number, text)
                # (no blank line between: the next line, or a segment of the same one)
                inside = depth > 0 and line_above is not None and int(number) - int(line_above[0]) in (0, 1)
                depth = max((depth if inside else 0) + text.count("(") - text.count(")"), 0)
                if (number in skip or number in self.refused or number in self.forced or inside
                        or self._classification.match(text) or self._intro.match(text)):
                    continue
                found = self.labels.match(text, unpunctuated=number in self._unpunctuated_cuts)
                if not found:
                    continue
                if found.rule in (*CAPS_RULES, "dash-colon") and read_citation(text, number):
                    continue  # "RGANI. Fond 52, Opis 1 …", "NAA: A11099, 1/8" cite an archive
                if found.rule in ("interview", "dash-colon") and _NAME_ONLY_FIELD.fullmatch(found.rest.strip()):
                    continue  # "Interviewer: David Cline", "Videographer: John Bishop": a field
                if found.rule == "name-verb":
                    # a paragraph's sentence, no heading ("Working notes"), not the rest of
                    # a sentence a hard line break cut ("… a call to the / President expressed")
                    cut = (line_above is not None and int(line_above[0]) + 1 == int(number)  # no blank line
                           and re.search(r"(?:[^\W\d_]|,)\s*$", line_above[1]))
                    if lindex == 0 and not cut and (len(found.rest.split()) >= 3
                                                    or re.search(r"[.?!…]\s*$", block.text)):
                        reported.append((number, found))
                    continue
                # A label opens a paragraph, or a line after a finished sentence.
                # (or a line cut from a flattened one where a label begins: "… yes.9 MR X: …")
                opens = lindex == 0 or bool(re.search(r"[.?!:\"”…)\]|؟。？！]\s*$", block.lines[lindex - 1][1])) \
                    or getattr(number, "column", 1) > 1
                # A label alone on its line ends no sentence ("… visit to / Peking.").
                # (Hebrew and Arabic have no capitals: a heading there ends in a letter too)
                midsentence = lindex > 0 and re.search(r"(?:[^\W\d_](?<![A-ZА-ЯЁ\u05d0-\u05ea\u0620-\u064a])|[,;])\s*$",
                                                       block.lines[lindex - 1][1])
                if (found.rule == "interview" and line_above and int(line_above[0]) + 1 == int(number)
                        and (line_above[1].rstrip()[-1:].islower() or line_above[1].rstrip().endswith(","))):
                    continue  # "… Datuk Ahmad / A. Talib on TV3's …": a name's initial, wrapped
                if found.label.endswith(";") and (
                        not _speech_below(blocks, bindex, lindex, self._verb_first)
                        or (_line_after(blocks, bindex, lindex) or "").rstrip().endswith((";", "; and"))):
                    continue  # "The Hon. Mr Speaker (Chairperson);": a list's item, not OCR's colon
                # (a numbered speaker's words need not look like a sentence: "Barbieri,")
                numbered = numbered_speaker(found.name) and _line_after(blocks, bindex, lindex) is not None
                if found.rule in ("alone", "alone-plain") and not numbered and (
                        midsentence or not _speech_below(blocks, bindex, lindex, self._verb_first)
                        or _listed_below(self.labels, blocks, bindex, lindex)):
                    continue
                candidates.append((number, found, opens))
        # A label that says who a short form is ("Full Name (hereafter X):", "THE MARSHAL
        # (Colonel Charles W. Mays):", "GPS [George Shultz]") is read first, wherever it
        # stands: the short form's other turns are that person's.
        short_forms = {name_key(f.name) for _, f, _ in candidates if not f.alias}
        for _, found, _ in candidates:
            if found.alias and (found.rule == "alias" or name_key(found.alias) in short_forms):
                self.people.resolve(found.name, found.alias, label=True)
        first_line = min((n for n, _, _ in candidates), default=0)
        header = {w for b in blocks for n, t in b.lines if n < first_line or n in skip
                  for w in name_key(t).replace("-", " ").split()}
        lower_words = {w for b in blocks for _, t in b.lines
                       for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’]+", t)}
        # Capitalised words inside sentences: proper nouns, not sentence openers.
        proper = {part for b in blocks for _, t in b.lines
                  for w in re.findall(r"(?<=[^\W\d_A-ZА-Я,;] )[A-ZА-ЯЁ][^\W\d_]+(?:[‐–-][A-ZА-ЯЁ][^\W\d_]+)*", t)
                  for part in re.split(r"[‐–-]", w)}   # "Vīķe–Freiberga": each part too
        counts = Counter(_surname(f.name) for _, f, _ in candidates)
        every_line = [line for b in blocks for line in b.lines]
        line_after = {n: t for (n, _), (_, t) in zip(every_line, every_line[1:])}
        line_index = {n: i for i, (n, _) in enumerate(every_line)}
        alone = Counter(f.name for _, f, _ in candidates if f.rule == "alone-plain")
        # names printed alone above their speeches, two of them at least twice each
        # ("Finn" / "P.M"): a dialogue laid out so
        alone_dialogue = sum(1 for n in Counter(f.name for _, f, _ in candidates
                                                if f.rule in ("alone", "alone-plain")).values()
                             if n >= 2) >= 2
        forms_seen = Counter(name_key(f.name) for _, f, _ in candidates)
        colon_names = {name_key(f.name) for _, f, _ in candidates
                       if f.rule == "dash-colon" and f.label.endswith(":")}
        first_colon = min((n for n, f, _ in candidates if f.rule == "dash-colon" and f.label.endswith(":")),
                          default=0)
        interview = sum(1 for _, f, _ in candidates if f.rule == "interview")
        letters = sum(1 for _, f, _ in candidates if f.rule == "stop" and len(f.name) == 1)

        def common_word(found: LabelMatch) -> bool:
            words = found.name.split()
            if found.name.isupper() and self.labels.is_office(found.name):
                return False  # "PRESIDENT: …" where the text says "the president"
            return len(words) == 1 and words[0].casefold().rstrip(".") in lower_words

        def in_header(found: LabelMatch) -> bool:
            name = name_key(self.people.strip_honorifics(found.name)).replace("-", " ")
            words = [w for w in name.split() if len(w) > 2]  # "Pak Heon-yeong": three words
            return bool(words) and all(w in header for w in words)

        def evidence(found: LabelMatch, number: int) -> bool:
            if found.rule in ("edition", "side", "alias", "unknown", "marked", "sworn", "asked"):
                return True
            if found.rule == "glued-plain":
                return False  # only beside other glued labels, below
            if found.rule == "office-plain":
                # "The President I think …" (read only where a flattened line without
                # punctuation was cut at it): the same words label two turns
                return forms_seen[name_key(found.name)] >= 2
            if found.rule == "interview":
                return interview >= 2
            known = self.people.lookup(found.name) is not None
            if found.rule == "stop":
                if len(found.name) == 1:  # "K. Anatoly.", "D. Henry, …": letters used as labels often
                    return counts[_surname(found.name)] >= 2 and letters >= 4
                return not common_word(found) and (known or counts[_surname(found.name)] >= 2
                                                   or in_header(found))
            if found.rule == "alone-plain":
                # A heading may stand alone twice (a running head); a person is named.
                # "Mr. Heath", or an office with the person in brackets: "The Lord Privy
                # Seal (Mr. Edward Heath)"
                printed = re.sub(r"^[-–•·*]\s+", "", found.label.rstrip(".:"))  # "• Mr. Speaker"
                led = self.labels.strip_honorifics(printed) != printed \
                    or (found.alias and self.labels.is_office(found.alias)) \
                    or self.labels.is_office(found.name)  # "Clerk to the Committee"
                return not common_word(found) and (known or in_header(found) or found.portrait or (
                    # "主席" alone above the chair's speeches, "主席:" before others (in the
                    # record: a name alone in the heading above it is the heading's)
                    name_key(found.name) in colon_names and number > first_colon) or (
                    led and counts[_surname(found.name)] >= 2) or (
                    # "John Glenn" alone on its line above each of his speeches
                    alone[found.name] >= 3 and 2 <= len(found.name.split()) <= 4) or (
                    # "Finn" alone above his questions, "P.M" above the answers
                    alone[found.name] >= 2 and alone_dialogue) or (
                    # "Mary Lou McDonald (Dublin Central, Sinn Fein)": a member of a
                    # parliament with seat and party, as debates online print them
                    bool(_SEAT_AND_PARTY.search(found.label)) and 2 <= len(found.name.split()) <= 4) or (
                    # "В. Дымарский" above a line holding only a dash, then the speech
                    _DASH_LINE.fullmatch(line_after.get(number, "x")) is not None))
            return known or counts[_surname(found.name)] >= 2 or in_header(found)

        accepted = {number: found for number, found, _ in candidates if evidence(found, number)}
        # Who is known before the labels themselves add names (register, participants).
        listed = {number for number, found, _ in candidates if self.people.lookup(found.name)}
        # A person named in full once and by capital initials after ("Petra Lindqvist:",
        # then "PL:"); then, who the accepted labels name being known, other forms of
        # their names ("Chairwoman Brandauer:" after "Comrade Ilse Brandauer:", "HB:"
        # after "HB [Hanna Berg]:").
        short = {f.name for f in accepted.values() if re.fullmatch(r"[A-Z]{2,4}", f.name)}
        for number, found, first in candidates:
            initials = "".join(w[0] for w in re.split(r"[\s.-]+", found.name) if w).upper()
            if number not in accepted and first and found.rule in _ONE_OFF_FORMS and initials in short:
                accepted[number] = found
        # Two full names of one surname answering each other ("Jean Rosenberg:", then
        # "John Rosenberg:") are two persons: the surname alone names neither.
        in_order = [self.people.strip_honorifics(accepted[n].name) for n in sorted(accepted)]
        namesakes = {name for a, b in zip(in_order, in_order[1:]) for name in (a, b)
                     if "." not in a + b and len(a.split()) >= 2 and len(b.split()) >= 2
                     and name_key(a).split()[-1] == name_key(b).split()[-1]
                     and name_key(a).split()[0] != name_key(b).split()[0]
                     and not self.labels.is_office(a.split()[-1])}  # "THY PRESIDENT": OCR's "THE"
        for number in sorted(accepted):
            if not INITIALS.fullmatch(accepted[number].name):
                # initials ("M.R.") wait for the turns: a full name accepted as a one-off
                # below ("MARIANO RAJOY:") may be theirs
                found = accepted[number]
                self._resolve_label(found, by_surname=self.people.strip_honorifics(found.name) not in namesakes)
        if accepted:
            # "Senator Richard Russell" in the heading, "Senator Russell:" below: "RR:" is his
            self.people.learn_fuller_names(" ".join(
                t for b in blocks for n, t in b.lines if n < min(accepted)))
        for number, found, first in candidates:
            if (number not in accepted and first and found.rule in _ONE_OFF_FORMS
                    and self.people.lookup(found.name) is not None):
                accepted[number] = found
        # A person's name glued to the speech by a dash ("Don Regan—Economic sanctions …")
        # after other labels glued so ("RR—they shot …"): a turn; one word ("Sanctions—")
        # is a topic.
        glued = [n for n, f in accepted.items() if re.search(r"\w[—–-]$", f.label)]
        for number, found, first in candidates:
            if (found.rule == "glued-plain" and first and glued and number > min(glued)
                    and 2 <= len(found.name.split()) <= 3):
                accepted[number] = found
                doc.warnings.append((*_place(number),
                                     f"'{found.label}' read as a speaker label: a name glued to "
                                     "the speech by a dash, as the record's labels are"))
        # Reported speech beside direct labels ("Zhou Enlai thanks …" among "Stalin. …"):
        # a paragraph after the first turn, opened by the name of a person the text knows
        # and a verb of speech, is their turn (the verb stays in the speech).
        # Before the first turn, only a run of such paragraphs leading straight into it.
        block_of = {n: i for i, b in enumerate(blocks) for n, _ in b.lines}
        reported = [(n, f) for n, f in reported if accepted
                    and (self.people.lookup(f.name) is not None or in_header(f))]
        lead_in = block_of[min(accepted)] if accepted else 0
        for number, _ in sorted((r for r in reported if accepted and r[0] < min(accepted)), reverse=True):
            if block_of[number] == lead_in - 1:
                lead_in -= 1
        reported = [(n, f) for n, f in reported if block_of[n] >= lead_in]
        if reported:
            accepted.update(reported)
            doc.warnings.append((reported[0][0], 1, f"{len(reported)} paragraphs in reported speech "
                                                    "opened by a speaker's name read as turns (the "
                                                    "first here)"))
        # A long office in any language before a speaker's name ("Předseda Sovětu
        # národních komisařů Alexej Kosygin:" among "Kosygin:").
        if accepted:
            taken = {n for n, _, _ in candidates}
            for block in blocks:
                for number, text in block.lines:
                    m = _OFFICE_AND_NAME.match(text)
                    if (m and number not in taken and number not in skip
                            and self.people.lookup(m.group("name")) is not None):
                        column = m.start("rest") + 1
                        accepted[number] = LabelMatch(label=m.group("label"), name=m.group("name"),
                                                      rest=m.group("rest"), rest_column=column,
                                                      rule="dash-colon")
        # A label of the form the document uses names a speaker even when that speaker
        # talks only once ("Mr. Graybeal: …" among many "Mr. X: …"); so do labels of one
        # form in a short record where no name repeats ("N. S. Khrushchev: …", "W. Ulbricht: …").
        styles = Counter(self._style(f) for f in accepted.values())
        if not styles:
            styles = Counter(self._style(f) for _, f, first in candidates if first
                             and f.rule in _ONE_OFF_FORMS and self._plausible(f))
            styles = Counter({k: v for k, v in styles.items() if v >= 2})
        dominant = styles.most_common(1)[0][0] if styles else None
        # A one-off label only after the record has begun: a heading above it is no speaker;
        # but the paragraph right above the first turn may open the record ("JEONG: Did
        # you sleep well?" before "KIM: …") when its label is a strong one of that form.
        begun = min(accepted, default=0)
        machine = bool(accepted) and all(numbered_speaker(f.name) for f in accepted.values())
        for _ in range(len(candidates) + 1):  # again when a one-off label began the record: what opens it
            for number, found, first in candidates:
                # the paragraph or the line right above the first turn
                above = number < begun and (block_of.get(begun, 0) - block_of[number] == 1
                                            or line_index.get(begun, 0) - line_index[number] == 1)
                opening = (above and found.rest.strip() != "" and (self._strong(found) or (
                               # "Agnieszka Waś-Turecka, INTERIA.PL: …" asks before the first answer
                               found.rule == "dash-colon" and found.label.endswith(":")
                               and (len(found.name.split()) >= 2 or _full_cjk_name(found.name))
                               and self._plausible(found))))
                # "Vizepräsidentin Petra Pau:", "Mr. E. G. MALAN:", "The MINISTER OF TRANSPORT:"
                # before the first turn accepted: an office or an honorific, a name and a
                # colon open a turn, where a heading is neither
                office_led = (number < begun
                              and found.rule == "dash-colon" and found.label.endswith(":")
                              and (self.labels.is_office(found.name.split()[0]) or self.labels.is_office(found.name)
                                   or self.labels.strip_honorifics(found.label) != found.label)
                              and len(found.name.split()) >= 2 and not common_word(found))
                if number in accepted or not first or (number < begun and not (opening or office_led)):
                    continue
                if machine and not numbered_speaker(found.name):
                    continue  # a diarising transcriber numbers every speaker: a name is a line of speech
                one_off = (found.rule in _ONE_OFF_FORMS and self._plausible(found)) or (
                    # "Aivar Kokk" alone above his speech, where the chair's "Aseesimees Enn
                    # Eesmaa" stands so above each of hers: a person's name, every word capitalised,
                    # or a capitalised name after an honorific ("Mr R. K. Amoah")
                    found.rule == "alone-plain" and (_person_name(found.name) or (
                        found.name[:1].isupper() and self.labels.strip_honorifics(found.label) != found.label))) or (
                    # "Долгих. …" among "Громыко. …", "Тихонов. …": a name the text also uses
                    # mid-sentence, or one surname in a record whose turns are all so labelled
                    found.rule == "stop" and (all(w in proper for w in found.name.split()) or (
                        styles[dominant] >= 3 and re.fullmatch(r"[^\W\d_]{4,}", found.name))
                        or self._strong(found)
                        # "M. Jacques Mézard. …" among "M. Robert Navarro. …": led by an honorific
                        or (self._style(found) == dominant
                            and self.people.strip_honorifics(found.label) != found.label)))
                # A briefing's one question ("QUESTION: …", "Q Since …") among the
                # spokesman's labelled turns: a question label opening a paragraph asks one.
                asked = (found.rule == "interview" and found.role == "interviewer"
                         and begun and number > begun and found.rest.strip() != "")
                # (names alone on their lines are one form, led by an office or not)
                same_form = self._style(found) == dominant or (
                    found.rule == "alone-plain" and (dominant or "").startswith("alone-plain:"))
                # ("Ruth Ames:" among "Mr Dane:": a full name the text also names in a sentence)
                mentioned = (found.rule == "dash-colon" and len(found.name.split()) >= 2
                             and all(w in proper for w in re.split(r"[\s‐–-]+", found.name)))
                usual = one_off and (same_form or mentioned or self._strong(found)) and (
                    # a line that only introduces the next label says nothing ("From the
                    # broadcaster's site:" above "Saad: …")
                    found.rest.strip() or not self.labels.match(line_after.get(number, "")))
                if asked or office_led or (opening or usual) and not common_word(found):
                    accepted[number] = found
                    why = ("it has the document's usual label form" if usual
                           else "a question among the speaker's turns" if asked
                           else "an office and a name before the first turn" if office_led
                           else "it stands right above the first turn")
                    doc.warnings.append((*_place(number), f"'{found.label}' read as a speaker "
                                                          f"label although it occurs once: {why}"))
            if not accepted or min(accepted) == begun:
                break
            begun = min(accepted)  # the record now opens higher up: what is right above it?
        if not accepted:
            # A speech printed under its speaker's full name and a colon, the only label
            # of the text ("Ólafur Jóhannesson:" alone on its line, the speech below; "部長:")
            # or an office's ("Statsministeren: Velkommen til pressemøde!")
            def speech_below(number) -> str:
                """The line below, past a row of dots that marks an omission."""
                for _, text in every_line[line_index[number] + 1:]:
                    if not _OMISSION_ROW.fullmatch(text):
                        return text
                return ""

            lone = [(n, f) for n, f, first in candidates
                    if first and f.rule == "dash-colon" and f.label.endswith(":") and (
                        (not f.rest.strip() and (_person_name(f.name) or unspaced(f.name[:1]))
                         and _speech_line(speech_below(n)))
                        or (self.labels.is_office(f.name) and _speech_line(f.rest))
                        # "Hull: "I conferred with …"" where the record named the Secretary
                        # of State, Hull, above: a person the text names, words in quotes;
                        # "Andra vicetalman Roger Nordlund: Tack, …" after "… vicetalman
                        # Roger Nordlund som får avsluta": a full name the text gives, a speech
                        or (not common_word(f) and (
                            (f.rest.lstrip()[:1] in "\"“„«" and self._named_elsewhere(f.name, blocks, n))
                            or (_speech_line(f.rest) and len(_name_at_end(f.name).split()) >= 2
                                and self._named_elsewhere(_name_at_end(f.name), blocks, n)))))]
            if len(lone) == 1:
                number, found = lone[0]
                accepted[number] = found
                doc.warnings.append((*_place(number), f"'{found.label}' read as a speaker label although "
                                                      "it occurs once: the only label of the text, a full name, an office or a name the text gives"))
        if not accepted:
            accepted.update(_repeated_openings(doc, blocks))
        accepted = dict(sorted(accepted.items()))
        self._labels_without_separator(doc, blocks, accepted)
        # A document that labels its turns one way should not also get turns of a
        # looser form by accident ("U.S. forces were …" is not "MIKOYAN. …", a heading
        # "RESTRICTIONS" alone on its line is not a speaker among "CURRY: …").
        forms = Counter(f.rule for f in accepted.values())
        if forms and any(r in forms for r in ("dash-colon", "interview", "side", "alias", "edition")):
            for number in [n for n, f in accepted.items() if f.rule in CAPS_RULES
                           and n not in listed and counts[_surname(f.name)] < 2]:
                _take_back(doc, accepted, number)
        # The line right below a name standing alone is that speaker's, not a label of
        # its own: "Marina Raguš" / "ALEKSANDAR VUČIĆ - Srbija ne sme da stane |
        # Predsedava" prints her party's list under her name.
        below_alone = {every_line[line_index[n] + 1][0] for n, f in accepted.items()
                       if f.rule in ("alone", "alone-plain") and line_index[n] + 1 < len(every_line)}
        for number in [n for n, f in accepted.items()
                       if n in below_alone and f.rule not in ("alone", "alone-plain")]:
            _take_back(doc, accepted, number)
        # A name in capitals alone above nothing but headings, then the next label
        # ("MR SPEAKER" / "PRAYERS 10:05 a.m." / "Mr Speaker 10:05 a.m."): the chair
        # printed as a heading, not a turn.
        numbers = sorted(accepted)
        for number, following in zip(numbers, numbers[1:]):
            between = [t for _, t in every_line[line_index[number] + 1:line_index[following]]]
            if (accepted[number].rule == "alone" and 0 < len(between) <= 2
                    and all(_heading_only(t) for t in between)):
                _take_back(doc, accepted, number)
        accepted = dict(sorted({**accepted, **self.forced}.items()))
        for number, found, first in candidates:
            if number not in accepted and first and found.rule in _ONE_OFF_FORMS:
                doc.warnings.append((*_place(number),
                                     f"'{found.label}' looks like a speaker label but was kept as "
                                     "text: it occurs once and names no known person"))
        for number, found in accepted.items():
            if found.call:
                doc.warnings.append((*_place(number),
                                     f"'{found.label}{found.call}' read as the label "
                                     f"{found.label} with the footnote number {found.call} "
                                     "glued to it"))
            if found.unsure:
                doc.warnings.append((*_place(number),
                                     f"'{found.label}': the transcript doubts who spoke; read as "
                                     f"{found.name}"))
            if found.rule == "dash-colon" and found.label.endswith(";"):
                doc.warnings.append((*_place(number), f"'{found.label}' read as a label whose colon "
                                                      "was printed or scanned as ';'"))
        self._flag_doubtful_labels(doc, blocks, accepted)
        return accepted

    @staticmethod
    def _named_elsewhere(name: str, blocks: list[Block], number) -> bool:
        """Does a line other than number name every word of name, capitalised as printed?"""
        words = [re.escape(w) for w in name.split()]
        pattern = re.compile(r"(?<![\w'’-])" + r"\s+".join(words) + r"(?![\w'’-])")
        return bool(words) and any(pattern.search(t) for b in blocks for n, t in b.lines if n != number)

    def _labels_without_separator(self, doc: Document, blocks: list[Block],
                                  accepted: dict[int, LabelMatch]) -> None:
        """A name in capitals that labels turns with a colon ("PELLEY: But …") also labels
        the paragraphs it opens without one ("PELLEY You think …"), where the transcriber
        dropped the colon; one warning says how many, at the first."""
        names = {f.name for f in accepted.values()
                 if f.rule == "dash-colon" and f.name.isupper() and sum(c.isalpha() for c in f.name) >= 4}
        if not names:
            return
        opening = re.compile(rf"(?P<name>{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))})"
                             r"\s+(?P<rest>(?![A-ZА-ЯЁ]{2,}\b)[^\s:].*)$")
        found = []
        first = min(accepted)   # in the record only: above it, "SPIEGEL Gespräch" is a heading
        for block in blocks:
            number, text = block.lines[0]
            m = opening.match(text.lstrip())
            if m is None or number in accepted or number < first:
                continue
            indent = len(text) - len(text.lstrip())
            found.append(number)
            accepted[number] = LabelMatch(label=m.group("name"), name=m.group("name"), rest=m.group("rest"),
                                          rest_column=indent + m.start("rest") + 1, rule="dash-colon")
        if found:
            doc.warnings.append((*_place(found[0]), f"'{accepted[found[0]].label}' and {len(found) - 1} "
                                                    "more names read as speaker labels without their "
                                                    "colon, as the same names label other turns with one"))

    def _flag_doubtful_labels(self, doc: Document, blocks: list[Block],
                              accepted: dict[int, LabelMatch]) -> None:
        """Labels the reader does not take but an editor should see: a speaker's name in
        lower case ("mikoyan: …") and a second speaker's label inside a line."""
        names = {_surname(f.name) for f in accepted.values()}
        if not names:
            return
        for block in blocks:
            for number, text in block.lines:
                lower = _LOWER_LABEL.match(text)
                if lower and number not in accepted and _surname(lower.group("name")) in names:
                    doc.warnings.append((number, lower.start("name") + 1,
                                         f"'{lower.group(0).strip()}' looks like a speaker label in "
                                         "lower case; kept as text"))
                for inner in _INNER_LABEL.finditer(text):
                    before = text[:inner.start()].split()[-1:] or [""]
                    if before[0].casefold() in self._leading_words or re.fullmatch(
                            r"(?:[^\W\d_]\.){1,3}", before[0]):
                        continue  # "Mr. Ostrow:", "George H.W. Bush:" are one label
                    if _surname(inner.group("name")) in names and inner.start("name") > 0:
                        doc.warnings.append((number, inner.start("name") + 1,
                                             f"a second speaker's label '{inner.group('name')}:' "
                                             "inside this line; kept in the turn before it"))

    def _strong(self, found: LabelMatch) -> bool:
        """A label no heading looks like, in whatever form the rest of the record uses:
        a name in capitals before a colon ("CURRY:"), or an honorific or office before a
        name and a colon or dash ("Cde. Khrushchev:", "MR. WOOLEYHAN:"), or a hearing's
        honorific and surname in capitals before a full stop ("Senator GRAMM."), or a
        surname spaced from its full stop as typed minutes have it ("Громыко ."), or in
        capitals before it ("РОМАНОВ.")."""
        if found.rule == "stop":  # or a surname, a space and the stop ("Громыко . В …"),
            # or a French office after its honorific ("M. le président.")
            return (bool(_HEARING_LABEL.match(found.label)) or found.label.endswith(" .")
                    or bool(re.match(r"(?:le|la|l['’]) ?\w", found.name)))
        if found.rule == "alone-plain":  # "Ms. LANDRIEU." alone on its line, the speech below
            return bool(_HEARING_LABEL.match(found.label))
        if found.rule == "caps-stop":  # or a surname in capitals before its stop ("РОМАНОВ. Да, …")
            return sum(c.isalpha() for c in found.name) >= 4 and found.rest[:1].isupper()
        if found.rule != "dash-colon":
            return False
        letters = [c for c in found.name if c.isalpha()]
        # an office and, in brackets, the person who holds it ("The Attorney-General
        # (Lord Williams of Mostyn):") is led by the person's honorific
        role = re.search(r"\(([^()]+)\)", found.label)
        led = self.people.strip_honorifics(found.label) != found.label or bool(
            role and found.alias and self.people.strip_honorifics(role[1]) != role[1])
        if found.label.rstrip().endswith(":") and len(letters) >= 3 and all(c.isupper() for c in letters):
            return True
        if found.label.rstrip().endswith(":") and len(found.name.split()) >= 3 and self.labels.is_office(found.name):
            return True  # "The MINISTER OF THE INTERIOR:": an office of several words
        if (re.search(r"\)\s*[-–—]$", found.label) and len(letters) >= 3
                and all(c.isupper() for c in letters)):
            return True  # "CHP GRUBU ADINA UĞUR BAYRAKTUTAN (Artvin) -": a member and the seat
        bracket = re.search(r"\(([^()]{1,40})\)\s*[-–—]$", found.label)
        if bracket and (self.labels.is_office(bracket[1]) or _PARTY.fullmatch(bracket[1])):
            return True  # "Cognetta (M5S) -", "Rosset (Presidente) -": a member and the party or office
        return led and bool(re.search(r"[:\-–—]\s*$", found.label))

    def _plausible(self, found: LabelMatch) -> bool:
        """Does a one-off label name a person: upper case, an honorific or office with a
        capitalised name, initials and a surname, or a short capitalised name?"""
        name = found.name
        if found.rule in CAPS_RULES or found.rule == "marked":
            return True  # (a mark before the name, "○", "◎", "【】", is always a label's)
        if self.labels.strip_honorifics(found.label) != found.label or self.labels.is_office(name):
            return True
        if re.match(r"^(?:[^\W\d_]\.\s?){1,3}\s*[^\W\d_]", name):
            return True
        if found.rule == "dash-colon" and name.isupper() and re.search(r"\)\s*[-–—:]$", found.label):
            return True  # "CHP GRUBU ADINA UĞUR BAYRAKTUTAN (Artvin) -": a member and the seat
        # a short name, or four capitalised words in mixed case ("Schriftführerin GRin
        # Hedwig Petrides:"; "AM SUBJECT Full Text:" is OCR'd furniture)
        return found.rule == "dash-colon" and (len(name.split()) <= 3 or (
            _person_name(name) and not any(w.isupper() for w in name.split())))

    def _style(self, found: LabelMatch) -> str:
        """The shape of a label: its rule, separator and whether an honorific or an
        office leads it ("Dr. Kissinger:" and "Prime Minister Chou:" share a shape)."""
        led = self.people.strip_honorifics(found.label) != found.label
        separator = found.label[-1:].replace(";", ":")  # OCR reads a colon as ";"
        return f"{found.rule}:{separator if found.rule == 'dash-colon' else ''}:{led}"

    def _header_end(self, blocks: list[Block], first_turn: int | None,
                    participants_at: int | None) -> int:
        """Index of the first block of the record proper."""
        if participants_at is not None:
            end = max(self._participant_blocks) + 1
            return min(end, first_turn) if first_turn is not None else end
        if first_turn is not None:
            return first_turn
        for index, block in enumerate(blocks):
            # Without labels, the record starts at the first real paragraph: long, or two
            # sentences ("88. Memorandum of Conversation" is a heading, not a sentence; nor
            # is "Document No. 353").
            if len(block.text) > 150 or re.search(r"[^\W\d_][a-z)\]”\"]?[.!?]\s+[^\W\d_]", block.text.strip()):
                return index
        return len(blocks)

    def _heading_below(self, blocks: list[Block], header_end: int, first_turn: int | None,
                       participants_at: int | None) -> int:
        """Web pages often put a summary or a series name above the document's own
        heading: when the header has no heading, a one-line heading a few blocks below
        it (before any turn or participants) still belongs to the header."""
        lines = [(n, t.strip()) for b in blocks[:header_end] for n, t in b.lines]
        if any(_HEADING_WORDS.search(t) for _, t in lines if len(t) <= 250):
            return header_end
        limit = min(x for x in (first_turn, participants_at, header_end + 6, len(blocks))
                    if x is not None)
        for index in range(header_end, limit):
            block = blocks[index]
            if block.single() and len(block.text) <= 200 and _HEADING_WORDS.search(block.text) \
                    and not _NOT_TITLE.match(block.text.strip()):
                return index + 1
        return header_end

    def _tail_start(self, blocks: list[Block], body_start: int) -> int:
        """Index of the first block after the record: a closer, a summary heading,
        a citation or a translation credit. Rights paragraphs only count after one
        of these (a speech may well talk of rights)."""
        def tail_block(index: int) -> bool:
            block = blocks[index]
            text = block.text
            return bool((block.single() and (self._closer.match(text) or self._translator.match(text.strip())))
                        or self._summary_head.match(text) or read_citation(text, block.first))

        for index in range(body_start, len(blocks)):
            if tail_block(index):
                return index
            # A name alone closing the record signs it, when nothing but the tail follows.
            if (blocks[index].single() and self._signature(blocks[index].text)
                    and (index + 1 == len(blocks) or tail_block(index + 1))):
                return index
        return len(blocks)

    def _signature(self, text: str) -> bool:
        """A name alone on a line, in any script ("A. Gromyko", "Ю. Андропов",
        "/s/ Dean Rusk"): no digits, no sentence, no heading, no label."""
        text = text.strip()
        words = re.sub(r"^/s/\s*", "", text).rstrip(".").split()
        if not 1 <= len(words) <= 5 or len(text) > 60 or re.search(r"[\d:;?!,\[\]]", text):
            return False
        if _HEADING_WORDS.search(text) or self._classification.match(text):
            return False
        return all(re.fullmatch(r"(?:[^\W\d_][a-zа-я]?\.)+|[^\W\d_][\w'’-]*", w) and w[0].isupper()
                   for w in words) and len(words[-1].strip(".")) > 2

    # -- header -----------------------------------------------------------------

    def _read_header(self, doc: Document, blocks: list[Block], participants_at) -> Division:
        division = Division()
        doc.divisions.append(division)
        pblocks = set(self._participant_blocks)
        # The title is looked for above the participants: what stands above the title is
        # kept in the front, in its place, so that the text keeps its order.
        before = min(pblocks, default=len(blocks))
        lines = [(number, text.strip()) for block in blocks[:before] for number, text in block.lines]
        title_line = choose_title(lines, self._classification)
        previous = ""  # the line before, in this block or the one above
        for index, block in enumerate(blocks):
            if index in pblocks:
                if index == self._participant_blocks[0]:
                    division.blocks.append(self._participants)
                previous = ""
                continue
            for number, text in block.lines:
                above_title = title_line is not None and number < title_line
                if handling_label(previous) and parse_date(text, self.rules.two_digit_century):
                    # "Document Release Date:" above "August 9, 2011": the archive's
                    # date, kept as printed, not the document's
                    content = parse_inline(text.strip(), number, 1, doc.warnings)
                    if above_title:
                        doc.front.append(("header", content, number))
                    else:
                        division.blocks.append(Paragraph(content, number))
                elif number == title_line:
                    self._title(doc, number, text.strip())
                elif above_title:
                    self._above_title(doc, number, text.strip())
                else:
                    self._header_line(doc, division, number, text.strip())
                previous = text
        return division

    def _date_in_text(self, doc: Document, blocks: list[Block], leading: list[Block]) -> None:
        """No date in the header: a date field run into a line of a flattened page
        ("… Interviewer: Benjamin Filene Date: August 14, 2014 Location: …") among the
        leading blocks, else the
        first date in the first paragraphs (a date inside the heading's sentence), said
        so; else nothing, said so."""
        for block in leading:
            for number, text in block.lines:
                for field in _DATE_FIELD_INSIDE.finditer(text):
                    found = find_date(text[field.end():field.end() + 80], self.rules.two_digit_century)
                    if found and found[1] == 0:
                        doc.meeting_date = found[0]
                        doc.warnings.append((number, field.start() + 1,
                                             f"date read from a field inside a line: "
                                             f"{found[0].text!r} ({found[0].iso})"))
                        return
        previous = ""
        for block in blocks:
            for number, text in block.lines:
                found = None if handling_label(previous) else find_date(text, self.rules.two_digit_century)
                previous = text
                if found:
                    doc.meeting_date = found[0]
                    doc.warnings.append((number, found[1] + 1, f"date read from inside the text: "
                                                               f"{found[0].text!r} ({found[0].iso})"))
                    return
        # A source note that names the recording by its day ("Recording of Telephone
        # Conversation Between Johnson and McNamara, February 13, 1967, 12:31 p.m."), not
        # a folder's month ("Chronological Files, January 1971")
        found = doc.citation and most_precise_date(doc.citation.text, self.rules.two_digit_century)
        if found and len(found.iso) == 10:
            doc.meeting_date = found
            doc.warnings.append((doc.citation.line, 1, f"date read from the source note: "
                                                       f"{found.text!r} ({found.iso})"))
            return
        doc.warnings.append((blocks[0].first if blocks else 1, 1, "no date found"))

    def _date_opening_the_record(self, doc: Document, blocks: list[Block]) -> None:
        """A record whose first paragraph opens with its meeting's date ("On November 11,
        1986, at 10am, … received …") below a header dated later (the day the record was
        written): the opening date is the meeting's, the header's the document's."""
        block = next((b for b in blocks if len(b.text) > 150), None)
        if block is None:
            return
        number, text = block.lines[0]
        found = find_date(text[:60], self.rules.two_digit_century)
        header = doc.meeting_date or doc.doc_date
        if (found is None or found[1] > 12 or len(found[0].iso) < 10 or len(header.iso) < 10
                or not found[0].iso < header.iso or found[0].iso[:4] != header.iso[:4]):
            return
        doc.doc_date, doc.meeting_date = header, found[0]
        doc.warnings.append((int(number), found[1] + 1, f"the meeting's date read from the "
                                                        f"record's first sentence: {found[0].text!r} "
                                                        f"({found[0].iso}); the header's "
                                                        f"{header.iso} taken as the document's"))

    def _title_in_text(self, doc: Document, blocks: list[Block], turns: dict) -> None:
        """No heading line: a heading run into the first paragraphs of a flattened page
        (not a speech: "Hull: "I conferred with the Ministers …""), else nothing, said so."""
        for block in blocks[:3]:
            if block.lines[0][0] not in turns and (heading := heading_in_text(block.text)):
                doc.title = clean_title(heading)
                doc.warnings.append((block.first, 1, f"title read from inside the text: {heading!r}"))
                return
        # A memorandum with no heading says what it is about in its subject field.
        for block in blocks[:8]:
            for number, text in block.lines:
                if (subject := _SUBJECT_FIELD.match(text)):
                    doc.title = clean_title(subject.group("value"))
                    doc.warnings.append((number, subject.start("value") + 1,
                                         f"title read from the subject field: {doc.title!r}"))
                    return
        doc.warnings.append((blocks[0].first if blocks else 1, 1,
                             "no title found: the document is named after its file"))

    def _dated_line(self, doc: Document, number: int, text: str) -> list[Inline] | None:
        """A header field with a date ("DATE AND TIME: …") or a dateline ("Washington,
        September 15, 1959, 3:30–5:10 p.m."): the date (and place) of the meeting, and
        the line's content with its date tagged; None for any other line."""
        century = self.rules.two_digit_century
        value, place, span = read_date_field(text, century), "", None
        if value is None:
            dateline = read_dateline(text, century)
            if dateline is None:
                return None
            place, value, start, end = dateline
            span = (start, end)
        if span is None:
            start = text.find(value.text)
            span = (start, start + len(value.text)) if start >= 0 else None
        if doc.meeting_date is None:
            doc.meeting_date = value
        elif doc.doc_date is None:
            doc.doc_date = value
        if place and not doc.place:
            doc.place = place.rstrip(".,")
        for doubt in date_doubts(value):
            doc.warnings.append((number, (span[0] if span else 0) + 1, doubt))
        if span is None:
            return parse_inline(text, number, 1, doc.warnings)
        start, end = span
        return [piece for piece in (parse_inline(text[:start], number, 1, doc.warnings)
                                    + [Node("date", {"when": value.iso}, [text[start:end]])]
                                    + parse_inline(text[end:], number, end + 1, doc.warnings))
                if piece != ""]

    def _above_title(self, doc: Document, number: int, text: str) -> None:
        """A line above the title: a date, a classification or a citation as anywhere
        in the header; anything else stays in the front as printed and is reported."""
        date = parse_date(text, self.rules.two_digit_century)
        if date and doc.doc_date is None:
            doc.doc_date = date
            doc.front.append(("date", date, number))
        elif self._classification.match(text) and not doc.classification:
            doc.classification = text
            doc.front.append(("classification", text, number))
        elif (citation := read_citation(text, number)) and doc.citation is None:
            doc.citation = citation
        elif (content := self._dated_line(doc, number, text)) is not None:
            doc.front.append(("header", content, number))
        elif doc.citation is None and (citation := _citation_line(text, number)):
            doc.citation = citation   # "No. 230 NAI DFA …": kept as printed
            doc.citation.in_text = True
            doc.front.append(("header", parse_inline(text, number, 1, doc.warnings), number))
        else:
            doc.unplaced.append((number, text))
            doc.front.append(("header", parse_inline(text, number, 1, doc.warnings), number))

    def _title(self, doc: Document, number: int, text: str) -> None:
        """The heading as printed goes to the front; the title is cleaned of a document
        number, a glued footnote marker and capitals, and a generic heading is completed
        with the place and date later (see complete_title)."""
        doc.front.append(("title", text, number))
        doc.title = clean_title(text)
        if any(note.style == "number" and doc.title.endswith(f" {note.n}") for note in doc.footnotes):
            doc.title = doc.title.rsplit(" ", 1)[0]  # the number of a note on the heading
        found = most_precise_date(text, self.rules.two_digit_century)
        if found and doc.meeting_date is None:
            doc.meeting_date = found

    def _header_line(self, doc: Document, division: Division, number: int, text: str) -> None:
        century = self.rules.two_digit_century
        date = parse_date(text, century)
        if date and doc.doc_date is None:
            doc.doc_date = date
            if division.blocks or division.head is not None:
                # Below other header lines the date stays where it stands, tagged.
                division.blocks.append(Paragraph([Node("date", {"when": date.iso}, [text])], number))
            else:
                doc.front.append(("date", date, number))
            return
        if self._classification.match(text) and not doc.classification:
            doc.classification = text
            doc.front.append(("classification", text, number))
            return
        citation = read_citation(text, number)
        if citation and doc.citation is None:
            doc.citation = citation
            return
        if doc.citation is None and (citation := _citation_line(text, number)):
            # "No. 230 NAI DFA Secretary's Files P3": the edition's number and the
            # citation, read where it stands and kept there
            doc.citation = citation
            doc.citation.in_text = True
            division.blocks.append(Paragraph(parse_inline(text, number, 1, doc.warnings), number))
            return
        if (content := self._dated_line(doc, number, text)) is not None:
            division.blocks.append(Paragraph(content, number, "date"))
            return
        field = _FIELD.match(text)
        if field:
            kind = field.group("field").casefold()
            kind = {"location": "place", "topic": "subject", "re": "subject"}.get(kind, kind)
            if kind == "place" and not doc.place:
                doc.place = field.group("value").strip().rstrip(".")
            division.blocks.append(Paragraph(parse_inline(text, number, 1, doc.warnings), number, kind))
            return
        if division.head is None and len(text) <= 300:
            found = find_date(text, century)
            if found:
                value, start, end = found
                doc.meeting_date = doc.meeting_date or value
                head = (parse_inline(text[:start], number, 1, doc.warnings)
                        + [Node("date", {"when": value.iso}, [text[start:end]])]
                        + parse_inline(text[end:], number, end + 1, doc.warnings))
            else:
                head = parse_inline(text, number, 1, doc.warnings)
            division.head, division.head_line = [h for h in head if h != ""], number
            return
        doc.unplaced.append((number, text))
        division.blocks.append(Paragraph(parse_inline(text, number, 1, doc.warnings), number))

    # -- body -------------------------------------------------------------------

    def _read_body(self, doc: Document, blocks: list[Block], turns: dict[int, LabelMatch],
                   division: Division) -> None:
        turn: Turn | None = None
        for index, block in enumerate(blocks):
            starts_turn = block.first in turns
            next_is_turn = index + 1 < len(blocks) and blocks[index + 1].first in turns
            if (not starts_turn and block.single() and turn is not None and next_is_turn
                    and len(block.text.split()) <= 12 and self._section.match(block.text)):
                division = Division(head=parse_inline(block.text.strip(), block.first, 1, doc.warnings),
                                    head_line=block.first)
                doc.divisions.append(division)
                turn = None
                continue
            paragraph: list[tuple[int, int, str]] | None = None
            for number, text in block.lines:
                if number in turns:
                    self._close(doc, turn, division, paragraph)
                    paragraph = None
                    turn = self._new_turn(doc, turns[number], number)
                    division.blocks.append(turn)
                    if turns[number].rest.strip():
                        paragraph = [(number, turns[number].rest_column, turns[number].rest)]
                    continue
                if paragraph is None:
                    paragraph = []
                paragraph.append((number, getattr(number, "column", 1) + len(text) - len(text.lstrip()),
                                  text.strip()))
            self._close(doc, turn, division, paragraph)

    def _close(self, doc, turn: Turn | None, division: Division, segments) -> None:
        if not segments:
            return
        number, column, _ = segments[0]
        text = " ".join(s[2].strip() for s in segments)
        paragraph = Paragraph(parse_inline(text, number, column, doc.warnings), number)
        if turn is not None:
            turn.paragraphs.append(paragraph)
        else:
            division.blocks.append(paragraph)

    def _resolve_label(self, found: LabelMatch, by_surname: bool = True) -> str:
        """The person a label names. "PENNY WONG, FOREIGN MINISTER:": the office after
        the name is hers, and "FOREIGN MINISTER:" below names her."""
        pid = self.people.resolve(found.name, found.alias, label=True, by_surname=by_surname)
        office = _OFFICE_AFTER_NAME.search(found.label)
        if office and self.labels.is_office(office.group(1)):
            self.people.hold(office.group(1), pid)
        return pid

    def _new_turn(self, doc: Document, found: LabelMatch, number: int) -> Turn:
        # "Q." is the counsel examining, "A." the witness's, where the text says who they are
        named = {"interviewer": self._examiners, "respondent": self._witnesses}.get(found.role, [])
        speaker = _last_named_before(named, number) if found.rule == "interview" else None
        if speaker:
            who = self.people.resolve(speaker, label=True)
        elif found.rule == "interview":
            who = found.role
            if who not in self.people.created and who not in self.people.register:
                self.people.created[who] = found.role.capitalize()
        elif found.rule == "unknown":
            who = "unidentified"
            self.people.created.setdefault(who, "Unidentified speaker")
        else:
            who = self._resolve_label(found)
        listed = {m.id for g in doc.participants for m in g.members}
        if who not in listed and who not in {p.id for p in doc.extra_speakers}:
            doc.extra_speakers.append(Participant(id=who, name=self.people.display_name(who)))
        return Turn(label=found.label, name=found.name, who=who, line=number,
                    stage=found.stage, label_rule=found.rule, call=found.call)

    # -- tail -------------------------------------------------------------------

    def _read_tail(self, doc: Document, blocks: list[Block]) -> None:
        seen_closer = seen_citation = False
        for block in blocks:
            text = block.text.strip()
            number = block.first
            if block.single() and self._closer.match(text) and doc.closer is None:
                doc.closer = self._closer_content(doc, text, number)
                doc.closer_line = number
                seen_closer = True
                continue
            if self._summary_head.match(text):
                doc.dropped.append((number, text, "heading of the summary"))
                continue
            if block.single() and doc.closer is None and self._signature(text):
                name = re.sub(r"^/s/\s*", "", text).rstrip(".")
                start = text.index(name)
                pid = self.people.lookup(name)
                doc.closer = ([text[:start]] if start else []) + [
                    Node("persName", {"ref": f"#{pid}"} if pid else {}, [name])] + (
                    [text[start + len(name):]] if text[start + len(name):] else [])
                doc.closer_line = number
                seen_closer = True
                continue
            citation = read_citation(text, number)
            if doc.citation is None and citation is None and not self._closer.match(text):
                citation = find_citation(text, number)  # the archive's citation paragraph
            if citation and doc.citation is None:
                doc.citation = citation
                seen_citation = True
                self._translators_in(doc, text)
                continue
            translator = self._translator.match(text) if block.single() else None
            if translator and not doc.translation_credit:
                start, end = translator.span("name")
                doc.translators.append(translator.group("name").strip())
                doc.translation_credit = (parse_inline(text[:start], number, 1, doc.warnings)
                                          + [Node("persName", {}, [text[start:end]])]
                                          + parse_inline(text[end:], number, end + 1, doc.warnings))
                continue
            if (seen_citation or seen_closer) and self._rights.search(text):
                doc.rights.append(Paragraph(parse_inline(text, number, 1, doc.warnings), number))
                continue
            if seen_closer and not seen_citation and not doc.rights:
                doc.abstract.append(Paragraph(parse_inline(text, number, 1, doc.warnings), number))
                continue
            if doc.rights:
                doc.rights.append(Paragraph(parse_inline(text, number, 1, doc.warnings), number))
                continue
            doc.unplaced.append((number, text[:80]))
            doc.abstract.append(Paragraph(parse_inline(text, number, 1, doc.warnings), number))

    def _citation_in_text(self, doc: Document) -> None:
        """A citation that stands in a footnote or a paragraph (not a speech) is read
        where it stands and stays there; one not parsed is reported at its line."""
        if doc.citation is None:
            places = [(note.content, note.line) for note in doc.footnotes] + [
                (block.content, block.line) for division in doc.divisions
                for block in division.blocks if isinstance(block, Paragraph)]
            for content, line in places:
                found = find_citation(plain_text(content), line)
                if found and (doc.citation is None or doc.citation.family == "unknown"):
                    found.in_text = True
                    doc.citation = found
        if doc.citation is None:
            # An OCR'd CIA page's release stamp ("Approved For Release 2003/03/28 :
            # CIA-RDP80R01731R000900010002-4") falls where the page ends, inside a speech
            # as often as not; nobody says a document number aloud.
            for turn in (b for division in doc.divisions for b in division.blocks if isinstance(b, Turn)):
                for paragraph in turn.paragraphs:
                    found = find_citation(plain_text(paragraph.content), paragraph.line)
                    if found and found.family == "cia-crest" and doc.citation is None:
                        found.in_text = True
                        doc.citation = found
        if doc.citation and doc.citation.warning:
            doc.warnings.append((doc.citation.line, doc.citation.span[0] + 1, doc.citation.warning))

    def _closer_content(self, doc: Document, text: str, number: int) -> list[Inline]:
        m = self._closer.match(text)
        prefix_end = m.end() - 1
        name = text[prefix_end:].strip().rstrip(".")
        start = text.index(name, prefix_end)
        pid = self.people.lookup(name)
        attrs = {"ref": f"#{pid}"} if pid else {}
        return (parse_inline(text[:start], number, 1, doc.warnings)
                + [Node("persName", attrs, parse_inline(name, number, start + 1, doc.warnings))]
                + parse_inline(text[start + len(name):], number, start + len(name) + 1, doc.warnings))

    def _translators_in(self, doc: Document, text: str) -> None:
        for m in self._translator.finditer(text):
            doc.translators.append(m.group("name").strip())

    # -- finishing --------------------------------------------------------------

    def _resolve_footnotes(self, doc: Document) -> None:
        """A marker with a footnote body becomes a link; without one it stays as printed."""
        known = {f.n for f in doc.footnotes}

        def fix(content: list[Inline]) -> list[Inline]:
            out: list[Inline] = []
            for piece in content:
                if isinstance(piece, Node):
                    if piece.tag == "ref" and piece.attrs.get("type") == "footnote":
                        n, rend = piece.attrs["n"], piece.attrs["rend"]
                        if n in known:
                            out.append(Node("ref", {"type": "footnote", "n": n, "rend": rend,
                                                    "target": f"#fn-{n}"}, [n]))
                        elif rend == "bracket":
                            out.append(Node("supplied", {}, [n]))
                        else:
                            out.append(footnote_marker(n, rend))
                        continue
                    piece.children = fix(piece.children)
                out.append(piece)
            return out

        for content in doc.contents():
            content[:] = fix(content)
        self._link_glued_markers(doc)

    def _link_glued_markers(self, doc: Document) -> None:
        """Numbered notes ("1. Source: …") are linked from numbers glued to a word
        ("Conversation1"), in reading order: the first such number of a note still
        waiting; a note whose number stands only where no link can be (the title)
        stays unlinked."""
        pending = sorted((f.n for f in doc.footnotes if f.style == "number"), key=int)
        notes = [f.content for f in doc.footnotes]
        for content in doc.contents():
            if any(content is note for note in notes):
                continue
            index = 0
            while pending and index < len(content):
                piece = content[index]
                hits = [(m.start(), n, m) for n in pending if isinstance(piece, str)
                        for m in [_glued(n).search(piece)] if m]
                if not hits:
                    index += 1
                    continue
                _, n, m = min(hits, key=lambda hit: hit[0])
                pending = [p for p in pending if int(p) > int(n)]
                ref = Node("ref", {"type": "footnote", "n": n, "rend": "number",
                                   "target": f"#fn-{n}"}, [n])
                content[index:index + 1] = [p for p in (piece[:m.start()], ref, piece[m.end():])
                                            if p != ""]
                index += 1 if m.start() == 0 else 2

    def _mark_languages(self, doc: Document) -> None:
        """Text in another script than the document's is declared: the document's own
        language when most of its speech is in one non-Latin script, a paragraph's when
        all of it is, and runs of words inside a paragraph as foreign."""
        paragraphs = [p for d in doc.divisions for b in d.blocks
                      for p in (b.paragraphs if isinstance(b, Turn) else [b] if isinstance(b, Paragraph) else [])]
        doc.language = dominant_language(" ".join(plain_text(p.content) for p in paragraphs))
        for paragraph in paragraphs + doc.abstract:
            language = language_of(plain_text(paragraph.content))
            if language and language != doc.language:
                paragraph.lang = language
            elif not language:
                paragraph.content[:] = _foreign(paragraph.content, doc.language)

    def _tag_mentions(self, doc: Document) -> None:
        """Wrap names of known persons in running text in persName/@ref."""
        pairs = [(n, i) for n, i in self.people.mention_names() if len(n) >= 3]
        if not pairs:
            return
        by_key = {}
        for name, pid in pairs:
            by_key.setdefault(name, pid)
        finder = NameFinder([name for name, _ in pairs])

        def tag(content: list[Inline]) -> list[Inline]:
            out: list[Inline] = []
            for piece in content:
                if isinstance(piece, str):
                    pos = 0
                    for start, end in finder.find(piece):
                        if start > pos:
                            out.append(piece[pos:start])
                        name = piece[start:end]
                        out.append(Node("persName", {"ref": f"#{by_key[name]}"}, [name]))
                        pos = end
                    if pos < len(piece):
                        out.append(piece[pos:])
                else:
                    if piece.tag not in ("persName", "speaker", "desc", "gap", "ref", "note"):
                        piece.children = tag(piece.children)
                    out.append(piece)
            return out

        for division in doc.divisions:
            for block in division.blocks:
                if isinstance(block, Turn):
                    for paragraph in block.paragraphs:
                        paragraph.content[:] = tag(paragraph.content)
                elif isinstance(block, Paragraph):
                    block.content[:] = tag(block.content)
        for paragraph in doc.abstract:
            paragraph.content[:] = tag(paragraph.content)



class NameFinder:
    """Finds whole names in text, left to right, never overlapping; where several
    names begin at one place, the first in the given order wins.

    As one regular expression of every name did, but in time linear in the text
    and the register: names are looked up by their first word (a register of
    10,000 persons made that expression take seconds to compile and to run)."""

    _WORD = re.compile(r"(?<![\w-])\w+")

    def __init__(self, names: list[str]):
        self.by_first_word: dict[str, list[str]] = {}
        others = []  # names that do not begin with a letter or digit
        for name in dict.fromkeys(names):
            first = re.match(r"\w+", name)
            if first:
                self.by_first_word.setdefault(first.group(), []).append(name)
            else:
                others.append(name)
        self.others = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, others)) + ")") \
            if others else None

    def find(self, text: str):
        """(start, end) of each name found in text."""
        candidates = [(m.start(), self.by_first_word.get(m.group(), ()))
                      for m in self._WORD.finditer(text) if m.group() in self.by_first_word]
        if self.others is not None:
            candidates += [(m.start(), [m.group()]) for m in self.others.finditer(text)]
            candidates.sort(key=lambda item: item[0])
        reached = 0
        for start, names in candidates:
            if start < reached:
                continue
            for name in names:
                end = start + len(name)
                if text.startswith(name, start) and not _runs_on(text, end):
                    yield start, end
                    reached = end
                    break


def _place(number: int, offset: int = 0) -> tuple[int, int]:
    """A warning's line and column, from a line number or a LinePos, offset columns on."""
    return int(number), getattr(number, "column", 1) + offset


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _speech_below(blocks: list[Block], bindex: int, lindex: int, verb_first: re.Pattern) -> bool:
    """Does speech follow a label alone on its line? A field name, a heading's next
    words or an OCR'd page of one word a line ("DR FT", "COMMISSION") is no speaker:
    speech opens with a capital, or a verb of speech ("Mr. Silverman / asked the Lord
    Privy Seal …"), and is a sentence, or three words with lower case."""
    after = _line_after(blocks, bindex, lindex)
    if after is None:
        return False
    if _DASH_LINE.fullmatch(after):  # "В. Дымарский" / "―" / the speech
        if lindex + 1 < len(blocks[bindex].lines):
            return _speech_below(blocks, bindex, lindex + 1, verb_first)
        return bindex + 1 < len(blocks) and _speech_below(blocks, bindex + 1, 0, verb_first)
    text = re.sub(r"^[-–•·*]\s+", "", after.strip())  # a bulleted line: "- NIXON", "- Robert, …"
    if _OATH_LINE.fullmatch(text):
        return False
    words = text.split()
    # (a script without capitals opens with any letter: "今天進行…")
    if not (text[:1].isupper() or text[:1] in "\"“'‘([.…" or verb_first.match(text)
            or (text[:1].isalpha() and not text[:1].islower())) or text.endswith((":", "：")):
        return False
    sentence = re.search(r"[.?!…。？！؟]\s*$", text)
    if re.match(r"[A-Z][\w()]*(?: [\w()]+){0,2}: \S", text) and not sentence:
        return False  # a catalogue's field ("Reference Code: 2010/53/930"), no sentence
    if not sentence and all(
            w[0].isupper() or w in ("of", "the", "and", "to", "for") for w in words if w[0].isalpha()):
        return False  # the next name of a list ("Foreign Minister Gromyko"), no sentence
    return bool(re.search(r"[.?!…。？！؟]", text)) or (
        len(words) >= 3 and any(c.islower() for c in text))


def _join_open_brackets(blocks: list[Block]) -> list[Block]:
    """A label that a page's layout broke after its opening bracket ("○議長(" /
    "中村義彦議員) 初めに、…") is read as one line, in one block if a text of one
    paragraph a line put its halves in two."""
    result: list[Block] = []
    blocks = list(blocks)
    index = 0
    while index + 2 < len(blocks):
        # "O SR. PRESIDENTE (" / "João Jorge - MDB" / ") -", one line a paragraph
        first, middle, last = blocks[index:index + 3]
        if (first.lines and _OPEN_BRACKET_END.search(first.lines[-1][1]) and middle.single()
                and _BRACKETED_NAME_LINE.fullmatch(middle.text) and _CLOSE_BRACKET_FIRST.match(last.lines[0][1])):
            blocks[index:index + 3] = [Block(first.lines + middle.lines + last.lines)]
        index += 1
    for block in blocks:
        lines = list(block.lines)
        if result and lines and _OPEN_BRACKET_END.search(result[-1].lines[-1][1]) \
                and _CLOSE_BRACKET_START.match(lines[0][1]):
            lines = result.pop().lines + lines
        index = 0
        while index + 1 < len(lines):
            (number, text), (_, below) = lines[index], lines[index + 1]
            if _OPEN_BRACKET_END.search(text) and _CLOSE_BRACKET_START.match(below):
                glue = "" if unspaced(text.rstrip()[-2:-1]) else " "
                lines[index:index + 2] = [(number, text.rstrip() + glue + below.lstrip())]
            elif (_OPEN_BRACKET_END.search(text) and index + 2 < len(lines)
                  and _BRACKETED_NAME_LINE.fullmatch(below) and _CLOSE_BRACKET_FIRST.match(lines[index + 2][1])):
                # "O SR. PRESIDENTE (" / "João Jorge - MDB" / ") -": the name on a line of its own
                lines[index:index + 3] = [(number, f"{text.rstrip()} {below.strip()} {lines[index + 2][1].lstrip()}")]
            index += 1
        result.append(Block(lines) if lines != block.lines else block)
    return result


def _speech_line(text: str) -> bool:
    """Does text begin a speech: a sentence in lower case after its first word, or a
    line of Chinese or Japanese ("各位媒體朋友大家早安")?"""
    text = text.strip()
    return bool(_SPEECH_START.match(text)) or (unspaced(text[:1]) and len(text) >= 8)


def _heading_only(text: str) -> bool:
    """A line in capitals that is no sentence, maybe with a time: "PRAYERS 10:05 a.m."."""
    words = re.sub(r"\d{1,2}[:.]\d{2}\s?(?:[ap]\.\s?m\.)?", "", text).strip()
    return (bool(re.search(r"[^\W\d_]", words)) and not re.search(r"[a-zа-яё]{2}", words)
            and not words.endswith((".", "?", "!")))


def _take_back(doc: Document, accepted: dict[int, LabelMatch], number: int) -> None:
    """A label accepted, then refused: the warning that it was read as one goes too."""
    del accepted[number]
    doc.warnings[:] = [w for w in doc.warnings if not (
        w[0] == int(number) and "read as a speaker label although" in w[2])]


def _named_at(blocks: list[Block], pattern: re.Pattern) -> list[tuple[int, int, str]]:
    """(line, column, name) of each match of pattern's group "name", in text order."""
    return sorted((int(n), getattr(n, "column", 1) + m.start(), m.group("name"))
                  for b in blocks for n, t in b.lines for m in pattern.finditer(t))


def _last_named_before(named: list[tuple[int, int, str]], number: int) -> str | None:
    """The name last met before the line (and column) number, if any."""
    place = (int(number), getattr(number, "column", 1))
    return next((name for *at, name in reversed(named) if tuple(at) < place), None)


def _listed_below(labels: LabelReader, blocks: list[Block], bindex: int, lindex: int) -> bool:
    """Is a bulleted name the last of a list of bulleted names ("- President Carter" /
    "- President Sadat"), the participants, rather than a label above its speech? The
    text below it is not bulleted: the list has ended (where every line is bulleted,
    "- NIXON" / "- Robert, how are you", the name is a label)."""
    text = blocks[bindex].lines[lindex][1].lstrip()
    if (lindex == 0 and bindex == 0) or not re.match(r"[-–•·*]\s", text):
        return False
    above = (blocks[bindex].lines[lindex - 1] if lindex else blocks[bindex - 1].lines[-1])[1].lstrip()
    below = (_line_after(blocks, bindex, lindex) or "").lstrip()
    found = labels.match(above)
    # (a heading in capitals above, "• PRAYERS", is no name of a list)
    return (above[:1] == text[:1] != below[:1] and found is not None
            and found.rule == "alone-plain")


def _line_after(blocks: list[Block], bindex: int, lindex: int) -> str | None:
    """The text of the line after one, in the same block or the next one."""
    if lindex + 1 < len(blocks[bindex].lines):
        return blocks[bindex].lines[lindex + 1][1]
    return blocks[bindex + 1].lines[0][1] if bindex + 1 < len(blocks) else None


def _runs_on(text: str, end: int) -> bool:
    """Does a word go on after end (a letter, or a hyphen and a letter)?"""
    return end < len(text) and (text[end].isalnum() or text[end] == "_" or (
        text[end] == "-" and end + 1 < len(text) and (text[end + 1].isalnum()
                                                       or text[end + 1] == "_")))


def _foreign(content: list[Inline], base: str) -> list[Inline]:
    """Runs of words in another script inside plain strings, wrapped in foreign."""
    out: list[Inline] = []
    for piece in content:
        if not isinstance(piece, str):
            out.append(piece)
            continue
        cursor = 0
        for start, end, language in foreign_runs(piece, base):
            out.append(piece[cursor:start])
            out.append(Node("foreign", {"xml:lang": language}, [piece[start:end]]))
            cursor = end
        out.append(piece[cursor:])
    return [piece for piece in out if piece != ""]


def _surname(name: str) -> str:
    """How labels are counted: by the last word of the name ("Mr. S. Silverman" and
    "Mr. Silverman" are one speaker's labels)."""
    key = name_key(name)
    return key.split()[-1] if key else key


# -- titles ------------------------------------------------------------------------

# Words of a document's heading ("Memorandum of Conversation", "Запись беседы").
_HEADING_WORDS = re.compile(
    r"\b(?:memorandum|memcon|record|conversation|minutes|notes?|transcripts?|meeting|"
    r"interview|testimony|protocol|report|telegram|cable|letter|talks?|discussion|hearings?|"
    r"session|telephone|telcon|stenographic|excerpts?|proceedings|conference|"
    r"dialogue|exchange|briefing|audience|negotiations|remarks|statement|diary|conclusions|"
    r"запись|беседы|беседа|протокол|стенограмма|заседани\w*|niederschrift|gespräch\w*|"
    r"protokoll|aktennotiz|aktenvermerk|vermerk|feljegyzés|jegyzőkönyv|notatka|protokół|"
    r"posiedzeni\w*|rozmow\w*|entretien|compte rendu|conversación|memorandum)\b"
    # Chinese and Japanese, whose words no spaces bound: "…会見記録", "会议记录", "會議紀錄"
    r"|記録|记录|紀錄|紀録|議事録|会議録|纪要", re.I)
# Lines that are never a title: page and copy markers, running heads, site furniture,
# a field whose value is a number ("Birleşim:103").
_NOT_TITLE = re.compile(
    r"^(?:\[.*\]|\(?c\)|©|copy no\b|page\b|p\.\s*\d|\d+\s*$|\d+\s+[A-Z].*\bvol(?:ume|\.)|"
    r"(?:https?://|www\.)|in lieu of an abstract|advertisement|breadcrumb|search\b|"
    r"version classique|listed on page|this document was made possible|see the daily|pdf icon|"
    r"browse by\b|about this site|logo\b|click (?:here|to)\b|find us on\b|home\s+\w+\s+contact\b|"
    r".*\b\d+(?:\.\d+)?\s?[KM]B\b|[^:\d]{1,30}:\s*\d+\s*$)", re.I)
# Header fields, which are never the title ("Subject: …", "Date: …").
_FIELD_LINE = re.compile(
    r"^(?:subject|date|time|place|location|participants?|present|to|from|re|copy|copies|"
    r"classification|source|drafted|approved|distribution|speaker|delivered|description|"
    r"interview(?:ee|ers?|ed)?|narrator|tape|duration|cc|attendees|attachments?|"
    r"betreff|datum|objet|fecha|тема|дата|konu|tarih)\b[^:]{0,20}:", re.I)
_GENERIC = (r"(?:memorandum|record|minutes|notes|transcript|summary|memorandum for the record)"
            r"(?: of (?:a |the )?(?:telephone |private |official )?(?:conversation|meeting|conference|"
            r"discussion|talks?|call))?")
_GENERIC_TITLE = re.compile(rf"^{_GENERIC}\.?$", re.I)
_GENERIC_INSIDE = re.compile(rf"\b{_GENERIC}\b", re.I)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "of", "on",
                "or", "the", "to", "with", "über", "mit", "des", "der", "und"}


def choose_title(lines: list[tuple[int, str]], classification: re.Pattern) -> int | None:
    """The line number of the document's heading among the header's lines: the first
    line that reads as a heading ("… of Conversation", "Minutes …"), else the first
    short line that is not a date, a marker, a field, a list item, a sentence or page
    furniture."""
    numbered = {n for n, t in lines if re.match(r"^\s*\d{1,3}\.\s", t)}
    plausible = []
    for number, text in lines:
        letters = sum(c.isalpha() for c in text)
        in_list = number in numbered and (number - 1 in numbered or number + 1 in numbered)
        sentence = (len(text.split()) >= 16 and text.rstrip().endswith(".")) or text.rstrip().endswith("?")
        if (not text or len(text) > 250 or letters < 4 or letters < len(text) / 3 or in_list
                or sentence or text.rstrip().endswith(":") or re.match(r"^[-–•·*>]\s", text)
                or _NOT_TITLE.match(text) or classification.match(text)
                or parse_date(text) or read_citation(text, number) or _citation_line(text, number)
                or _FIELD_LINE.match(text)
                or read_dateline(text) or read_date_field(text)):
            continue
        plausible.append((number, text))
    # Without a heading word, a line that reads like a title: a capital first, no trailing
    # comma ("others", "Sign Up," are a site's buttons).
    headings = [(number, text) for number, text in plausible if _HEADING_WORDS.search(text)] or [
        (number, text) for number, text in plausible if len(text) <= 150
        and (text[:1].isupper() or unspaced(text[:1])) and not text.rstrip().endswith(",")]
    if not headings:
        return None
    # The same heading in full further down wins: the letterhead's "MEMORANDUM" before
    # "MEMORANDUM OF CONVERSATION", a page title cut short before the document's own.
    number, text = headings[0]
    start = text.rstrip(" .:…").casefold()
    return next((n for n, t in plausible if n > number and len(t) > len(text)
                 and t.casefold().startswith(start + " ")), number)


def _citation_line(text: str, number: int) -> Citation | None:
    """The archival citation of a known family that is most of the line ("No. 230 NAI
    DFA Secretary's Files P3"), if there is one."""
    found = find_citation(text, number)
    if found and found.family != "unknown" and (found.span[1] - found.span[0]) * 3 >= len(text.strip()) * 2:
        return found
    return None


def heading_in_text(text: str) -> str:
    """A heading run into the first paragraph of a flattened page ("438 Document No. 56:
    Record of Conversation between … April 6, 1989 The candor …"): from the start of
    the line, less a page number, to the end of the date that follows the heading, or
    to the end of its sentence."""
    head = text[:400]
    m = _HEADING_WORDS.search(head)
    if m is None:
        return ""
    start = re.match(r"^\s*(?:\d{1,4}\s+)?", head).end()
    found = find_date(head[m.end():])
    stop = re.search(r"(?<=[a-z]{2})[.!?](?=\s+[A-Z])", head[m.end():])
    ends = [m.end() + x for x in (found[2] if found else None, stop.start() if stop else None)
            if x is not None]
    end = min(ends) if ends else -1
    if end > start:
        return head[start:end].strip(" ,;:-–")
    # An OCR'd page: its generic heading in capitals among the letterhead's words
    # ("… THE WHITE HOUSE WASHINGTON MEMORANDUM OF TELEPHONE CONVERSATION …").
    return next((g.group() for g in _GENERIC_INSIDE.finditer(head)
                 if g.group().isupper() and len(g.group().split()) >= 3), "")


def _full_cjk_name(text: str) -> bool:
    """A name of three characters or more in Chinese or Japanese ("林秘書長志嘉"), which
    write a full name, or an office and a name, without spaces."""
    return len(text) >= 3 and all("\u3400" <= c <= "\u9fff" for c in text)


def _repeated_openings(doc: Document, blocks: list[Block]) -> dict:
    """Labels a page printed in bold and lost with it, the speech run on after them with
    no separator ("Presidente Chávez Bien, muy feliz."): the same words, naming a person,
    open two paragraphs or more, and two such openings at least take turns. Read only
    where no label was found; reported. (A label glued to the speech, "moderátorkaA
    hostem", is left as text: the text form could not give it back as printed.)"""
    openings = [(b.lines[0][0], b.lines[0][1], _label_prefixes(b.lines[0][1])) for b in blocks if b.lines]
    found: dict = {}
    counts: Counter = Counter()
    following: dict[str, set[str]] = {}   # the word after each opening: a label's speeches differ
    for _, text, prefixes in openings:
        for prefix in set(prefixes):
            counts[prefix] += 1
            following.setdefault(prefix, set()).add((text[len(prefix):].split() or [""])[0])
    for number, text, prefixes in openings:
        prefixes = [p for p in prefixes if counts[p] >= 2 and len(following[p]) >= 2]
        if prefixes:
            label = max(prefixes, key=len)
            rest = text[len(label):]
            column = len(label) + len(rest) - len(rest.lstrip()) + 1
            found[number] = LabelMatch(label=label, name=_named_in_opening(label), rest=rest.strip(),
                                       rest_column=column, rule="dash-colon")
    forms = Counter(f.label for f in found.values())
    found = {n: f for n, f in found.items() if forms[f.label] >= 2}
    in_order = [found[n].label for n in sorted(found)]
    changes = sum(1 for a, b in zip(in_order, in_order[1:]) if a != b)
    # speech after most of them: three words at least, some in lower case
    spoken = sum(1 for f in found.values()
                 if len(f.rest.split()) >= 3 and re.search(r"(?<![^\s\"“„«(¿¡])[a-zß-ÿа-яё]", f.rest))
    # two speakers at least, taking turns
    if len(set(in_order)) < 2 or len(found) < 4 or changes * 2 < len(in_order) - 1 or spoken * 2 < len(found):
        return {}
    first = min(found)
    doc.warnings.append((*_place(first), f"{len(found)} paragraphs read as turns whose speaker's name opens "
                                         f"them with no separator ('{found[first].label}', the first here)"))
    return found


def _label_prefixes(text: str) -> list[str]:
    """The openings of a line that could be a label run into the speech: one to twelve
    words, the first capitalised, two capitalised words at least (or a role after a
    comma), no sentence's end inside, before a capital that begins the speech."""
    prefixes = []
    head = text.lstrip()[:160]
    if head != text[:len(head)]:
        return []
    for m in re.finditer(r"(?<=[^\W\d_])(?=\s+[\"“„«¿¡(]?[^\W\d_a-zß-ÿ])", head):
        prefix = head[:m.start()]
        words = prefix.split()
        if not 1 <= len(words) <= 12 or re.search(r"[.?!…:;]\s", prefix) or prefix.endswith((".", ",")):
            continue
        capitals = [w for w in words if w[:1].isupper()]
        if not words[0][:1].isupper() or (len(capitals) < 2 and "," not in prefix):
            continue
        if words[-1].casefold() in _RUN_ON_JOINERS or sum(len(w) == 1 for w in words) >= 2:
            continue  # "NIXON PRESIDENTIAL LIBRARY AND", "The R i g h t": a heading's words
        prefixes.append(prefix)
    return prefixes


_RUN_ON_JOINERS = {"and", "of", "for", "the", "to", "in", "on", "de", "del", "la", "le", "des", "du",
                   "von", "und", "der", "die", "das", "y", "e", "et", "i", "a", "o"}


def _named_in_opening(label: str) -> str:
    """The person a run-on label names: the part between its commas whose words are all
    capitalised ("Helena ŠULCOVÁ, moderátorka" -> "Helena ŠULCOVÁ"), else the label."""
    for part in (p.strip() for p in label.split(",")):
        words = part.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return part
    return label


def _name_at_end(text: str) -> str:
    """The capitalised words that end a label's name: the person after an office in
    lower case ("Andra vicetalman Roger Nordlund" -> "Roger Nordlund")."""
    words = text.split()
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    return " ".join(words[start:])


def _person_name(text: str) -> bool:
    """Two to four capitalised words of letters and nothing else: "Aivar Kokk", "Mary
    Lou McDonald", "Jean-Luc Ferry"."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        w[0].isupper() and re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", w) for w in words)


def clean_title(text: str) -> str:
    """The title as a reader wants it: no collection number ("88. "), no footnote
    marker glued to the last word ("Conversation0", "(Brzezinski)1"), and no shouting or damaged
    capitals ("RECORD oF CONVERSATION" -> "Record of Conversation")."""
    title = re.split(r"\s+[>›»]\s+", text.strip())[-1]  # a breadcrumb: its last step
    title = re.sub(r"^\d{1,4}\.\s+", "", title)
    title = re.sub(r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_]{3}[)”’]))\d{1,2}$", "", title)
    letters = [c for c in title if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        words = title.split()
        turkic = "İ" in title
        title = " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + _lower(w[1:], turkic)
                         for i, w in enumerate(words))
    return title


def _lower(text: str, turkic: bool) -> str:
    """text in lower case; in a Turkic alphabet (one that has "İ") "I" is dotless "ı"
    and "İ" is "i", not "i" with a combining dot."""
    if turkic:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def complete_title(title: str, place: str, date) -> str:
    """A generic heading ("Memorandum of Conversation") completed with the place and
    the date, as archives title such documents."""
    if not title or not _GENERIC_TITLE.match(title.strip()):
        return title
    parts = [title.strip().rstrip(".")] + [p for p in (place, date.text if date else "") if p]
    return ", ".join(parts)
