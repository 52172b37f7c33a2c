"""The editor's apparatus: the register applied to a converted TEI tree.

apply_apparatus() runs after the converter on every conversion, so the
editor's work is never lost when the TEI is generated again:

  corrections  a slip kept and corrected: <choice><sic>USSSR</sic><corr>USSR</corr></choice>
  notes        <note type="editorial"> after the quoted words it explains
  places/orgs  mentions tagged <placeName ref="#id">/<orgName ref="#id">, each
               entry in standOff/listPlace and listOrg
  persons      the converter's person entries get spellings, dates, dated
               roles, biography (the converter already links every mention)
  subjects     profileDesc/textClass/keywords/term

Every document is self-contained: each entry a document points to is written
into that document, so `#id` pointers resolve in the file itself.
personography() writes the whole register as one shared TEI file besides.

Anchors are quoted words plus, where the words occur more than once, the
occurrence number. They are found in the text content across inline
elements (whitespace-insensitive), so re-converting a transcript keeps them;
words that no longer occur stop the build with the register entry's file
and line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lxml import etree

from .errors import EditionError
from .register import Edition, Origin, Person, Place

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_T = "{%s}" % TEI_NS

# Elements holding running text, in which anchors are looked for.
BLOCKS = {"p", "ab", "head", "titlePart", "docDate", "signed", "item", "stage", "l", "label",
          "dateline", "salute", "trailer", "byline"}
# Content that is not the document's wording: never matched, never tagged.
NOT_TEXT = {"note", "speaker", "desc", "corr", "reg", "expan", "fw", "figDesc"}
# Where place and organisation names are not tagged (already a name, or not text).
NO_TAGGING = NOT_TEXT | {"persName", "placeName", "orgName", "name", "rs", "choice", "gap",
                         "date", "idno", "ref", "ptr"}
AUTHORITY_URLS = {"wikidata": "https://www.wikidata.org/wiki/{}",
                  "viaf": "https://viaf.org/viaf/{}", "gnd": "https://d-nb.info/gnd/{}",
                  "geonames": "https://www.geonames.org/{}"}


def _tag(name: str) -> str:
    return _T + name


def _local(node) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _el(parent, name: str, attrs: dict | None = None, text: str | None = None):
    node = etree.SubElement(parent, _tag(name)) if parent is not None else etree.Element(_tag(name))
    for key, value in (attrs or {}).items():
        node.set(XML_ID if key == "xml:id" else key, value)
    if text:
        node.text = text
    return node


def _fail(origin: Origin, message: str) -> None:
    raise EditionError(message, origin.path, origin.line)


def apply_apparatus(tree: etree._ElementTree, edition: Edition) -> etree._ElementTree:
    """Apply the edition's register to one document's TEI tree (changed in place)."""
    if not edition.has_apparatus:
        return tree
    root = tree.getroot()
    doc_id = root.get(XML_ID, "")
    text = root.find(_tag("text"))
    if text is None:
        return tree
    _apply_corrections(text, [c for c in edition.corrections if c.document in ("", doc_id)], doc_id)
    _apply_notes(text, [n for n in edition.notes if n.document == doc_id])
    entries = {**{p.id: p for p in edition.places}, **{o.id: o for o in edition.orgs}}
    scopes = [text, *root.iterfind(f"{_tag('teiHeader')}/{_tag('profileDesc')}/{_tag('abstract')}")]
    _tag_mentions(scopes, [*edition.places, *edition.orgs])
    _enrich_persons(root, edition)
    _list_places_and_orgs(root, entries)
    _add_subjects(root, [s for s in edition.subjects if not s.documents or doc_id in s.documents])
    return tree


# -- the text as a string, mapped back to the tree --------------------------------

@dataclass(frozen=True)
class _Slot:
    """A piece of text in the tree: node.text or node.tail."""

    node: etree._Element
    attr: str  # "text" or "tail"

    def get(self) -> str:
        return getattr(self.node, self.attr) or ""

    def set(self, value: str) -> None:
        setattr(self.node, self.attr, value or None)


_RUN = re.compile(r"\s+|\S+")


class _TextIndex:
    """The wording of every block of a text, whitespace collapsed, with each
    character mapped to the text slot and offset it came from (`locate(i)`).
    Kept as runs (a word, or one collapsed space), not character by character:
    a long text is read in a few thousand steps, not tens of thousands."""

    def __init__(self, text: etree._Element):
        self._pieces: list[str] = []
        self._starts: list[int] = []   # where each run begins in the wording
        self._runs: list[tuple[_Slot | None, int, int]] = []  # slot, first offset, step
        self._length = 0
        for block in text.iter(*(_tag(b) for b in BLOCKS)):
            if any(_local(a) in NOT_TEXT for a in block.iterancestors()):
                continue
            self._add(_Slot(block, "text"))
            self._walk(block)
            self._break()
        self.text = "".join(self._pieces)

    def _push(self, piece: str, slot: _Slot | None, offset: int, step: int) -> None:
        self._starts.append(self._length)
        self._runs.append((slot, offset, step))
        self._pieces.append(piece)
        self._length += len(piece)

    def _add(self, slot: _Slot) -> None:
        for run in _RUN.finditer(slot.get()):
            if run.group()[0].isspace():
                if not self._pieces or self._pieces[-1][-1] in (" ", "\n"):
                    continue
                self._push(" ", slot, run.start(), 0)
            else:
                self._push(run.group(), slot, run.start(), 1)

    def _break(self) -> None:
        # Blocks are kept apart: an anchor never runs from one paragraph into the next.
        if self._pieces and self._pieces[-1] == " ":
            self._pieces[-1] = "\n"
        else:
            self._push("\n", None, -1, 0)

    def locate(self, index: int) -> tuple[_Slot | None, int]:
        """The slot and offset the character at index came from."""
        run = bisect_right(self._starts, index) - 1
        slot, offset, step = self._runs[run]
        return slot, offset + step * (index - self._starts[run])

    def _walk(self, node: etree._Element) -> None:
        for child in node:
            name = _local(child)
            if name and name not in NOT_TEXT and name not in BLOCKS:
                self._add(_Slot(child, "text"))
                self._walk(child)
            self._add(_Slot(child, "tail"))

    def find(self, words: str) -> list[tuple[int, int]]:
        """Every (start, end) at which the words occur as whole words."""
        text = self.text
        quote = " ".join(words.split())
        found = []
        start = text.find(quote)
        while start >= 0:
            end = start + len(quote)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not ((quote[0].isalnum() and (before.isalnum() or before == "_")) or
                    (quote[-1].isalnum() and (after.isalnum() or after == "_"))):
                found.append((start, end))
            start = text.find(quote, start + 1)
        return found


def _pick(matches: list, occurrence: int, words: str, origin: Origin, what: str, doc_id: str):
    """The one match an entry means; anything else stops the build."""
    if not matches:
        key = "sic" if what.startswith("correction") else "at"
        _fail(origin, f"{what}: the words \u201c{words}\u201d no longer occur in document "
                      f"'{doc_id}'; correct '{key}' or remove the entry")
    if occurrence == 0 and len(matches) > 1:
        _fail(origin, f"{what}: the words \u201c{words}\u201d occur {len(matches)} times in "
                      f"document '{doc_id}'; say which with occurrence = 1 … {len(matches)}")
    if occurrence > len(matches):
        _fail(origin, f"{what}: occurrence = {occurrence}, but the words \u201c{words}\u201d occur "
                      f"only {len(matches)} time{'s' if len(matches) > 1 else ''} in document "
                      f"'{doc_id}'")
    return matches[max(occurrence, 1) - 1]


# -- corrections ---------------------------------------------------------------

def _apply_corrections(text: etree._Element, corrections: list, doc_id: str) -> None:
    # An edition-wide correction whose words are not all in the text cannot apply:
    # most documents are read no further.
    plain = "".join(text.itertext())
    corrections = [c for c in corrections if c.occurrence or c.document
                   or all(word in plain for word in c.sic.split())]
    if not corrections:
        return
    index = _TextIndex(text)  # one reading of the text for every correction
    chosen: list[tuple[int, int, object]] = []
    for correction in corrections:
        matches = [m for m in index.find(correction.sic) if not _in_choice(index, m)]
        what = f"correction '{correction.sic}' → '{correction.corr}'"
        if correction.occurrence or correction.document:
            # A correction for one document must find its slip there.
            picked = _pick(matches, correction.occurrence, correction.sic, correction.origin,
                           what, doc_id) if correction.occurrence else None
            if not matches:
                _pick(matches, 0, correction.sic, correction.origin, what, doc_id)
            matches = [picked] if picked else matches
        # An edition-wide correction applies wherever the slip occurs, if anywhere.
        chosen += [(start, end, correction) for start, end in matches]
    chosen.sort(key=lambda item: item[0])
    for (_, end, one), (start, _, other) in zip(chosen, chosen[1:]):
        if start < end:
            # Report the entry written later in the register: the earlier one stood first.
            first, later = sorted((one, other), key=corrections.index)
            _fail(later.origin, f"correction '{later.sic}' overlaps correction "
                                f"'{first.sic}' in document '{doc_id}'")
    # Later matches first: an earlier match's offsets stay valid.
    for start, end, correction in reversed(chosen):
        _wrap_correction(index, start, end, correction, doc_id)


def _in_choice(index: _TextIndex, match: tuple[int, int]) -> bool:
    slot, _ = index.locate(match[0])
    node = slot.node if slot.attr == "text" else slot.node.getparent()
    return any(_local(n) == "choice" for n in (node, *node.iterancestors()))


def _wrap_correction(index: _TextIndex, start: int, end: int, correction, doc_id: str) -> None:
    slot, first = index.locate(start)
    last_slot, last = index.locate(end - 1)
    if last_slot != slot:
        _fail(correction.origin, f"correction '{correction.sic}': in document '{doc_id}' the "
                                 "words run across markup; correct a shorter stretch of text")
    value = slot.get()
    node = slot.node
    choice = etree.Element(_tag("choice"))
    if (slot.attr == "text" and _local(node) == "sic" and len(node) == 0
            and value.strip() == value[first:last + 1]):
        # The source printed "[sic]" (the converter's <sic>): the marker is kept
        # (rend="marked", so the text form writes it again) and the correction added.
        _el(choice, "sic", {"rend": "marked"}, value)
        _el(choice, "corr", text=correction.corr)
        choice.tail = node.tail
        node.getparent().replace(node, choice)
        return
    _el(choice, "sic", text=value[first:last + 1])
    _el(choice, "corr", text=correction.corr)
    _insert_at(slot, first, choice, value[last + 1:])


def _insert_at(slot: _Slot, offset: int, new: etree._Element, rest: str | None = None) -> None:
    """Put `new` at `offset` in the slot's text; the text after it (or `rest`) follows it."""
    value = slot.get()
    after = value[offset:] if rest is None else rest
    slot.set(value[:offset])
    if slot.attr == "text":
        slot.node.insert(0, new)
    else:
        slot.node.addnext(new)
    new.tail = after or None


# -- explanatory notes ---------------------------------------------------------

def _apply_notes(text: etree._Element, notes: list) -> None:
    if not notes:
        return
    doc_id = text.getparent().get(XML_ID, "")
    index = _TextIndex(text)  # one reading of the text for every note
    placed = []
    for number, note in enumerate(notes):
        _, end = _pick(index.find(note.at), note.occurrence, note.at, note.origin,
                       f"note at \u201c{note.at}\u201d", doc_id)
        placed.append((end, number, note))
    # From the end of the text backwards: the offsets of earlier anchors stay valid,
    # and notes on the same words keep the register's order.
    for end, _, note in sorted(placed, key=lambda item: (item[0], item[1]), reverse=True):
        slot, offset = index.locate(end - 1)
        element = etree.Element(_tag("note"), type="editorial")
        element.text = note.text
        _insert_after(slot, offset + 1, element)


def _insert_after(slot: _Slot, offset: int, new: etree._Element) -> None:
    """Insert at offset; at the very end of an inline element, go after it instead,
    so that a note follows a name rather than sitting inside it."""
    while True:
        node = slot.node
        if slot.attr == "text":
            if offset == len(slot.get()) and len(node) == 0 and _local(node) not in BLOCKS:
                slot, offset = _Slot(node, "tail"), 0
                continue
        else:
            parent = node.getparent()
            if (offset == len(slot.get()) and parent[-1] is node and _local(parent) not in BLOCKS
                    and parent.getparent() is not None):
                slot, offset = _Slot(parent, "tail"), 0
                continue
        _insert_at(slot, offset, new)
        return


# -- places and organisations ----------------------------------------------------

def _tag_mentions(scopes: list, entries: list[Place]) -> None:
    names = sorted(((name, entry) for entry in entries for name in entry.names()),
                   key=lambda pair: (-len(pair[0]), pair[0]))
    if not names:
        return
    by_name = {name: entry for name, entry in reversed(names)}
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(n) for n, _ in names) + r")(?![\w'’-])")
    for scope in scopes:
        slots: list[_Slot] = []
        hidden = any(_local(a) in NO_TAGGING for a in (scope, *scope.iterancestors()))
        _text_slots(scope, hidden, slots)
        for slot in slots:
            matches = list(pattern.finditer(slot.get()))
            for match in reversed(matches):
                entry = by_name[match.group(1)]
                name = _el(None, "placeName" if entry.kind == "place" else "orgName",
                           {"ref": f"#{entry.id}"}, match.group(1))
                value = slot.get()
                _insert_at(slot, match.start(), name, value[match.end():])


def _text_slots(node: etree._Element, hidden: bool, slots: list) -> None:
    """The text slots under node where names may be tagged, in document order."""
    if not hidden:
        slots.append(_Slot(node, "text"))
    for child in node:
        if isinstance(child.tag, str):
            _text_slots(child, hidden or _local(child) in NO_TAGGING, slots)
        if not hidden:
            slots.append(_Slot(child, "tail"))


def _list_places_and_orgs(root: etree._Element, entries: dict[str, Place]) -> None:
    used = set()
    for node in root.iter(_tag("placeName"), _tag("orgName")):
        ref = node.get("ref", "")
        if ref.startswith("#") and ref[1:] in entries:
            used.add(ref[1:])
    if not used:
        return
    existing = {node.get(XML_ID) for node in root.iter() if node.get(XML_ID)}
    for pid in sorted(used):
        if pid in existing:
            _fail(entries[pid].origin, f"id '{pid}' is already used in document "
                                       f"'{root.get(XML_ID)}'; give the entry another id")
    stand_off = root.find(_tag("standOff"))
    if stand_off is None:
        stand_off = _el(root, "standOff")
    for kind, list_name in (("place", "listPlace"), ("org", "listOrg")):
        chosen = [entries[i] for i in sorted(used) if entries[i].kind == kind]
        if not chosen:
            continue
        listing = _el(stand_off, list_name)
        _el(listing, "head", text="Places mentioned" if kind == "place" else "Organisations")
        for entry in chosen:
            _place_entry(listing, entry)
        _pretty(listing)


def _place_entry(parent, entry: Place) -> None:
    name_tag = "placeName" if entry.kind == "place" else "orgName"
    node = _el(parent, entry.kind, {"xml:id": entry.id})
    _el(node, name_tag, text=entry.name)
    for spelling in (*entry.spellings, *(a for a in entry.aliases if a != entry.name)):
        _el(node, name_tag, {"type": "variant"}, spelling)
    for scheme, value in entry.authority:
        _el(node, "idno", {"type": scheme}, value)
    if entry.note:
        _el(node, "note", text=entry.note)


# -- persons -------------------------------------------------------------------

def _enrich_persons(root: etree._Element, edition: Edition) -> None:
    register = {p.id: p for p in edition.persons}
    orgs = {o.id: o for o in edition.orgs}
    for person in root.iter(_tag("person")):
        entry = register.get(person.get(XML_ID, ""))
        if entry is not None:
            _enrich_person(person, entry, orgs)


def _enrich_person(person: etree._Element, entry: Person, orgs: dict[str, Place]) -> None:
    names = person.findall(_tag("persName"))
    anchor = names[-1] if names else None
    added = []
    for spelling in entry.spellings:
        added.append(_el(None, "persName", {"type": "variant"}, spelling))
    for kind, value in (("birth", entry.birth), ("death", entry.death)):
        if value:
            added.append(_el(None, kind, {"when": value}, _date_words(value)))
    for node in reversed(added):
        if anchor is not None:
            anchor.addnext(node)
        else:
            person.insert(0, node)
    before_idno = person.find(_tag("idno"))
    for role in entry.roles:
        attrs = {k: v for k, v in (("from", role.start), ("to", role.end)) if v}
        same = [a for a in person.findall(_tag("affiliation")) if not a.get("from")
                and not a.get("to") and len(a) == 1 and _local(a[0]) == "roleName"
                and " ".join((a[0].text or "").split()) == role.role]
        if same and not role.org:
            # The role the document names, now with its dates: one entry, not two.
            for key, value in attrs.items():
                same[0].set(key, value)
            continue
        affiliation = _el(None, "affiliation", attrs)
        if role.role:
            _el(affiliation, "roleName", text=role.role)
        if role.org:
            _el(affiliation, "orgName", {"ref": f"#{role.org}"}, orgs[role.org].name)
            if role.role:
                affiliation[0].tail = ", "
        if before_idno is not None:
            before_idno.addprevious(affiliation)
        else:
            person.append(affiliation)
    if entry.biography:
        _el(person, "note", {"type": "biography"}, entry.biography)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _date_words(iso: str) -> str:
    """1912-04-15 → 15 April 1912 (1912-04 → April 1912, 1912 → 1912)."""
    parts = iso.lstrip("-").split("-")
    year = ("-" if iso.startswith("-") else "") + parts[0]
    if len(parts) == 1:
        return year
    month = _MONTHS[int(parts[1]) - 1] if 1 <= int(parts[1]) <= 12 else parts[1]
    return f"{month} {year}" if len(parts) == 2 else f"{int(parts[2])} {month} {year}"


# -- subjects ------------------------------------------------------------------

def _add_subjects(root: etree._Element, subjects: list) -> None:
    if not subjects:
        return
    header = root.find(_tag("teiHeader"))
    profile = header.find(_tag("profileDesc"))
    if profile is None:
        profile = _el(None, "profileDesc")
        header.find(_tag("fileDesc")).addnext(profile)
    text_class = profile.find(_tag("textClass"))
    if text_class is None:
        text_class = _el(None, "textClass")
        later = profile.find(_tag("particDesc"))
        if later is not None:
            later.addprevious(text_class)
        else:
            profile.append(text_class)
    keywords = _el(None, "keywords", {"n": "subjects"})
    text_class.insert(0, keywords)
    for subject in subjects:
        attrs = {}
        if subject.authority:
            scheme, value = subject.authority[0]
            attrs["ref"] = AUTHORITY_URLS[scheme].format(value)
        if subject.id:
            attrs["key"] = subject.id
        _el(keywords, "term", attrs, subject.term)
    _pretty(keywords)


# -- layout ----------------------------------------------------------------------

def _pretty(node: etree._Element) -> None:
    """Indent an element-only subtree the apparatus made, as the converter indents its own."""
    depth = sum(1 for _ in node.iterancestors())
    if (node.text or "").strip() or not len(node):
        return
    node.text = "\n" + "  " * (depth + 1)
    for child in node:
        child.tail = "\n" + "  " * (depth + 1)
        if _local(child) in {"place", "org", "listPlace", "listOrg"}:
            _pretty(child)
    node[-1].tail = "\n" + "  " * depth


# -- the shared personography ------------------------------------------------------

def personography(edition: Edition) -> bytes:
    """The whole register as one TEI file: listPerson, listPlace, listOrg in standOff."""
    root = etree.Element(_tag("TEI"), nsmap={None: TEI_NS})
    root.set(XML_ID, "register")
    title = edition.metadata.get("title", "Edition")
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", {"type": "main"}, f"{title}: register")
    _el(_el(file_desc, "publicationStmt"), "publisher",
        text=edition.metadata.get("publisher", "tei-edition"))
    _el(_el(file_desc, "sourceDesc"), "p", text="The editor's register of the edition.")
    text = _el(root, "text")
    _el(_el(text, "body"), "p", text="The entries are in standOff.")
    stand_off = _el(root, "standOff")
    orgs = {o.id: o for o in edition.orgs}
    if edition.persons:
        listing = _el(stand_off, "listPerson")
        for entry in sorted(edition.persons, key=lambda p: p.id):
            person = _el(listing, "person", {"xml:id": entry.id})
            _el(person, "persName", text=entry.name)
            if entry.role:
                _el(_el(person, "affiliation"), "roleName", text=entry.role)
            if entry.affiliation:
                _el(_el(person, "affiliation"), "orgName", text=entry.affiliation)
            for scheme, value in entry.authority:
                _el(person, "idno", {"type": scheme}, value)
            _enrich_person(person, entry, orgs)
    for kind, items in (("listPlace", edition.places), ("listOrg", edition.orgs)):
        if items:
            listing = _el(stand_off, kind)
            for entry in sorted(items, key=lambda p: p.id):
                _place_entry(listing, entry)
    etree.indent(root, space="  ")
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + etree.tostring(root, encoding="UTF-8") + b"\n")

