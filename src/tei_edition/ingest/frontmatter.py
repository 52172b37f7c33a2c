"""The editor's word in the transcript itself: front matter and line marks.

A transcript may open with a TOML block between `+++` lines (as Hugo and Zola
pages do) stating what the converter would otherwise guess:

    +++
    title = "Memorandum of Conversation"
    date = 1959-09-15                      # the date the document bears
    meeting_date = "15 September 1959"     # when it happened (any date form read)
    place = "Camp David"
    number = "88"                          # the document's number in the collection
    classification = "Secret"
    language = "en"                        # the text's xml:lang
    summary = "Eisenhower and Khrushchev on Berlin."
    source = "NARA, RG 59, Central Files, 611.61/9-1559"
    participants = ["eisenhower", { name = "Nikita Khrushchev", role = "Chairman", side = "Soviet side" }]
    not_speakers = ["Adjourn"]
    label_pattern = '^(?P<label>(?P<name>[A-Z]+)>)\\s*(?P<rest>.*)$'

    [speakers]                             # a label as printed -> a register id
    "The Secretary" = "herter"
    "Q" = "smith-interviewer"
    +++

The block's lines stay in the line count (they are read as blank lines), so
every later line number and warning still points at the file's own line; they
are reported as dropped ("front matter"), which is also how the round trip
leaves them out.

Two line marks override the reading of one line:

    @Name: …     always a turn by that label (the convention ezdrama uses)
    \\Name: …    never a speaker label, whatever it looks like

The mark is not part of the text: the converter reads the line without it
(a space stands in its place, so columns stay right) and the round trip
compares the source without it (see unmark).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field, replace

from ..errors import EditionError
from ..ids import name_key, slugify
from .citations import read_citation
from .dates import parse_date
from .model import Citation, DateValue, Document, Node, Participant, ParticipantGroup, Turn
from .speakers import LabelMatch

FENCE = "+++"
KEYS = ("title", "date", "meeting_date", "place", "number", "classification", "language",
        "summary", "source", "participants", "speakers", "not_speakers", "label_pattern")
_PARTICIPANT_KEYS = {"id", "name", "role", "side"}
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_ID = re.compile(r"^[A-Za-z_][\w.-]*$")
# A line mark: "@" right before a label, or "\" at the start of a line.
_MARK = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>@(?=\S)|\\)")
# A label after "@" that no label form reads: "@the chairman: …" or "@Voice from the floor".
_OVERRIDE = re.compile(r"^(?P<label>(?P<name>[^:]{1,80}?)\s*(?::|\s[-–—]))\s*(?P<rest>.*)$")


@dataclass
class FrontMatter:
    """The values an editor stated, checked; key_lines says where each was written."""

    first_line: int = 0                      # the opening +++ (0: no front matter)
    last_line: int = 0                       # the closing +++
    values: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    lines: list[tuple[int, str]] = field(default_factory=list)  # the block as printed
    source_printed: bool = True              # False: 'source' is the only citation

    def stated(self) -> list[str]:
        return [k for k in KEYS if k in self.values]


@dataclass
class LineMarks:
    """The editor's line marks: line number -> "@" or "\\"."""

    marks: dict[int, str] = field(default_factory=dict)

    def turns(self) -> list[int]:
        return sorted(n for n, m in self.marks.items() if m == "@")

    def not_labels(self) -> list[int]:
        return sorted(n for n, m in self.marks.items() if m == "\\")


def unmark(line: str) -> str:
    """A line as its text reads, without the editor's @ or \\ mark."""
    return _MARK.sub(lambda m: m.group("indent"), line, count=1)


def split_front_matter(lines: list[str], source: str) -> tuple[FrontMatter, list[str]]:
    """Separate a leading +++ block from the text; its lines become blank lines."""
    front = FrontMatter()
    if not lines or lines[0].strip() != FENCE:
        return front, lines
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if closing is None:
        raise EditionError("the front matter opened here with +++ is never closed: "
                           "end it with a line holding only +++", source, 1)
    block = "\n".join(lines[1:closing])
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(where[1]) + 1, int(where[2])) if where else (max(closing, 2), None)
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        raise EditionError(f"the front matter is not valid TOML: {message}", source,
                           line, column) from None
    front.first_line, front.last_line = 1, closing + 1
    front.lines = list(enumerate(lines[:closing + 1], start=1))
    front.key_lines = _key_lines(lines[1:closing])
    front.values = _check(data, front.key_lines, source)
    text = [""] * (closing + 1) + lines[closing + 1:]
    return front, text


def _key_lines(block: list[str]) -> dict[str, int]:
    """The file line where each key (and each [speakers] label) is written."""
    found: dict[str, int] = {}
    table = ""
    for index, text in enumerate(block, start=2):
        header = re.match(r"^\s*\[\s*([\w-]+)\s*\]", text)
        if header:
            table = header.group(1)
            found.setdefault(table, index)
            continue
        key = re.match(r"""^\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*=""", text)
        if key:
            name = next(g for g in key.groups() if g is not None)
            found.setdefault(f"{table}.{name}" if table else name, index)
    return found


def _check(data: dict, key_lines: dict[str, int], source: str) -> dict:
    """Every key known, every value of its kind: else file:line and what was expected."""
    def fail(key: str, message: str) -> None:
        raise EditionError(f"front matter: {message}", source, key_lines.get(key, 2))

    values: dict = {}
    for key, value in data.items():
        if key not in KEYS:
            fail(key, f"unknown key '{key}'; expected one of {', '.join(KEYS)}")
        if key in ("title", "place", "classification", "summary", "source"):
            if not isinstance(value, str) or not value.strip():
                fail(key, f"'{key}' must be a non-empty string")
            values[key] = value.strip()
        elif key == "number":
            if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
                fail(key, "'number' must be the document's number, e.g. 88 or \"88a\"")
            values[key] = str(value).strip().rstrip(".")
        elif key in ("date", "meeting_date"):
            values[key] = _date(value, lambda m, k=key: fail(k, m), key)
        elif key == "language":
            if not isinstance(value, str) or not _LANGUAGE.match(value):
                fail(key, "'language' must be a language code such as \"en\" or \"de-AT\"")
            values[key] = value
        elif key == "participants":
            values[key] = _participants(value, lambda m: fail(key, m))
        elif key == "speakers":
            if not isinstance(value, dict):
                fail(key, "'speakers' must be a table: [speakers] then \"Label\" = \"person-id\"")
            for label, pid in value.items():
                if not isinstance(pid, str) or not _ID.match(pid):
                    fail(f"speakers.{label}", f"speaker '{label}' must map to a person id "
                                              "(letters, digits, '-', '_' or '.')")
            values[key] = {label.strip(): pid for label, pid in value.items()}
        elif key == "not_speakers":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                fail(key, "'not_speakers' must be a list of labels, e.g. [\"Adjourn\"]")
            values[key] = [v.strip() for v in value]
        elif key == "label_pattern":
            if not isinstance(value, str):
                fail(key, "'label_pattern' must be a regular expression in a string")
            try:
                pattern = re.compile(value)
            except re.error as exc:
                fail(key, f"'label_pattern' is not a valid regular expression: {exc}")
            if not {"label", "rest"} <= set(pattern.groupindex):
                fail(key, "'label_pattern' needs the named groups (?P<label>…) and (?P<rest>…)")
            values[key] = value
    return values


def _date(value, fail, key: str) -> DateValue:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return DateValue(text=value.isoformat(), iso=value.isoformat())
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return DateValue(text=str(value), iso=str(value))
    if isinstance(value, str):
        if _ISO.match(value.strip()):
            return DateValue(text=value.strip(), iso=value.strip())
        parsed = parse_date(value)
        if parsed:
            return parsed
    fail(f"'{key}' must be a date: 1956-09-17, \"September 17, 1956\" or a year")


def _participants(value, fail) -> list[dict]:
    if not isinstance(value, list):
        fail("'participants' must be a list of register ids or "
             "{ name = …, role = …, side = … } tables")
    people = []
    for item in value:
        if isinstance(item, str) and _ID.match(item):
            people.append({"id": item})
        elif isinstance(item, dict):
            unknown = set(item) - _PARTICIPANT_KEYS
            if unknown:
                fail(f"a participant has the unknown key '{sorted(unknown)[0]}'; expected "
                     + ", ".join(sorted(_PARTICIPANT_KEYS)))
            if not all(isinstance(v, str) for v in item.values()):
                fail("a participant's id, name, role and side must be strings")
            if not (item.get("id") or item.get("name", "").strip()):
                fail("a participant needs a 'name' or a register 'id'")
            people.append({k: v.strip() for k, v in item.items()})
        else:
            fail(f"participant {item!r} must be a register id or a "
                 "{ name = …, role = …, side = … } table")
    return people


def check_against_register(front: FrontMatter, person_ids: set[str], source: str) -> None:
    """Ids the front matter names must be in the register."""
    for label, pid in front.values.get("speakers", {}).items():
        if pid not in person_ids:
            raise EditionError(f"front matter: speaker '{label}' maps to '{pid}', which is not "
                               "a person of the register", source,
                               front.key_lines.get(f"speakers.{label}", front.key_lines.get("speakers")))
    for person in front.values.get("participants", []):
        if "id" in person and "name" not in person and person["id"] not in person_ids:
            raise EditionError(f"front matter: participant '{person['id']}' is not a person of "
                               "the register (give a name to add someone new)", source,
                               front.key_lines.get("participants"))


# -- line marks -------------------------------------------------------------------

def read_marks(lines: list[str]) -> tuple[LineMarks, list[str]]:
    """Find the @ and \\ marks; the lines come back with a space in each mark's place."""
    marks = LineMarks()
    out = []
    for number, line in enumerate(lines, start=1):
        m = _MARK.match(line)
        if m:
            marks.marks[number] = m.group("mark")
            line = line[:m.start("mark")] + " " + line[m.end("mark"):]
        out.append(line)
    return marks, out


def override_label(line: str) -> LabelMatch:
    """The label of an @ line that no label form reads: up to the first colon
    (or dash), else the whole line as a label alone with the speech below."""
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    m = _OVERRIDE.match(stripped)
    if m and m.group("name").strip():
        return LabelMatch(label=m.group("label").strip(), name=m.group("name").strip(),
                          rest=m.group("rest"), rest_column=indent + m.start("rest") + 1,
                          rule="override")
    return LabelMatch(label=stripped, name=stripped.rstrip(" .:"), rest="",
                      rest_column=indent + len(stripped) + 1, rule="override")


def label_key(label: str) -> str:
    """How a label is compared with the front matter's [speakers] and not_speakers."""
    return name_key(label.strip().rstrip(" :.-–—"))


def forced_and_refused(lines: list[str], marks: LineMarks, front: FrontMatter,
                       labels) -> tuple[dict[int, LabelMatch], set[int]]:
    """Lines that are turns whatever the evidence (@ lines, labels named in
    [speakers]) and lines that never are (\\ lines, not_speakers)."""
    speakers = {label_key(k) for k in front.values.get("speakers", {})}
    refused_labels = {label_key(k) for k in front.values.get("not_speakers", [])}
    forced = {n: labels.match(lines[n - 1]) or override_label(lines[n - 1]) for n in marks.turns()}
    refused = set(marks.not_labels())
    if not (speakers or refused_labels):
        return forced, refused  # no need to look at every line
    for number, text in enumerate(lines, start=1):
        if number in refused or number in forced or not text.strip():
            continue
        found = labels.match(text)
        keys = {label_key(found.label), label_key(found.name)} if found else set()
        if keys & refused_labels:
            refused.add(number)
        elif keys & speakers:
            forced[number] = found
    return forced, refused


# -- applying the editor's values after reading -----------------------------------

def apply_front_matter(doc: Document, front: FrontMatter, people, persons_by_id: dict) -> None:
    """Put the stated values into the document the converter read: they win over
    its guesses, while the text as printed stays as it is."""
    values = front.values
    if "title" in values:
        doc.title = values["title"]
        # the converter's guess no longer matters: no warning that it found none
        doc.warnings[:] = [w for w in doc.warnings if not w[2].startswith("no title found")]
    if "date" in values or "meeting_date" in values:
        # a stated date ends the converter's search: no report of its guess or its miss
        doc.warnings[:] = [w for w in doc.warnings
                           if not w[2].startswith(("no date found", "date read from inside the text"))]
    if "place" in values:
        doc.place = values["place"]
    if "classification" in values:
        doc.classification = values["classification"]
    if "date" in values:
        doc.doc_date = _restate_date(doc, doc.doc_date, values["date"])
        if not any(kind == "date" for kind, _, _ in doc.front):
            # A date element with no words: the text keeps what was printed, nothing more.
            first = min([line for _, _, line in doc.front] + [t.line for t in doc.turns()],
                        default=front.last_line + 1)
            doc.front.insert(0, ("date", DateValue(text="", iso=values["date"].iso), first))
    if "meeting_date" in values:
        doc.meeting_date = _restate_date(doc, doc.meeting_date, values["meeting_date"])
    if "source" in values:
        stated = read_citation(values["source"], 0) or Citation(values["source"], 0)
        if doc.citation is None:
            doc.citation = stated
            front.source_printed = False
        else:  # the citation as printed stays; its parts are the editor's
            doc.citation = replace(stated, text=doc.citation.text, line=doc.citation.line)
    if "participants" in values:
        _set_participants(doc, values["participants"], people, persons_by_id)
    mapping = {label_key(k): v for k, v in values.get("speakers", {}).items()}
    if mapping:
        for turn in doc.turns():
            pid = mapping.get(label_key(turn.label)) or mapping.get(label_key(turn.name))
            if pid:
                _retarget(doc, turn, pid, people)
    relist_speakers(doc, people)


def relist_speakers(doc: Document, people) -> None:
    """Speakers who are not participants, again after turns changed hands."""
    listed = {m.id for g in doc.participants for m in g.members}
    used = {t.who for t in doc.turns()}
    doc.extra_speakers = [p for p in doc.extra_speakers if p.id in used and p.id not in listed]
    for who in sorted(used - listed - {p.id for p in doc.extra_speakers},
                      key=lambda i: min(t.line for t in doc.turns() if t.who == i)):
        doc.extra_speakers.append(Participant(id=who, name=people.display_name(who)))


def map_interview_roles(doc: Document, people, persons_in_scope) -> None:
    """Interview labels ("Q", "A", "INT") that the register names for this document
    ({ name = "Q", documents = [...] }) point to that person, not to "interviewer"."""
    by_label: dict[str, str] = {}
    for person in persons_in_scope:
        for name in person.aliases:
            by_label.setdefault(name_key(name), person.id)
    mapped = [t for t in doc.turns() if t.label_rule == "interview" and name_key(t.name) in by_label]
    for turn in mapped:
        _retarget(doc, turn, by_label[name_key(turn.name)], people)
    if mapped:
        relist_speakers(doc, people)


# A label of initials or one letter: "P", "H.", "RR", "J.E.", "JeR" (Jean Rosenberg
# beside John Rosenberg).
_SHORT_LABEL = re.compile(r"(?:[A-Z][a-z]?\.?\s?){1,3}")


def join_short_labels(doc: Document, people) -> None:
    """A short label ("P:", "H:", "JeR:", "P." for "Pregunta.") that became a speaker of
    its own while another speaker's label has those initials ("PRESIDENT:",
    "Jean Rosenberg:", "Pregunta."): the same speaker, where only one fits."""
    def short(name: str) -> list[str] | None:
        text = name.strip(" .:")
        return re.findall(r"[A-Z][a-z]?", text) if _SHORT_LABEL.fullmatch(text) else None

    def abbreviates(parts: list[str], name: str) -> bool:
        words = [w for w in re.split(r"[\s.-]+", people.strip_honorifics(name)) if w[:1].isalpha()]
        if len(parts) == 1:  # "P" for "PRESIDENT", "Pregunta"
            return bool(words) and words[0].casefold().startswith(parts[0].casefold())
        return len(words) == len(parts) and all(
            w.casefold().startswith(p.casefold()) for p, w in zip(parts, words))

    turns = doc.turns()
    full: dict[str, set[str]] = {}
    for turn in turns:
        if short(turn.name) is None:
            # the name, and the label with the editors' completion ("[ROBERT E.] STRIPLING
            # [CHIEF INVESTIGATOR]:" for "RES:") less an office in brackets after it
            printed = re.sub(r"\s*\[[^\[\]]*\]\s*[:.\-–—]*\s*$", "", turn.label)
            printed = re.sub(r"\[([^\[\]]*)\]", r"\1", printed).rstrip(" :.-–—")
            full.setdefault(turn.who, set()).update({turn.name, printed})
    # A speaker does not answer himself: a short label whose turns stand next to a
    # full label's ("Presidente.-" then "P.-", the interviewer) is someone else.
    beside: dict[str, set[str]] = {}
    for before, after in zip(turns, turns[1:]):
        beside.setdefault(before.name, set()).add(after.who)
        beside.setdefault(after.name, set()).add(before.who)
    moved = False
    for turn in turns:
        parts = short(turn.name)
        if parts is None or turn.who in full or turn.who in people.register:
            continue
        owners = {pid for pid, names in full.items() if any(abbreviates(parts, n) for n in names)}
        owners -= beside.get(turn.name, set())
        if len(owners) == 1:
            _retarget(doc, turn, owners.pop(), people)
            moved = True
    if moved:
        relist_speakers(doc, people)


def _retarget(doc: Document, turn: Turn, pid: str, people) -> None:
    """Give a turn to pid; pointers to the old speaker follow when no turn is left to it
    and the converter made it up (a register person is never renamed)."""
    old, turn.who = turn.who, pid
    if old == pid or any(t.who == old for t in doc.turns()) or old in people.register:
        return

    def walk(content):
        for piece in content:
            if isinstance(piece, Node):
                if piece.tag == "persName" and piece.attrs.get("ref") == f"#{old}":
                    piece.attrs["ref"] = f"#{pid}"
                walk(piece.children)

    for content in doc.contents():
        walk(content)


def _restate_date(doc: Document, printed: DateValue | None, stated: DateValue) -> DateValue:
    """The editor's date, keeping the words as printed where there are some; every
    date element that carried the converter's reading carries the editor's."""
    if printed is None:
        return stated
    for index, (kind, value, line) in enumerate(doc.front):
        if kind == "date" and value is printed:
            doc.front[index] = (kind, replace(printed, iso=stated.iso), line)

    def walk(content):
        for piece in content:
            if isinstance(piece, Node):
                if piece.tag == "date" and piece.attrs.get("when") == printed.iso:
                    piece.attrs["when"] = stated.iso
                walk(piece.children)

    for content in doc.contents():
        walk(content)
    return replace(printed, iso=stated.iso, time_from="", time_to="", time_text="",
                   date_text=printed.date_text or printed.text)


def _set_participants(doc: Document, stated: list[dict], people, persons_by_id: dict) -> None:
    groups: dict[str, ParticipantGroup] = {}
    for item in stated:
        registered = persons_by_id.get(item.get("id", ""))
        pid = item.get("id") or people.lookup(item["name"]) or slugify(item["name"])
        name = item.get("name") or (registered.name if registered else pid)
        side = item.get("side") or (registered.side if registered else "")
        if pid not in people.register:
            people.created.setdefault(pid, name)
        group = groups.setdefault(side, ParticipantGroup(label=side))
        group.members.append(Participant(id=pid, name=name, role=item.get("role", ""),
                                         group=len(groups)))
    doc.participants = list(groups.values())


# -- the record in the TEI header --------------------------------------------------

def record_in_header(root, front: FrontMatter, marks: LineMarks, source_name: str) -> None:
    """Say in revisionDesc what the editor stated; put what only the editor knows
    where TEI keeps it (TEI/@n, the language, an editorial summary)."""
    from .tei import TEI_NS, XML_NS, el

    t = f"{{{TEI_NS}}}"
    values = front.values
    if "number" in values:
        root.set("n", values["number"])
    if "language" in values:
        root.set(f"{{{XML_NS}}}lang", values["language"])
        for language in root.iter(f"{t}language"):
            language.set("ident", values["language"])
            language.text = values["language"]
    header = root.find(f"{t}teiHeader")
    profile = header.find(f"{t}profileDesc")
    if "summary" in values:
        abstract = profile.find(f"{t}abstract")
        if abstract is None:
            abstract = el(None, "abstract")
            profile.insert(0, abstract)
        # ab, not p: the editor's summary is no part of the transcript's text.
        el(abstract, "ab", {"type": "editorial"}, values["summary"])
    if "source" in values and not front.source_printed:
        # Not the citation as printed (which the text form gives back) but the editor's.
        for bibl in header.iterfind(f"{t}fileDesc/{t}sourceDesc/{t}bibl[@type='source']"):
            bibl.set("type", "stated")
            bibl.attrib.pop("subtype", None)
    parts = []
    if front.first_line:
        parts.append(f"the front matter of {source_name} (lines {front.first_line}–"
                     f"{front.last_line}) states {', '.join(front.stated())}")
    if marks.turns():
        parts.append("lines marked @ are turns: " + ", ".join(map(str, marks.turns())))
    if marks.not_labels():
        parts.append("lines marked \\ are no speaker labels: "
                     + ", ".join(map(str, marks.not_labels())))
    if parts:
        change = el(header.find(f"{t}revisionDesc"), "change", {"type": "editor-stated"})
        change.text = "Read as the editor stated: " + "; ".join(parts) + "."
