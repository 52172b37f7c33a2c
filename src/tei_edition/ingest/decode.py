"""Bytes to clean text: encodings, byte-order marks, line ends, forbidden characters.

The result is a list of lines (without line ends) whose numbers are the
source file's own, so that every later error can name line and column.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import EditionError

# Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, and FFFE/FFFF).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
# Spaces that look like spaces: normalised to U+0020 so that patterns match.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def decode_source(data: bytes, source: str, encoding: str | None = None,
                  notes: list[str] | None = None) -> list[str]:
    """Decode a transcript's bytes into lines, or raise a one-line EditionError."""
    notes = notes if notes is not None else []
    if not data.strip():
        raise EditionError("the file is empty: expected a transcript's text", source, 1, 1)
    text = _decode(data, source, encoding, notes)
    if "\r" in text:
        notes.append("line ends normalised (CRLF/CR to LF)")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0c" in text:
        notes.append("form feeds read as line breaks")
        text = text.replace("\x0c", "\n")
    if text.endswith("\x1a"):  # a DOS end-of-file mark is not text
        text = text[:-1]
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        bad = _FORBIDDEN.search(line)
        if bad:
            raise EditionError(
                f"character U+{ord(bad.group()):04X} is not allowed in XML 1.0 text; "
                "expected printable text", source, number, bad.start() + 1)
    spaces = sum(len(_SPACES.findall(line)) for line in lines)
    if spaces:
        notes.append(f"{spaces} no-break or other special spaces read as spaces")
        lines = [_SPACES.sub(" ", line) for line in lines]
    # NFC so that a name typed with combining accents matches the same name precomposed.
    return [unicodedata.normalize("NFC", line) for line in lines]


def _decode(data: bytes, source: str, encoding: str | None, notes: list[str]) -> str:
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            notes.append(f"byte-order mark: read as {name.replace('-sig', '')}")
            return _strict(data, name, source)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise EditionError(f"unknown encoding '{encoding}'", source) from None
        return _strict(data, encoding, source)
    if b"\x00" in data:
        wide = _wide_encoding(data)
        if wide:
            raise EditionError(f"this looks like {wide.upper()} text without a byte-order mark; "
                               f"convert with --encoding {wide}", source)
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise EditionError("this is a binary file (it contains NUL bytes), not a text "
                           "transcript; expected UTF-8 text", source, line)
    return _strict(data, "utf-8", source)


def _wide_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 form that reads data as text, if one does: such text
    has NUL bytes in every character of the Latin alphabet, and no byte-order mark."""
    for name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        # Binary data often decodes too, but not as printable text without NULs.
        printable = sum(c.isprintable() or c in "\t\r\n" for c in text)
        if "\x00" not in text and printable >= 0.95 * len(text):
            return name
    return None


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = ""
        if encoding.startswith("utf-8"):
            hint = "; if the file is Latin-1 or Windows-1252, convert with --encoding cp1252"
        raise EditionError(f"byte 0x{data[exc.start]:02X} is not valid {encoding.upper()} "
                           f"text{hint}", source, line, column) from None
