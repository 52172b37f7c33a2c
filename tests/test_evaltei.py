"""`make eval-tei`: how words are counted, and one run over a folder of TEI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import typst

from tei_edition.evaltei import html_words, kept, pdf_words, tei_words, words

FOREIGN = Path(__file__).parent / "fixtures" / "foreign"


def test_words_ignore_case_vowel_points_tatweel_and_ligatures():
    assert words("السَّلَامُ عَلَيْكُمْ") == words("السلام عليكم")
    assert words("كتـــاب") == Counter({"كتاب": 1})
    assert words("The ﬁne Fine") == Counter({"fine": 2, "the": 1})
    assert words("שָׁלוֹם") == words("שלום")


def test_scripts_without_spaces_count_each_character():
    assert words("源氏物語の巻") == Counter({c: 1 for c in "源氏物語の巻"})


def test_kept_counts_repetitions():
    source = Counter({"rose": 3, "is": 2})
    assert kept(source, Counter({"rose": 1, "is": 5})) == 3 / 5
    assert kept(Counter(), Counter({"x": 1})) == 1.0


def test_the_source_words_are_the_text_outside_the_header():
    # the letter's header names its title and people; none of that is counted
    counted = tei_words(FOREIGN / "letter-from-elsewhere.xml")
    assert sum(counted.values()) == 46
    assert counted["quill"] == 0 and counted["orchard"] == 1
    # an element edge is a word boundary even without a space in the file
    assert counted["dear"] == 1 and counted["tomas"] == 1


def test_text_after_a_comment_counts_and_a_pause_ends_a_word(tmp_path):
    tei = tmp_path / "t.xml"
    tei.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
                   "<p>Vall<!-- a scribe's sign -->R af</p><u>you said<pause/>fish</u></body></text></TEI>",
                   encoding="utf-8")
    counted = tei_words(tei)
    assert counted["vallr"] == 1 and counted["af"] == 1
    assert counted["said"] == 1 and counted["fish"] == 1


def test_a_word_hyphenated_at_a_pdf_line_end_is_whole_again(tmp_path):
    source = Counter({"lanterns": 1, "well": 1, "known": 1})
    pdf = tmp_path / "t.pdf"
    # a backslash at a line end is Typst's forced line break
    pdf.write_bytes(typst.compile("lan-\\\nterns well-\\\nknown".encode()))
    found = pdf_words(pdf, source)
    assert found["lanterns"] == 1
    assert found["well"] == 1 and found["known"] == 1


def test_a_word_typst_hyphenated_with_a_soft_hyphen_counts_once(tmp_path):
    # Typst hyphenates long words in a narrow column and writes the hyphen as
    # U+00AD, which pdftotext leaves at the line end without joining
    word = "Unabhängigkeitserklärungen"
    source = Counter({word.casefold(): 6})
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(typst.compile(('#set page(width: 4.5cm)\n#set text(lang: "de", hyphenate: true)\n'
                                   + " ".join([word] * 6)).encode()))
    layer = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "\u00ad\n" in layer          # the case this measures: hyphenated at a line end
    assert pdf_words(pdf, source) == source


def test_a_note_call_and_a_sign_inside_a_word_do_not_split_it(tmp_path):
    # "a[ya]m": the word "ayam" with "ya" supplied; "Gruß1": a word and its note call
    source = words("ayam Gruß vermutlich")
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(typst.compile("a\\[ya\\]m Gruß#super[1]\n\n#super[2]Vermutlich".encode()))
    assert pdf_words(pdf, source) == source
    page = tmp_path / "t.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><p>a<span class="bracket">'
                    '[</span>ya<span class="bracket">]</span>m Gruß<sup>1</sup></p>'
                    '<p><sup>2</sup>Vermutlich</p></body></html>',
                    encoding="utf-8")
    assert kept(source, html_words(page)) == 1.0


def test_marks_that_are_readings_of_their_own_split_the_word(tmp_path):
    # <subst><add>T</add><del>t</del></subst>he: the TEI counts "T", "t" and "he"
    source = words("T t he expressed")
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(typst.compile("⟨T⟩⟦t⟧he expressed".encode()))
    assert pdf_words(pdf, source) == source


def test_a_run_over_a_folder_reports_each_file(tmp_path):
    folder = tmp_path / "tei" / "letters"
    folder.mkdir(parents=True)
    shutil.copy(FOREIGN / "letter-from-elsewhere.xml", folder)
    (folder / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>")
    report = tmp_path / "eval.json"
    result = subprocess.run([sys.executable, "-m", "tei_edition.evaltei", str(tmp_path / "tei"),
                             "-o", str(tmp_path / "out"), "--json", str(report)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "letters/letter-from-elsewhere.xml" in result.stdout
    figures = {row["file"]: row for row in json.loads(report.read_text())}
    letter = figures["letters/letter-from-elsewhere.xml"]
    assert (letter["validate"]["exit"], letter["html"]["exit"], letter["pdf"]["exit"]) == (0, 0, 0)
    assert letter["words"] == 46 and letter["status"] == "valid TEI P5; 4 profile faults"
    assert 0 < letter["html_kept"] <= 1 and 0 < letter["pdf_kept"] <= 1
    broken = figures["letters/broken.xml"]
    assert broken["status"] == "not well-formed"
    assert (broken["html"]["exit"], broken["html"]["crash"]) == (1, False)
    assert broken["html"]["message"].startswith("error: ")
    assert any(line.startswith("letters ") and line.split()[1] == "2"
               for line in result.stdout.splitlines())
