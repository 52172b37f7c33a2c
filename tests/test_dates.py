"""Dates, header date fields and datelines (ingest/dates.py), on invented lines."""

import re
from datetime import date, timedelta

import pytest
from babel import Locale
from hypothesis import given, settings
from hypothesis import strategies as st
from babel.dates import format_date

from tei_edition.ingest.dates import (
    LOCALES, MONTHS, WEEKDAYS, date_doubts, find_date, fold, parse_date, read_date_field, read_dateline,
    read_time,
)


def found(text, century=1900):
    """(iso, the date's text as cut from text) of the first date in text."""
    result = find_date(text, century)
    return result and (result[0].iso, text[result[1]:result[2]])


# -- month names from CLDR ---------------------------------------------------------

MONTH_FORMS = [
    # language: the form as an editor would type it, and what it means
    ("en", "Monday, March 4, 1963", "1963-03-04"),
    ("en", "Oct. 30, 1961", "1961-10-30"),
    ("de", "4. März 1963", "1963-03-04"),
    ("de", "4. Jänner 1963", "1963-01-04"),
    ("fr", "le 4 mars 1963", "1963-03-04"),
    ("fr", "1er février 1963", "1963-02-01"),
    ("es", "4 de marzo de 1963", "1963-03-04"),
    ("es", "1º de mayo de 1960", "1960-05-01"),
    ("it", "1° luglio 1958", "1958-07-01"),
    ("pt", "3 de novembro de 1974", "1974-11-03"),
    ("pt", "1.º de maio de 1960", "1960-05-01"),
    ("ru", "4 марта 1963 г.", "1963-03-04"),
    ("ru", "4-го марта 1963 года", "1963-03-04"),
    ("ru", "«22» апреля 1961 г.", "1961-04-22"),
    ("uk", "5 травня 1960 р.", "1960-05-05"),
    ("pl", "4 marca 1963 r.", "1963-03-04"),
    ("cs", "21. srpna 1968", "1968-08-21"),
    ("sk", "22. augusta 1968", "1968-08-22"),
    ("hu", "1963. március 4.", "1963-03-04"),
    ("hu", "1963. márc. 4-én", "1963-03-04"),
    ("ro", "8 mai 1966", "1966-05-08"),
    ("bg", "4 март 1963 г.", "1963-03-04"),
    ("sr", "12. јун 1971. године", "1971-06-12"),
    ("sr-Latn", "12. jun 1971", "1971-06-12"),
]


@pytest.mark.parametrize("language,text,iso", MONTH_FORMS, ids=[f[1] for f in MONTH_FORMS])
def test_a_date_in_each_language_is_read_whole(language, text, iso):
    assert found(text)[0] == iso
    if not text.startswith("le "):
        assert found(text)[1] == text


@pytest.mark.parametrize("code", LOCALES)
def test_every_cldr_month_name_of_a_locale_is_known(code):
    """The table is CLDR's, wide and abbreviated, format and stand-alone; a
    name is left out only when it means another month in another language."""
    months = Locale.parse(code).months
    missing = []
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in months[context][width].items():
                if MONTHS.get(fold(name), number) != number:
                    missing.append(name)
    assert not missing


def test_names_are_folded_for_case_and_accents():
    assert MONTHS[fold("SZEPTEMBER")] == MONTHS[fold("Září")] == 9
    assert found("4 MARZO 1963") == ("1963-03-04", "4 MARZO 1963")
    assert found("17 zari 1968")[0] == "1968-09-17"     # accents lost in a typed copy


def test_stand_alone_month_and_year():
    assert found("Heading for wrzesień 1956 only")[0] == "1956-09"
    assert found("сентябрь 1956 г.") == ("1956-09", "сентябрь 1956 г.")


# -- what is not a date ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The sea, mar 1956 was calm",          # "mar" is an abbreviation, and a word
    "we set 1956 aside",                   # "set" (Portuguese, Italian)
    "Mai 19",                              # no year
    "In 1956. May we speak frankly?",      # year-first dates have lower-case months
    "30 February 1956",                    # impossible
    "NARA, RG 59, Central Decimal File, 1955-59, 711.00/4-1156.",
    "Page 12 of 1956 report",
])
def test_ordinary_words_and_file_numbers_are_not_dates(text):
    assert find_date(text) is None


def test_an_abbreviation_beside_a_day_is_a_month():
    assert found("met on 16 mar 1956")[0] == "1956-03-16"
    assert found("Sept. 1956")[0] == "1956-09"


def test_an_archive_stamp_is_not_the_document_date():
    line = "Approved For Release 2004/10/12 : XYZ-12345 Memorandum of 7 May 1958"
    assert found(line)[0] == "1958-05-07"


# -- numbers --------------------------------------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("17.09.1956", "1956-09-17"),
    ("1956-09-17", "1956-09-17"),
    ("1956.09.17.", "1956-09-17"),
    ("1975/10/20", "1975-10-20"),
    ("19 X 56", "1956-10-19"),
    ("12.III.1962", "1962-03-12"),
    ("12-III-1962", "1962-03-12"),
    ("1963年3月4日", "1963-03-04"),
    ("3/20/1973", "1973-03-20"),          # 20 cannot be a month
    ("20/3/1973", "1973-03-20"),
])
def test_numeric_dates(text, iso):
    assert found(text)[0] == iso


def test_an_ambiguous_slash_date_outside_a_field_is_not_read():
    assert find_date("see 4/5/1961 above") is None


def test_two_digit_years():
    assert found("2 Jan. 46") == ("1946-01-02", "2 Jan. 46")
    assert found("2 Jan. 46", century=1800)[0] == "1846-01-02"
    assert find_date("on 3 May 46 people came") is None
    assert find_date("17.09.56") is None                  # only in fields and datelines


def test_english_long_forms():
    assert found("Sworn this 9th day of March, 1964, before me") == ("1964-03-09", "9th day of March, 1964")
    assert found("Dated Sept. 15, '59, 3 p.m.")[0] == "1959-09-15"


def test_ocr_spaces_inside_the_year():
    assert found("on Friday, 13th July, 1 9 5 1 , at noon")[0] == "1951-07-13"


# -- weekdays and times -------------------------------------------------------------

@pytest.mark.parametrize("text,date_text", [
    ("Thursday, June 5, 1958", "Thursday, June 5, 1958"),
    ("Donnerstag, den 5. Juni 1958", "Donnerstag, den 5. Juni 1958"),
    ("jeudi 5 juin 1958", "jeudi 5 juin 1958"),
    ("четверг, 5 июня 1958 г.", "четверг, 5 июня 1958 г."),
    ("Thu., June 5, 1958", "Thu., June 5, 1958"),
])
def test_a_weekday_belongs_to_the_date(text, date_text):
    value = parse_date(text)
    assert value is not None and value.iso == "1958-06-05" and value.text == date_text


def test_a_word_before_a_date_is_not_a_weekday():
    assert found("Meeting, June 5, 1958") == ("1958-06-05", "June 5, 1958")


@pytest.mark.parametrize("text,time_from,time_to,time_text", [
    ("June 5, 1958, 2:15–4:40 p.m.", "14:15:00", "16:40:00", "2:15–4:40 p.m."),
    ("June 5, 1958, 9:05 a.m.", "09:05:00", "", "9:05 a.m."),
    ("June 5, 1958, 11:30-12:45 p.m.", "11:30:00", "12:45:00", "11:30-12:45 p.m."),
    ("June 5, 1958, 12:10-1:05 PM", "12:10:00", "13:05:00", "12:10-1:05 PM"),
    ("5 June 1958, 09.30 - 11.15 hrs", "09:30:00", "11:15:00", "09.30 - 11.15 hrs"),
    ("5 June 1958, 0930-1115", "09:30:00", "11:15:00", "0930-1115"),
    ("5 June 1958, noon", "12:00:00", "", "noon"),
    ("5 June 1958, from 16:00 until 18:20", "16:00:00", "18:20:00", "from 16:00 until 18:20"),
    ("Thursday, 5 June 1958 - 4-5 pm", "16:00:00", "17:00:00", "4-5 pm"),
    ("5. Juni 1958, 10.00 bis 12.30 Uhr", "10:00:00", "12:30:00", "10.00 bis 12.30 Uhr"),
])
def test_times_after_a_date(text, time_from, time_to, time_text):
    value = parse_date(text)
    assert (value.iso, value.time_from, value.time_to, value.time_text) == \
        ("1958-06-05", time_from, time_to, time_text)
    assert value.text == text and text.startswith(value.date_text) and "1958" in value.date_text


def test_an_impossible_time_leaves_the_date():
    assert parse_date("5 June 1958, 25:70") is None
    assert found("5 June 1958, 25:70") == ("1958-06-05", "5 June 1958")
    assert find_date("5 June 1958, 25:70")[0].time_from == ""


def test_a_number_after_a_date_is_not_a_time():
    assert found("on 5 June 1958 14 delegates came") == ("1958-06-05", "5 June 1958")


# -- header fields --------------------------------------------------------------------

@pytest.mark.parametrize("line,iso,time_from", [
    ("Date: June 5, 1958", "1958-06-05", ""),
    ("DATE AND TIME: Thursday, 5 June 1958, 10:00 a.m.", "1958-06-05", "10:00:00"),
    ("Interview date: 14 October 1999", "1999-10-14", ""),
    ("DATE: 6/5/58", "1958-06-05", ""),                    # US month/day
    ("Datum: 6/5/1958", "1958-05-06", ""),                 # day/month under a German label
    ("Time and place: Karlsbad, 5 June 1958", "1958-06-05", ""),
    ("  • Date: June 5, 1958", "1958-06-05", ""),
    ("Recorded on: 6/17/1972", "1972-06-17", ""),
    ("Time of meeting: 5 June 1958, starting at 16:10 until 17:00", "1958-06-05", "16:10:00"),
    ("DATE AND TIME       Thursday, June 5, 1958", "1958-06-05", ""),
    ("Дата беседы: 5 июня 1958 г.", "1958-06-05", ""),
    ("Fecha: 5 de junio de 1958", "1958-06-05", ""),
    ("Date: 1958", "1958", ""),
    ("Date:\nJune 5, 1958", "1958-06-05", ""),              # a label alone, its value below
    ("Tarih:08/05/1958", "1958-05-08", ""),                # Turkish: day/month
    ("Ημερομηνία: 8 Μαΐου 1958", "1958-05-08", ""),
    ("Tanggal: 8 Mei 1958", "1958-05-08", ""),
])
def test_date_fields(line, iso, time_from):
    value = read_date_field(line)
    assert value is not None and (value.iso, value.time_from) == (iso, time_from)


@pytest.mark.parametrize("line", [
    "Document Release Date: June 5, 2008",     # the archive's date, not the document's
    "Date of birth: 2 April 1921",
    "Subject: the treaty of 5 June 1958",
    "Date: to be agreed",
    "Washington, June 5, 1958",
])
def test_lines_that_are_not_date_fields(line):
    assert read_date_field(line) is None


# -- datelines -----------------------------------------------------------------------

@pytest.mark.parametrize("line,place,iso,date_text", [
    ("Karlsbad, June 5, 1958, 2:15–4:40 p.m.", "Karlsbad", "1958-06-05", "June 5, 1958, 2:15–4:40 p.m."),
    ("Vilnius, 16 July 1962", "Vilnius", "1962-07-16", "16 July 1962"),
    ("Lake Placid, June 5, 1958, 11:05 a.m.", "Lake Placid", "1958-06-05", "June 5, 1958, 11:05 a.m."),
    ("Belvedere, 4.IX.1962", "Belvedere", "1962-09-04", "4.IX.1962"),
    ("            Lake Placid, June 5, 1958", "Lake Placid", "1958-06-05", "June 5, 1958"),
    ("Potsdam, 05.06.1958", "Potsdam", "1958-06-05", "05.06.1958"),
    ("Duluth, Minn. – 5 June 1958", "Duluth, Minn.", "1958-06-05", "5 June 1958"),
    ("Lyon, le 5 juin 1958", "Lyon", "1958-06-05", "5 juin 1958"),
    ("Киев, 5 июня 1958 г.", "Киев", "1958-06-05", "5 июня 1958 г."),
    ("Szeged, 1958. június 5.", "Szeged", "1958-06-05", "1958. június 5."),
    ("Poznań, dnia 5 czerwca 1958 r.", "Poznań", "1958-06-05", "5 czerwca 1958 r."),
    ("Frankfurt am Main, 5. Juni 1958", "Frankfurt am Main", "1958-06-05", "5. Juni 1958"),
    ("June 5, 1958, in Lushan[2]", "Lushan", "1958-06-05", "June 5, 1958"),
    ("June 5, 1958     Ulan Bator", "Ulan Bator", "1958-06-05", "June 5, 1958"),
])
def test_datelines(line, place, iso, date_text):
    result = read_dateline(line)
    assert result is not None
    got_place, value, start, end = result
    assert (got_place, value.iso, line[start:end]) == (place, iso, date_text)


@pytest.mark.parametrize("line", [
    "The delegation reached Karlsbad on 5 June 1958 and rested.",   # a sentence
    "Memorandum of Conversation, June 5, 1958",                    # a heading
    "Record of the Talks with Comrade Petrov, 5 June 1958",
    "Top Secret, 5 June 1958",
    "June 5, 1958",                                                # no place
    "Date: June 5, 1958",                                          # a field
    "Talks between Anna Kovacs and Pavel Ruml on 5 June 1958",
    "Sitzung des Vorstandes der Werkstatt dnia 5 czerwca 1958",
    "June 5, 1958: THE CHAIRMAN AND THE MINISTER, OFFICE",
    "June 5, 1958, Thursday",
])
def test_lines_that_are_not_datelines(line):
    assert read_dateline(line) is None


def test_weekday_table_is_cldr():
    assert WEEKDAYS[fold("Donnerstag")] == WEEKDAYS[fold("четверг")] == 3


# -- a time alone ---------------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("FROM 4:05 TO 6:20 P.M.", ("16:05:00", "18:20:00", "FROM 4:05 TO 6:20 P.M.")),
    ("Time: 9:10–10:55 a.m.", ("09:10:00", "10:55:00", "9:10–10:55 a.m.")),
    ("(Begin: 0915 Hours)", ("09:15:00", "", "0915 Hours")),
    ("Beginn: 14.00 Uhr", ("14:00:00", "", "14.00 Uhr")),
    ("12 noon", ("12:00:00", "", "12 noon")),
    ("2215-2340", ("22:15:00", "23:40:00", "2215-2340")),
])
def test_a_line_that_is_a_time(line, expected):
    assert read_time(line) == expected


@pytest.mark.parametrize("line", ["10.30", "Subject: 10:00", "Mr. Novak: 10:00", "Time: 26:10",
                                  "The talks began at 10:00 and ended at noon."])
def test_lines_that_are_not_a_time(line):
    assert read_time(line) is None


# -- what the caller warns about ------------------------------------------------------

def test_doubts_are_named_for_the_warning():
    assert date_doubts(read_date_field("DATE: 4/5/61")) == [
        "“4/5/61” may be day/month or month/day; read as 1961-04-05"]
    assert date_doubts(read_date_field("DATE: 4/25/61")) == []
    assert date_doubts(parse_date("June 5-6, 1958")) == [
        "“June 5-6, 1958” is a range of days; the date is its first day, 1958-06-05"]
    assert date_doubts(parse_date("Monday, June 5, 1958, 10:00–11:00")) == [
        "“Monday” is not the weekday of 1958-06-05"]
    assert date_doubts(parse_date("1958. június 5., szerda")) == [
        "“szerda” is not the weekday of 1958-06-05"]


@pytest.mark.parametrize("text", ["Thursday, June 5, 1958, 10:00–11:00", "1958-06-05", "12-III-1962",
                                  "June 5, 1958", "June 1958", "Donnerstag, den 5. Juni 1958",
                                  "1958. június 5., csütörtök", "Thu., June 5, 1958"])
def test_a_plain_date_has_no_doubts(text):
    assert date_doubts(parse_date(text)) == []


# -- CLDR's own date formats, read back --------------------------------------------

SAMPLE_DAYS = [date(1900, 1, 1) + timedelta(days=n * 1733) for n in range(28)]   # 1900-2032


@pytest.mark.parametrize("code", LOCALES)
@pytest.mark.parametrize("style", ["long", "medium", "full"])
def test_cldr_date_formats_read_back(code, style):
    """Every locale's long, medium and full date format (with the weekday,
    before or after the date), as Babel prints it, is read as that date."""
    wrong = []
    for day in SAMPLE_DAYS:
        text = format_date(day, format=style, locale=code)
        if re.fullmatch(r"[\d\u200f/]+", text) and day.day <= 12:
            continue  # Arabic's medium d/M/y: numbers alone are read only where one cannot be a month
        value = parse_date(text)
        if value is None or value.iso != day.isoformat():
            wrong.append(text)
    assert not wrong


def test_a_weekday_after_the_date_belongs_to_it():
    assert found("1958. június 5., csütörtök") == ("1958-06-05", "1958. június 5., csütörtök")
    assert found("June 5, 1958 (Thursday)") == ("1958-06-05", "June 5, 1958 (Thursday)")
    assert found("June 5, 1958, Thursday morning") == ("1958-06-05", "June 5, 1958, Thursday")
    assert found("June 5, 1958, Karlsbad") == ("1958-06-05", "June 5, 1958")


# -- any text ---------------------------------------------------------------------------

_PIECES = st.sampled_from(["5", "05", "1958", "58", "'58", "June", "juni", "июня", "Jun.", "mar", "III", ".", ",",
                           " ", "-", "/", "–", "p.m.", "10:30", "1030", "noon", "Thursday", "Date:", "Karlsbad",
                           "de", "г.", "年", "月", "日", "(", ")", "\n", "0", "31", "12"])


@given(st.lists(_PIECES, max_size=14).map("".join) | st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_date_or_none_and_the_span_is_the_text(text):
    result = find_date(text)
    if result is not None:
        value, start, end = result
        assert text[start:end] == value.text
        assert value.iso[:4].isdigit()
        date_doubts(value)
    for reader in (parse_date, read_date_field, read_time):
        reader(text)
    line = read_dateline(text)
    if line is not None:
        assert text[line[2]:line[3]] == line[1].text


def test_dates_in_arabic_and_scandinavian_languages():
    """Arabic-Indic digits, the Arabic comma and a writing-direction mark are read,
    the date kept as printed; Danish, Norwegian and Swedish month names are CLDR's."""
    found, start, end = find_date("نشر في الأحد، يناير ٢٣، ٢٠٠٥ مساء")
    assert found.iso == "2005-01-23" and found.text == "الأحد، يناير ٢٣، ٢٠٠٥"
    assert "نشر في الأحد، يناير ٢٣، ٢٠٠٥ مساء"[start:end] == found.text
    assert parse_date("30\u200f/09\u200f/1904").iso == "1904-09-30"
    assert parse_date("onsdag den 27. november 2013").iso == "2013-11-27"
    assert parse_date("28. mars 2019").iso == "2019-03-28"
    assert parse_date("3 maj 1994").iso == "1994-05-03"


def test_a_date_printed_by_both_calendars_is_the_gregorian_one():
    """Russian records before 1918 print the Julian date, then the Gregorian in
    brackets ("22 августа (4 сентября) 1918 г.", "10 (23) октября 1917 г."): the
    Gregorian one is the value, the whole is kept as printed; brackets whose day is
    not the Gregorian name of the first are no second calendar."""
    found, start, end = find_date("Протокол № 3. 22 августа (4 сентября) 1918 г.")
    assert (found.iso, found.text) == ("1918-09-04", "22 августа (4 сентября) 1918 г.")
    assert parse_date("10 (23) октября 1917 г.").iso == "1917-10-23"
    assert parse_date("25 октября (7 ноября) 1917 года").iso == "1917-11-07"
    assert find_date("Item 3 (4) March 1950")[0].iso == "1950-03"


def test_dates_in_chinese_numerals():
    """Chinese, Japanese and Korean records write dates in Chinese numerals: the year
    digit by digit ("一九七二年二月廿一日"), by a Japanese era ("平成十八年二月十五日",
    "昭和元年"), or the Gregorian year in brackets after another era's
    ("四二八○(一九四七)年 三月 二十七日"); the whole is kept as printed."""
    assert parse_date("一九七二年二月廿一日").iso == "1972-02-21"
    assert find_date("平成十八年二月十五日(水曜日)")[0].text == "平成十八年二月十五日"
    assert parse_date("平成十八年二月十五日").iso == "2006-02-15"
    assert parse_date("昭和元年十二月三十日").iso == "1926-12-30"
    found, start, end = find_date("檀紀 四二八○(一九四七)年 三月 二十七日(木曜日)")
    assert (found.iso, found.text) == ("1947-03-27", "四二八○(一九四七)年 三月 二十七日")
    assert find_date("二月三十日") is None


def test_an_eras_year_in_arabic_digits():
    """Taiwan's records count the years of the Republic (民國 110 is 2021), Japan's
    pages its eras, often in Arabic digits."""
    found, start, end = find_date("時  間 中華民國110年3月12日(星期五)上午10時2分")
    assert (found.iso, found.text) == ("2021-03-12", "中華民國110年3月12日")
    assert parse_date("民國104年3月24日").iso == "2015-03-24"
    assert parse_date("平成18年2月15日").iso == "2006-02-15"
    assert parse_date("令和元年5月1日").iso == "2019-05-01"
    assert parse_date("中華民國三十八年五月一日").iso == "1949-05-01"
    assert find_date("民國110年2月30日") is None


@pytest.mark.parametrize("text, iso", [
    ("Kikao cha Tatu – Tarehe 12 Novemba, 2020", "2020-11-12"),      # Swahili
    ("Torstai 23. maaliskuuta 2017", "2017-03-23"),                  # Finnish
    ("Neljapäev, 23. märts 2017", "2017-03-23"),                     # Estonian
    ("Istana Negara, Jakarta, Selasa, 21 Februari 2012", "2012-02-21"),  # Indonesian
    ("Kuala Lumpur, 4 Mei 2013", "2013-05-04"),                      # Malay
    ("Ljubljana, 3. avgust 2010", "2010-08-03"),                     # Slovenian
])
def test_months_of_more_languages(text, iso):
    """Month names of Swahili, Finnish, Estonian, Indonesian, Malay and Slovenian, from
    CLDR as the others are."""
    assert find_date(text)[0].iso == iso
