"""`tei-edition validate`: is it well-formed, is it TEI P5, does it follow the profile?

Three layers, each answering one question, each fault with its file, line and
column:

* ``well-formed`` — checked in Python with lxml, entities never expanded and
  nothing fetched. A DOCTYPE is never read: it is reported at its line (a
  warning when it only names a DTD, a fault when it declares entities) and the
  layers below check the file as if it were blank.
* ``tei`` — TEI P5 conformance: jing against the official tei_all RELAX NG,
  one JVM for the whole batch. Only well-formed files reach it, so one broken
  file cannot hide the others. Without Java it is skipped, and said so.
* ``profile`` — the project's XSD 1.1 profile (schema/tei-edition.xsd, checked
  with xmlschema) plus the cross-reference check: every local ``#id`` pointer
  names an element of this file, and every xml:id is unique.

Two profiles say which faults stop a file from being published: ``project``
(the default) fails a file on any fault; ``tei`` publishes any well-formed
file that is valid TEI P5, and reports the project profile's faults as
warnings. `Validator` compiles the profile once and validates any number of
files.
"""

from __future__ import annotations

import locale
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from copy import deepcopy
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click

from .errors import EditionError, ToolBug, shown
from .files import read_input, write_atomic
# --profile project: every layer must pass; --profile tei: well-formed and TEI P5 suffice.
from .register import VALIDATION_PROFILES as PROFILES
from .resources import schema_path, tei_all_rng
from .xmlsafe import not_tei_root

LAYERS = ("well-formed", "tei", "profile")
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PROFILE_XSD = "tei-edition.xsd"

# No real transcript comes near this; a bigger file is refused before it is read.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# An entity whose replacement text would grow beyond this is a expansion bomb.
ENTITY_EXPANSION_LIMIT = 100_000
# Attributes whose "#id" tokens must point into the same file.
POINTER_ATTRIBUTES = ("who", "ref", "corresp", "target")
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
# One JVM per this many files keeps command lines within every OS limit.
JING_BATCH = 2000
# Files per task when the profile is checked on a worker pool.
PROFILE_CHUNK = 8


@dataclass(frozen=True, order=True)
class Fault:
    """One fault: where it is, which layer and rule found it, and what it means."""

    file: str
    line: int
    column: int
    layer: str
    rule: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    """The outcome of validating a batch of files."""

    files: list[str]
    faults: list[Fault]
    # layer -> why it was not run (e.g. Java missing); empty when all ran.
    skipped_layers: dict[str, str] = field(default_factory=dict)
    # file -> layers not run for it because an earlier layer failed.
    not_reached: dict[str, list[str]] = field(default_factory=dict)
    # what is reported but publishes: an ignored DOCTYPE, profile faults under --profile tei
    warnings: list[Fault] = field(default_factory=list)
    profile: str = "project"

    @property
    def ok(self) -> bool:
        return not self.faults

    def failed_files(self) -> list[str]:
        return sorted({fault.file for fault in self.faults}, key=self.files.index)

    def file_status(self, path: str) -> str:
        """What passed for one file, in words: 'valid TEI P5; 3 profile faults'."""
        errors = [f for f in self.faults if f.file == path]
        warnings = [f for f in self.warnings if f.file == path]
        if path in self.not_reached:
            too_large = any(f.rule == "file-too-large" for f in errors)
            return "not read (too large)" if too_large else "not well-formed"
        tei = sum(1 for f in errors if f.layer == "tei")
        profile = sum(1 for f in errors + warnings if f.layer == "profile")
        if "tei" in self.skipped_layers:
            parts = ["well-formed; TEI P5 not checked"]
        elif tei:
            parts = [f"well-formed; not valid TEI P5 ({_faults(tei)})"]
        else:
            parts = ["valid TEI P5"]
        parts.append(_faults(profile, "profile ") if profile else "project profile passed")
        if any(f.layer == "well-formed" for f in errors):
            parts.append("DOCTYPE refused")
        elif warnings and any(f.layer == "well-formed" for f in warnings):
            parts.append("DOCTYPE ignored")
        return "; ".join(parts)


def _faults(count: int, kind: str = "") -> str:
    return f"{count} {kind}fault" + ("" if count == 1 else "s")


def _shown(value: str, limit: int = 60) -> str:
    """A value from the document, quoted and made harmless for any one-line report."""
    value = re.sub(r"[\x00-\x1f\x7f]", " ", str(value))
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return f"'{value}'"


def _attribute_name(name: str) -> str:
    """@xml:id rather than @{http://www.w3.org/XML/1998/namespace}id."""
    return "xml:" + _local(name) if name.startswith("{http://www.w3.org/XML/1998/namespace}") else _local(name)


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1] if "}" in text else text


# ---------------------------------------------------------------- well-formed

_DOCTYPE = re.compile(rb"<!DOCTYPE\s")
_QUOTED = r"(\"[^\"]*\"|'[^']*')"
_ENTITY = re.compile(
    r"<!ENTITY\s+(%\s+)?([^\s\"'>]+)\s+(?:(SYSTEM)\s+" + _QUOTED + r"|(PUBLIC)\s+" + _QUOTED
    + r"\s*" + _QUOTED + r"?|" + _QUOTED + r")")
_ENTITY_REF = re.compile(r"[&%]([^\s;&%]+);")


def _decode_for_scan(data: bytes) -> str:
    """Text in which line numbers and ASCII markup are exact, whatever the encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    # latin-1 maps byte to character one to one: lines and markup stay put.
    return data.decode("latin-1")


def _doctype_span(text: str, start: int) -> tuple[int, int | None, int | None]:
    """End of the DOCTYPE beginning at start, and the bounds of its internal subset."""
    index, subset_start, quote = start + 9, None, None
    while index < len(text):
        char = text[index]
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif subset_start is None and char == "[":
            subset_start = index + 1
        elif subset_start is not None and text.startswith("<!--", index):
            close = text.find("-->", index + 4)
            index = len(text) if close < 0 else close + 2
        elif subset_start is not None and char == "]":
            close = text.find(">", index)
            return (len(text) if close < 0 else close + 1), subset_start, index
        elif subset_start is None and char == ">":
            return index + 1, None, None
        index += 1
    return len(text), subset_start, len(text) if subset_start is not None else None


def _entity_sizes(literals: dict[str, str]) -> dict[str, float]:
    """Expanded length of each internal entity (infinite when it refers to itself)."""
    sizes: dict[str, float] = {}

    def size(name: str, trail: tuple[str, ...]) -> float:
        if name in sizes:
            return sizes[name]
        if name in trail:
            return float("inf")
        text = literals[name]
        total: float = len(_ENTITY_REF.sub("", text))
        for ref in _ENTITY_REF.findall(text):
            total += size(ref, trail + (name,)) if ref in literals else len(ref) + 2
        sizes[name] = total
        return total

    for name in literals:
        size(name, ())
    return sizes


@dataclass
class Doctype:
    """What a DOCTYPE holds, read as text and never acted upon."""

    faults: list[Fault]           # refused: external entities, expansion bombs
    warnings: list[Fault]         # reported: a DTD named or declared, ignored
    declared: dict[str, int]      # general entities it declares -> their line
    blanked: bytes                # the file with the DOCTYPE turned to spaces


def read_doctype(path: str, data: bytes) -> Doctype | None:
    """The DOCTYPE of a file, or None when it has none.

    A TEI file here needs no DTD (TEI P5 is checked with RELAX NG), and a DTD
    is how files are made to read other files or to explode in memory. So the
    DOCTYPE is reported, never read, and every layer checks the file with the
    DOCTYPE blanked out (spaces, its line breaks kept: lines and columns stay).
    """
    found = _DOCTYPE.search(data)
    if not found:
        return None
    text = _decode_for_scan(data)
    start = text.find("<!DOCTYPE")
    first_element = re.search(r"<[A-Za-z_:]", text)
    if start < 0 or (first_element and first_element.start() < start):
        return None  # "<!DOCTYPE" inside the document: lxml will judge it

    def line_col(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    end, subset_start, subset_end = _doctype_span(text, start)
    blanked_text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    blanked = blanked_text.encode("utf-16" if utf16 else "latin-1")
    head = text[start:subset_start if subset_start is not None else end]
    faults: list[Fault] = []
    warnings: list[Fault] = []
    external_id = re.search(r"\b(SYSTEM|PUBLIC)\s+" + _QUOTED + r"(?:\s*" + _QUOTED + r")?", head)
    if external_id:
        target = (external_id.group(3) or external_id.group(2)).strip("\"'")
        warnings.append(Fault(path, *line_col(start), "well-formed", "external-dtd",
                              f"The DOCTYPE names an external DTD ({_shown(target)}); it was not "
                              "read, and the file was checked without it (TEI P5 needs no DTD: "
                              "the DOCTYPE line can go)."))
    declared: dict[str, int] = {}
    if subset_start is None:
        return Doctype(faults, warnings, declared, blanked)
    subset = text[subset_start:subset_end]
    literals: dict[str, str] = {}
    declared_at: dict[str, int] = {}
    for match in _ENTITY.finditer(subset):
        name = ("%" if match.group(1) else "") + match.group(2)
        offset = subset_start + match.start()
        if not match.group(1):
            declared[match.group(2)] = line_col(offset)[0]
        system = match.group(4) or match.group(7)
        if system:
            faults.append(Fault(
                path, *line_col(offset), "well-formed", "external-entity",
                f"The entity {_shown(name)} would pull in {_shown(system.strip(chr(34) + chr(39)))}"
                "; external entities are never read or fetched: remove the declaration."))
        else:
            literals[match.group(2)] = match.group(8)[1:-1]
            declared_at[match.group(2)] = offset
    sizes = _entity_sizes(literals)
    bombs = [name for name in literals if sizes[name] > ENTITY_EXPANSION_LIMIT]
    if bombs:
        name = min(bombs, key=declared_at.get)
        grows = "without end" if sizes[name] == float("inf") else f"to {int(sizes[name]):,} characters"
        faults.append(Fault(
            path, *line_col(declared_at[name]), "well-formed", "entity-expansion",
            f"The entity {_shown(name)} would expand {grows} (an entity expansion bomb); "
            "it was not expanded."))
    if not faults and not external_id and subset.strip():
        warnings.append(Fault(
            path, *line_col(start), "well-formed", "internal-dtd",
            "The DOCTYPE declares a DTD, which is never applied (TEI P5 is checked with "
            "RELAX NG); the file was checked without it."))
    return Doctype(sorted(faults), warnings, declared, blanked)


_SYNTAX_MESSAGES = [
    (r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)",
     lambda m: f"The element <{m[1]}> opened on line {m[2]} is closed by </{m[3]}>; elements "
               "must close in the reverse order they were opened."),
    (r"Premature end of data in tag (\S+) line (\d+)",
     lambda m: f"The file ends before <{m[1]}>, opened on line {m[2]}, is closed."),
    (r"EndTag: '</' not found",
     lambda m: "The file ends before every element is closed."),
    (r"Entity '([^']+)' not defined",
     lambda m: f"&{m[1]}; is not an XML entity: write the character itself or a numeric "
               "reference such as &#160;."),
    (r"xmlParseEntityRef: no name|EntityRef: expecting ';'",
     lambda m: "A bare '&' must be written '&amp;' in XML."),
    (r"Extra content at the end of the document",
     lambda m: "There is something after the end of the root element; a TEI file has "
               "exactly one root element."),
    (r"Attribute (\S+) redefined",
     lambda m: f"The attribute @{m[1]} is written twice on the same element."),
    (r"Document is empty|Start tag expected",
     lambda m: "The file holds no XML element at all."),
    (r"not proper UTF-8|Invalid bytes in character encoding|invalid character in attribute",
     lambda m: "The bytes here are not valid text in the file's encoding (UTF-8 unless the "
               "XML declaration says otherwise): save the file as UTF-8."),
    (r"AttValue: \" or ' expected",
     lambda m: "An attribute value must be in quotation marks."),
    (r"Couldn't find end of Start Tag (\S+)",
     lambda m: f"The start tag <{m[1]}> is not closed with '>'."),
]


def _syntax_message(raw: str) -> str:
    for pattern, sentence in _SYNTAX_MESSAGES:
        match = re.search(pattern, raw)
        if match:
            return sentence(match)
    return f"This is not well-formed XML: {raw.strip()}."


def _expat_fault(path: str, data: bytes) -> Fault | None:
    """A second opinion on well-formedness from expat (the file has no DOCTYPE here)."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        return Fault(path, exc.lineno, exc.offset + 1, "well-formed", "xml-syntax",
                     f"This is not well-formed XML: {expat.ErrorString(exc.code)}.")
    return None


def parse_document(path: str, data: bytes):
    """Parse safely, any DOCTYPE blanked out first.

    Return (tree or None, faults, warnings, the bytes the other layers check).
    """
    from lxml import etree

    doctype = read_doctype(path, data)
    faults, warnings = (list(doctype.faults), doctype.warnings) if doctype else ([], [])
    checked = doctype.blanked if doctype else data
    parser_options = dict(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False)
    parser = etree.XMLParser(**parser_options)
    try:
        tree = etree.fromstring(checked, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        # the parser's own log: lxml's exception log also holds earlier documents' errors
        errors = [e for e in parser.error_log if e.level_name in ("ERROR", "FATAL")]
        # A repeated xml:id is libxml2's complaint, not a well-formedness error (the
        # profile reports it), but libxml2 stops there: expat checks the rest.
        if errors and all(e.type_name == "DTD_ID_REDEFINED" for e in errors):
            expat_fault = _expat_fault(path, checked)
            if expat_fault:
                return None, faults + [expat_fault], warnings, checked
            lenient = etree.XMLParser(recover=True, **parser_options)
            return etree.fromstring(checked, lenient).getroottree(), faults, warnings, checked
        first = errors[0] if errors else None
        line, column = (first.line, first.column) if first else (exc.position or (1, 0))
        raw = first.message if first else exc.msg
        undefined = re.search(r"Entity '([^']+)' not defined", raw)
        if doctype and undefined and undefined[1] in doctype.declared:
            fault = Fault(path, max(line, 1), max(column, 1), "well-formed", "internal-dtd",
                          f"&{undefined[1]}; is declared only in the DOCTYPE (line "
                          f"{doctype.declared[undefined[1]]}), which is never read: write the "
                          "text itself instead of the entity.")
        else:
            fault = Fault(path, max(line, 1), max(column, 1), "well-formed", "xml-syntax",
                          _syntax_message(raw))
        return None, faults + [fault], warnings, checked
    if tree.docinfo.internalDTD is not None:
        # a DOCTYPE the scan did not see (an unusual encoding): refuse it
        return None, faults + [Fault(path, 1, 1, "well-formed", "internal-dtd",
                                     "The file has a DOCTYPE in an encoding this check cannot "
                                     "read; save the file as UTF-8 without the DOCTYPE.")], \
            warnings, checked
    for entity in tree.iter(etree.Entity):
        # a DTD named but not read might have declared it: it stays undefined
        return None, faults + [Fault(path, entity.sourceline or 1, 1, "well-formed", "xml-syntax",
                                     _syntax_message(f"Entity '{entity.name}' not defined"))], \
            warnings, checked
    return tree, faults, warnings, checked


# ----------------------------------------------------------------------- tei


@dataclass(frozen=True)
class Jing:
    """How to run jing: a Java runtime and jing's jar."""

    java: str
    jar: str

    @classmethod
    def find(cls) -> "Jing | str":
        """The local jing, or a sentence saying why there is none."""
        java_home = os.environ.get("JAVA_HOME")
        java = (str(Path(java_home) / "bin" / "java") if java_home
                and (Path(java_home) / "bin" / "java").is_file() else shutil.which("java"))
        if not java:
            return ("Java is not installed, so TEI P5 conformance was NOT checked "
                    "(install a Java runtime and jing, e.g. apt-get install default-jre-headless jing)")
        candidates = [os.environ.get("JING_JAR", ""), "/usr/share/java/jing.jar",
                      "/usr/local/share/java/jing.jar"]
        for jar in candidates:
            if jar and Path(jar).is_file():
                return cls(java, jar)
        return ("jing is not installed, so TEI P5 conformance was NOT checked "
                "(apt-get install jing, or set JING_JAR to jing.jar)")

    def command(self, rng: Path, files: list[str]) -> list[str]:
        # `java -jar` rather than Debian's wrapper script, which switches on
        # XInclude: a document must never make the validator read other files.
        return [self.java, "-Xss8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", self.jar, str(rng), *files]


_JING_LINE = re.compile(r"^(.*?):(\d+):(\d+): (error|fatal|warning): (.*)$")

_JING_MESSAGES = [
    (r'^element "([^"]+)" not allowed anywhere', "unknown-element",
     lambda m: f"<{m[1]}> is not a TEI element: check its spelling, or move it into the "
               "right namespace."),
    # the same name is expected, in another namespace: the namespace is wrong
    (r'^element "([^"]+)" not allowed here; expected element "(?:[\w.-]+:)?\1"[^(]*'
     r'\(with xmlns(?::[\w.-]+)?="([^"]+)"\)', "tei-namespace",
     lambda m: f"<{m[1]}> is not in the TEI namespace: write xmlns=\"{m[2]}\" on the root "
               "element."),
    # the root is not TEI at all
    (r'^element "([^"]+)" not allowed here; expected element "TEI" or "teiCorpus" '
     r'\(with xmlns="([^"]+)"\)', "root-element",
     lambda m: f"{not_tei_root(m[1])}."),
    (r'^element "([^"]+)" not allowed here; expected (?:the element end-tag or )?(.*?)\s*$',
     "not-allowed-here",
     lambda m: f"<{m[1]}> is not allowed at this place in TEI P5; {_expected(m[2])}."),
    (r'^element "([^"]+)" not allowed yet; missing required element "([^"]+)"', "missing-element",
     lambda m: f"<{m[1]}> comes too early: TEI P5 needs a <{m[2]}> before it."),
    (r'^element "([^"]+)" incomplete; missing required element "([^"]+)"', "missing-element",
     lambda m: f"<{m[1]}> is incomplete: TEI P5 needs a <{m[2]}> inside it."),
    (r'^element "([^"]+)" incomplete; expected (.*)$', "missing-element",
     lambda m: f"<{m[1]}> is incomplete; {_expected(m[2])}."),
    (r'^element "([^"]+)" missing required attribute "([^"]+)"', "missing-attribute",
     lambda m: f"<{m[1]}> needs the attribute @{m[2]} in TEI P5."),
    (r'^found attribute "([^"]+)", but no attributes allowed here', "unknown-attribute",
     lambda m: f"@{m[1]} is not allowed on this element in TEI P5."),
    (r'^attribute "([^"]+)" not allowed here', "unknown-attribute",
     lambda m: f"@{m[1]} is not a TEI attribute of this element."),
    (r'^value of attribute "(when|notBefore|notAfter|from|to)" is invalid; .*ISO', "iso-date",
     lambda m: f"The value of @{m[1]} is not an ISO 8601 date or time that TEI P5 accepts "
               "(YYYY, YYYY-MM, YYYY-MM-DD, with a month and day that exist)."),
    (r'^value of attribute "([^"]+)" is invalid; (.*)$', "invalid-value",
     lambda m: f"The value of @{m[1]} is not allowed in TEI P5: it {m[2].split(', ')[0]}."),
    (r'^text not allowed here', "text-not-allowed",
     lambda m: "Text is not allowed directly here in TEI P5: put it inside a <p> or "
               "another element that holds text."),
    (r'^ID "([^"]+)" has already been defined', "duplicate-id",
     lambda m: f"The xml:id {_shown(m[1])} is used more than once."),
    (r'^first occurrence of ID', None, None),  # jing's pointer back to the first use
    (r'^element "([^"]+)" not allowed yet; expected (.*)$', "not-allowed-here",
     lambda m: f"<{m[1]}> comes too early here; {_expected(m[2])} first."),
    (r'^duplicate ID "([^"]+)"', "duplicate-id",
     lambda m: f"The xml:id {_shown(m[1])} is used more than once."),
    (r'^reference to non-existent ID "([^"]+)"', "dangling-reference",
     lambda m: f"Nothing in this file has the xml:id {_shown(m[1])}."),
]


def _expected(listing: str) -> str:
    listing = re.sub(r'\s*\(with xmlns(?::[\w.-]+)?="[^"]*"\)', "", listing)  # not an element
    names = re.findall(r'"([^"]+)"', listing)
    if not names:
        return f"expected {listing}"
    shown = ", ".join(f"<{name}>" for name in names[:6])
    more = f" (or one of {len(names) - 6} more)" if len(names) > 6 else ""
    return f"expected {shown}{more}"


def _jing_fault(path: str, line: int, column: int, raw: str) -> Fault | None:
    for pattern, rule, sentence in _JING_MESSAGES:
        match = re.search(pattern, raw)
        if match:
            if rule is None:
                return None
            return Fault(path, line, column, "tei", rule, sentence(match))
    return Fault(path, line, column, "tei", "tei-p5", f"Not TEI P5: {raw.strip()}.")


def run_jing(jing: Jing, files: dict[str, bytes]) -> list[Fault]:
    """Validate the given well-formed documents against tei_all in one JVM per batch.

    Jing reads its own copies of the documents, named by number in a private
    folder: its reports map back to files exactly, whatever their names.
    """
    rng = tei_all_rng()
    names = list(files)
    faults: list[Fault] = []
    with tempfile.TemporaryDirectory(prefix="tei-edition-jing-") as folder:
        for first in range(0, len(names), JING_BATCH):
            batch = names[first:first + JING_BATCH]
            copies = {}
            for number, name in enumerate(batch):
                copy = Path(folder) / f"{first + number:06d}.xml"
                copy.write_bytes(files[name])
                copies[str(copy)] = name
            result = subprocess.run(jing.command(rng, list(copies)), capture_output=True,
                                    text=True, encoding="utf-8", errors="replace")
            unexplained = []
            for text_line in (result.stdout + result.stderr).splitlines():
                match = _JING_LINE.match(text_line)
                if match and match[1] in copies:
                    fault = _jing_fault(copies[match[1]], int(match[2]), int(match[3]), match[5])
                    if fault is not None and match[4] != "warning":
                        faults.append(fault)
                elif text_line.strip():
                    unexplained.append(text_line.strip())
            if result.returncode not in (0, 1) or (result.returncode == 1 and not faults):
                detail = unexplained[0] if unexplained else f"exit status {result.returncode}"
                raise EditionError(f"jing failed: {detail}")
    return faults


# ------------------------------------------------------------------- profile

_PROFILE_RULES = {
    "header-title": "The title statement (titleStmt) gives no title: add "
                    "<title type=\"main\"> with the document's title.",
    "header-publisher": "The publication statement (publicationStmt) names no publisher: "
                        "add <publisher> (or <distributor> or <authority>).",
    "ms-repository": "The manuscript identifier (msIdentifier) names no archive: add "
                     "<repository> with the archive's name.",
    "person-name": "This person has no name: add a <persName> inside <person>.",
}

_REQUIRED_ATTRIBUTE_RULES = {
    ("TEI", "id"): ("document-id", "The document has no id: add xml:id to <TEI>; it names "
                                   "the document's URL and files."),
    ("person", "id"): ("person-id", "This person has no id: add xml:id so that speeches and "
                                    "mentions can point to them."),
    ("sp", "who"): ("sp-who", "This speech does not say who speaks: add who=\"#id\" naming a "
                              "person in the list of participants."),
}


class Validator:
    """The three layers, with the profile compiled once for any number of files."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES, use_jing: bool = True,
                 profile: str = "project"):
        import xmlschema  # the profile; imported here so that importing this module stays cheap

        if profile not in PROFILES:
            raise EditionError(f"unknown validation profile '{profile}' (use one of: "
                               f"{', '.join(PROFILES)})")
        self.profile_name = profile
        self.max_bytes = max_bytes
        # The XPath parser behind the assertions takes its default collation from
        # the process locale when the schema is built; a locale such as C.UTF-8
        # would make every string comparison try to switch to a locale this
        # machine may not have. Ids compare by code point: build under "C".
        saved = locale.setlocale(locale.LC_COLLATE)
        try:
            locale.setlocale(locale.LC_COLLATE, "C")
            self.schema = xmlschema.XMLSchema11(str(schema_path(PROFILE_XSD)), allow="local")
        except (xmlschema.XMLSchemaException, OSError) as exc:
            raise EditionError(f"the project profile {PROFILE_XSD} does not load: {exc}") from None
        finally:
            locale.setlocale(locale.LC_COLLATE, saved)
        # The assertion on <TEI> that every "#id" pointer resolves is there for
        # editors' XML editors; here _reference_faults checks the same in one pass
        # and names each pointer at its line. Evaluated too, the assertion's six
        # walks over the document in a Python XPath engine were 40 % of the time.
        tei_type = self.schema.elements["TEI"].type
        tei_type.assertions = [a for a in tei_type.assertions
                               if _assertion_rule(a) != "dangling-reference"]
        self._checked = _CheckedPart(self.schema)
        self.jing = Jing.find() if use_jing else "TEI P5 conformance was not asked for"

    # -- one file, Python layers ------------------------------------------

    def well_formed(self, path: str) -> tuple[bytes | None, object, list[Fault], list[Fault]]:
        """Read and parse one file: (the bytes the other layers check, tree, faults,
        warnings); tree is None when it failed."""
        try:
            size = Path(path).stat().st_size
            if size > self.max_bytes:
                return None, None, [Fault(
                    path, 1, 1, "well-formed", "file-too-large",
                    f"The file is {size / 1048576:.1f} MB, over the {self.max_bytes / 1048576:.0f} MB "
                    "limit for one document; it was not read (split it, or raise --max-size).")], []
            data = read_input(path, "a TEI file")
        except OSError as exc:
            raise EditionError(f"cannot read the file: {exc.strerror}", path) from None
        tree, faults, warnings, checked = parse_document(path, data)
        return checked, tree, faults, warnings

    def profile(self, path: str, tree, data: bytes | None = None) -> list[Fault]:
        """The project profile and cross-references of one parsed document."""
        locate = _locator(data)
        ids, reference_faults = _reference_faults(path, tree, locate)
        faults = list(reference_faults)
        reported_duplicates = any(f.rule == "duplicate-id" for f in reference_faults)
        reported_dangling = any(f.rule == "dangling-reference" for f in reference_faults)
        checked = self._checked.of(tree)
        root = checked.getroot()
        for error in self.schema.iter_errors(checked):
            fault = _profile_fault(path, root, error, locate)
            if fault is None:
                continue
            # the Python pass names each duplicate and dangling pointer at its own line
            if fault.rule == "duplicate-id" and reported_duplicates:
                continue
            if fault.rule == "dangling-reference" and reported_dangling:
                continue
            faults.append(fault)
        return sorted(set(faults))

    # -- a batch --------------------------------------------------------------

    def validate(self, paths: list[str], runner=None) -> Report:
        """Validate files; jing runs once over all well-formed ones. With runner
        (build.Runner), the profile, the slow layer, is checked on its worker pool
        meanwhile, a few files per task."""
        faults: list[Fault] = []
        warnings: list[Fault] = []
        parsed: dict[str, tuple[bytes, object]] = {}
        not_reached: dict[str, list[str]] = {}
        for path in paths:
            data, tree, wf_faults, wf_warnings = self.well_formed(path)
            faults.extend(wf_faults)
            warnings.extend(wf_warnings)
            if tree is None:
                not_reached[path] = ["tei", "profile"]
            else:
                parsed[path] = (data, tree)
        skipped: dict[str, str] = {}
        # jing runs in its own process while Python checks the profile: both cores work.
        jing_result: dict[str, object] = {}
        jing_thread = None
        if isinstance(self.jing, Jing):
            if parsed:
                def jing_batch() -> None:
                    try:
                        jing_result["faults"] = run_jing(
                            self.jing, {p: data for p, (data, _) in parsed.items()})
                    except EditionError as exc:
                        jing_result["error"] = exc
                jing_thread = threading.Thread(target=jing_batch, name="jing")
                jing_thread.start()
        else:
            skipped["tei"] = self.jing
        # under --profile tei the profile still speaks, but it does not stop a file
        profile_faults = warnings if self.profile_name == "tei" else faults
        chunks = [list(parsed)[i:i + PROFILE_CHUNK] for i in range(0, len(parsed), PROFILE_CHUNK)]
        if runner is not None and runner.use_pool(len(chunks)):
            profile_faults.extend(self._profiles_on_pool(chunks, runner))
        else:
            for path, (data, tree) in parsed.items():
                profile_faults.extend(self.profile(path, tree, data))
        if jing_thread is not None:
            jing_thread.join()
            if "error" in jing_result:
                raise jing_result["error"]
            faults.extend(jing_result["faults"])
        order = {path: index for index, path in enumerate(paths)}

        def in_order(f: Fault):
            return order[f.file], f.line, f.column, LAYERS.index(f.layer), f.rule, f.message

        return Report(list(paths), sorted(faults, key=in_order), skipped, not_reached,
                      sorted(warnings, key=in_order), self.profile_name)

    def _profiles_on_pool(self, chunks: list[list[str]], runner) -> list[Fault]:
        from .build import task_profile

        results: dict[int, dict] = {}
        runner.run([(task_profile, (chunk, self.max_bytes, self.profile_name)) for chunk in chunks],
                   results.__setitem__)
        faults: list[Fault] = []
        for index in range(len(chunks)):
            result = results[index]
            if "trace" in result:  # a bug in a worker: its traceback goes to the log
                raise ToolBug(result["trace"])
            if "errors" in result:
                raise EditionError(result["errors"][0])
            faults.extend(result["faults"])
        return faults


def _locator(data: bytes | None):
    """A function giving an element's (line, column): lxml knows lines, the column is looked up."""
    lines = data.split(b"\n") if data is not None else []

    def locate(element) -> tuple[int, int]:
        line = getattr(element, "sourceline", None) or 1
        column = 1
        if 0 < line <= len(lines) and isinstance(element.tag, str):
            name = (f"{element.prefix}:" if element.prefix else "") + _local(element.tag)
            found = re.search(rb"<" + re.escape(name.encode()) + rb"(?=[\s/>]|$)", lines[line - 1])
            if found:
                column = len(lines[line - 1][:found.start()].decode("utf-8", "replace")) + 1
        return line, column

    return locate


_XML_SPACE = re.compile("[ \t\r\n]+")


def _reference_faults(path: str, tree, locate) -> tuple[dict[str, int], list[Fault]]:
    """Duplicate ids and dangling "#id" pointers, each at the line of its element."""
    ids: dict[str, int] = {}
    faults: list[Fault] = []
    elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
    for element in elements:
        value = element.get(XML_ID)
        if value is None:
            continue
        if value in ids:
            faults.append(Fault(path, *locate(element), "profile", "duplicate-id",
                                f"The xml:id {_shown(value)} is already used on line {ids[value]}; "
                                "every id must be unique within a file."))
        else:
            ids[value] = element.sourceline or 1
    for element in elements:
        for attribute in POINTER_ATTRIBUTES:
            # split as the profile's XPath does: XML white space only
            for token in _XML_SPACE.split(element.get(attribute) or ""):
                if token.startswith("#") and token[1:] not in ids:
                    faults.append(Fault(
                        path, *locate(element), "profile", "dangling-reference",
                        f"@{attribute} on <{_local(element.tag)}> points to {_shown(token)}, but "
                        "nothing in this file has that xml:id (add the person or entry, or "
                        "correct the id)."))
    return ids, faults


class _CheckedPart:
    """The part of a document the profile looks at, as a copy with the rest
    left out. xmlschema walks every element, about 20 µs each, although an
    element the profile does not declare, under a parent whose content is a
    lax wildcard, is checked for nothing but its xml: attributes: such an
    element goes, unless something below it is checked. What a declared
    element's own check reads stays: all of an element with an assertion
    (assertions read text), the children of one with a content model
    (teiHeader, fileDesc). Lines are kept, so faults stand where they did; a
    test compares the faults with those of the whole document."""

    XML_NS = "{http://www.w3.org/XML/1998/namespace}"

    def __init__(self, schema):
        from xmlschema.validators import XsdAnyElement

        self.declared: set[str] = set()
        self.whole: set[str] = set()     # an assertion reads the subtree
        self.children: set[str] = set()  # a content model reads the children
        for element in schema.elements.values():
            name = element.name  # "{namespace}local", as lxml names tags
            self.declared.add(name)
            kind = element.type
            if getattr(kind, "assertions", None):
                self.whole.add(name)
            elif not kind.is_simple() and not all(
                    isinstance(p, XsdAnyElement) for p in kind.content.iter_elements()):
                self.children.add(name)

    def of(self, tree):
        root = deepcopy(tree.getroot())
        self._prune(root)
        return root.getroottree()

    def _prune(self, element) -> bool:
        """Leave out what nothing checks below element; True when element is checked."""
        tag = element.tag
        if tag in self.whole:
            return True
        keep_children = tag in self.children
        checked = tag in self.declared or any(a.startswith(self.XML_NS) for a in element.attrib)
        for child in list(element):
            if not isinstance(child.tag, str):
                continue
            if self._prune(child) or keep_children:
                checked = True
            else:
                element.remove(child)  # its tail is mixed content nothing checks
        return checked


def _assertion_rule(assertion) -> str:
    """The rule an assertion of the profile checks: its documentation's first word."""
    return str(assertion.annotation or "").split(":", 1)[0].strip() or "assertion"


def _profile_fault(path: str, root, error, locate) -> Fault | None:
    """Turn one xmlschema error into a fault a philologist can act on."""
    from xmlschema.validators import XsdAssert

    element = error.elem if error.elem is not None else root
    if isinstance(element, str) or not hasattr(element, "tag"):
        element = root
    line, column = locate(element)
    name = _local(element.tag)
    reason = error.reason or ""
    if isinstance(error.validator, XsdAssert):
        rule = _assertion_rule(error.validator)
        if rule == "dangling-reference":
            return Fault(path, line, column, "profile", rule,
                         "A #id pointer in this document names no element of this file.")
        return Fault(path, line, column, "profile", rule,
                     _PROFILE_RULES.get(rule, f"<{name}> breaks the rule {rule}."))
    missing = re.search(r"missing required attribute '([^']+)'", reason)
    if missing:
        attribute = _local(missing[1]).split(":")[-1]
        rule, sentence = _REQUIRED_ATTRIBUTE_RULES.get(
            (name, attribute),
            ("required-attribute", f"<{name}> needs the attribute @{attribute} in this edition."))
        return Fault(path, line, column, "profile", rule, sentence)
    bad_value = re.search(r"attribute ([\w:{}./-]+)=('[^']*'|\"[^\"]*\")", reason)
    if bad_value and _local(bad_value[1]) in DATE_ATTRIBUTES:
        return Fault(path, line, column, "profile", "iso-date",
                     f"The date {_shown(bad_value[2][1:-1])} in @{_local(bad_value[1])} of <{name}> "
                     "is not a real ISO 8601 date: write YYYY, YYYY-MM or YYYY-MM-DD, with a "
                     "month and day that exist.")
    if bad_value and _local(bad_value[1]) == "who":
        return Fault(path, line, column, "profile", "sp-who",
                     "This speech names no speaker in @who: write who=\"#id\".")
    if "duplicated xs:id" in reason.lower() or "duplicated value" in reason.lower():
        return Fault(path, line, column, "profile", "duplicate-id",
                     "An xml:id is used more than once in this file.")
    if bad_value:
        return Fault(path, line, column, "profile", "invalid-value",
                     f"The value {_shown(bad_value[2][1:-1])} of @{_attribute_name(bad_value[1])} on "
                     f"<{name}> is not valid here.")
    if element is root and _namespace(root) == TEI_NS and name != "TEI":
        return Fault(path, line, column, "profile", "root-element",
                     f"The root element is <{name}>; this edition keeps one document per file, "
                     "with <TEI> as its root.")
    if element is root and _local(root.tag) not in ("TEI", "teiCorpus"):
        return Fault(path, line, column, "profile", "root-element", f"{not_tei_root(name)}.")
    if "is not an element of the schema" in reason or (
            error.elem is not None and element is root and _namespace(root) != TEI_NS):
        return Fault(path, line, column, "profile", "tei-namespace",
                     f"The root element <{name}> is not in the TEI namespace: write "
                     f"<TEI xmlns=\"{TEI_NS}\">.")
    if hasattr(error, "invalid_tag") or "content of element" in reason.lower():
        return _content_fault(path, element, error, locate)
    return Fault(path, line, column, "profile", "profile", f"<{name}>: {reason.strip()}")


def _namespace(element) -> str:
    tag = str(element.tag)
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _content_fault(path: str, element, error, locate) -> Fault:
    """A header part missing or out of order."""
    name = _local(element.tag)
    expected = [_local(tag).split(":")[-1] for tag in (getattr(error, "expected_tags", None) or [])
                if not str(tag).startswith("(")]
    child = None
    index = getattr(error, "index", None)
    if isinstance(index, int) and index < len(element):
        child = element[index]
    wanted = " or ".join(f"<{tag}>" for tag in expected) or "another element"
    if child is not None and isinstance(child.tag, str):
        line, column = locate(child)
        message = (f"<{name}> needs {wanted} before <{_local(child.tag)}>; its parts "
                   "must be present and in TEI order.")
    else:
        line, column = locate(element)
        message = f"<{name}> is incomplete: it needs {wanted}."
    return Fault(path, line, column, "profile", "header-structure", message)


# ----------------------------------------------------------------- file sets


def collect_files(arguments: list[str]) -> list[str]:
    """Expand files, folders and edition folders into the list of TEI files.

    An edition folder (it holds edition.toml) means its hand-edited tei/*.xml
    and the converter's build/tei/*.xml; any other folder is searched for
    *.xml, skipping hidden folders.
    """
    files: list[str] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(str(path))

    for argument in arguments:
        path = Path(argument)
        if path.is_file():
            add(path)
        elif (path / "edition.toml").is_file():
            found = sorted((path / "tei").glob("*.xml")) + sorted((path / "build" / "tei").glob("*.xml"))
            if not found:
                raise click.UsageError(f"{argument}: this edition has no TEI yet (tei/*.xml or "
                                       "build/tei/*.xml); run 'make' or 'tei-edition convert' first")
            for item in found:
                add(item)
        elif path.is_dir():
            found = sorted(item for item in path.rglob("*.xml")
                           if item.is_file() and not any(part.startswith(".")
                                                         for part in item.relative_to(path).parts))
            if not found:
                raise click.UsageError(f"{argument}: no .xml files in this folder")
            for item in found:
                add(item)
        else:
            raise click.UsageError(f"{argument}: no such file or folder")
    return files


def _edition_profile(arguments: list[str]) -> str:
    """The profile the edition folders given ask for in edition.toml, else 'project'."""
    from .register import edition_profile

    asked = {edition_profile(Path(a)) for a in arguments if (Path(a) / "edition.toml").is_file()}
    if len(asked) > 1:
        raise click.UsageError("the editions given ask for different profiles; "
                               "validate them one at a time, or give --profile")
    return asked.pop() if asked else "project"


# ------------------------------------------------------------------- reports


def _summary(report: Report) -> str:
    failed = len(report.failed_files())
    total = len(report.files)
    noun = "file" if total == 1 else "files"
    if report.ok:
        text = f"{total} {noun} valid"
    else:
        text = f"{failed} of {total} {noun} failed, {_faults(len(report.faults))}"
    if report.warnings:
        text += f", {len(report.warnings)} warning" + ("s" if len(report.warnings) != 1 else "")
    checked = [layer for layer in LAYERS if layer not in report.skipped_layers]
    profile = "profile tei: profile faults are warnings; " if report.profile == "tei" else ""
    return f"{text} ({profile}layers checked: {', '.join(checked)})"


def fault_line(fault: Fault, warning: bool = False) -> str:
    """One fault as every text report prints it: file:line:column: layer/rule: message."""
    kind = "warning: " if warning else ""
    return f"{shown(fault.file)}:{fault.line}:{fault.column}: {kind}{fault.layer}/{fault.rule}: {fault.message}"


def format_text(report: Report) -> str:
    """Faults and warnings in file order, what passed for each file, then the totals."""
    entries = [(f, False) for f in report.faults] + [(f, True) for f in report.warnings]
    order = {path: index for index, path in enumerate(report.files)}
    entries.sort(key=lambda e: (order[e[0].file], e[0].line, e[0].column))
    lines = [fault_line(fault, warning) for fault, warning in entries]
    lines += [f"warning: {reason}" for reason in report.skipped_layers.values()]
    lines += [f"{shown(path)}: {report.file_status(path)}" for path in report.files]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def format_json(report: Report) -> str:
    document = {
        "ok": report.ok,
        "files": len(report.files),
        "failed_files": [shown(name) for name in report.failed_files()],
        "layers": {layer: ("skipped: " + report.skipped_layers[layer]
                           if layer in report.skipped_layers else "checked") for layer in LAYERS},
        "profile": report.profile,
        "status": {shown(path): report.file_status(path) for path in report.files},
        "faults": [{**fault.as_dict(), "file": shown(fault.file)} for fault in report.faults],
        "warnings": [{**fault.as_dict(), "file": shown(fault.file)} for fault in report.warnings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def format_junit(report: Report) -> str:
    """One test suite per layer, one test case per file."""
    from lxml import etree

    suites = etree.Element("testsuites", name="tei-edition validate",
                           tests=str(len(report.files) * len(LAYERS)),
                           failures=str(len({(f.file, f.layer) for f in report.faults})))
    for layer in LAYERS:
        layer_faults = [f for f in report.faults if f.layer == layer]
        suite = etree.SubElement(suites, "testsuite", name=layer, tests=str(len(report.files)),
                                 failures=str(len({f.file for f in layer_faults})),
                                 skipped=str(sum(1 for p in report.files if layer in
                                                 report.not_reached.get(p, ())
                                                 or layer in report.skipped_layers)))
        for path in report.files:
            # shown(): a file name with bytes that are not UTF-8 or control
            # characters cannot go into XML as it is
            case = etree.SubElement(suite, "testcase", classname=layer, name=shown(path))
            mine = [f for f in layer_faults if f.file == path]
            if mine:
                failure = etree.SubElement(case, "failure", type=mine[0].rule,
                                           message=shown(f"line {mine[0].line}: {mine[0].message}"))
                failure.text = "\n".join(shown(f"{f.file}:{f.line}:{f.column}: {f.rule}: {f.message}")
                                         for f in mine)
            elif layer in report.skipped_layers:
                etree.SubElement(case, "skipped", message=report.skipped_layers[layer])
            elif layer in report.not_reached.get(path, ()):
                etree.SubElement(case, "skipped", message="not checked: the file is not well-formed")
            warned = [f for f in report.warnings if f.file == path and f.layer == layer]
            if warned:
                etree.SubElement(case, "system-out").text = "\n".join(
                    fault_line(f, warning=True) for f in warned)
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


def _github_escape(value: str, in_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: each fault becomes an inline annotation."""
    def annotation(command: str, f: Fault) -> str:
        return (f"::{command} file={_github_escape(shown(f.file), True)},line={f.line},"
                f"col={f.column},title={_github_escape(f'{f.layer}/{f.rule}', True)}::"
                f"{_github_escape(f.message)}")

    lines = [annotation("error", f) for f in report.faults]
    lines += [annotation("warning", f) for f in report.warnings]
    lines += [f"::warning title=tei-edition validate::{_github_escape(reason)}"
              for reason in report.skipped_layers.values()]
    lines.append(_github_escape(_summary(report)))
    return "\n".join(lines) + "\n"


FORMATS = {"text": format_text, "json": format_json, "junit": format_junit,
           "github": format_github}


@click.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="Report format (github: annotation lines for Actions).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES // 1048576,
              show_default=True, help="Largest document to read, in MB.")
@click.option("--profile", type=click.Choice(PROFILES), default=None,
              help="project: every layer must pass; tei: a well-formed file valid against "
                   "tei_all passes, profile faults are warnings [default: the edition's "
                   "'profile' in edition.toml, else project].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of cores].")
@click.pass_context
def validate_command(ctx, paths, output_format, output, max_size, profile, jobs):
    """Validate TEI files, folders or editions: well-formedness, TEI P5, project profile.

    Exit status: 0 when every file passes, 1 when any fails, 2 for usage errors.
    """
    from .build import Runner

    files = collect_files(list(paths))
    profile = profile or _edition_profile(list(paths))
    runner = Runner(jobs or os.cpu_count() or 1)
    try:
        report = Validator(max_bytes=max_size * 1048576, profile=profile).validate(files, runner)
    finally:
        runner.close()
    text = FORMATS[output_format](report)
    if output:
        write_atomic(output, text)
        click.echo(_summary(report), err=True)
    else:
        click.echo(text, nl=False)
    for reason in report.skipped_layers.values():
        if output_format != "text" or output:
            click.echo(f"warning: {reason}", err=True)
    if not report.ok:
        ctx.exit(1)
