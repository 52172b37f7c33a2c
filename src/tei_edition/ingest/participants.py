"""The list of participants, run-in or one per line, grouped by side.

Run-in:   Present: Cdes. Mikoyan, Ponomarev, and Yudin. The Korean delegation:
          Choe Yong-geon (Deputy Chairman of the KWP CC), Rim Hae (member …).
Lines:    Participants:            (or a group heading: "Soviet side:")
          - N. S. Khrushchev, First Secretary of the CPSU CC
          Mao Zedong      Chairman of the CCP
"""

from __future__ import annotations

import re
from functools import lru_cache

from .inline import parse_inline
from .model import Inline, Node, Participant, ParticipantGroup, ParticipantList
from .people import PeopleIndex

# Abbreviations of states and sides that CLDR's territory names do not list.
_SIDE_ABBREVIATIONS = {"us", "u.s.", "usa", "u.s.a.", "ussr", "uk", "u.k.", "prc", "dprk", "gdr",
                       "frg", "rok", "drv", "un", "nato", "soviet union", "soviet"}
_SIDE_WORDS = re.compile(r"(?:^(?:for|on|from) the\b|\b(?:side|delegation|participants|party|"
                         r"government|embassy|team|group|officials|members)$)", re.I)


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """Country and region names in English, from CLDR (Babel), folded for comparison."""
    from babel import Locale

    return frozenset(name.casefold() for name in Locale("en").territories.values())


def is_side_name(text: str) -> bool:
    """Is a participants line the name of a side ("US", "Soviet Union", "Chinese side")
    rather than a person? A side never becomes a person."""
    name = re.sub(r"^[-–•*·]\s*", "", text.strip()).rstrip(":").strip()
    folded = re.sub(r"^the\s+", "", name.casefold())
    if not name or "," in name or len(name.split()) > 6:
        return False
    return (folded in _SIDE_ABBREVIATIONS or folded in _territories()
            or bool(_SIDE_WORDS.search(name)))


_BULLET = re.compile(r"^(?P<bullet>[-–•*·]|\d{1,2}[.)])\s+")
_GROUP = re.compile(r"^(?P<label>(?:On the |For the |From the )?[^\W\d_][^:()\[\]]{1,60}?):\s*$")


def _depth_zero_splits(text: str, pattern: re.Pattern) -> list[re.Match]:
    """Matches of pattern that lie outside any brackets or parentheses."""
    result = []
    for m in pattern.finditer(text):
        before = text[:m.start()]
        if before.count("(") == before.count(")") and before.count("[") == before.count("]"):
            result.append(m)
    return result


def read_run_in(text: str, intro: re.Match, line: int, people: PeopleIndex,
                warnings: list, honorifics) -> ParticipantList:
    """Read 'Present: …' written as running text."""
    spans: list[tuple[int, int, str, dict]] = []
    groups: list[ParticipantGroup] = []
    body_start = intro.end()
    # Group labels: "The Korean delegation:" after a full stop, or at the very start.
    label_re = re.compile(r"(?:(?<=^)|(?<=[.;]\s))(?P<label>[^\W\d_][^:.;()\[\]]{2,60}):\s*")
    starts = [m for m in _depth_zero_splits(text[body_start:], label_re)]
    pieces: list[tuple[str, int, int]] = []  # (label, start, end) of each group's item text
    cursor, label = body_start, ""
    for m in starts:
        if m.start() + body_start > cursor:
            pieces.append((label, cursor, body_start + m.start()))
        label = m.group("label").strip()
        spans.append((body_start + m.start("label"), body_start + m.end("label"), "label", {}))
        cursor = body_start + m.end()
    pieces.append((label, cursor, len(text)))
    for label, start, end in pieces:
        group = ParticipantGroup(label=label)
        groups.append(group)
        chunk = text[start:end]
        lead = re.match(rf"\s*(?:(?:{honorifics})\s*)*", chunk, re.I)  # "tow. tow.", "Cdes."
        offset = start + (lead.end() if lead else 0)
        items_text = text[offset:end]
        separators = _depth_zero_splits(items_text, re.compile(r"\s*(?:,|;)\s*(?:and\s+)?|\s+and\s+|\.\s*$"))
        item_start = 0
        for sep in [*separators, None]:
            item_end = sep.start() if sep else len(items_text)
            _read_item(items_text[item_start:item_end], offset + item_start, group, spans, people)
            if sep:
                item_start = sep.end()
    groups = [g for g in groups if g.members]
    content = _wrap_spans(text, sorted(spans), line, warnings)
    return ParticipantList(content=content, line=line, groups=groups)


def _read_item(item: str, offset: int, group: ParticipantGroup, spans: list,
               people: PeopleIndex) -> None:
    """One 'Name (Role)' item of a run-in list."""
    m = re.match(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<role>[^()]*)\))?\s*$", item)
    if not m or not m.group("name").strip():
        return
    name = m.group("name")
    if not any(c.isupper() for c in name[:1]) or len(name.split()) > 6:
        return
    pid = people.resolve(name)
    spans.append((offset + m.start("name"), offset + m.end("name"), "persName", {"ref": f"#{pid}"}))
    role = ""
    if m.group("role") is not None and m.group("role").strip():
        role = m.group("role").strip()
        spans.append((offset + m.start("role"), offset + m.end("role"), "roleName", {}))
        people.hold(role, pid)
    group.members.append(Participant(id=pid, name=_plain(name), role=role))


def read_line_item(text: str, line: int, people: PeopleIndex, group: ParticipantGroup,
                   warnings: list) -> tuple[str, list[Inline], str]:
    """One participant on its own line: (bullet, inline content, kind)."""
    bullet = ""
    offset = 0
    if m := _BULLET.match(text):
        bullet, offset = m.group("bullet"), m.end()
    rest = text[offset:]
    if (m := _GROUP.match(rest)) or is_side_name(rest):
        group.label = (m.group("label") if m else rest).strip().rstrip(":")
        return bullet, parse_inline(rest, line, offset + 1, warnings), "group"
    split = (re.match(r"^(?P<name>.+?)(?P<sep>\s{2,}|\t+|,\s+|\s+[-–—]\s+)(?P<role>.+)$", rest)
             or re.match(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*$", rest))
    name, role = (split.group("name"), split.group("role")) if split else (rest.rstrip(" ."), "")
    pid = people.resolve(name)
    spans = [(offset + rest.index(name), offset + rest.index(name) + len(name), "persName",
              {"ref": f"#{pid}"})]
    if role:
        people.hold(role, pid)
        start = rest.rindex(role)
        spans.append((offset + start, offset + start + len(role.rstrip(" ."))
                      if role.rstrip(" .") else offset + start + len(role), "roleName", {}))
    group.members.append(Participant(id=pid, name=_plain(name), role=role.strip().rstrip(".")))
    return bullet, _wrap_spans(text, spans, line, warnings, start=offset), "person"


def _plain(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("[", "").replace("]", "")).strip()


def _wrap_spans(text: str, spans: list, line: int, warnings: list, start: int = 0) -> list[Inline]:
    """Inline content of text with the given spans wrapped in elements."""
    out: list[Inline] = []
    cursor = start
    for begin, end, tag, attrs in sorted(spans):
        if begin < cursor:
            continue
        out.extend(parse_inline(text[cursor:begin], line, cursor + 1, warnings))
        if tag == "label":
            out.append(text[begin:end])
        else:
            out.append(Node(tag, dict(attrs), parse_inline(text[begin:end], line, begin + 1, warnings)))
        cursor = end
    out.extend(parse_inline(text[cursor:], line, cursor + 1, warnings))
    return [piece for piece in out if piece != ""]
