"""The editor's knowledge, read from an edition's edition.toml (and register/*.toml).

edition.toml holds the collection's metadata (`[edition]`) and converter rule
overrides (`[rules]`). It, and any file in the edition's `register/` folder,
may hold the editor's register:

    [[persons]]      who is who: canonical name, spellings, dates, roles, biography,
                     authority identifiers (Wikidata, VIAF, GND)
    [[places]]       places, likewise; [[orgs]] organisations, likewise
    [[corrections]]  a slip in the source kept and corrected (choice/sic/corr)
    [[notes]]        explanatory notes anchored to quoted words of a document
    [[subjects]]     keywords for the collection's subjects index

Persons, places and organisations may also be kept as TEI (register/*.xml:
listPerson, listPlace, listOrg; see _read_tei_register). Every mistake is reported with the file and line of the entry at fault.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import EditionError
from .ids import INTERVIEW_LABELS, name_key, source_id
from .rules import HONORIFICS, TITLES, rules_from_table
from .xmlsafe import FORBIDDEN_IN_XML

# ASCII, as document ids are (ids.py): an id is an anchor in every page, the same on every system.
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
# Authority identifiers as the authorities write them; anything else is a typo.
AUTHORITY_FORMS = {
    "wikidata": re.compile(r"^Q[1-9]\d*$"),
    "viaf": re.compile(r"^[1-9]\d*$"),
    "gnd": re.compile(r"^[0-9][0-9X-]*$"),
    "geonames": re.compile(r"^[1-9]\d*$"),
}
METADATA_KEYS = {"title", "short_title", "editors", "publisher", "licence", "licence_url",
                 "base_url", "language", "profile", "published", "errata"}
# [edition] profile: which validation faults stop a document (validate.PROFILES)
VALIDATION_PROFILES = ("project", "tei")
PERSON_KEYS = {"id", "name", "aliases", "titles", "spellings", "role", "affiliation", "side",
               "wikidata", "viaf", "gnd", "birth", "death", "biography", "note", "roles",
               "surname", "forename", "sort"}
SCOPE_KEYS = {"name", "documents", "from", "to"}
ROLE_KEYS = {"role", "org", "from", "to"}
PLACE_KEYS = {"id", "name", "aliases", "spellings", "wikidata", "viaf", "gnd", "geonames", "note"}
CORRECTION_KEYS = {"document", "sic", "corr", "occurrence", "note"}
NOTE_KEYS = {"document", "at", "occurrence", "text"}
SUBJECT_KEYS = {"term", "id", "documents", "wikidata", "gnd"}
REGISTER_TABLES = ("persons", "places", "orgs", "corrections", "notes", "subjects")


@dataclass(frozen=True)
class Origin:
    """Where an entry was written: for errors found later (a broken anchor)."""

    path: str = "edition.toml"
    line: int | None = None


@dataclass(frozen=True)
class Role:
    """A role held, optionally in a registered organisation and between dates."""

    role: str
    org: str = ""  # the id of an [[orgs]] entry
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class ScopedName:
    """An alias or title that names the person only in some documents or dates:
    { name = "The President", from = "1961-01-20", to = "1963-11-22" }."""

    name: str
    documents: tuple[str, ...] = ()  # empty: every document
    start: str = ""
    end: str = ""
    origin: Origin = field(default=Origin(), compare=False)

    def applies(self, document: str, date: str) -> bool:
        """Does the name hold in this document (its id, its ISO date or "")?
        A document of unknown date is outside every dated scope."""
        if self.documents and document not in self.documents:
            return False
        if self.start or self.end:
            if not date:
                return False
            return _overlap((date, date), (self.start, self.end))
        return True

    def overlaps(self, other: "ScopedName") -> bool:
        """Could both scopes hold in one document?"""
        if self.documents and other.documents and not set(self.documents) & set(other.documents):
            return False
        return _overlap((self.start, self.end), (other.start, other.end))


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Do two date ranges of ISO dates (YYYY, YYYY-MM or YYYY-MM-DD; "" open) meet?
    A partial date covers its whole year or month."""
    def low(value: str) -> str:
        return value + "-01-01"[len(value) - 4:] if value else "0000-00-00"

    def high(value: str) -> str:
        return value + "-12-31"[len(value) - 4:] if value else "9999-99-99"

    return low(a[0]) <= high(b[1]) and low(b[0]) <= high(a[1])


@dataclass(frozen=True)
class Person:
    """One entry of the persons register."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    affiliation: str = ""
    side: str = ""
    authority: tuple[tuple[str, str], ...] = ()  # (scheme, identifier), e.g. ("wikidata", "Q1")
    spellings: tuple[str, ...] = ()  # other spellings and transliterations
    birth: str = ""
    death: str = ""
    biography: str = ""
    roles: tuple[Role, ...] = ()
    scoped: tuple[ScopedName, ...] = ()  # aliases and titles limited to documents or dates
    surname: str = ""   # as written in the name, for indexes ("Kohler")
    forename: str = ""  # likewise ("Foy D.")
    sort: str = ""      # the editor's own sort key, where surname and forename do not say it
    origin: Origin = field(default=Origin(), compare=False)

    def names(self) -> tuple[str, ...]:
        """Every form by which the person may be named anywhere, canonical name first
        (scoped names are added per document: see persons_in_scope)."""
        return _names(self)


# Words an index never sorts by: honorifics and offices before a name.
_NOT_SORTED_BY = {w.casefold() for w in (*HONORIFICS, *TITLES)}
_AFTER_SURNAME = {"jr.", "jr", "sr.", "ii", "iii", "iv"}
# Chinese, Japanese and Korean scripts: a name written in them puts the family name first.
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def name_sort_key(name: str, surname: str = "", forename: str = "", sort: str = "") -> str:
    """The key a persons index sorts a person by: the editor's sort key, else
    surname then forename, else the name without honorifics and titles, its
    last word first (a Western name: "Mr. Foy D. Kohler" → "kohler,foy,d.");
    a name in a CJK script as written. Case and accents do not count."""
    if sort.strip():
        key = sort
    elif surname.strip():
        key = f"{surname} {forename}"
    else:
        words = name.split()
        while len(words) > 1 and words[0].casefold() in _NOT_SORTED_BY:
            words = words[1:]
        last = len(words) - 1
        while last > 0 and words[last].casefold() in _AFTER_SURNAME:
            last -= 1
        if _CJK.search(name) or last <= 0:
            key = " ".join(words)
        else:
            key = " ".join([words[last], *words[:last], *words[last + 1:]])
    from .search import fold  # the search's folding: Gomułka sorts as Gomulka

    # one word, as TEI's @sortKey must be: a comma sorts before any letter or hyphen
    return fold(",".join(key.split())).casefold()


def name_parts(name: str, surname: str, forename: str) -> list[tuple[str, str]]:
    """The name in pieces (part, text), part being "forename", "surname" or ""
    (the rest, as written): where the name holds the forename and the surname as
    given; else the whole name as one piece, ("", name)."""
    pieces: list[tuple[str, str]] = []
    rest = name
    for part, words in sorted((("forename", forename), ("surname", surname)),
                              key=lambda p: name.find(p[1]) if p[1] else -1):
        if not words:
            continue
        at = rest.find(words)
        if at < 0:
            return [("", name)]
        if at:
            pieces.append(("", rest[:at]))
        pieces.append((part, words))
        rest = rest[at + len(words):]
    if rest:
        pieces.append(("", rest))
    return pieces


def persons_in_scope(persons: list[Person], document: str, date: str) -> list[Person]:
    """The register as one document sees it: each scoped name that holds in the
    document (its id, its ISO date) becomes an alias there."""
    seen = []
    for person in persons:
        names = tuple(s.name for s in person.scoped if s.applies(document, date))
        seen.append(replace(person, aliases=person.aliases + names) if names else person)
    return seen


def _names(entry) -> tuple[str, ...]:
    """An entry's name, aliases and spellings, each once, in that order."""
    return tuple(dict.fromkeys(n for n in (entry.name, *entry.aliases, *entry.spellings) if n))


@dataclass(frozen=True)
class Place:
    """A place (kind "place") or an organisation (kind "org") of the register."""

    id: str
    name: str
    kind: str = "place"
    aliases: tuple[str, ...] = ()  # forms the transcripts use, tagged as mentions
    spellings: tuple[str, ...] = ()
    authority: tuple[tuple[str, str], ...] = ()
    note: str = ""
    origin: Origin = field(default=Origin(), compare=False)

    def names(self) -> tuple[str, ...]:
        """Every form by which the place or organisation may be named, canonical first."""
        return _names(self)


@dataclass(frozen=True)
class Correction:
    """A slip kept as printed (sic) and corrected (corr); occurrence 0 means every one."""

    sic: str
    corr: str
    document: str = ""  # a document id; empty: every document
    occurrence: int = 0
    note: str = ""
    origin: Origin = field(default=Origin(), compare=False)


@dataclass(frozen=True)
class EditorialNote:
    """An explanatory note placed after the quoted words `at` of one document."""

    document: str
    at: str
    text: str
    occurrence: int = 0  # 0: the words must occur exactly once
    origin: Origin = field(default=Origin(), compare=False)


@dataclass(frozen=True)
class Subject:
    """A keyword of the collection's subjects index."""

    term: str
    id: str = ""
    documents: tuple[str, ...] = ()  # empty: every document
    authority: tuple[tuple[str, str], ...] = ()
    origin: Origin = field(default=Origin(), compare=False)


@dataclass
class Edition:
    """An edition folder: its metadata, converter rules and the editor's register."""

    root: Path
    metadata: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    orgs: list[Place] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    notes: list[EditorialNote] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)

    @property
    def transcripts(self) -> list[Path]:
        return sorted((self.root / "transcripts").glob("*.txt"))

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def has_apparatus(self) -> bool:
        return any((self.persons, self.places, self.orgs, self.corrections, self.notes,
                    self.subjects))


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def _read_toml(path: Path) -> tuple[dict, str]:
    """Parse one TOML file; syntax errors name the file, line and column."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        return tomllib.loads(text), text
    except UnicodeDecodeError as exc:
        raise EditionError(f"{path.name} is not UTF-8 text", str(path),
                           raw.count(b"\n", 0, exc.start) + 1) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (None, None)
        if line is None and "end of document" in str(exc):
            line = text.count("\n") + 1
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        raise EditionError(f"{path.name} is not valid TOML: {message}", str(path),
                           line, column) from None


def register_files(root: Path) -> list[Path]:
    """The extra register files of an edition: register/*.toml and *.xml, in name order."""
    folder = Path(root) / "register"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".toml", ".xml") and p.is_file())


def load_edition(root: Path) -> Edition:
    """Read root/edition.toml and root/register/*.toml (absent files give an empty edition)."""
    root = Path(root)
    path = root / "edition.toml"
    edition = Edition(root=root)
    if path.exists():
        data, text = _read_toml(path)
        edition = parse_edition(data, root, text, str(path))
    for extra in register_files(root):
        if extra.suffix == ".xml":
            _read_tei_register(edition, extra)
            continue
        data, text = _read_toml(extra)
        for key in ("edition", "rules"):
            if key in data:
                raise EditionError(f"[{key}] belongs in edition.toml, not in a register file",
                                   str(extra), _header_line(text, key))
        _Reader(edition, text, str(extra)).read(data)
    check_references(edition)
    return edition


def edition_profile(root: Path) -> str:
    """The validation profile an edition asks for: [edition] profile, else 'project'."""
    return str(load_edition(root).metadata.get("profile", "project"))


def parse_edition(data: dict, root: Path, text: str = "", source: str = "edition.toml") -> Edition:
    """Check and turn parsed TOML into an Edition."""
    metadata = data.get("edition", {})
    if not isinstance(metadata, dict):
        raise EditionError("[edition] must be a table", source, _line_of(text, "edition"))
    for key in metadata:
        if key not in METADATA_KEYS:
            raise EditionError(f"unknown key '{key}' in [edition]; expected one of "
                               f"{', '.join(sorted(METADATA_KEYS))}", source, _line_of(text, key))
    where = _Reader(Edition(root=root), text, source)
    for key, value in metadata.items():
        line = where._key_line(_header_line(text, "edition"), key)
        for item in (value if isinstance(value, list) else [value]):
            if isinstance(item, str) and FORBIDDEN_IN_XML.search(item):
                raise EditionError(f"'{key}' in [edition] holds a control character, which XML "
                                   "cannot carry; remove it", source, line)
        if key == "editors":
            if not isinstance(value, (str, list)) or (
                    isinstance(value, list) and not all(isinstance(v, str) for v in value)):
                raise EditionError("'editors' in [edition] must be a list of strings "
                                   '(editors = ["A. Name", "B. Name"])', source, line)
        elif not isinstance(value, str):
            raise EditionError(f"'{key}' in [edition] must be a string (in quotes)", source, line)
    if metadata.get("profile", "project") not in VALIDATION_PROFILES:
        raise EditionError(f"[edition] profile must be one of {', '.join(VALIDATION_PROFILES)}, "
                           f"not {metadata['profile']!r}", source, _line_of(text, "profile"))
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise EditionError("[rules] must be a table", source, _line_of(text, "rules"))
    rules_from_table(rules, source, text)  # a wrong rule is the edition's error, found here
    edition = Edition(root=root, metadata=dict(metadata), rules=dict(rules))
    _Reader(edition, text, source).read({k: v for k, v in data.items()
                                         if k not in ("edition", "rules")})
    return edition


def _header_line(text: str, table: str) -> int | None:
    match = re.search(rf"^[ \t]*\[\[?[ \t]*{re.escape(table)}[ \t]*\]\]?", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


class _Reader:
    """Reads the register tables of one file into an Edition, checking each entry."""

    def __init__(self, edition: Edition, text: str, source: str):
        self.edition = edition
        self.text = text
        self.lines = text.split("\n")  # split once: a register may have 10,000 entries
        self.source = source
        self.ids = {e.id for e in (*edition.persons, *edition.places, *edition.orgs)}

    # -- where things are ----------------------------------------------------

    def _entry_lines(self, table: str) -> list[int]:
        """The line of each [[table]] header, in order."""
        pattern = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", re.M)
        found, line, counted = [], 1, 0
        for m in pattern.finditer(self.text):  # lines counted once, not from the top each time
            line += self.text.count("\n", counted, m.start())
            counted = m.start()
            found.append(line)
        return found

    def _key_line(self, start: int | None, key: str) -> int | None:
        """The line of `key =` within the entry that starts on line `start`."""
        if start is None:
            return None
        for number in range(start, len(self.lines)):
            line = self.lines[number]
            if re.match(r"^\s*\[", line):
                break
            if re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
                return number + 1
        return start

    def fail(self, message: str, line: int | None) -> None:
        raise EditionError(message, self.source, line)

    # -- reading ----------------------------------------------------------------

    def read(self, data: dict) -> None:
        for key in data:
            if key not in REGISTER_TABLES:
                self.fail(f"unknown table '{key}'; expected "
                          + ", ".join(["edition", "rules", *REGISTER_TABLES]),
                          _header_line(self.text, key) or _line_of(self.text, key))
        for table in REGISTER_TABLES:
            entries = data.get(table, [])
            if not isinstance(entries, list):
                self.fail(f"'{table}' must be written as [[{table}]] entries",
                          _header_line(self.text, table))
            lines = self._entry_lines(table)
            for number, entry in enumerate(entries, start=1):
                line = lines[number - 1] if len(lines) >= number else _header_line(self.text, table)
                if not isinstance(entry, dict):
                    self.fail(f"{table} entry {number} must be a table", line)
                getattr(self, f"_{table}")(entry, number, line)

    def _check_keys(self, entry: dict, allowed: set[str], what: str, line: int | None) -> None:
        unknown = sorted(set(entry) - allowed)
        if unknown:
            self.fail(f"{what}: unknown key '{unknown[0]}'; expected one of "
                      f"{', '.join(sorted(allowed))}", self._key_line(line, unknown[0]))

    def _printable(self, value: str, key: str, what: str, line: int | None) -> None:
        if FORBIDDEN_IN_XML.search(value):
            self.fail(f"{what}: '{key}' holds a control character, which XML cannot carry; "
                      "remove it", self._key_line(line, key))

    def _string(self, entry: dict, key: str, what: str, line: int | None,
                required: bool = False) -> str:
        value = entry.get(key, "")
        if not isinstance(value, str):
            self.fail(f"{what}: '{key}' must be a string", self._key_line(line, key))
        self._printable(value, key, what, line)
        if required and not value.strip():
            self.fail(f"{what} needs a '{key}'", line)
        return value.strip()

    def _strings(self, entry: dict, key: str, what: str, line: int | None) -> tuple[str, ...]:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{what}: '{key}' must be a list of strings", self._key_line(line, key))
        for item in value:
            self._printable(item, key, what, line)
        return tuple(v.strip() for v in value if v.strip())

    def _date(self, entry: dict, key: str, what: str, line: int | None) -> str:
        value = entry.get(key, "")
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"
        if not isinstance(value, str) or (value and not _DATE.match(value.strip())):
            self.fail(f"{what}: '{key}' must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
                      self._key_line(line, key))
        return value.strip()

    def _occurrence(self, entry: dict, what: str, line: int | None) -> int:
        value = entry.get("occurrence", 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0 \
                or ("occurrence" in entry and value == 0):
            self.fail(f"{what}: 'occurrence' must be a whole number from 1 "
                      "(1 is the first time the words occur)", self._key_line(line, "occurrence"))
        return value

    def _authority(self, entry: dict, schemes: tuple[str, ...], what: str,
                   line: int | None) -> tuple[tuple[str, str], ...]:
        found = []
        for scheme in schemes:
            if scheme not in entry:
                continue
            value = str(entry[scheme]).strip()
            if not AUTHORITY_FORMS[scheme].match(value):
                self.fail(f"{what}: '{value}' is not a {scheme} identifier",
                          self._key_line(line, scheme))
            found.append((scheme, value))
        return tuple(found)

    def _new_id(self, entry: dict, table: str, number: int, line: int | None) -> str:
        """A checked id, unique among persons, places and orgs of the whole register."""
        pid = entry.get("id")
        if not isinstance(pid, str) or not _ID.fullmatch(pid):
            self.fail(f"{table} entry {number} needs an 'id' made of ASCII letters, digits, "
                      "'-', '_' or '.' and not starting with a digit", self._key_line(line, "id"))
        if pid not in self.ids:
            self.ids.add(pid)
            return pid
        for other in (*self.edition.persons, *self.edition.places, *self.edition.orgs):
            if other.id == pid:
                first = other.origin
                where = f"{Path(first.path).name}" + (f":{first.line}" if first.line else "")
                kind = "person" if isinstance(other, Person) else other.kind
                self.fail(f"duplicate id '{pid}': already used by the {kind} at {where}",
                          self._key_line(line, "id"))
        return pid

    def _persons(self, entry: dict, number: int, line: int | None) -> None:
        pid = self._new_id(entry, "persons", number, line)
        what = f"person '{pid}'"
        self._check_keys(entry, PERSON_KEYS, what, line)
        name = self._string(entry, "name", what, line, required=True)
        biography = self._string(entry, "biography", what, line)
        if "note" in entry:
            if biography:
                self.fail(f"{what}: give either 'biography' or 'note', not both",
                          self._key_line(line, "note"))
            biography = self._string(entry, "note", what, line)
        roles = []
        raw_roles = entry.get("roles", [])
        if not isinstance(raw_roles, list):
            self.fail(f"{what}: 'roles' must be written as [[persons.roles]] entries",
                      self._key_line(line, "roles"))
        for item in raw_roles:
            if not isinstance(item, dict):
                self.fail(f"{what}: each of 'roles' must be a table", self._key_line(line, "roles"))
            self._check_keys(item, ROLE_KEYS, f"{what}, a role", line)
            role = self._string(item, "role", f"{what}, a role", line)
            org = self._string(item, "org", f"{what}, a role", line)
            if not role and not org:
                self.fail(f"{what}: a role needs a 'role' or an 'org'", line)
            roles.append(Role(role=role, org=org,
                              start=self._date(item, "from", f"{what}, a role", line),
                              end=self._date(item, "to", f"{what}, a role", line)))
        aliases, scoped = self._names_with_scopes(entry, what, line)
        self.edition.persons.append(Person(
            id=pid, name=name, aliases=aliases, scoped=scoped,
            role=self._string(entry, "role", what, line),
            affiliation=self._string(entry, "affiliation", what, line),
            side=self._string(entry, "side", what, line),
            authority=self._authority(entry, ("wikidata", "viaf", "gnd"), what, line),
            spellings=self._strings(entry, "spellings", what, line),
            birth=self._date(entry, "birth", what, line),
            death=self._date(entry, "death", what, line),
            biography=biography, roles=tuple(roles),
            surname=self._string(entry, "surname", what, line),
            forename=self._string(entry, "forename", what, line),
            sort=self._string(entry, "sort", what, line), origin=Origin(self.source, line)))

    def _names_with_scopes(self, entry: dict, what: str, line: int | None):
        """A person's 'aliases' and 'titles': plain strings hold everywhere; a table
        { name, documents, from, to } holds in those documents or dates only."""
        plain: list[str] = []
        scoped: list[ScopedName] = []
        for key in ("aliases", "titles"):
            value = entry.get(key, [])
            if isinstance(value, list) and all(isinstance(item, str) for item in value):  # quickly
                plain += [item.strip() for item in value if item.strip()]
                continue
            where = self._key_line(line, key)
            if not isinstance(value, list):
                self.fail(f"{what}: '{key}' must be a list of names or "
                          "{ name = …, documents = […], from = …, to = … } tables", where)
            for item in value:
                if isinstance(item, str):
                    if item.strip():
                        plain.append(item.strip())
                    continue
                if not isinstance(item, dict):
                    self.fail(f"{what}: each of '{key}' must be a name or a table "
                              "{ name = …, documents = […], from = …, to = … }", where)
                self._check_keys(item, SCOPE_KEYS, f"{what}, one of '{key}'", line)
                name = self._string(item, "name", f"{what}, one of '{key}'", line, required=True)
                documents = self._strings(item, "documents", f"{what}, '{name}'", line)
                start = self._date(item, "from", f"{what}, '{name}'", line)
                end = self._date(item, "to", f"{what}, '{name}'", line)
                if not (documents or start or end):
                    self.fail(f"{what}: '{name}' has no 'documents', 'from' or 'to'; "
                              "write it as a plain name if it holds everywhere", where)
                if start and end and start > end:
                    self.fail(f"{what}: '{name}' ends ({end}) before it begins ({start})", where)
                scoped.append(ScopedName(name, documents, start, end,
                                         Origin(self.source, _line_in_entry(self.lines, line, name))))
        return tuple(plain), tuple(scoped)

    def _place(self, entry: dict, number: int, line: int | None, kind: str) -> Place:
        table = "places" if kind == "place" else "orgs"
        pid = self._new_id(entry, table, number, line)
        what = f"{'place' if kind == 'place' else 'organisation'} '{pid}'"
        self._check_keys(entry, PLACE_KEYS, what, line)
        return Place(id=pid, kind=kind, name=self._string(entry, "name", what, line, required=True),
                     aliases=self._strings(entry, "aliases", what, line),
                     spellings=self._strings(entry, "spellings", what, line),
                     authority=self._authority(entry, ("wikidata", "viaf", "gnd", "geonames"),
                                               what, line),
                     note=self._string(entry, "note", what, line),
                     origin=Origin(self.source, line))

    def _places(self, entry: dict, number: int, line: int | None) -> None:
        self.edition.places.append(self._place(entry, number, line, "place"))

    def _orgs(self, entry: dict, number: int, line: int | None) -> None:
        self.edition.orgs.append(self._place(entry, number, line, "org"))

    def _corrections(self, entry: dict, number: int, line: int | None) -> None:
        what = f"correction {number}"
        self._check_keys(entry, CORRECTION_KEYS, what, line)
        sic = self._string(entry, "sic", what, line, required=True)
        corr = self._string(entry, "corr", what, line, required=True)
        if sic == corr:
            self.fail(f"{what}: 'corr' is the same as 'sic'", self._key_line(line, "corr"))
        self.edition.corrections.append(Correction(
            sic=sic, corr=corr, document=self._string(entry, "document", what, line),
            occurrence=self._occurrence(entry, what, line),
            note=self._string(entry, "note", what, line), origin=Origin(self.source, line)))

    def _notes(self, entry: dict, number: int, line: int | None) -> None:
        what = f"note {number}"
        self._check_keys(entry, NOTE_KEYS, what, line)
        self.edition.notes.append(EditorialNote(
            document=self._string(entry, "document", what, line, required=True),
            at=self._string(entry, "at", what, line, required=True),
            text=self._string(entry, "text", what, line, required=True),
            occurrence=self._occurrence(entry, what, line), origin=Origin(self.source, line)))

    def _subjects(self, entry: dict, number: int, line: int | None) -> None:
        what = f"subject {number}"
        self._check_keys(entry, SUBJECT_KEYS, what, line)
        term = self._string(entry, "term", what, line, required=True)
        sid = self._string(entry, "id", what, line)
        if sid and not _ID.fullmatch(sid):
            self.fail(f"{what}: 'id' must be made of ASCII letters, digits, '-', '_' "
                      "or '.'",
                      self._key_line(line, "id"))
        if any(s.term == term for s in self.edition.subjects):
            self.fail(f"duplicate subject '{term}'", self._key_line(line, "term"))
        self.edition.subjects.append(Subject(
            term=term, id=sid, documents=self._strings(entry, "documents", what, line),
            authority=self._authority(entry, ("wikidata", "gnd"), what, line),
            origin=Origin(self.source, line)))


def _line_in_entry(lines: list[str], start: int | None, name: str) -> int | None:
    """The line at or below an entry's header that holds a quoted name."""
    if start is None:
        return None
    for number in range(start - 1, len(lines)):
        if f'"{name}"' in lines[number] or f"'{name}'" in lines[number]:
            return number + 1
    return start


def _where(origin: Origin) -> str:
    return Path(origin.path).name + (f":{origin.line}" if origin.line else "")


def check_scoped_names(persons: list[Person], interview_labels=()) -> None:
    """One name on two persons whose scopes can meet could not be told apart: an
    error naming both lines. An interview label ("Q", "INT") names a person only
    per document, so it must be limited to documents."""
    labels = {name_key(label) for label in interview_labels}
    forms: dict[str, list[tuple[Person, ScopedName]]] = {}
    for person in persons:
        entries = [(n, ScopedName(n, origin=person.origin)) for n in person.names()]
        entries += [(s.name, s) for s in person.scoped]
        for name, scope in entries:
            key = name_key(name)
            if key in labels and not scope.documents:
                _fail_at(scope.origin, f"person '{person.id}': the interview label '{name}' "
                                       "names a person only in some documents; give it "
                                       "documents = [...]")
            forms.setdefault(key, []).append((person, scope))
    for key, holders in forms.items():
        for index, (person, scope) in enumerate(holders):
            for other, other_scope in holders[:index]:
                if other.id == person.id or not (person.scoped or other.scoped):
                    continue  # names shared by unscoped entries are the register's old way
                if scope.overlaps(other_scope):
                    _fail_at(scope.origin, f"person '{person.id}': the name '{scope.name}' is "
                                           f"also given to '{other.id}' at "
                                           f"{_where(other_scope.origin)} and their scopes "
                                           "overlap; limit one of them with documents, from or to")


def _fail_at(origin: Origin, message: str) -> None:
    raise EditionError(message, origin.path, origin.line)


def check_references(edition: Edition) -> None:
    """Every id an entry names must exist: organisations of roles, documents of notes."""
    check_scoped_names(edition.persons, INTERVIEW_LABELS)
    orgs = {o.id for o in edition.orgs}
    for person in edition.persons:
        for role in person.roles:
            if role.org and role.org not in orgs:
                _fail_at(person.origin, f"person '{person.id}': unknown organisation id "
                                        f"'{role.org}' in 'roles' (add it as an [[orgs]] entry)")
    # A name that two entries share could not be tagged with certainty.
    named: dict[str, Place] = {}
    for entry in (*edition.places, *edition.orgs):
        for name in entry.names():
            other = named.setdefault(name, entry)
            if other is not entry:
                _fail_at(entry.origin, f"{entry.kind} '{entry.id}': the name '{name}' is also "
                                       f"given for '{other.id}'; a mention could not be told apart")
    # Document ids can be checked only where the transcripts are at hand.
    known = {source_id(path) for path in edition.transcripts}
    if not known:
        return
    documents = [(c.document, c.origin, "correction") for c in edition.corrections if c.document]
    documents += [(n.document, n.origin, "note") for n in edition.notes]
    documents += [(d, s.origin, "subject") for s in edition.subjects for d in s.documents]
    documents += [(d, n.origin, "scoped name") for p in edition.persons for n in p.scoped
                  for d in n.documents]
    for doc_id, origin, what in documents:
        if doc_id not in known:
            _fail_at(origin, f"{what}: unknown document id '{doc_id}'; the transcripts give "
                             + ", ".join(sorted(known)))


# -- the register as TEI ---------------------------------------------------------------

_TEI = "{http://www.tei-c.org/ns/1.0}"


def _read_tei_register(edition: Edition, path: Path) -> None:
    """Persons, places and organisations from a TEI file, for editors who keep them so.

    <person xml:id>: persName (the first untyped one is the canonical name;
    type="alias" the forms transcripts print; type="variant" other spellings),
    birth/@when, death/@when, affiliation[@from or @to] (roles: roleName, and
    orgName/@ref="#org-id"), affiliation without dates (roleName: role; orgName:
    affiliation; @type="side": the participants' group), idno[@type], note
    (biography). <place>/<org> likewise with placeName/orgName, idno and note.
    """
    from .xmlsafe import parse_xml_bytes  # lxml is only needed by editors who use TEI

    data = path.read_bytes()
    root = parse_xml_bytes(data, str(path)).getroot()
    reader = _Reader(edition, data.decode("utf-8", "replace"), str(path))
    counts = {"person": 0, "place": 0, "org": 0}
    for element in root.iter(f"{_TEI}person", f"{_TEI}place", f"{_TEI}org"):
        kind = element.tag[len(_TEI):]
        counts[kind] += 1
        entry = _tei_entry(element, kind)
        line = element.sourceline
        if kind == "person":
            reader._persons(entry, counts[kind], line)
        elif kind == "place":
            reader._places(entry, counts[kind], line)
        else:
            reader._orgs(entry, counts[kind], line)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _scoped_name(name) -> str | dict:
    """A name, or a scoped one: <persName type="alias" from="1961-01-20" to="1963-11-22"
    corresp="doc-a doc-b"> (the dates of att.datable; corresp: the document ids)."""
    scope = {k: name.get(k) for k in ("from", "to") if name.get(k)}
    if name.get("corresp"):
        scope["documents"] = [d.lstrip("#") for d in name.get("corresp").split()]
    return {"name": _text(name), **scope} if scope else _text(name)


def _tei_entry(element, kind: str) -> dict:
    """One TEI entry as the dictionary a TOML entry would give."""
    name_tag = {"person": "persName", "place": "placeName", "org": "orgName"}[kind]
    entry: dict = {}
    if element.get("{http://www.w3.org/XML/1998/namespace}id") is not None:
        entry["id"] = element.get("{http://www.w3.org/XML/1998/namespace}id")
    names = element.findall(f"{_TEI}{name_tag}")
    canonical = [n for n in names if not n.get("type")]
    if canonical:
        entry["name"] = _text(canonical[0])
        for part in ("surname", "forename"):
            found = canonical[0].findall(f"{_TEI}{part}")
            if found:
                entry[part] = " ".join(_text(f) for f in found)
    if kind == "person" and element.get("sortKey"):
        entry["sort"] = element.get("sortKey")
    for key, kind_of_name in (("aliases", "alias"), ("spellings", "variant")):
        values = [_scoped_name(n) if key == "aliases" else _text(n)
                  for n in names if n.get("type") == kind_of_name]
        if values:
            entry[key] = values
    for idno in element.findall(f"{_TEI}idno"):
        entry[idno.get("type", "idno")] = _text(idno)
    notes = [_text(n) for n in element.findall(f"{_TEI}note")]
    if notes:
        entry["biography" if kind == "person" else "note"] = " ".join(notes)
    if kind != "person":
        return entry
    for event in ("birth", "death"):
        node = element.find(f"{_TEI}{event}")
        if node is not None:
            entry[event] = node.get("when", _text(node))
    roles = []
    for affiliation in element.findall(f"{_TEI}affiliation"):
        role = affiliation.find(f"{_TEI}roleName")
        org = affiliation.find(f"{_TEI}orgName")
        if affiliation.get("type") == "side":
            entry["side"] = _text(affiliation)
        elif affiliation.get("from") or affiliation.get("to") or (
                org is not None and org.get("ref", "").startswith("#")):
            item = {k: v for k, v in (("from", affiliation.get("from")),
                                      ("to", affiliation.get("to"))) if v}
            if role is not None:
                item["role"] = _text(role)
            if org is not None:
                item["org"] = org.get("ref", "").lstrip("#")
            roles.append(item)
        else:
            if role is not None:
                entry["role"] = _text(role)
            if org is not None:
                entry["affiliation"] = _text(org)
    if roles:
        entry["roles"] = roles
    return entry
