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

from .citations import read_citation
from .dates import find_date, parse_date
from .inline import footnote_marker, parse_inline, superscript_number
from .model import (Division, Document, Footnote, Inline, Node, Paragraph, Participant,
                    ParticipantGroup, ParticipantList, Turn)
from .participants import read_line_item, read_run_in
from .people import PeopleIndex
from .rules import Rules
from .speakers import LabelMatch, LabelReader, name_key

_FOOTNOTE_BODY = re.compile(r"^\s*(?:\[(?P<b>\d{1,3})\]|\^(?P<c>\d{1,3})|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(?P<text>\S.*)$")
# Memorandum header fields kept in the text as typed blocks.
# Label forms a one-off speaker may use when the document labels its turns that way.
_ONE_OFF_FORMS = ("dash-colon", "caps-stop", "caps-verb", "alone")
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


def split_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(Block(current))
            current = []
    if current:
        blocks.append(Block(current))
    return blocks


class TranscriptReader:
    """One conversion's reader: rules, labels and people for one transcript."""

    def __init__(self, rules: Rules, people: PeopleIndex, labels: LabelReader):
        self.rules = rules
        self.people = people
        self.labels = labels
        self._furniture = [re.compile(rf"^\s*(?:{p})\s*:?\s*$", re.I) for p in rules.furniture]
        self._classification = re.compile(rf"^\s*(?:{'|'.join(rules.classifications)})\s*\.?\s*$", re.I)
        self._intro = re.compile(rf"^\s*(?P<intro>{rules.participants_intro})\s*(?::|\s[-–—])?\s*", re.I)
        self._closer = re.compile(rf"^\s*(?:{rules.closer})\s+\S", re.I)
        self._section = re.compile(rf"^\s*(?:{rules.section_heads})\s*$", re.I)
        self._rights = re.compile(rules.rights, re.I)
        self._translator = re.compile(rules.translator)
        self._summary_head = re.compile(rf"^\s*(?:{rules.summary_heads})\s*$", re.I)
        self._participant_blocks: list[int] = []   # block indexes of the participants list
        self._participants: ParticipantList | None = None
        # The editor's say (frontmatter.py): lines that are turns, lines that are not.
        self.forced: dict[int, LabelMatch] = {}
        self.refused: set[int] = set()

    # -- the passes -------------------------------------------------------------

    def read(self, doc: Document, lines: list[str]) -> Document:
        blocks = self._drop_furniture(doc, split_blocks(lines))
        blocks = self._set_aside_footnotes(doc, blocks)
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
        self._resolve_footnotes(doc)
        self._tag_mentions(doc)
        doc.title = complete_title(doc.title, doc.place, doc.meeting_date or doc.doc_date)
        return doc

    def _drop_furniture(self, doc: Document, blocks: list[Block]) -> list[Block]:
        kept: list[Block] = []
        for block in blocks:
            lines = []
            for number, text in block.lines:
                if len(text.strip()) <= 40 and any(p.match(text) for p in self._furniture):
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
                number = m.group("b") or m.group("c") or superscript_number(m.group("s"))
                style = "bracket" if m.group("b") else "caret" if m.group("c") else "superscript"
                if footnote_marker(number, style) in earlier:
                    line = block.first
                    body = " ".join([m.group("text")] + [t.strip() for _, t in block.lines[1:]])
                    content = parse_inline(body, line, m.start("text") + 1, doc.warnings)
                    doc.footnotes.append(Footnote(number, style, content, line))
                    continue
            earlier += block.text + "\n"
            kept.append(block)
        return kept

    def _find_participants(self, doc: Document, blocks: list[Block]) -> int | None:
        """Read the first participants list among the leading blocks; its block index."""
        for index, block in enumerate(blocks[:12]):
            m = self._intro.match(block.lines[0][1])
            if not m:
                continue
            self._participant_blocks = [index]
            if block.text[m.end():].strip() and block.single():
                plist = read_run_in(block.lines[0][1], m, block.first, self.people, doc.warnings,
                                    "|".join(re.escape(h) for h in self.rules.honorifics))
            else:
                plist = self._read_line_participants(doc, blocks, index, m)
            doc.participants = plist.groups
            self._participants = plist
            return index
        for index, block in enumerate(blocks[:8]):
            # A list of persons with no heading: "• Chou En-lai, Premier …", one a line.
            bullets = [t for _, t in block.lines if re.match(r"^\s*[•·*–-]\s+[^\W\d_]", t)]
            if len(bullets) >= 2 and len(bullets) == len(block.lines) and all(
                    len(t.split()) <= 16 for t in bullets):
                self._participant_blocks = [index]
                plist = self._read_line_participants(doc, blocks, index, None)
                doc.participants = plist.groups
                self._participants = plist
                return index
        self._participant_blocks = []
        return None

    def _read_line_participants(self, doc, blocks, index, intro) -> ParticipantList:
        """Participants one per line, possibly over several short blocks."""
        plist = ParticipantList(content=[], line=blocks[index].first)
        group = ParticipantGroup(label="")
        plist.groups.append(group)
        if intro is None:
            candidates = [blocks[index].lines]
        else:
            first_line = blocks[index].lines[0]
            plist.items.append(("intro", parse_inline(first_line[1].strip(), first_line[0], 1,
                                                      doc.warnings)))
            candidates = [blocks[index].lines[1:]]
        follow = index + 1
        while follow < len(blocks) and self._looks_like_participant_block(blocks[follow]):
            candidates.append(blocks[follow].lines)
            self._participant_blocks.append(follow)
            follow += 1
        for lines in candidates:
            for number, text in lines:
                if _FIELD_LINE.match(text.strip()):  # "DATE AND TIME: …" inside the block
                    plist.items.append(("line:", parse_inline(text.strip(), number, 1, doc.warnings)))
                    continue
                probe = ParticipantGroup(label="")
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

    def _looks_like_participant_block(self, block: Block) -> bool:
        for _, text in block.lines:
            stripped = text.strip()
            if len(stripped) > 120 or len(stripped.split()) > 16:
                return False
            if self.labels.match(stripped) and self.labels.match(stripped).rest:
                return False
            if self._classification.match(stripped) or parse_date(stripped):
                return False
            if not (re.match(r"^([-–•*·]|\d{1,2}[.)])\s", stripped) or stripped.endswith(":")
                    or re.search(r"\s{2,}|\t|,\s", stripped)):
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
        for bindex, block in enumerate(blocks):
            for lindex, (number, text) in enumerate(block.lines):
                if (number in skip or number in self.refused or number in self.forced
                        or self._classification.match(text) or self._intro.match(text)):
                    continue
                found = self.labels.match(text)
                if not found:
                    continue
                has_next = lindex + 1 < len(block.lines) or bindex + 1 < len(blocks)
                if found.rule in ("alone", "alone-plain") and not has_next:
                    continue
                candidates.append((number, found, lindex == 0))
        for _, found, _ in candidates:
            if found.rule == "alias":
                self.people.resolve(found.name, found.alias)
        first_line = min((n for n, _, _ in candidates), default=0)
        header = {w for b in blocks for n, t in b.lines if n < first_line or n in skip
                  for w in name_key(t).replace("-", " ").split()}
        lower_words = {w for b in blocks for _, t in b.lines
                       for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’]+", t)}
        counts = Counter(name_key(f.name) for _, f, _ in candidates)
        interview = sum(1 for _, f, _ in candidates if f.rule == "interview")
        letters = sum(1 for _, f, _ in candidates if f.rule == "stop" and len(f.name) == 1)

        def common_word(found: LabelMatch) -> bool:
            words = found.name.split()
            return len(words) == 1 and words[0].casefold().rstrip(".") in lower_words

        def in_header(found: LabelMatch) -> bool:
            words = [w for w in name_key(self.people.strip_honorifics(found.name)).split()
                     if len(w) > 2]
            return bool(words) and all(w in header for w in words)

        def evidence(found: LabelMatch) -> bool:
            if found.rule in ("edition", "side", "alias", "unknown"):
                return True
            if found.rule == "interview":
                return interview >= 2
            known = self.people.lookup(found.name) is not None
            if found.rule == "stop":
                if len(found.name) == 1:  # "K. Anatoly.", "D. Henry, …": letters used as labels often
                    return counts[name_key(found.name)] >= 2 and letters >= 4
                return not common_word(found) and (known or counts[name_key(found.name)] >= 2
                                                   or in_header(found))
            if found.rule == "alone-plain":
                # A heading may stand alone twice (a running head); a person is named.
                led = self.labels.strip_honorifics(found.label.rstrip(".:")) != found.label.rstrip(".:")
                return not common_word(found) and (known or in_header(found) or (
                    led and counts[name_key(found.name)] >= 2))
            return known or counts[name_key(found.name)] >= 2 or in_header(found)

        accepted = {number: found for number, found, _ in candidates if evidence(found)}
        # A person named in full once and by capital initials after ("Petra Lindqvist:",
        # then "PL:"); then, who the accepted labels name being known, other forms of
        # their names ("Chairwoman Brandauer:" after "Comrade Ilse Brandauer:", "HB:"
        # after "HB [Hanna Berg]:").
        short = {f.name for f in accepted.values() if re.fullmatch(r"[A-Z]{2,4}", f.name)}
        for number, found, first in candidates:
            initials = "".join(w[0] for w in re.split(r"[\s.-]+", found.name) if w).upper()
            if number not in accepted and first and found.rule in _ONE_OFF_FORMS and initials in short:
                accepted[number] = found
        for number in sorted(accepted):
            self.people.resolve(accepted[number].name, accepted[number].alias)
        for number, found, first in candidates:
            if (number not in accepted and first and found.rule in _ONE_OFF_FORMS
                    and self.people.lookup(found.name) is not None):
                accepted[number] = found
        # A label of the form the document uses names a speaker even when that speaker
        # talks only once ("Mr. Graybeal: …" among many "Mr. X: …"); so do labels of one
        # form in a short record where no name repeats ("N. S. Khrushchev: …", "W. Ulbricht: …").
        styles = Counter(self._style(f) for f in accepted.values())
        if not styles:
            styles = Counter(self._style(f) for _, f, first in candidates if first
                             and f.rule in _ONE_OFF_FORMS and self._plausible(f))
            styles = Counter({k: v for k, v in styles.items() if v >= 2})
        dominant = styles.most_common(1)[0][0] if styles else None
        # A one-off label only after the record has begun: a heading above it is no speaker.
        begun = min(accepted, default=0)
        for number, found, first in candidates:
            if number in accepted or not first or number < begun:
                continue
            if (found.rule in _ONE_OFF_FORMS and self._style(found) == dominant
                    and self._plausible(found) and not common_word(found)):
                accepted[number] = found
                doc.warnings.append((number, 1, f"'{found.label}' read as a speaker label although "
                                                "it occurs once: it has the document's usual label "
                                                "form"))
        accepted = dict(sorted(accepted.items()))
        # A document that labels its turns one way should not also get turns of a
        # looser form by accident ("U.S. forces were …" is not "MIKOYAN. …").
        forms = Counter(f.rule for f in accepted.values())
        if forms and any(r in forms for r in ("dash-colon", "interview", "side", "alias", "edition")):
            for number in [n for n, f in accepted.items() if f.rule in ("caps-stop", "caps-verb")
                           and self.people.lookup(f.name) is None and counts[name_key(f.name)] < 2]:
                del accepted[number]
        accepted = dict(sorted({**accepted, **self.forced}.items()))
        for number, found, first in candidates:
            if number not in accepted and first and found.rule in _ONE_OFF_FORMS:
                doc.warnings.append((number, 1, f"'{found.label}' looks like a speaker label but "
                                                "was kept as text: it occurs once and names no "
                                                "known person"))
        return accepted

    def _plausible(self, found: LabelMatch) -> bool:
        """Does a one-off label name a person: upper case, an honorific or office with a
        capitalised name, initials and a surname, or a short capitalised name?"""
        name = found.name
        if found.rule in ("caps-stop", "caps-verb", "alone"):
            return True
        if self.labels.strip_honorifics(found.label) != found.label or self.labels.is_office(name):
            return True
        if re.match(r"^(?:[^\W\d_]\.\s?){1,3}\s*[^\W\d_]", name):
            return True
        return found.rule == "dash-colon" and len(name.split()) <= 3

    def _style(self, found: LabelMatch) -> str:
        """The shape of a label: its rule, separator and whether an honorific or an
        office leads it ("Dr. Kissinger:" and "Prime Minister Chou:" share a shape)."""
        led = self.people.strip_honorifics(found.label) != found.label
        return f"{found.rule}:{found.label[-1:] if found.rule == 'dash-colon' else ''}:{led}"

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
            # sentences ("88. Memorandum of Conversation" is a heading, not a sentence).
            if len(block.text) > 150 or re.search(r"[^\W\d_][a-z)\]”\"]?[.!?]\s+\S", block.text.strip()):
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
        for index in range(body_start, len(blocks)):
            block = blocks[index]
            text = block.text
            if ((block.single() and (self._closer.match(text) or self._translator.match(text.strip())))
                    or self._summary_head.match(text) or read_citation(text, block.first)):
                return index
        return len(blocks)

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
        for index, block in enumerate(blocks):
            if index in pblocks:
                if index == self._participant_blocks[0]:
                    division.blocks.append(self._participants)
                continue
            for number, text in block.lines:
                if number == title_line:
                    self._title(doc, number, text.strip())
                elif title_line is not None and number < title_line:
                    self._above_title(doc, number, text.strip())
                else:
                    self._header_line(doc, division, number, text.strip())
        if title_line is None:
            doc.warnings.append((blocks[0].first if blocks else 1, 1,
                                 "no title found: the document is named after its file"))
        return division

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
        else:
            doc.unplaced.append((number, text))
            doc.front.append(("header", parse_inline(text, number, 1, doc.warnings), number))

    def _title(self, doc: Document, number: int, text: str) -> None:
        """The heading as printed goes to the front; the title is cleaned of a document
        number, a glued footnote marker and capitals, and a generic heading is completed
        with the place and date later (see complete_title)."""
        doc.front.append(("title", text, number))
        doc.title = clean_title(text)
        found = find_date(text, self.rules.two_digit_century)
        if found and doc.meeting_date is None:
            doc.meeting_date = found[0]

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
                paragraph.append((number, len(text) - len(text.lstrip()) + 1, text.strip()))
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

    def _new_turn(self, doc: Document, found: LabelMatch, number: int) -> Turn:
        if found.rule == "interview":
            who = found.role
            if who not in self.people.created and who not in self.people.register:
                self.people.created[who] = found.role.capitalize()
        elif found.rule == "unknown":
            who = "unidentified"
            self.people.created.setdefault(who, "Unidentified speaker")
        else:
            who = self.people.resolve(found.name, found.alias)
        listed = {m.id for g in doc.participants for m in g.members}
        if who not in listed and who not in {p.id for p in doc.extra_speakers}:
            doc.extra_speakers.append(Participant(id=who, name=self.people.display_name(who)))
        return Turn(label=found.label, name=found.name, who=who, line=number,
                    stage=found.stage, label_rule=found.rule)

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
            citation = read_citation(text, number)
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

    def _tag_mentions(self, doc: Document) -> None:
        """Wrap names of known persons in running text in persName/@ref."""
        pairs = [(n, i) for n, i in self.people.mention_names() if len(n) >= 3]
        if not pairs:
            return
        by_key = {}
        for name, pid in pairs:
            by_key.setdefault(name, pid)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n, _ in pairs) + r")(?![\w]|-\w)")

        def tag(content: list[Inline]) -> list[Inline]:
            out: list[Inline] = []
            for piece in content:
                if isinstance(piece, str):
                    pos = 0
                    for m in pattern.finditer(piece):
                        if m.start() > pos:
                            out.append(piece[pos:m.start()])
                        out.append(Node("persName", {"ref": f"#{by_key[m.group(0)]}"}, [m.group(0)]))
                        pos = m.end()
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



# -- titles ------------------------------------------------------------------------

# Words of a document's heading ("Memorandum of Conversation", "Запись беседы").
_HEADING_WORDS = re.compile(
    r"\b(?:memorandum|memcon|record|conversation|minutes|notes?|transcripts?|meeting|"
    r"interview|testimony|protocol|report|telegram|cable|letter|talks?|discussion|hearings?|"
    r"session|telephone|telcon|oral history|stenographic|excerpts?|proceedings|conference|"
    r"dialogue|exchange|briefing|audience|negotiations|remarks|statement|diary|conclusions|"
    r"запись|беседы|беседа|протокол|стенограмма|заседани\w*|niederschrift|gespräch\w*|"
    r"protokoll|aktennotiz|aktenvermerk|vermerk|feljegyzés|jegyzőkönyv|notatka|protokół|"
    r"posiedzeni\w*|rozmow\w*|entretien|compte rendu|conversación|memorandum)\b", re.I)
# Lines that are never a title: page and copy markers, running heads, site furniture.
_NOT_TITLE = re.compile(
    r"^(?:\[.*\]|\(?c\)|©|copy no\b|page\b|p\.\s*\d|\d+\s*$|\d+\s+[A-Z].*\bvol(?:ume|\.)|"
    r"(?:https?://|www\.)|in lieu of an abstract|advertisement|breadcrumb|search\b|"
    r"version classique|listed on page|this document was made possible|see the daily)", re.I)
# Header fields, which are never the title ("Subject: …", "Date: …").
_FIELD_LINE = re.compile(
    r"^(?:subject|date|time|place|location|participants?|present|to|from|re|copy|copies|"
    r"classification|source|drafted|approved|distribution|speaker|delivered|description|"
    r"interview(?:ee|ers?)?|narrator|tape|duration|cc|attendees|attachments?)\b[^:]{0,20}:", re.I)
_GENERIC_TITLE = re.compile(
    r"^(?:memorandum|record|minutes|notes|transcript|summary|memorandum for the record)"
    r"(?: of (?:a |the )?(?:telephone |private |official )?(?:conversation|meeting|conference|"
    r"discussion|talks?|call))?\.?$", re.I)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "of", "on",
                "or", "the", "to", "with", "über", "mit", "des", "der", "und"}


def choose_title(lines: list[tuple[int, str]], classification: re.Pattern) -> int | None:
    """The line number of the document's heading among the header's lines: the first
    line that reads as a heading ("… of Conversation", "Minutes …"), else the first
    short line that is not a date, a marker, a field or page furniture."""
    plausible = []
    for number, text in lines:
        letters = sum(c.isalpha() for c in text)
        if (not text or len(text) > 250 or letters < 4 or letters < len(text) / 3
                or _NOT_TITLE.match(text) or classification.match(text)
                or parse_date(text) or read_citation(text, number) or _FIELD_LINE.match(text)):
            continue
        plausible.append((number, text))
    for number, text in plausible:
        if _HEADING_WORDS.search(text):
            return number
    return next((number for number, text in plausible if len(text) <= 150), None)


def clean_title(text: str) -> str:
    """The title as a reader wants it: no collection number ("88. "), no footnote
    marker glued to the last word ("Conversation0"), and no shouting or damaged
    capitals ("RECORD oF CONVERSATION" -> "Record of Conversation")."""
    title = re.sub(r"^\d{1,4}\.\s+", "", text.strip())
    title = re.sub(r"(?<=[^\W\d_]{3})\d{1,2}$", "", title)
    letters = [c for c in title if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        words = title.split()
        title = " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:].lower()
                         for i, w in enumerate(words))
    return title


def complete_title(title: str, place: str, date) -> str:
    """A generic heading ("Memorandum of Conversation") completed with the place and
    the date, as archives title such documents."""
    if not title or not _GENERIC_TITLE.match(title.strip()):
        return title
    parts = [title.strip().rstrip(".")] + [p for p in (place, date.text if date else "") if p]
    return ", ".join(parts)
