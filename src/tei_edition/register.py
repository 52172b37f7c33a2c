"""The editor's knowledge, read from an edition's edition.toml.

edition.toml holds the collection's metadata (`[edition]`), converter rule
overrides (`[rules]`), and the persons register (`[[persons]]`). Every
mistake is reported with the file and, where TOML tells it, the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EditionError

_ID = re.compile(r"^[A-Za-z_][\w.-]*$")
METADATA_KEYS = {"title", "short_title", "editors", "publisher", "licence", "licence_url",
                 "base_url", "language"}
PERSON_KEYS = {"id", "name", "aliases", "role", "affiliation", "side", "wikidata", "viaf",
               "gnd", "birth", "death", "note"}


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

    def names(self) -> tuple[str, ...]:
        """Every form by which the person may be named, canonical name first."""
        seen: list[str] = []
        for name in (self.name, *self.aliases):
            if name and name not in seen:
                seen.append(name)
        return tuple(seen)


@dataclass
class Edition:
    """An edition folder: its metadata, converter rules and persons register."""

    root: Path
    metadata: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)

    @property
    def transcripts(self) -> list[Path]:
        return sorted((self.root / "transcripts").glob("*.txt"))

    @property
    def build_dir(self) -> Path:
        return self.root / "build"


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def load_edition(root: Path) -> Edition:
    """Read root/edition.toml (an absent file gives an empty edition)."""
    path = Path(root) / "edition.toml"
    if not path.exists():
        return Edition(root=Path(root))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise EditionError("edition.toml is not UTF-8 text", str(path),
                           raw.count(b"\n", 0, exc.start) + 1) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (None, None)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise EditionError(f"edition.toml is not valid TOML: {message}", str(path),
                           line, column) from None
    return parse_edition(data, Path(root), text, str(path))


def parse_edition(data: dict, root: Path, text: str = "", source: str = "edition.toml") -> Edition:
    """Check and turn parsed TOML into an Edition."""
    metadata = data.get("edition", {})
    if not isinstance(metadata, dict):
        raise EditionError("[edition] must be a table", source, _line_of(text, "edition"))
    for key in metadata:
        if key not in METADATA_KEYS:
            raise EditionError(f"unknown key '{key}' in [edition]; expected one of "
                               f"{', '.join(sorted(METADATA_KEYS))}", source, _line_of(text, key))
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise EditionError("[rules] must be a table", source, _line_of(text, "rules"))
    persons: list[Person] = []
    seen: set[str] = set()
    for number, entry in enumerate(data.get("persons", []), start=1):
        if not isinstance(entry, dict):
            raise EditionError(f"persons entry {number} must be a table", source)
        pid = entry.get("id")
        where = _line_of(text, f'"{pid}"') if pid else None
        if not isinstance(pid, str) or not _ID.match(pid):
            raise EditionError(f"persons entry {number} needs an 'id' made of letters, digits, "
                               "'-', '_' or '.' and not starting with a digit", source, where)
        if pid in seen:
            first = text.find(f'"{pid}"')
            second = text.find(f'"{pid}"', first + 1)
            line = text.count("\n", 0, second) + 1 if second >= 0 else None
            raise EditionError(f"duplicate person id '{pid}'", source, line)
        seen.add(pid)
        unknown = set(entry) - PERSON_KEYS
        if unknown:
            raise EditionError(f"person '{pid}': unknown key '{sorted(unknown)[0]}'; expected one "
                               f"of {', '.join(sorted(PERSON_KEYS))}", source, where)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise EditionError(f"person '{pid}' needs a 'name'", source, where)
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise EditionError(f"person '{pid}': 'aliases' must be a list of strings", source, where)
        authority = tuple((scheme, str(entry[scheme])) for scheme in ("wikidata", "viaf", "gnd")
                          if entry.get(scheme))
        persons.append(Person(
            id=pid, name=name.strip(), aliases=tuple(a.strip() for a in aliases if a.strip()),
            role=str(entry.get("role", "")), affiliation=str(entry.get("affiliation", "")),
            side=str(entry.get("side", "")), authority=authority))
    return Edition(root=root, metadata=dict(metadata), rules=dict(rules), persons=persons)
