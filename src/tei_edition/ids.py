"""Every id rule in one place: how a file name or an xml:id becomes a document id,
how a name becomes a person's id, and how names are compared.

A document id names the document's TEI (`tei/<id>.xml`), its page (`<id>.html`), its
PDF (`pdf/<id>.pdf`) and every link to them, and it is the TEI root's xml:id. It is
plain ASCII, so that it is the same file name and the same link on every system:

- ASCII letters, digits, `.`, `_` and `-` are kept; any other run of characters
  becomes one `-` (`a b.txt` -> `a-b`);
- a name with other characters is transliterated (anyascii) and gets a short hash of
  the name as written, because a transliteration can lose what told two names apart
  (`протокол` -> `protokol-<hash>`, `gespräch-1957` -> `gesprach-1957-<hash>`);
- an id must start with a letter (`1956-memo` -> `doc-1956-memo`);
- a name that is one of the site's own pages gets `-doc` (`index` -> `index-doc`),
  so that no document and no collection page ever overwrite one another.

Two sources whose names still meet in one id (`a b.txt` and `a-b.txt`) are an
error wherever they would meet (convert, build, render): `clashes()` finds them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from anyascii import anyascii

# The collection pages the site writes beside the documents' pages (build/<name>.html).
SITE_PAGES = ("index", "persons", "places", "subjects")
# Names no document may take: the site pages, the collection's PDF (pdf/volume.pdf)
# and the site's search page.
RESERVED_NAMES = (*SITE_PAGES, "volume", "search")
# Interview labels and the role they stand for: never one person's name on their own
# (the converter reads them; the register must limit them to documents).
INTERVIEW_LABELS = {
    "Q": "interviewer", "INT": "interviewer", "IV": "interviewer", "Interviewer": "interviewer",
    "Question": "interviewer", "A": "respondent", "RESP": "respondent", "R": "respondent",
    "IE": "respondent", "Interviewee": "respondent", "Respondent": "respondent",
    "Answer": "respondent", "QUESTION": "interviewer", "ANSWER": "respondent",
    "Pregunta": "interviewer", "Respuesta": "respondent", "Frage": "interviewer",
    "Antwort": "respondent", "Вопрос": "interviewer", "Ответ": "respondent",
    "Domanda": "interviewer", "Risposta": "respondent", "Pergunta": "interviewer",
    "Resposta": "respondent", "Réponse": "respondent", "Vraag": "interviewer",
    "Antwoord": "respondent", "Pytanie": "interviewer", "Odpowiedź": "respondent",
    "질문": "interviewer", "답변": "respondent", "問": "interviewer", "问": "interviewer", "答": "respondent",
}

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NOT_ID = re.compile(r"[^A-Za-z0-9._-]+")
# Long enough to read, short enough that an id with its hash stays a usable file name.
_MAX_READABLE = 100
_HASH_LENGTH = 6


def document_id(name: str) -> str:
    """The document id of a file stem or xml:id (see the module's rules).

    An id is its own id: document_id(document_id(x)) == document_id(x)."""
    name = unicodedata.normalize("NFC", name.strip())
    readable = name if name.isascii() else anyascii(name)
    stem = _NOT_ID.sub("-", readable).strip("-") or "document"
    if not stem[0].isalpha():
        stem = f"doc-{stem}"
    # A plain id as long as a shortened one (readable part, '-', hash) is kept whole.
    if not name.isascii() or len(stem) > _MAX_READABLE + 1 + _HASH_LENGTH:
        # surrogateescape: a file name that is not UTF-8 still has its own bytes
        digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()
        stem = f"{stem[:_MAX_READABLE].rstrip('-')}-{digest[:_HASH_LENGTH]}"
    if stem.casefold() in RESERVED_NAMES:
        stem = f"{stem}-doc"
    return stem


def source_id(path: Path) -> str:
    """The document id of a transcript or TEI file, from its file name."""
    return document_id(Path(path).stem)


def tei_id(root, path: Path) -> str:
    """The document id of a TEI file: from its root's xml:id, else its file name."""
    xml_id = (root.get(XML_ID) or "").strip()
    return document_id(xml_id) if xml_id else source_id(path)


def clashes(named: list[tuple[str, Path]]) -> list[tuple[Path, Path, str]]:
    """(first, second, name) for each file whose name (its id, or the file it becomes)
    an earlier file already has; a file named twice is no clash.

    Names that differ only in case clash too: they are one file on the file systems
    of macOS and Windows, where an edition kept in git is also checked out."""
    seen: dict[str, Path] = {}
    found = []
    for name, path in named:
        first = seen.setdefault(name.casefold(), path)
        if first != path:
            found.append((first, path, name))
    return found


def described(first_id: str, second_id: str) -> str:
    """The ids of two clashing files, in words."""
    if first_id == second_id:
        return f"the id '{first_id}'"
    return (f"the ids '{first_id}' and '{second_id}', which differ only in case "
            "(one file on macOS and Windows)")


def plain_letters(name: str) -> str:
    """The name without square brackets or accents ('Ri [Ju-yeon]', 'Práth' -> 'Ri Ju-yeon', 'Prath')."""
    name = name.replace("[", "").replace("]", "")
    if name.isascii():  # nothing to decompose: the common case, and a register may hold 10,000 names
        return name
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c))


def slugify(name: str) -> str:
    """A person's (or entry's) id from a name: 'Choe Yong-geon' -> 'choe-yong-geon',
    'Хрущёв' -> 'khrushchev'. Two persons whose names meet in one slug are told
    apart by the caller (ingest/people.py numbers them)."""
    text = re.sub(r"[^a-z0-9]+", "-", anyascii(plain_letters(name)).casefold()).strip("-")
    if not text:
        return "person"
    if not text[0].isalpha():
        text = "p-" + text
    return text


def name_key(name: str) -> str:
    """How names are compared: no brackets, no accents, one space, case folded."""
    text = plain_letters(name).replace("’", "'").replace("‐", "-")
    return re.sub(r"\s+", " ", text).strip(" .,;:").casefold()
