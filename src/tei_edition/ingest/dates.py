"""Dates as transcripts print them, read into ISO 8601.

Forms: "September 17, 1956", "Sept. 17, 1956", "16 September 1956",
"17th of September 1956", "17. September 1956" (German), "17.09.1956",
"1956-09-17", Roman-numeral months ("19 X 56", "19.X.1956"), month and
year ("September 1956"), and a time range after the date
("16 September 1956, 10:00–12:30"). An impossible date (30 February) is
not a date.
"""

from __future__ import annotations

import datetime
import re

from .model import DateValue

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # Hungarian
    "január": 1, "február": 2, "március": 3, "április": 4, "május": 5, "június": 6,
    "július": 7, "augusztus": 8, "szeptember": 9, "október": 10, "december": 12,
}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
         "IX": 9, "X": 10, "XI": 11, "XII": 12}

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (r"(?:\s*,?\s*(?:from\s+)?(?P<t1>\d{1,2}[:.]\d{2})(?:\s*(?:[-–—]|to|until|bis)\s*"
         r"(?P<t2>\d{1,2}[:.]\d{2}))?(?:\s*(?:(?P<ampm>[ap]\.\s?m\.|[ap]m\b)|h\b|hrs\b|hours\b|Uhr\b))?)?")

PATTERNS = [
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}"),                  # September 17, 1956
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}"),        # 16 September 1956
    re.compile(rf"(?P<day>\d{{1,2}})\.\s?(?P<num>\d{{1,2}})\.\s?{_YEAR}{_TIME}"),  # 17.09.1956
    re.compile(rf"{_YEAR}-(?P<num>\d{{2}})-(?P<day>\d{{2}}){_TIME}"),     # 1956-09-17
    re.compile(rf"(?P<day>\d{{1,2}})[\s.]+(?P<roman>X{{0,1}}I{{1,3}}|I?V|VI{{1,3}}|I?X|XI{{1,2}}|XII)[\s.]+(?P<year>\d{{4}}|\d{{2}})\b{_TIME}"),
    re.compile(rf"{_YEAR}\.\s*{_MONTH}\s+(?P<day>\d{{1,2}})\.?"),           # 1957. szeptember 3. (Hungarian)
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),                               # September 1956
    re.compile(rf"{_YEAR}\.\s*{_MONTH}\b"),                                # 1957. szeptember
]


def find_date(text: str, century: int = 1900) -> tuple[DateValue, int, int] | None:
    """The first date in text, with its start and end offsets, or None."""
    best = None
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            value = _value(match, century)
            if value is None:
                continue
            if best is None or match.start() < best[1]:
                best = (value, match.start(), match.end())
            break
    return best


def parse_date(text: str, century: int = 1900) -> DateValue | None:
    """text as a date if the whole of it (trimmed, final full stop aside) is one."""
    stripped = text.strip().rstrip(".").strip()
    found = find_date(stripped, century)
    if found and found[1] == 0 and found[2] == len(stripped):
        return found[0]
    return None


def _value(match: re.Match, century: int) -> DateValue | None:
    groups = match.groupdict()
    year_text = groups.get("year")
    if not year_text:
        return None
    year = int(year_text)
    if len(year_text) == 2:
        year += century
    if groups.get("month"):
        month = MONTHS.get(groups["month"].lower().rstrip("."))
    elif groups.get("roman"):
        month = ROMAN.get(groups["roman"])
    else:
        month = int(groups["num"]) if groups.get("num") else None
    if not month:
        return None
    day = groups.get("day")
    if day is None:
        return DateValue(match.group(0), f"{year:04d}-{month:02d}")
    try:
        datetime.date(year, month, int(day))
    except ValueError:
        return None
    value = DateValue(match.group(0), f"{year:04d}-{month:02d}-{int(day):02d}")
    if groups.get("t1"):
        date_text = match.group(0)[:match.start("t1") - match.start()].rstrip(" ,").removesuffix(" from")
        afternoon = (groups.get("ampm") or "").lower().startswith("p")
        value.time_from = _time(groups["t1"], afternoon)
        value.time_to = _time(groups["t2"], afternoon) if groups.get("t2") else ""
        if value.time_from is None or value.time_to is None:
            return DateValue(date_text, value.iso)
        value.date_text = date_text
        value.time_text = match.group(0)[len(date_text):].lstrip(" ,")
    return value


def _time(text: str, afternoon: bool = False) -> str | None:
    hours, minutes = (int(x) for x in re.split(r"[:.]", text))
    if hours > 24 or minutes > 59:
        return None
    if afternoon and hours < 12:
        hours += 12
    return f"{hours:02d}:{minutes:02d}:00"
