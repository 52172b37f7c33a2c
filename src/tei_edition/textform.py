"""TEI back to plain text (xslt/tei-to-text.xsl), and the comparison convention.

The round trip holds when normalise(source without dropped lines and line marks) equals
normalise(tei_to_text(TEI)). normalise() forgives only what the encoding
does not keep: runs of whitespace (and whether a dash was followed by one, in
Chinese and Japanese whether a label's colon or bracket was, and whether a Korean
speaker's mark "◎" was preceded by one), the case and wording
of the "inserted:" keyword, and the spelling of page markers ("[p. 3]" is written
"[Page 3]").
"""

from __future__ import annotations

import re

from .ingest.frontmatter import unmark
from .ingest.inline import ADD_KEYWORDS, DEL_KEYWORDS, PAGE_MARKER
from .xslt import stylesheet

_ADD_KEYWORD = re.compile(rf"\[\s*{ADD_KEYWORDS}\s*:\s*", re.I)
_DEL_KEYWORD = re.compile(rf"\[\s*{DEL_KEYWORDS}\s*:\s*", re.I)
_PAGE = re.compile(rf"\[\s*{PAGE_MARKER}\s*\]", re.I)


def tei_to_text(tei) -> str:
    """The plain-text form of a TEI document (lxml tree or bytes)."""
    return stylesheet("tei-to-text.xsl").transform(tei)


def normalise(text: str) -> str:
    """The form in which source and round-tripped text are compared."""
    text = _ADD_KEYWORD.sub("[inserted: ", text)
    text = _DEL_KEYWORD.sub("[crossed out: ", text)
    text = _PAGE.sub(lambda m: f"[Page {m.group(1)}]", text)
    text = re.sub(r"\[\s+", "[", text)
    text = re.sub(r"\s+\]", "]", text)
    # Chinese and Japanese put no spaces between words: a space the text form sets
    # after a label ("王明远: 大家好", "【記者】 訪問", "(○:広田市長) それでは"), or a line
    # break a page set inside a label after its bracket ("○議長(" / "中村義彦議員)"), is
    # no difference from the source.
    text = re.sub(r"(?<=[:：(（】)）])\s+(?=[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef])", "", text)
    # A Korean transcript's speaker mark may be glued to the speech before it ("…안녕하십니까?◎
    # 윤호중 >"): a turn begins there, and the text form starts it after a space.
    text = re.sub(r"\s+(?=◎)", "", text)
    # A label's closing dash may be glued to the speech ("Sr. Paz. -Señora", "RR—they");
    # the text form sets a space after the label, so a space after a dash is no difference.
    text = re.sub(r"(?<=[-–—])\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def source_without_dropped(lines: list[str], dropped_lines: set[int]) -> str:
    """The transcript's text less the lines the converter dropped (page furniture, the
    front matter) and less the editor's @ and \\ line marks."""
    return "\n".join(unmark(line) for number, line in enumerate(lines, start=1)
                     if number not in dropped_lines)
