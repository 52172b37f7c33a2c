"""Writing the document model as TEI P5 (DESIGN §3), byte for byte deterministic."""

from __future__ import annotations

import hashlib

from lxml import etree

from .. import __version__
from ..register import Edition, Person, name_parts, name_sort_key
from ..resources import TEI_ALL_URL
from .model import Citation, Document, Inline, Node, ParticipantList, Turn

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = "{%s}" % TEI_NS


def el(parent: etree._Element | None, tag: str, attrs: dict | None = None,
       text: str | None = None) -> etree._Element:
    """A TEI element, appended to parent when one is given."""
    name = _T + tag
    node = etree.SubElement(parent, name) if parent is not None else etree.Element(name, nsmap={None: TEI_NS})
    for key, value in (attrs or {}).items():
        node.set(f"{{{XML_NS}}}{key[4:]}" if key.startswith("xml:") else key, value)
    if text:
        node.text = text
    return node


def append_inline(parent: etree._Element, content: list[Inline]) -> None:
    """Append strings and Nodes as mixed content."""
    for piece in content:
        if isinstance(piece, str):
            if len(parent):
                last = parent[-1]
                last.tail = (last.tail or "") + piece
            else:
                parent.text = (parent.text or "") + piece
        else:
            child = el(parent, piece.tag, piece.attrs)
            append_inline(child, piece.children)


def build_tei(doc: Document, edition: Edition, source_bytes: bytes) -> etree._ElementTree:
    """The whole TEI document for one transcript."""
    language = edition.metadata.get("language", "en")
    root = el(None, "TEI", {"xml:id": doc.id, "xml:lang": language})
    header = el(root, "teiHeader")
    _file_desc(el(header, "fileDesc"), doc, edition)
    _encoding_desc(el(header, "encodingDesc"), doc)
    _profile_desc(el(header, "profileDesc"), doc, edition, language)
    revision = el(el(header, "revisionDesc"), "change", {"n": __version__})
    digest = hashlib.sha256(source_bytes).hexdigest()
    revision.text = (f"Converted from {doc.source_name} by tei-edition {__version__}; "
                     f"source SHA-256 {digest}.")
    mentioned = _mentioned_only(doc, edition)
    _text(el(root, "text", {"xml:lang": doc.language} if doc.language and doc.language != language
             else {}), doc)
    if mentioned:
        stand_off = el(root, "standOff")
        listing = el(stand_off, "listPerson", {"type": "mentioned"})
        el(listing, "head", text="Persons mentioned")
        for person in mentioned:
            _person(listing, person.id, person.name, "", person)
    tree = etree.ElementTree(root)
    model = etree.ProcessingInstruction(
        "xml-model", f'href="{TEI_ALL_URL}" type="application/xml" '
                     'schematypens="http://relaxng.org/ns/structure/1.0"')
    root.addprevious(model)
    return tree


# Elements whose content is only other elements: indenting them adds no text.
# Everything else (p, head, speaker, persName …) is mixed content and is left
# exactly as the transcript gave it.
_ELEMENT_ONLY = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt",
    "availability", "sourceDesc", "msDesc", "msIdentifier", "msContents", "msItem",
    "encodingDesc", "appInfo", "application", "classDecl", "taxonomy", "profileDesc",
    "abstract", "creation", "langUsage", "textClass", "particDesc", "listPerson", "person",
    "affiliation", "revisionDesc", "text", "front", "docTitle", "body", "div", "sp", "closer",
    "back", "standOff", "list",
}


def _indent(node: etree._Element, level: int = 0) -> None:
    if etree.QName(node).localname not in _ELEMENT_ONLY or (node.text or "").strip():
        return
    if any((child.tail or "").strip() for child in node):
        return
    inner = "\n" + "  " * (level + 1)
    if len(node):
        node.text = inner
        for child in node:
            child.tail = inner
            _indent(child, level + 1)
        node[-1].tail = "\n" + "  " * level


def serialize(tree: etree._ElementTree) -> bytes:
    """UTF-8 bytes with an XML declaration, the xml-model instruction, indented structure."""
    root = tree.getroot()
    _indent(root)
    model = root.getprevious()
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    if model is not None:
        head += etree.tostring(model, encoding="UTF-8") + b"\n"
    return head + etree.tostring(root, encoding="UTF-8") + b"\n"


# -- header ---------------------------------------------------------------------

def _file_desc(file_desc, doc: Document, edition: Edition) -> None:
    meta = edition.metadata
    title_stmt = el(file_desc, "titleStmt")
    el(title_stmt, "title", {"type": "main"}, doc.title or doc.id)
    for editor in meta.get("editors", []):
        el(title_stmt, "editor", text=str(editor))
    for name in doc.translators:
        resp = el(title_stmt, "respStmt")
        el(resp, "resp", text="Translated by")
        el(resp, "persName", text=name)
    resp = el(title_stmt, "respStmt")
    el(resp, "resp", text="Converted to TEI by")
    el(resp, "name", text="tei-edition")

    publication = el(file_desc, "publicationStmt")
    el(publication, "publisher", text=meta.get("publisher", "tei-edition"))
    if meta.get("base_url"):
        base = meta["base_url"] if meta["base_url"].endswith("/") else meta["base_url"] + "/"
        el(publication, "idno", {"type": "URI"}, f"{base}{doc.id}.html")
    if meta.get("licence") or doc.rights:
        availability = el(publication, "availability")
        if meta.get("licence"):
            attrs = {"target": meta["licence_url"]} if meta.get("licence_url") else {}
            el(availability, "licence", attrs, meta["licence"])
        for paragraph in doc.rights:
            append_inline(el(availability, "p"), paragraph.content)

    source = el(file_desc, "sourceDesc")
    if doc.citation and doc.citation.family != "unknown":
        _ms_desc(source, doc.citation, doc.title or doc.id)
    if doc.citation and not doc.citation.in_text:
        # A citation printed above the text (as on tape transcripts) says so, so that
        # the plain-text form can put it back where it stood.
        first_text = min([line for _, _, line in doc.front] + [t.line for t in doc.turns()] or [0])
        opening = {"subtype": "opening"} if doc.citation.line < first_text else {}
        bibl = el(source, "bibl", {"type": "source", **opening})
        append_inline(bibl, _credit_inline(doc.citation.text, doc.translators))
    if doc.translation_credit:
        append_inline(el(source, "bibl", {"type": "translation"}), doc.translation_credit)
    if not len(source):
        el(source, "p", text=f"Converted from the plain-text transcript {doc.source_name}.")


def _credit_inline(text: str, translators: list[str]) -> list[Inline]:
    """The citation as printed, with translators' names as persName."""
    for name in translators:
        index = text.find(name)
        if index >= 0:
            return [text[:index], Node("persName", {}, [name]), text[index + len(name):]]
    return [text]


def _ms_desc(parent, citation: Citation, title: str) -> None:
    ms_desc = el(parent, "msDesc")
    identifier = el(ms_desc, "msIdentifier")
    el(identifier, "repository", text=citation.repository)
    for kind, value in citation.collections:
        el(identifier, "collection", {"type": kind}, value)
    for kind, value in citation.idnos:
        el(identifier, "idno", {"type": kind}, value)
    item = el(el(ms_desc, "msContents"), "msItem")
    if citation.locus_from:
        el(item, "locus", {"from": citation.locus_from, "to": citation.locus_to},
           citation.locus_text)
    el(item, "title", text=title)


def _encoding_desc(encoding_desc, doc: Document) -> None:
    app_info = el(encoding_desc, "appInfo")
    app = el(app_info, "application", {"ident": "tei-edition", "version": __version__})
    el(app, "label", text="tei-edition")
    if doc.classification:
        taxonomy = el(el(encoding_desc, "classDecl"), "taxonomy", {"xml:id": "security-classification"})
        el(taxonomy, "desc", text="The security classification printed on the original document.")


def language_name(ident: str) -> str:
    """A language's name in English, from CLDR ("ru" -> "Russian")."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale("en").languages.get(ident.split("-")[0], ident)
    except (UnknownLocaleError, ValueError):
        return ident


def _languages_in(doc: Document) -> set[str]:
    """The languages declared on paragraphs and foreign runs of the text."""
    found = {p.lang for d in doc.divisions for b in d.blocks
             for p in (b.paragraphs if isinstance(b, Turn) else [b]) if getattr(p, "lang", "")}

    def walk(content) -> None:
        for piece in content:
            if isinstance(piece, Node):
                if piece.tag == "foreign":
                    found.add(piece.attrs.get("xml:lang", ""))
                walk(piece.children)

    for content in doc.contents():
        walk(content)
    return found


def _profile_desc(profile, doc: Document, edition: Edition, language: str) -> None:
    if doc.abstract:
        abstract = el(profile, "abstract")
        for paragraph in doc.abstract:
            append_inline(el(abstract, "p"), paragraph.content)
    date = doc.meeting_date or doc.doc_date
    if date or doc.place:
        creation = el(profile, "creation")
    if date:
        attrs = {"when": date.iso}
        creation_date = el(creation, "date", attrs, date.date_text or date.text)
        if date.time_from:
            creation_date.text += ", "
            span = {"from": date.time_from, **({"to": date.time_to} if date.time_to else {})}
            el(creation_date, "time", span, date.time_text)
    if doc.place:
        el(creation, "placeName", text=doc.place)
    lang = el(profile, "langUsage")
    used = [language] + sorted(({doc.language} | _languages_in(doc)) - {language, ""})
    for ident in used:
        el(lang, "language", {"ident": ident}, language_name(ident))
    if doc.classification:
        text_class = el(profile, "textClass")
        el(text_class, "classCode", {"scheme": "#security-classification"}, doc.classification)
    groups = [g for g in doc.participants if g.members]
    if groups or doc.extra_speakers:
        partic = el(profile, "particDesc")
        register = {p.id: p for p in edition.persons}
        done: set[str] = set()
        for number, group in enumerate(groups, start=1):
            listing = el(partic, "listPerson", {"type": "group", "n": str(number)})
            el(listing, "head", text=_group_label(group, register))
            for member in group.members:
                if member.id in done:
                    continue
                done.add(member.id)
                _person(listing, member.id, member.name, member.role, register.get(member.id))
        extra = [p for p in doc.extra_speakers if p.id not in done]
        if extra:
            listing = el(partic, "listPerson", {"type": "group", "n": str(len(groups) + 1)})
            el(listing, "head", text="Other speakers" if groups else "Speakers")
            for member in extra:
                done.add(member.id)
                _person(listing, member.id, member.name, member.role, register.get(member.id))


def _group_label(group, register: dict[str, Person]) -> str:
    """The group's own label, else the side its members share in the register."""
    if group.label:
        return group.label
    sides = {register[m.id].side for m in group.members if m.id in register}
    if len(sides) == 1 and "" not in sides:
        return sides.pop()
    return "Present"


def _person(parent, pid: str, printed: str, role: str, registered: Person | None) -> None:
    name = registered.name if registered else printed
    # indexes sort by this key, never by an honorific (register.name_sort_key)
    key = name_sort_key(name, *((registered.surname, registered.forename, registered.sort)
                                if registered else ()))
    person = el(parent, "person", {"xml:id": pid, "sortKey": key})
    pers_name = el(person, "persName")
    for part, text in name_parts(name, *((registered.surname, registered.forename)
                                         if registered else ("", ""))):
        if part:
            el(pers_name, part, text=text)
        elif len(pers_name):
            pers_name[-1].tail = text
        else:
            pers_name.text = text
    # The role the document itself gives comes first; the register's general role
    # stands in only where the document names none.
    role = role or (registered.role if registered else "")
    if role:
        el(el(person, "affiliation"), "roleName", text=role)
    if registered and registered.affiliation:
        el(el(person, "affiliation"), "orgName", text=registered.affiliation)
    for scheme, value in (registered.authority if registered else ()):
        el(person, "idno", {"type": scheme}, value)


def _mentioned_only(doc: Document, edition: Edition) -> list[Person]:
    """Registered persons the text names who are neither participants nor speakers."""
    listed = {m.id for g in doc.participants for m in g.members} | {p.id for p in doc.extra_speakers}
    refs: set[str] = set()

    def walk(content):
        for piece in content:
            if isinstance(piece, Node):
                if piece.tag == "persName" and piece.attrs.get("ref", "").startswith("#"):
                    refs.add(piece.attrs["ref"][1:])
                walk(piece.children)

    for content in doc.contents():
        walk(content)
    register = {p.id: p for p in edition.persons}
    return [register[i] if i in register else Person(id=i, name=i)
            for i in sorted(refs - listed)]


# -- text -----------------------------------------------------------------------

def _text(text, doc: Document) -> None:
    if doc.front:
        front = el(text, "front")
        for kind, value, _ in doc.front:
            if kind == "date":
                el(front, "docDate", {"when": value.iso}, value.text)
            elif kind == "title":
                el(el(front, "docTitle"), "titlePart", {"type": "main"}, value)
            elif kind == "classification":
                el(front, "ab", {"type": "classification"}, value)
            elif kind == "header":  # a line above the title, kept where it stood
                append_inline(el(front, "ab", {"type": "header"}), value)
    body = el(text, "body")
    turn_number = 0
    divisions = [d for d in doc.divisions if d.head or d.blocks] or doc.divisions[:1]
    for number, division in enumerate(divisions, start=1):
        div = el(body, "div", {"type": "record", "xml:id": f"div-{number}"})
        if division.head:
            append_inline(el(div, "head"), division.head)
        for block in division.blocks:
            if isinstance(block, Turn):
                turn_number += 1
                _turn(div, block, turn_number, {note.n for note in doc.footnotes})
            elif isinstance(block, ParticipantList):
                _participants(div, block)
            elif _only_page_breaks(block.content):
                # A page marker on a line of its own stands between paragraphs.
                append_inline(div, [p for p in block.content if isinstance(p, Node)])
            elif block.kind:
                append_inline(el(div, "ab", {"type": block.kind}), block.content)
            else:
                append_inline(el(div, "p", {"xml:lang": block.lang} if block.lang else {}),
                              block.content)
        if len(div) == (1 if division.head else 0):
            el(div, "p")
    if doc.closer:
        append_inline(el(el(body, "closer"), "signed"), doc.closer)
    if doc.footnotes:
        notes = el(el(text, "back"), "div", {"type": "notes"})
        for note in doc.footnotes:
            node = el(notes, "note", {"xml:id": f"fn-{note.n}", "n": note.n, "place": "foot",
                                      "rend": note.style})
            append_inline(node, note.content)


def _only_page_breaks(content: list[Inline]) -> bool:
    return bool(content) and all((isinstance(p, Node) and p.tag == "pb") or
                                 (isinstance(p, str) and not p.strip()) for p in content)


def _turn(div, turn: Turn, number: int, notes: set[str] = frozenset()) -> None:
    sp = el(div, "sp", {"who": f"#{turn.who}", "xml:id": f"turn-{number}"})
    speaker = el(sp, "speaker", text=turn.label)
    if turn.call:  # a footnote number glued to the label, linked when its note is there
        el(speaker, "ref", {"type": "footnote", "n": turn.call, "rend": "number",
                            **({"target": f"#fn-{turn.call}"} if turn.call in notes else {})},
           text=turn.call)
    if turn.stage:
        el(sp, "stage", text=turn.stage)
    for paragraph in turn.paragraphs:
        if _only_page_breaks(paragraph.content):
            append_inline(sp, [p for p in paragraph.content if isinstance(p, Node)])
        else:
            append_inline(el(sp, "p", {"xml:lang": paragraph.lang} if paragraph.lang else {}),
                          paragraph.content)
    if not turn.paragraphs and not turn.stage:
        el(sp, "p")


def _participants(div, plist: ParticipantList) -> None:
    if plist.content:
        append_inline(el(div, "ab", {"type": "participants"}), plist.content)
        return
    listing = el(div, "list", {"type": "participants"})
    target = listing
    for kind, content in plist.items:
        kind, _, bullet = kind.partition(":")
        if kind == "intro":
            append_inline(el(listing, "head"), content)
        elif kind == "group":
            target = el(el(listing, "item"), "list", {"type": "group"})
            append_inline(el(target, "head"), content)
        elif kind == "line":  # a header field inside the list: kept, not a person
            append_inline(el(target, "item"), content)
        else:
            append_inline(el(target, "item", {"n": bullet} if bullet else {}), content)
    # A list must hold items: a side heading with no one under it stays as an item.
    for group in list(listing.iter(f"{{{TEI_NS}}}list")):
        if group.find(f"{{{TEI_NS}}}item") is None:
            head = group.find(f"{{{TEI_NS}}}head")
            if group is listing:
                head.tag = f"{{{TEI_NS}}}item"
            else:
                parent = group.getparent()
                parent.text = head.text
                for child in head:
                    parent.append(child)
                parent.remove(group)
