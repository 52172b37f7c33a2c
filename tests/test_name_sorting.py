"""Names sort by surname in the persons indexes (HTML and PDF): the register's
surname and forename, or its sort key, else the name without honorifics or
titles, its last word first; a name in a CJK script as written. Other
spellings are cross-references to the entry."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tei_edition.errors import EditionError
from tei_edition.register import load_edition, name_parts, name_sort_key


@pytest.mark.parametrize("name, first_letter", [
    ("Mr. Foy D. Kohler", "k"),
    ("A. Akalovsky", "a"),
    ("Cde. Mikoyan", "m"),
    ("Ambassador Llewellyn Thompson", "t"),
    ("Comrade Andrei Gromyko", "g"),
    ("Martin Luther King Jr.", "k"),
    ("毛泽东", "毛"),
])
def test_honorifics_and_titles_are_never_sort_keys(name, first_letter):
    assert name_sort_key(name)[0] == first_letter


def test_the_sort_key_orders_an_index():
    names = ["Mr. Foy D. Kohler", "A. Akalovsky", "Ambassador Llewellyn Thompson", "Władysław Gomułka"]
    assert sorted(names, key=name_sort_key) == [
        "A. Akalovsky", "Władysław Gomułka", "Mr. Foy D. Kohler", "Ambassador Llewellyn Thompson"]
    # the register's surname wins: a family name written first
    assert name_sort_key("Kim Il Sung", "Kim", "Il Sung") < name_sort_key("Mr. Foy D. Kohler")
    assert name_sort_key("Kim Il Sung") > name_sort_key("Mr. Foy D. Kohler")  # "Sung" without it
    assert name_sort_key("Anyone", sort="zzz") == "zzz"
    assert " " not in name_sort_key("Mr. Foy D. Kohler")  # TEI's @sortKey is one word


def test_name_parts_mark_surname_and_forename_where_the_name_holds_them():
    assert name_parts("Foy D. Kohler", "Kohler", "Foy D.") == [
        ("forename", "Foy D."), ("", " "), ("surname", "Kohler")]
    assert name_parts("Kim Il Sung", "Kim", "Il Sung") == [
        ("surname", "Kim"), ("", " "), ("forename", "Il Sung")]
    assert name_parts("Zhou Enlai", "Chou", "") == [("", "Zhou Enlai")]


EDITION = """\
[edition]
title = "Names"

[[persons]]
id = "kohler"
name = "Foy D. Kohler"
surname = "Kohler"
forename = "Foy D."

[[persons]]
id = "akalovsky"
name = "A. Akalovsky"

[[persons]]
id = "zhou"
name = "Zhou Enlai"
surname = "Zhou"
forename = "Enlai"
spellings = ["Chou En-lai"]

[[persons]]
id = "thompson"
name = "Llewellyn Thompson"
"""

TRANSCRIPT = """\
MEMORANDUM OF CONVERSATION

Present: Mr. Foy D. Kohler, A. Akalovsky, Zhou Enlai, Ambassador Llewellyn Thompson

Mr. Kohler: We spoke with Zhou Enlai about Berlin.

Akalovsky: The interpreter confirmed it.

Ambassador Thompson: So did I.
"""


def test_the_persons_page_and_the_volume_sort_by_surname(tmp_path):
    import io
    import subprocess

    from tei_edition.build import Options, run_build

    edition = tmp_path / "names"
    (edition / "transcripts").mkdir(parents=True)
    (edition / "edition.toml").write_text(EDITION, encoding="utf-8")
    (edition / "transcripts" / "memo.txt").write_text(TRANSCRIPT, encoding="utf-8")
    code = run_build([edition], Options(jobs=1, stages=("convert", "validate", "html", "pdf",
                                                        "site", "volume"),
                                        keep_going=False, stream=io.StringIO(), bars=False))
    assert code == 0
    tei = (edition / "build" / "tei" / "memo.xml").read_text(encoding="utf-8")
    assert "<persName><forename>Foy D.</forename> <surname>Kohler</surname></persName>" in tei
    page = lxml_html.parse(str(edition / "build" / "persons.html")).getroot()
    # each entry by its heading, a cross-reference by its whole text
    order = [" ".join((li.cssselect("h2") or [li])[0].text_content().split())
             for li in page.cssselect(".person-index > li")]
    assert order == ["A. Akalovsky", "Chou En-lai, see Zhou Enlai", "Kohler, Foy D.",
                     "Llewellyn Thompson", "Zhou, Enlai"]
    see = page.cssselect(".see-also a")[0]
    assert see.get("href") == "#zhou"
    assert "Documents with this person" in page.get_element_by_id("kohler").text_content()
    text = subprocess.run(["pdftotext", "-layout", str(edition / "build" / "pdf" / "volume.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    index = " ".join(text[text.rindex("Index of persons"):].split())
    positions = [index.find(name) for name in ("A. Akalovsky", "Chou En-lai, see Zhou Enlai",
                                               "Kohler, Foy D.", "Llewellyn Thompson", "Zhou, Enlai")]
    assert -1 not in positions and positions == sorted(positions), index


@pytest.mark.parametrize("entry, message", [
    ('surname = 3', "edition.toml:5: person 'p': 'surname' must be a string"),
    ('forename = ["A"]', "edition.toml:5: person 'p': 'forename' must be a string"),
    ('sort = true', "edition.toml:5: person 'p': 'sort' must be a string"),
])
def test_a_bad_surname_forename_or_sort_is_one_line_with_its_line(tmp_path, entry, message):
    (tmp_path / "edition.toml").write_text(
        f'[edition]\ntitle = "T"\n\n[[persons]]\n{entry}\nid = "p"\nname = "P Q"\n', encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        load_edition(tmp_path)
    assert str(caught.value).endswith(message)


def test_tei_made_elsewhere_sorts_without_its_honorifics(tmp_path):
    """Persons with no @sortKey and no surname marked: the name as written, less a
    roleName and leading abbreviated honorifics ("Mr."), while an initial stays."""
    from tei_edition.html import HtmlRenderer

    people = [("smith", "Mr. Aaron Smith"), ("lang", "<roleName>Ambassador</roleName> Bruno Lang"),
              ("king", "Leo King"), ("zorn", "C. Zorn")]
    persons = "".join(f'<person xml:id="{pid}"><persName>{name}</persName></person>'
                      for pid, name in people)
    tei = tmp_path / "elsewhere.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="elsewhere"><teiHeader><fileDesc>'
        "<titleStmt><title>Names</title></titleStmt><publicationStmt><p>Tests.</p>"
        "</publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc><profileDesc>"
        f"<particDesc><listPerson>{persons}</listPerson></particDesc></profileDesc></teiHeader>"
        '<text><body><p>Words.</p></body></text></TEI>', encoding="utf-8")
    renderer = HtmlRenderer({})
    renderer.document(tei, tmp_path / "site")
    renderer.site([tei], tmp_path / "site")
    page = lxml_html.parse(str(tmp_path / "site" / "persons.html")).getroot()
    order = [li.get("id") for li in page.cssselect(".person-index > li[id]")]
    assert order == ["smith", "lang", "zorn", "king"]
