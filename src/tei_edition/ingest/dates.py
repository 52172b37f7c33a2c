"""Dates as transcripts print them, read into ISO 8601.

Month and weekday names come from CLDR through Babel (``LOCALES``: wide and
abbreviated, format and stand-alone forms), folded for case and accents, so
"September", "Sept.", "septembre", "сентября", "września", "září" and
"szeptember" all read as month 9. A name that means two different months in
two languages is left out.

Forms read:

- month first: "September 17, 1956", "Sept. 17 1956", "MARCH 17,1973",
  "August 3rd, 2015", "September 15-16, 1959" (the first day);
- day first: "16 September 1956", "17th of September 1956",
  "17 de septiembre de 1956", "17. září 1956", "17 сентября 1956 г.",
  "17-го сентября 1956 года", "«13» июня 1956 г.", "17 września 1956 r.",
  "1 Dec. 45" (a two-digit year only at the end of the text);
- year first, month in lower case: "1956. szeptember 17.", "1956. szeptember 17-én";
- numbers: "17.09.1956", "1956-09-17", "1956.09.17.", Roman-numeral months
  ("19 X 56", "12.III.1962", "12-III-1962"), "1956年9月17日", an era's year
  ("中華民國110年3月12日", "平成18年2月15日"; in Chinese numerals as well); with slashes only
  when unambiguous ("3/20/1973"), except in a date field, where the US
  month/day order is read ("DATE: 9/15/59") unless the label is not English;
- month and year: "September 1956", "Sept. 1956", "1957. szeptember" (an
  abbreviation needs its full stop here, so "mar 1956" is not a date);
- a weekday before the date belongs to it ("Tuesday, September 15, 1959",
  "Dienstag, den 15. September 1959");
- a time after the date: "10:00–12:30", "3:30–5:10 p.m.", "11:45 a.m.",
  "10.00 - 12.30 hrs", "1530-1700", "noon", "from 6:00 to 7:10 p.m.",
  "starting at 17:20 until 19:00".

Dates an archive or a web site stamped ("Approved For Release 2011/08/09")
are not the document's and are passed over.

An abbreviation that is also an ordinary word ("mar", "mai", "set") is only
a month with a day or a year beside it. An impossible date (30 February) is
not a date.

Entry points: `find_date` (the first date in a text), `parse_date` (the
whole text is one date), `read_date_field` (a header field such as
"Date: …"), `handling_label` (a label alone on its line, "Document Release
Date:", whose value on the next line is not the document's date), `read_dateline` (a line that is a place and a date) and
`read_time` (a line that is only a time, "FROM 6:00 TO 7:10 P.M."); and
`date_doubts`, what the caller should warn about in a date read (a slash
date's day/month order, a range of days, a weekday that is not the date's).
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from babel import Locale

from .model import DateValue

# The languages whose month and weekday names are read. sr_Latn adds the
# Latin spelling of Serbian; de_AT adds "Jänner". Croatian is not among them: its
# "listopad" is October, Czech and Polish November, and a name of two months is read
# in none. Nor are Latvian, Lithuanian and Catalan: their long dates put words around
# the month ("2020. gada 3. augusts", "2020 m. rugpjūčio 3 d.", "3 d’agost del 2020")
# that the patterns below do not read.
LOCALES = ("en", "de", "de_AT", "fr", "es", "it", "pt", "ru", "uk", "pl", "cs", "sk",
           "hu", "ro", "bg", "sr", "sr_Latn", "sq", "nl", "da", "nb", "sv", "el", "tr", "ar",
           "fi", "et", "is", "sl", "gl", "id", "ms", "sw")
# Arabic-Indic and Persian digits, and the Arabic comma, read as their ASCII forms;
# the marks of writing direction ("01\u200f/01\u200f/1900") are passed over.
_NATIVE = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹،", "01234567890123456789,")
_DIRECTION_MARKS = "\u200e\u200f\u061c"


def fold(word: str) -> str:
    """word for look-up: case-folded, accents removed, final full stops dropped."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


def _name_table(kind: str) -> tuple[dict[str, int], frozenset[str]]:
    """CLDR names of `kind` ("months" or "days"): folded name -> number, and the wide names."""
    numbers: dict[str, set[int]] = {}
    wide: set[str] = set()
    for code in LOCALES:
        names = getattr(Locale.parse(code), kind)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in names[context][width].items():
                    key = fold(name)
                    numbers.setdefault(key, set()).add(number)
                    if width == "wide":
                        wide.add(key)
    # A name that means two things in two languages (Polish "lip" is July,
    # Croatian June) is not read at all.
    table = {key: next(iter(found)) for key, found in sorted(numbers.items()) if len(found) == 1}
    return table, frozenset(wide & table.keys())


MONTHS, WIDE_MONTHS = _name_table("months")      # 1..12
WEEKDAYS, WIDE_WEEKDAYS = _name_table("days")    # 0 = Monday
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
         "IX": 9, "X": 10, "XI": 11, "XII": 12}

# -- patterns ----------------------------------------------------------------------

_WORD = r"(?<![^\W\d_])[^\W\d_]{2,15}(?![^\W\d_])"
_MONTH = rf"(?P<month>{_WORD})(?P<mdot>\.)?"
_QUOTE = "[\"'«»“”„]?"   # «13» июня 1956 г.
_DAY = (rf"{_QUOTE}(?<!\d)(?P<day>[0-3]?\d)(?:\s*[-–]\s*[0-3]?\d(?!\d))?{_QUOTE}"
        r"(?:(?:st|nd|rd|th|er|-?го|-?\u0435)(?![^\W\d_])|\.?[°º]|\.)?")
# a year, also with OCR's spaces between its digits ("1 9 4 5")
_YEAR4 = r"(?P<year>(?:1[0-9]|20)\d\d|(?:1 \d|2 0) \d \d)(?!\d)"
# a two-digit year after an apostrophe ("Sept. 15, '59"), or ending the text ("1 Dec. 45")
_YEAR42 = r"(?P<year>(?:1[0-9]|20)\d\d|(?:1 \d|2 0) \d \d|['’]\d\d|\d\d(?=[.,;)\]]?\s*$))(?!\d)"
# "1956 г.", "1956 года", "1956 r.", "1956. године"
_YEAR_WORD = (r"(?:\.?\s?(?:года\b|году\b|год\.|гг?(?:\.|\b)|року\b|р(?:\.|\b)|roku\b|r(?:\.|\b)"
              r"|godine\b|године\b|god(?:\.|\b)))?")
_OF = r"(?:\s*,?\s*|\s+(?:day\s+of|of|de|del|di)\s+)"
_SEP = r"(?:\.\s*|\s+|-|/)"
_ROMAN = "(?-i:(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I))"

_AMPM = r"(?:[ap]\.\s?m\.?|[ap]m(?![^\W\d_]))"
_CLOCK = (rf"(?:\d{{1,2}}[:.]\d{{2}}(?!\d)|\d{{1,2}}(?=\s*(?:[-–—]\s*\d{{1,2}}(?:[:.]\d\d)?\s*)?{_AMPM})"
          r"|(?:12\s+)?(?:noon|midnight)"
          r"|[0-2]\d[0-5]\d(?=\s*(?:[-–—]\s*[0-2]\d[0-5]\d|hrs\b|hours\b|h\b)))")
_CLOCK_END = rf"(?:\d{{1,2}}[:.]\d{{2}}(?!\d)|\d{{1,2}}(?=\s*{_AMPM})|(?:12\s+)?(?:noon|midnight)|[0-2]\d[0-5]\d(?!\d))"
_TIME_WORD = r"(?:from|at|starting\s+at|beginning\s+at|um|von|ab|à|de|a\s+las|dalle|alle|ore|в|с|от|od|kl\.)"
_TIME_CORE = (rf"(?:{_TIME_WORD}\s+)?"
              rf"(?P<t1>{_CLOCK})(?:\s*(?P<ap1>{_AMPM}))?"
              r"(?:\s*(?:[-–—]|to|until|till|bis|à|a|al|alle|до|do)\s*"
              rf"(?P<t2>{_CLOCK_END})(?:\s*(?P<ap2>{_AMPM}))?)?"
              r"(?:\s*(?P<unit>hrs\b|hours\b|h\b|Uhr\b|o'clock|óra\b|órakor\b|ч\.|час(?:ов|а)?\b))?")
_TIME = rf"(?:(?:\s*[,;]\s*|\s+[-–—]\s+|\s+){_TIME_CORE})?"

# Chinese numerals, and the years before the first of an era: the Japanese eras
# (Heisei 1 is 1989) and the Republic of China's (民國 110 is 2021).
_KANJI_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_KANJI_DIGIT = "".join(_KANJI_VALUES)
_KANJI_NUMBER = _KANJI_DIGIT + "十"
_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018, "民國": 1911, "民国": 1911}
_ERA = rf"(?:中華|中华)?(?P<era>{'|'.join(_ERAS)})"


def _kanji_number(text: str) -> int:
    """"一九四七" digit by digit; "二十七", "十五", "廿一" by tens."""
    if all(c in _KANJI_VALUES for c in text):
        return int("".join(str(_KANJI_VALUES[c]) for c in text))
    total = current = 0
    for char in text:
        if char in _KANJI_VALUES:
            current = _KANJI_VALUES[char]
        elif char == "十":
            total, current = total + (current or 1) * 10, 0
        elif char in "廿卅":
            total, current = total + (20 if char == "廿" else 30), 0
    return total + current


# (pattern, what the month word must be): "any" month name, a "strong" one
# (a wide name, or an abbreviation with its full stop), or a "lower"-case one
# (year-first Hungarian dates, so that "in 1956. May we…" is not one); "kanji" for
# a date in Chinese numerals (read by _kanji_value).
_PATTERNS = [
    # Russia before 1918 dates by both calendars, the Gregorian in brackets: "22 августа
    # (4 сентября) 1918 г.", "10 (23) октября 1917 г."; the Gregorian date is the value
    (rf"(?<!\d)(?P<osday>[0-3]?\d)\s+(?P<osmonth>{_WORD})\s*[(/]\s*{_DAY}\s+{_MONTH}\s*\)?\s*{_YEAR4}{_YEAR_WORD}", "any"),
    (rf"(?<!\d)(?P<osday>[0-3]?\d)\s*\(\s*{_DAY}\s*\)\s*{_MONTH}\s*{_YEAR4}{_YEAR_WORD}", "any"),
    (rf"{_MONTH}\s*{_DAY}(?:,\s*|\s+){_YEAR42}{_YEAR_WORD}", "any"),       # September 17, 1956
    (rf"{_DAY}{_OF}{_MONTH}{_OF}{_YEAR42}{_YEAR_WORD}", "any"),             # 17 de septiembre de 1956
    (rf"{_YEAR4}\.\s*{_MONTH}\s*(?<!\d)(?P<day>[0-3]?\d)(?!\d)"
     r"(?:-(?:[aáeé]n|i|ig|t[oó]l|t[eé]l)\b|\.)?", "lower"),               # 1956. szeptember 17.
    (r"(?<![\d.])(?P<day>[0-3]?\d)\.\s?(?P<num>[01]?\d)\.\s?"
     rf"(?P<year>(?:1[0-9]|20)\d\d|(?P<short>\d\d))(?![\d.]\d){_YEAR_WORD}", "number"),   # 17.09.1956
    (r"(?<!\d)(?P<year>(?:1[0-9]|20)\d\d)-(?P<num>[01]\d)-(?P<day>[0-3]\d)(?!\d)", "number"),  # 1956-09-17
    (r"(?<![\d.])(?P<year>(?:1[0-9]|20)\d\d)\.\s?(?P<num>[01]?\d)\.\s?(?P<day>[0-3]?\d)\.?(?!\d)", "number"),
    (r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/"
     r"(?P<year>(?:1[0-9]|20)\d\d|(?P<short>\d\d))(?![\d/])", "slash"),       # 3/20/1973, 9/15/59
    (r"(?<![\d/])(?P<year>(?:1[0-9]|20)\d\d)/(?P<num>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])", "number"),  # 1975/10/20
    (rf"(?<!\d)(?P<day>[0-3]?\d){_SEP}{_ROMAN}{_SEP}(?P<year>\d{{4}}|\d\d)(?!\d)", "number"),  # 19 X 56
    (r"(?P<year>\d{4})\s*[年년]\s*(?P<num>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日号일]", "number"),
    # an era's year in Arabic digits: "中華民國110年3月12日", "平成18年2月15日"
    (rf"{_ERA}\s*(?P<erayear>元|\d{{1,3}})\s*年\s*(?P<num>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日", "era"),
    # in Chinese numerals, the year digit by digit or by a Japanese era: "一九七二年二月廿一日",
    # "平成十八年二月十五日", "檀紀 四二八○(一九四七)年 三月 二十七日"
    (rf"(?:{_ERA}\s*(?P<erayear>元|[{_KANJI_NUMBER}]{{1,3}})|(?:[{_KANJI_DIGIT}]{{4}}\()?(?P<kanjiyear>[{_KANJI_DIGIT}]{{4}})\)?)"
     rf"\s*年\s*(?P<kanjimonth>[{_KANJI_NUMBER}]{{1,3}})\s*月\s*(?P<kanjiday>[{_KANJI_NUMBER}廿卅]{{1,3}})\s*[日号]", "kanji"),
    # not after a day: "30 February 1956" is no date, not February 1956
    (rf"(?<!\d[\s.])(?<!\d\.\s)(?<!\d\sde\s)(?<!\dth\sof\s){_MONTH}\s*,?\s*(?:(?:de|del|of)\s+)?{_YEAR4}{_YEAR_WORD}",
     "strong"),                                                              # September 1956
    (rf"{_YEAR4}\.\s*{_MONTH}", "lower"),                                    # 1957. szeptember
]
# A date stamped by an archive or a web site, not the document's:
# "Approved For Release 2011/08/09", "accessed 3 May 2020".
_HANDLING = re.compile(r"(?:(?<!immediate )release|released|declassified|accessed|retrieved|printed|posted|updated)"
                       r"\s*(?:on\s+)?[:,]?\s*$", re.IGNORECASE)
_TIME_LEAD = re.compile(rf"(?:\s*[,;]?\s*[-–—]?\s*(?:{_TIME_WORD})?\s*)$", re.IGNORECASE)
_TWO_DIGITS = re.compile(r"\d ?\d")
_COMPILED = [(re.compile(pattern + _TIME, re.IGNORECASE), kind) for pattern, kind in _PATTERNS]

# A weekday before the date, of one word or two ("sexta-feira", Albanian
# "e enjte"), and a wide weekday after it ("1956. szeptember 17., hétfő").
_WEEKDAY_BEFORE = [re.compile(rf"(?<![^\W\d_])(?P<weekday>{words})(?P<wdot>\.)?(?P<comma>,)?\s+"
                              r"(?:(?:den|le|the|el|il)\s+)?$", re.IGNORECASE)
                   for words in (r"[^\W\d_]+[\s-][^\W\d_]+", r"[^\W\d_]{2,15}")]
_WEEKDAY_AFTER = re.compile(r"^\s*[,(]?\s*(?P<weekday>[^\W\d_]+(?:-[^\W\d_]+)?)\)?(?![^\W\d_-])")


def find_date(text: str, century: int = 1900) -> tuple[DateValue, int, int] | None:
    """The first date in text, with its start and end offsets, or None."""
    return _find(text, century)


def most_precise_date(text: str, century: int = 1900) -> DateValue | None:
    """The date in text given to the day if there is one, else to the month, else the
    first: a heading "June, 1960 From the Diary …, 17 May 1960" names its meeting by day."""
    found, position = [], 0
    while (hit := find_date(text[position:], century)) is not None:
        found.append(hit[0])
        position += max(hit[2], 1)
    return max(found, key=lambda value: len(value.iso), default=None)  # the first of equals


def parse_date(text: str, century: int = 1900) -> DateValue | None:
    """text as a date if the whole of it (trimmed, final full stop aside) is one."""
    trimmed = text.strip()
    # the full stop of "p.m." or "1956 г." is the date's, a sentence's is not
    for candidate in dict.fromkeys((trimmed, trimmed.rstrip(".").strip())):
        found = find_date(candidate, century)
        if found and found[1] == 0 and found[2] == len(candidate):
            return found[0]
    return None


def _find(text: str, century: int, slash_order: str = "",
          short_years: bool = False) -> tuple[DateValue, int, int] | None:
    """The first date in text. slash_order says how a field reads 9/10/59:
    "md" (September 10, US), "dm" (9 October); "" reads it only when one
    number cannot be a month. short_years accepts 17.09.56 (a field or a dateline)."""
    printed, kept = text, range(len(text))  # kept[i]: where the read text's i was printed
    if not text.isascii():  # most text is: no marks to pass over, no digits to read
        if any(mark in text for mark in _DIRECTION_MARKS):
            kept = [i for i, c in enumerate(text) if c not in _DIRECTION_MARKS]
            text = "".join(text[i] for i in kept)
        text = text.translate(_NATIVE)
    if not _TWO_DIGITS.search(text) and "年" not in text:
        return None     # every date has a year of two digits at least; most lines have none
    best = None
    for order, (pattern, kind) in enumerate(_COMPILED):
        position = 0
        while (match := pattern.search(text, position)) is not None:
            value = _value(match, kind, century, slash_order, short_years)
            if value is not None and not _HANDLING.search(text, 0, match.start()):
                end = match.start() + len(value.text)     # without a time that was not one
                key = (match.start(), -end, order)
                if best is None or key < best[0]:
                    best = (key, value, match.start(), end)
                break
            position = match.start() + 1
    if best is None:
        return None
    _, value, start, end = best
    # the weekday is printed as part of the date: "Tuesday, September 15, 1959"
    for pattern in _WEEKDAY_BEFORE:
        weekday = pattern.search(text, 0, start)
        if weekday and _is_weekday(weekday):
            prefix = text[weekday.start():start]
            value.text = prefix + value.text
            value.date_text = prefix + value.date_text if value.date_text else ""
            start = weekday.start()
            break
    if not value.time_text:
        after = _WEEKDAY_AFTER.match(text[end:])
        if after and fold(after.group("weekday")) in WIDE_WEEKDAYS:
            end += after.end()
            value.text = text[start:end]
    if printed != text:  # as printed: "يناير ٢٣، ٢٠٠٥"
        def at(offset: int) -> int:
            return kept[offset - 1] + 1 if offset else kept[0]
        if value.date_text:
            value.date_text = printed[kept[start]:at(start + len(value.date_text))]
        value.text = printed[kept[start]:at(start + len(value.text))]
        start, end = kept[start], at(end)
    return value, start, end


def _is_weekday(match: re.Match) -> bool:
    key = fold(match.group("weekday"))
    if key not in WEEKDAYS:
        return False
    return key in WIDE_WEEKDAYS or bool(match.group("wdot") or match.group("comma"))


def _month(match: re.Match, kind: str) -> int | None:
    groups = match.groupdict()
    if groups.get("roman"):
        return ROMAN[groups["roman"]]
    if groups.get("num"):
        return int(groups["num"])
    word = groups["month"]
    key = fold(word)
    if key not in MONTHS:
        return None
    if kind == "strong" and key not in WIDE_MONTHS and not groups.get("mdot"):
        return None
    if kind == "lower" and not word.islower():
        return None
    return MONTHS[key]


def _value(match: re.Match, kind: str, century: int, slash_order: str,
           short_years: bool) -> DateValue | None:
    groups = match.groupdict()
    if kind == "kanji":
        return _kanji_value(match)
    if kind == "era":
        groups["year"] = str(_era_year(groups["era"], groups["erayear"]))
    year_text = groups["year"]
    if groups.get("short") and not short_years:
        return None
    year_text = year_text.replace(" ", "").lstrip("'’")
    year = int(year_text) + (century if len(year_text) == 2 else 0)
    if kind == "slash":
        first, second = int(groups["first"]), int(groups["second"])
        order = "dm" if first > 12 else "md" if second > 12 else slash_order
        if not order:
            return None     # which number is the month is not known
        month, day = (first, second) if order == "md" else (second, first)
    else:
        month = _month(match, kind)
        day = int(groups["day"]) if groups.get("day") else None
    if not month or not 1 <= month <= 12:
        return None
    if day is None:
        return DateValue(match.group(0), f"{year:04d}-{month:02d}")
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    if groups.get("osday") and not _julian(year, groups.get("osmonth"), int(groups["osday"]), month, day):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if not groups.get("t1"):
        return DateValue(match.group(0), iso)
    date_text = _TIME_LEAD.sub("", match.group(0)[:match.start("t1") - match.start()])
    times = _times(groups["t1"], groups.get("ap1"), groups.get("t2"), groups.get("ap2"))
    if times is None:
        return DateValue(date_text, iso)
    value = DateValue(match.group(0), iso, times[0], times[1])
    value.date_text = date_text
    value.time_text = match.group(0)[len(date_text):].lstrip(" ,;–—-")
    return value


def _kanji_value(match: re.Match) -> DateValue | None:
    """A date in Chinese numerals, kept as printed (no time is read after it)."""
    groups = match.groupdict()
    if groups["era"]:
        year = _era_year(groups["era"], groups["erayear"])
    else:
        year = _kanji_number(groups["kanjiyear"])
    month, day = _kanji_number(groups["kanjimonth"]), _kanji_number(groups["kanjiday"])
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    text = match.group(0)[:match.end("kanjiday") - match.start() + 1]   # to 日 or 号
    return DateValue(text, f"{year:04d}-{month:02d}-{day:02d}")


def _era_year(era: str, year: str) -> int:
    """The Gregorian year of an era's year: "元" (the first), Arabic digits or Chinese numerals."""
    return _ERAS[era] + (1 if year == "元" else int(year) if year.isdigit() else _kanji_number(year))


def _julian(year: int, old_month_word: str | None, old_day: int, month: int, day: int) -> bool:
    """Is the day first printed the Julian calendar's name of the Gregorian one after it
    (10 to 13 days before it, as between 1582 and 1923)?"""
    old_month = MONTHS.get(fold(old_month_word)) if old_month_word else month
    if old_month is None:
        return False
    try:
        gap = datetime.date(year, month, day) - datetime.date(year, old_month, old_day)
    except ValueError:
        return False
    return 10 <= gap.days <= 13


_AMBIGUOUS_SLASH = re.compile(r"(?<![\d/])(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|1[0-2])/\d{2,4}(?![\d/])")
_DAY_RANGE = re.compile(r"(?<![\d./-])[0-3]?\d\s*[-–]\s*[0-3]?\d(?![\d./-])")
_WEEKDAY_START = re.compile(rf"^(?P<weekday>{_WORD})\.?,?\s")


def date_doubts(value: DateValue) -> list[str]:
    """What may be read wrong in a date this module read, one sentence each,
    for the caller to report as warnings at the date's line: a slash date
    whose day/month order was taken from its field ("4/5/61"), a range of
    days read as its first day, a weekday that is not the date's."""
    text = value.date_text or value.text
    doubts = []
    slash = _AMBIGUOUS_SLASH.search(text)
    if slash and int(slash.group("a")) != int(slash.group("b")):
        doubts.append(f"“{slash.group(0)}” may be day/month or month/day; read as {value.iso}")
    if _DAY_RANGE.search(text):
        doubts.append(f"“{text}” is a range of days; the date is its first day, {value.iso}")
    if len(value.iso) == 10:
        first = _WEEKDAY_START.match(text)
        names = [first.group("weekday")] if first and fold(first.group("weekday")) in WEEKDAYS else []
        names += [word for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", text)
                  if fold(word) in WIDE_WEEKDAYS and word not in names]
        actual = datetime.date.fromisoformat(value.iso).weekday()
        doubts += [f"“{name}” is not the weekday of {value.iso}" for name in names
                   if WEEKDAYS[fold(name)] != actual]
    return doubts


# -- times -------------------------------------------------------------------------

def _clock(text: str) -> tuple[int, int]:
    """(hours, minutes) of "10:30", "10.30", "1030", "10" or "noon"."""
    text = text.casefold()
    if text.endswith("noon"):
        return 12, 0
    if text.endswith("midnight"):
        return 0, 0
    if len(text) == 4 and text.isdigit():
        return int(text[:2]), int(text[2:])
    hours, _, minutes = re.sub("[.]", ":", text).partition(":")
    return int(hours), int(minutes or 0)


def _twelve(hours: int, ampm: str) -> int:
    """hours on a 12-hour clock with a.m. or p.m., on the 24-hour clock."""
    if ampm.casefold().startswith("a"):
        return 0 if hours == 12 else hours
    return hours if hours == 12 else hours + 12


def _times(first: str, ap1: str | None, second: str | None,
           ap2: str | None) -> tuple[str, str] | None:
    """("HH:MM:SS", "HH:MM:SS" or "") for a time or a range, None if not a clock time."""
    start = _clock(first)
    end = _clock(second) if second else None
    if ap1:
        start = (_twelve(start[0], ap1), start[1])
    if end and ap2:
        end = (_twelve(end[0], ap2), end[1])
        if not ap1 and start[0] <= 12:
            # "3:30–5:10 p.m.": the start shares the p.m. unless that puts it after the end
            afternoon = (_twelve(start[0], ap2), start[1])
            start = afternoon if afternoon <= end else (_twelve(start[0], "a"), start[1])
    elif ap1 and end and end[0] < 12 and end < start:
        end = (end[0] + 12, end[1])     # "11 a.m.–2:30": the end is after noon
    for hours, minutes in filter(None, (start, end)):
        if hours > 23 or minutes > 59:
            return None
    return _iso_time(start), _iso_time(end) if end else ""


def _iso_time(clock: tuple[int, int]) -> str:
    return f"{clock[0]:02d}:{clock[1]:02d}:00"


# -- header fields and datelines ---------------------------------------------------

def _folded_set(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


# Words that make a field label a date label, in English (whose numeric dates
# are month/day/year) and in other languages.
_ENGLISH_DATE_WORDS = _folded_set("date dated time when day delivered recorded held")
_DATE_WORDS = _ENGLISH_DATE_WORDS | _folded_set(
    "datum zeit uhrzeit termin heure fecha hora data ora giorno дата время час датум "
    "dátum időpont idő kelt čas czas dzień dnia ziua tarih tarihi tanggal ημερομηνία "
    "kuupäev datums päivämäärä dato")
# Dates of a web page or an archive's handling, not of the document.
_NOT_DATE_WORDS = _folded_set(
    "release released creation created retrieved accessed access uploaded upload posted "
    "modified updated update declassified declassification approved printed birth born "
    "death died expiry expiration transcribed transcription")
_FIELD = re.compile(r"^\s*(?:[•*·▪◦-]\s*)?(?P<label>[^\W\d_][^:：\t]{0,40}?)\s*"
                    r"(?:[:：]|\t|\s[-–—]\s|\s{2,})\s*(?P<value>\S.*)$", re.DOTALL)
_YEAR_ONLY = re.compile(r"(?P<year>(?:1[0-9]|20)\d\d)\.?")


def read_date_field(text: str, century: int = 1900) -> DateValue | None:
    """The date in a header field line such as "Date: September 15, 1959",
    "DATE AND TIME: Tuesday, 15 September 1959, 10:00 a.m.", "Interview date:
    12 March 1998", "DATE: 9/15/59" or "Time and place: Kremlin, 16 September
    1956", or None when the line is not a date field or holds no date.

    The label is a date label when one of its words is a date or time word
    (date, time, Datum, дата, fecha, …) and none says the date is a web page's
    or an archive's (release, creation, retrieved, birth, …). Numeric dates
    with slashes are month/day under an English label. The value may be a
    bare year ("Date: 1959"). The value's place (in "Time and place: …") is
    read with read_dateline(value).
    """
    field = _FIELD.match(text)
    if not field:
        return None
    words = _label_words(field.group("label"))
    if len(words) > 6 or not words & _DATE_WORDS or words & _NOT_DATE_WORDS:
        return None
    value_text = field.group("value").strip()
    order = "md" if words & _ENGLISH_DATE_WORDS else "dm"
    found = _find(value_text, century, slash_order=order, short_years=True)
    if found:
        return found[0]
    year = _YEAR_ONLY.fullmatch(value_text)
    return DateValue(year.group("year"), year.group("year")) if year else None


# A field's label alone on its line, its value on the next, as a catalogue page
# copied into text has them ("Document Release Date:" / "August 9, 2011").
_BARE_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^:：\t]{0,40}?)\s*[:：]\s*$")


def handling_label(line: str) -> bool:
    """True when line is a field's label alone ("Document Creation Date:") that
    names a date of an archive's or a web site's handling: the date on the
    next line is not the document's."""
    label = _BARE_LABEL.match(line)
    if not label:
        return False
    words = _label_words(label.group("label"))
    return bool(words & _DATE_WORDS and words & _NOT_DATE_WORDS)


def _label_words(label: str) -> set[str]:
    """The words of a field's label, folded, as the date labels are listed."""
    return {fold(word) for word in re.findall(r"[^\W\d_]+", label)}


# A line that is only a time, maybe in brackets or after a label:
# "FROM 6:00 TO 7:10 P.M.", "(Begin: 1530 Hours)", "Time: 3:30–5:10 p.m."
_TIME_LINE = re.compile(r"^\s*[(\[]?\s*(?:(?P<label>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*:\s*)?"
                        rf"(?P<time>{_TIME_CORE})\s*[)\]]?\.?\s*$", re.IGNORECASE)
_TIME_LABEL_WORDS = _DATE_WORDS | _folded_set(
    "begin began beginning start started starting end ended beginn ende début fin inicio начало конец")


def read_time(text: str) -> tuple[str, str, str] | None:
    """(from, to, as printed) for a line that is only a time or a time range,
    alone or after a time label: "FROM 6:00 TO 7:10 P.M.", "Time: 3:30–5:10
    p.m.", "(Begin: 1530 Hours)", "11:45 a.m."; from and to are "HH:MM:SS"
    (to is "" for a single time). None for anything else, and for a bare
    "10.30", which may as well be a number."""
    line = _TIME_LINE.match(text)
    if not line:
        return None
    label = line.group("label")
    if label and not {fold(word) for word in label.split()} & _TIME_LABEL_WORDS:
        return None
    clock = line.group("t1")
    if not (label or line.group("t2") or line.group("ap1") or line.group("unit") or ":" in clock
            or clock.casefold().endswith(("noon", "midnight"))):
        return None
    times = _times(clock, line.group("ap1"), line.group("t2"), line.group("ap2"))
    return (times[0], times[1], line.group("time").strip()) if times else None


_DATELINE_MAX = 140
# What links a place to its date: "Paris, le 17 septembre", "Warszawa, dnia 17 …"
_PLACE_END = re.compile(r"(?:\s*[,–—-]\s*(?:(?:le|den|am|on|the|dnia|dne|el|il|em)\s+)?"
                        r"|\s+(?:le|den|dnia|dne)\s+)$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"^(?:\s*[,–—-]|\s{2,})\s*(?:(?:in|at|near|bei|à|en|в|во|w|v|u|na)\s+)?(?P<place>.+?)$",
                          re.IGNORECASE)
_TAIL_NOISE = re.compile(r"\s*(?:\[\w{1,4}\]|/\d{1,3}/|\(\d{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=\.)\d{1,2})?[.;]?\s*$")
# Small words inside place names: "Frankfurt am Main", "Santiago de Chile".
_PLACE_LINKS = _folded_set("of on upon de del la le du des am an der bei im na nad pod w v u y sur "
                           "near the")
# Words that show a line is a heading, a classification or a person, not a place.
_NOT_PLACE_WORDS = _folded_set(
    "memorandum memo conversation record minutes transcript meeting notes note letter "
    "telegram cable report interview talk talks session summary statement speech diary "
    "document copy page volume vol part chapter excerpt message dispatch airgram "
    "secret confidential classified restricted unclassified "
    "mr mrs ms dr cde comrade comrades genosse tovarishch president chairman "
    "запись беседа беседы протокол стенограмма aktennotiz niederschrift vermerk protokoll "
    "gespräch entretien notatka protokół záznam jegyzőkönyv feljegyzés informare "
    "заседание sitzung posiedzenie zasedání ülés séance sesión")


def read_dateline(text: str, century: int = 1900) -> tuple[str, DateValue, int, int] | None:
    """A short line that is a place and a date (and maybe a time):
    "Washington, September 15, 1959, 3:30–5:10 p.m.", "Moscow, 16 September
    1956", "Kremlin, 12.III.1962", "Paris, le 17 septembre 1956", or the date
    first: "August 2, 1958, in Fengziyuan". Returns (place, date, start, end),
    start and end being the date's offsets in text; None for a line that is
    not one (a sentence with a date in it, a heading, a date alone, a field).

    The place is one to six words, capitalised or small linking words, with
    no digits, quotes or colon, and no heading word (Memorandum, Record, …).
    A person's name in a place's shape ("Anna Novak, 3 May 1990") cannot be
    told from a place here: the caller knows where a dateline stands.
    """
    if len(text.strip()) > _DATELINE_MAX:
        return None
    found = _find(text, century, short_years=True)
    if not found:
        return None
    value, start, end = found
    head, tail = text[:start], _TAIL_NOISE.sub("", text[end:])
    if head.strip():
        link = _PLACE_END.search(head)
        if not link or tail.strip():
            return None
        place = head[:link.start()].strip()
        if not re.match(r"\s*[,–—-]", link.group(0)) and len(place.split()) > 3:
            return None     # "Warszawa dnia 17 …", not "Posiedzenie Biura … dnia 10 …"
    else:
        after = _PLACE_AFTER.match(tail)
        if not after:
            return None
        place = after.group("place").strip()
    return (place, value, start, end) if _is_place(place) else None


def _is_place(text: str) -> bool:
    if not text or len(text) > 60 or not _capital(text):
        return False
    if re.search(r"[\d\"“”«»„:;?!()\[\]/]", text) or fold(text) in MONTHS or fold(text) in WEEKDAYS:
        return False
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        key = fold(word)
        if key in _NOT_PLACE_WORDS or not (_capital(word) or key in _PLACE_LINKS):
            return False
    return True


def _capital(word: str) -> bool:
    """word begins with a capital, or with a letter of a script without case."""
    first = word[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())
