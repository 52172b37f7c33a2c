"""Inline syntax inside a paragraph: square brackets and footnote markers.

Each bracket kind becomes one TEI element (DESIGN §3):

    [inserted: words]  add         words added in the original document
    [crossed out: w]   del         words struck out in the original
    [words]            supplied    words the translator or editor supplied
    [?]                note[@type=query]  the translator's or editor's query
    [illegible]        gap[@reason=illegible]   (desc keeps the bracket's words)
    […] [...]          gap[@reason=omitted]
    [inaudible]        gap[@reason=inaudible]
    [Omitted here …]   gap[@reason=omitted];  [2 lines not declassified] gap[@reason=not-declassified]
    [email protected]  gap[@reason=hidden-by-source]  (an address the web page hid)
    [sic]              sic around the preceding word
    [Page 3]           pb[@n=3]
    [laughter]         vocal/desc;  [pause], (BREAK), [music] incident/desc
    [1] ^1 ¹           footnote markers (resolved against the notes at the end)

Brackets nest ([inserted: with [him]]). An unbalanced bracket is kept as
text and reported with its line and column. The brackets are paired in one
pass (linear time, however many are left open), and nesting deeper than
MAX_BRACKET_DEPTH is kept as text: deep nesting is data, but every later stage
(the XML parser's depth limit, the stylesheets) must be able to take the TEI.
"""

from __future__ import annotations

import re

from .model import Inline, Node

# The keywords and page-marker words, shared with the round-trip comparison (textform.py).
ADD_KEYWORDS = r"(?:inserted|insertion|added|handwritten(?: insertion)?|written in)"
DEL_KEYWORDS = r"(?:crossed out|struck out|struck through|deleted)"
PAGE_MARKER = r"(?:page|p\.|pg\.|seite|s\.|str\.|list|l\.|folio|f\.)\s*(\w+)\s*(?:of (?:the )?original)?"

_ADD = re.compile(rf"^\s*{ADD_KEYWORDS}\s*:\s*(.*)$", re.I | re.S)
_DEL = re.compile(rf"^\s*{DEL_KEYWORDS}\s*:\s*(.*)$", re.I | re.S)
_ILLEGIBLE = re.compile(r"^\s*(?:illegible|unreadable|indecipherable)\b.*$", re.I)
_INAUDIBLE = re.compile(r"^\s*(?:inaudible|unintelligible)\b.*$", re.I)
_OMITTED = re.compile(r"^\s*(?:…|\.\s?\.\s?\.(?:\s?\.)*|(?:text |passage |words? )?omitted)\s*$", re.I)
# An editor's or the declassifier's note of what is left out: "[Omitted here is discussion
# of …]", "[2 lines not declassified]", "[1 paragraph (5 lines) not declassified]".
_LEFT_OUT = re.compile(r"^\s*(?:omitted here\b.*|.*\bnot declassified\b.*|.*\b(?:lines?|paragraphs?|pages?|"
                       r"words?|sentences?|names?)\b.*\b(?:omitted|excised|deleted|redacted|withheld)\b.*|"
                       r"(?:excised|redacted|deleted|withheld)\b.*)$", re.I | re.S)
_HIDDEN = re.compile(r"^\s*email\s+protected\s*$", re.I)
_SIC = re.compile(r"^\s*sic!?\s*$", re.I)
_PAGE = re.compile(rf"^\s*{PAGE_MARKER}\s*$", re.I)
_VOCAL = re.compile(r"^\s*(?:laughter|laughs|laughing|applause|coughs?|coughing|sighs?|groans?)\s*$", re.I)
_INCIDENT = re.compile(r"^\s*(?:(?:long |short )?pause|crosstalk|silence|interruption|noise|tape (?:ends|break|cut)"
                       r"|(?:commercial )?break|music)\s*$", re.I)
MAX_BRACKET_DEPTH = 40
_FOOTNOTE = re.compile(r"^\s*(\d{1,3})\s*$")
_QUERY = re.compile(r"^\s*\?\s*$")

# Footnote markers in running text: ^1, ¹, /1/ (FRUS's electronic edition); and spoken
# events in parentheses, as tape transcripts print them: (Laughter.), (Pause), (unintelligible).
_MARKERS = re.compile(r"\^(\d{1,3})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(?<![\d/])/(\d{1,3})/(?![\d/])|"
                      r"\((?P<event>(?:laughter|laughs|laughing|applause|coughs?|coughing|sighs?|"
                      r"(?:long |short )?pause|crosstalk|silence|interruption|noise|inaudible|"
                      r"(?:commercial )?break|music|"
                      r"unintelligible|indistinct|garbled)\.?)\)", re.I)
_FROM_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_TO_SUPERSCRIPT = str.maketrans("1234567890", "¹²³⁴⁵⁶⁷⁸⁹⁰")


def is_spoken_event(text: str) -> bool:
    """Is a parenthesis a spoken event ("(Laughter.)", "(unintelligible)")?"""
    m = _MARKERS.fullmatch(text.strip())
    return bool(m and m.group("event"))


def superscript_number(text: str) -> str:
    """'¹²' -> '12'."""
    return text.translate(_FROM_SUPERSCRIPT)


def footnote_marker(n: str, style: str) -> str:
    """A footnote marker as printed in the given style: [1], ^1, ¹, /1/ or a glued 1."""
    if style == "caret":
        return f"^{n}"
    if style == "superscript":
        return n.translate(_TO_SUPERSCRIPT)
    if style == "number":  # a number glued to the word it annotates: "Conversation1"
        return n
    if style == "slash":
        return f"/{n}/"
    return f"[{n}]"


def parse_inline(text: str, line: int = 0, column: int = 1,
                 warnings: list | None = None, depth: int = 0) -> list[Inline]:
    """Parse one paragraph's text into strings and Nodes."""
    warnings = warnings if warnings is not None else []
    if depth >= MAX_BRACKET_DEPTH:
        warnings.append((line, column, f"brackets nested more than {MAX_BRACKET_DEPTH} deep; "
                                       "the inner ones are kept as text"))
        out: list[Inline] = []
        _flush(text, out)
        return out
    pairs, unclosed, unopened = _pair_brackets(text)
    warnings.extend((line, column + pos, "'[' is never closed; kept as text") for pos in unclosed)
    warnings.extend((line, column + pos, "']' without an opening '['; kept as text")
                    for pos in unopened)
    out = []
    plain_start = 0
    pos = text.find("[")
    while pos >= 0:
        end = pairs.get(pos)
        if end is None:  # never closed: text
            pos = text.find("[", pos + 1)
            continue
        _flush(text[plain_start:pos], out)
        _bracket(text[pos + 1:end], out, line, column + pos + 1, warnings, depth)
        plain_start = end + 1
        pos = text.find("[", plain_start)
    _flush(text[plain_start:], out)
    return out


def _pair_brackets(text: str) -> tuple[dict[int, int], list[int], list[int]]:
    """Each '[' that is closed and the position of its ']'; the '[' never closed;
    the ']' never opened. One pass with a stack."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    unopened: list[int] = []
    for match in re.finditer(r"[\[\]]", text):
        if match.group() == "[":
            open_at.append(match.start())
        elif open_at:
            pairs[open_at.pop()] = match.start()
        else:
            unopened.append(match.start())
    return pairs, open_at, unopened


def _flush(plain: str, out: list[Inline]) -> None:
    """Append plain text, turning ^1, ¹ and /1/ footnote markers into provisional refs
    and spoken events in parentheses into their elements."""
    pos = 0
    for match in _MARKERS.finditer(plain):
        if match.start() > pos:
            out.append(plain[pos:match.start()])
        if match.group("event"):
            inner = match.group("event")
            event: list[Inline] = []
            _bracket(inner.rstrip("."), event, 0, 1, [])
            event[0].attrs["rend"] = "parentheses"
            event[0].children = [Node("desc", {}, [inner])]
        elif match.group(1):
            out.append(Node("ref", {"type": "footnote", "n": match.group(1), "rend": "caret"}))
        elif match.group(3):
            out.append(Node("ref", {"type": "footnote", "n": match.group(3), "rend": "slash"}))
        else:
            number = superscript_number(match.group(2))
            out.append(Node("ref", {"type": "footnote", "n": number, "rend": "superscript"}))
        if match.group("event"):
            out.append(event[0])
        pos = match.end()
    if pos < len(plain):
        out.append(plain[pos:])


def _bracket(inner: str, out: list[Inline], line: int, column: int, warnings: list,
             depth: int = 0) -> None:
    """Classify one bracket's content and append the element it stands for."""
    if m := _ADD.match(inner):
        out.append(Node("add", {}, parse_inline(m.group(1), line, column, warnings, depth + 1)))
    elif m := _DEL.match(inner):
        out.append(Node("del", {}, parse_inline(m.group(1), line, column, warnings, depth + 1)))
    elif _QUERY.match(inner):
        out.append(Node("note", {"type": "query", "place": "inline"}, ["?"]))
    elif _HIDDEN.match(inner):
        out.append(Node("gap", {"reason": "hidden-by-source"}, [Node("desc", {}, [inner])]))
    elif _ILLEGIBLE.match(inner):
        out.append(Node("gap", {"reason": "illegible"}, [Node("desc", {}, [inner])]))
    elif _INAUDIBLE.match(inner):
        out.append(Node("gap", {"reason": "inaudible"}, [Node("desc", {}, [inner])]))
    elif _OMITTED.match(inner):
        out.append(Node("gap", {"reason": "omitted"}, [Node("desc", {}, [inner])]))
    elif _LEFT_OUT.match(inner):
        reason = "not-declassified" if re.search(r"declassif|excised|redacted|withheld", inner, re.I) \
            else "omitted"
        out.append(Node("gap", {"reason": reason}, [Node("desc", {}, [inner])]))
    elif _SIC.match(inner):
        _wrap_sic(out, inner, line, column, warnings)
    elif m := _PAGE.match(inner):
        out.append(Node("pb", {"n": m.group(1)}))
    elif _VOCAL.match(inner):
        out.append(Node("vocal", {}, [Node("desc", {}, [inner])]))
    elif _INCIDENT.match(inner):
        out.append(Node("incident", {}, [Node("desc", {}, [inner])]))
    elif m := _FOOTNOTE.match(inner):
        out.append(Node("ref", {"type": "footnote", "n": m.group(1), "rend": "bracket"}))
    elif not inner.strip():
        warnings.append((line, column - 1, "empty brackets '[]'; kept as text"))
        out.append("[" + inner + "]")
    else:
        out.append(Node("supplied", {}, parse_inline(inner, line, column, warnings, depth + 1)))


def _wrap_sic(out: list[Inline], inner: str, line: int, column: int, warnings: list) -> None:
    """[sic] marks the word before it: that word goes into <sic>, the marker is implied."""
    if out and isinstance(out[-1], str):
        # The space between the word and "[sic]" belongs to the marker.
        m = re.search(r"(\S+)\s*$", out[-1])
        if m:
            before = out[-1][:m.start()]
            out[-1:] = ([before] if before else []) + [Node("sic", {}, [m.group(1)])]
            return
    elif out and isinstance(out[-1], Node):
        out[-1] = Node("sic", {}, [out[-1]])
        return
    warnings.append((line, column - 1, "[sic] with no word before it; kept as text"))
    out.append("[" + inner + "]")
