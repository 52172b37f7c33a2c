"""`tei-edition validate`: is it well-formed, is it TEI P5, does it follow the profile?

Three layers, each answering one question, each fault with its file, line and
column:

* ``well-formed`` — checked in Python with lxml, entities never expanded and
  nothing fetched. A DOCTYPE that declares entities or names an external DTD
  is a fault here, at its line, and is never read further.
* ``tei`` — TEI P5 conformance: jing against the official tei_all RELAX NG,
  one JVM for the whole batch. Only well-formed files reach it, so one broken
  file cannot hide the others. Without Java it is skipped, and said so.
* ``profile`` — the project's XSD 1.1 profile (schema/tei-edition.xsd, checked
  with xmlschema) plus the cross-reference check: every local ``#id`` pointer
  names an element of this file, and every xml:id is unique.

`Validator` compiles the profile once and validates any number of files.
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
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click

from .errors import EditionError
from .files import write_atomic
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

    @property
    def ok(self) -> bool:
        return not self.faults

    def failed_files(self) -> list[str]:
        return sorted({fault.file for fault in self.faults}, key=self.files.index)


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


def doctype_faults(path: str, data: bytes) -> list[Fault]:
    """Faults of a DOCTYPE: external DTDs and entities, entity bombs, any DTD at all.

    A TEI file here needs no DTD (TEI P5 is checked with RELAX NG), and a DTD
    is how files are made to read other files or to explode in memory, so a
    declaration is reported and never acted upon.
    """
    found = _DOCTYPE.search(data)
    if not found:
        return []
    text = _decode_for_scan(data)
    start = text.find("<!DOCTYPE")
    first_element = re.search(r"<[A-Za-z_:]", text)
    if start < 0 or (first_element and first_element.start() < start):
        return []  # "<!DOCTYPE" inside the document: lxml will judge it

    def line_col(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    end, subset_start, subset_end = _doctype_span(text, start)
    head = text[start:subset_start if subset_start is not None else end]
    faults: list[Fault] = []
    external_id = re.search(r"\b(SYSTEM|PUBLIC)\s+" + _QUOTED + r"(?:\s*" + _QUOTED + r")?", head)
    if external_id:
        target = (external_id.group(3) or external_id.group(2)).strip("\"'")
        faults.append(Fault(path, *line_col(start), "well-formed", "external-dtd",
                            f"The DOCTYPE names an external DTD ({_shown(target)}); it was not "
                            "read. TEI P5 needs no DTD here: delete the DOCTYPE line."))
    if subset_start is None:
        return faults
    subset = text[subset_start:subset_end]
    literals: dict[str, str] = {}
    declared_at: dict[str, int] = {}
    for match in _ENTITY.finditer(subset):
        name = ("%" if match.group(1) else "") + match.group(2)
        offset = subset_start + match.start()
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
    if not faults and subset.strip():
        faults.append(Fault(
            path, *line_col(start), "well-formed", "internal-dtd",
            "The DOCTYPE declares a DTD, which is never applied (TEI P5 is checked with "
            "RELAX NG): write characters instead of entities and delete the DOCTYPE."))
    return sorted(faults)


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
    """Parse safely; return (tree or None, well-formedness faults)."""
    from lxml import etree

    faults = doctype_faults(path, data)
    if faults:
        return None, faults
    parser_options = dict(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False)
    parser = etree.XMLParser(**parser_options)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        # the parser's own log: lxml's exception log also holds earlier documents' errors
        errors = [e for e in parser.error_log if e.level_name in ("ERROR", "FATAL")]
        # A repeated xml:id is libxml2's complaint, not a well-formedness error (the
        # profile reports it), but libxml2 stops there: expat checks the rest.
        if errors and all(e.type_name == "DTD_ID_REDEFINED" for e in errors):
            expat_fault = _expat_fault(path, data)
            if expat_fault:
                return None, [expat_fault]
            lenient = etree.XMLParser(recover=True, **parser_options)
            return etree.fromstring(data, lenient).getroottree(), []
        first = errors[0] if errors else None
        line, column = (first.line, first.column) if first else (exc.position or (1, 0))
        raw = first.message if first else exc.msg
        return None, [Fault(path, max(line, 1), max(column, 1), "well-formed", "xml-syntax",
                            _syntax_message(raw))]
    if tree.docinfo.internalDTD is not None and any(True for _ in tree.docinfo.internalDTD.iterentities()):
        # the scan above missed a declaration (an unusual encoding): refuse anyway
        return None, [Fault(path, 1, 1, "well-formed", "internal-dtd",
                            "The DOCTYPE declares entities, which are never expanded: delete it.")]
    return tree, []


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

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES, use_jing: bool = True):
        import xmlschema  # the profile; imported here so that importing this module stays cheap

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
        self.jing = Jing.find() if use_jing else "TEI P5 conformance was not asked for"

    # -- one file, Python layers ------------------------------------------

    def well_formed(self, path: str) -> tuple[bytes | None, object, list[Fault]]:
        """Read and parse one file: (bytes, tree, faults); tree is None when it failed."""
        try:
            size = Path(path).stat().st_size
            if size > self.max_bytes:
                return None, None, [Fault(
                    path, 1, 1, "well-formed", "file-too-large",
                    f"The file is {size / 1048576:.1f} MB, over the {self.max_bytes / 1048576:.0f} MB "
                    "limit for one document; it was not read (split it, or raise --max-size).")]
            data = Path(path).read_bytes()
        except OSError as exc:
            raise EditionError(f"cannot read the file: {exc.strerror}", path) from None
        tree, faults = parse_document(path, data)
        return data, tree, faults

    def profile(self, path: str, tree, data: bytes | None = None) -> list[Fault]:
        """The project profile and cross-references of one parsed document."""
        locate = _locator(data)
        ids, reference_faults = _reference_faults(path, tree, locate)
        faults = list(reference_faults)
        reported_duplicates = any(f.rule == "duplicate-id" for f in reference_faults)
        reported_dangling = any(f.rule == "dangling-reference" for f in reference_faults)
        root = tree.getroot()
        for error in self.schema.iter_errors(tree):
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

    def validate(self, paths: list[str]) -> Report:
        """Validate files; jing runs once over all well-formed ones."""
        faults: list[Fault] = []
        parsed: dict[str, tuple[bytes, object]] = {}
        not_reached: dict[str, list[str]] = {}
        for path in paths:
            data, tree, wf_faults = self.well_formed(path)
            faults.extend(wf_faults)
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
        for path, (data, tree) in parsed.items():
            faults.extend(self.profile(path, tree, data))
        if jing_thread is not None:
            jing_thread.join()
            if "error" in jing_result:
                raise jing_result["error"]
            faults.extend(jing_result["faults"])
        order = {path: index for index, path in enumerate(paths)}
        faults.sort(key=lambda f: (order[f.file], f.line, f.column, LAYERS.index(f.layer),
                                   f.rule, f.message))
        return Report(list(paths), faults, skipped, not_reached)


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
            for token in (element.get(attribute) or "").split():
                if token.startswith("#") and token[1:] not in ids:
                    faults.append(Fault(
                        path, *locate(element), "profile", "dangling-reference",
                        f"@{attribute} on <{_local(element.tag)}> points to {_shown(token)}, but "
                        "nothing in this file has that xml:id (add the person or entry, or "
                        "correct the id)."))
    return ids, faults


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
        rule = str(error.validator.annotation or "").split(":", 1)[0].strip() or "assertion"
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


# ------------------------------------------------------------------- reports


def _summary(report: Report) -> str:
    failed = len(report.failed_files())
    total = len(report.files)
    noun = "file" if total == 1 else "files"
    if report.ok:
        text = f"{total} {noun} valid"
    else:
        count = len(report.faults)
        text = f"{failed} of {total} {noun} failed, {count} fault{'s' if count != 1 else ''}"
    checked = [layer for layer in LAYERS if layer not in report.skipped_layers]
    return f"{text} (layers checked: {', '.join(checked)})"


def format_text(report: Report) -> str:
    lines = [f"{f.file}:{f.line}:{f.column}: {f.layer}/{f.rule}: {f.message}" for f in report.faults]
    lines += [f"warning: {reason}" for reason in report.skipped_layers.values()]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def format_json(report: Report) -> str:
    document = {
        "ok": report.ok,
        "files": len(report.files),
        "failed_files": report.failed_files(),
        "layers": {layer: ("skipped: " + report.skipped_layers[layer]
                           if layer in report.skipped_layers else "checked") for layer in LAYERS},
        "faults": [fault.as_dict() for fault in report.faults],
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
            case = etree.SubElement(suite, "testcase", classname=layer, name=path)
            mine = [f for f in layer_faults if f.file == path]
            if mine:
                failure = etree.SubElement(case, "failure", type=mine[0].rule,
                                           message=f"line {mine[0].line}: {mine[0].message}")
                failure.text = "\n".join(f"{f.file}:{f.line}:{f.column}: {f.rule}: {f.message}"
                                         for f in mine)
            elif layer in report.skipped_layers:
                etree.SubElement(case, "skipped", message=report.skipped_layers[layer])
            elif layer in report.not_reached.get(path, ()):
                etree.SubElement(case, "skipped", message="not checked: the file is not well-formed")
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


def _github_escape(value: str, in_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: each fault becomes an inline annotation."""
    lines = [
        f"::error file={_github_escape(f.file, True)},line={f.line},col={f.column},"
        f"title={_github_escape(f'{f.layer}/{f.rule}', True)}::{_github_escape(f.message)}"
        for f in report.faults]
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
@click.pass_context
def validate_command(ctx, paths, output_format, output, max_size):
    """Validate TEI files, folders or editions: well-formedness, TEI P5, project profile.

    Exit status: 0 when every file passes, 1 when any fails, 2 for usage errors.
    """
    files = collect_files(list(paths))
    report = Validator(max_bytes=max_size * 1048576).validate(files)
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
