"""The PDF edition: what a reader, an archivist and a printer would check.

Everything runs for real: saxonche, the typst compiler, poppler's pdftotext,
pdffonts and pdftoppm. The PDFs are rendered once per session.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ContentStream

from tei_edition.errors import EditionError
from tei_edition.pdf import PdfRenderer
from tei_edition.xmlsafe import parse_xml_bytes

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
EXAMPLE = REPO / "docs" / "tei-shape-example.xml"
HOSTILE = FIXTURES / "hostile.xml"
MEMO = FIXTURES / "memorandum.xml"
ARTIFACTS = REPO / "test-artifacts"
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}

EDITION = {
    "title": "Soviet–Korean Party Conversations, 1956",
    "short_title": "Soviet–Korean Conversations",
    "editors": ["Jane Editor", "John Editor"],
    "publisher": "tei-edition sample editions",
    "licence": "CC BY 4.0",
    "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    "base_url": "https://example.org/",
    "language": "en",
}


def pdftotext(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    result = subprocess.run(args + [str(pdf), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with line breaks undone, for phrase searches: Typst's own
    hyphens are soft hyphens and go; a hyphen of the text stays."""
    text = re.sub(r"\u00ad\n", "", text)
    return " ".join(re.sub(r"-\n", "-", text).split())


def long_document(tmp: Path) -> Path:
    """The example with its turns repeated until the record runs over several pages."""
    tree = parse_xml_bytes(EXAMPLE.read_bytes())
    div = tree.find(".//t:div", NS)
    turns = div.findall("t:sp", NS)
    for n in range(4, 60):
        turn = copy.deepcopy(turns[n % 2])
        turn.set("{http://www.w3.org/XML/1998/namespace}id", f"turn-{n}")
        div.append(turn)
    tree.getroot().set("{http://www.w3.org/XML/1998/namespace}id", "long-record")
    path = tmp / "long-record.xml"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path


@pytest.fixture(scope="session")
def renderer() -> PdfRenderer:
    return PdfRenderer(EDITION)


@pytest.fixture(scope="session")
def out(renderer, tmp_path_factory) -> dict[str, Path]:
    """Every PDF the tests look at, rendered once."""
    tmp = tmp_path_factory.mktemp("pdf")
    pdf_dir = tmp / "pdf"
    long_tei = long_document(tmp)
    pdfs = {name: renderer.document(path, pdf_dir)
            for name, path in [("example", EXAMPLE), ("hostile", HOSTILE), ("memo", MEMO),
                               ("long", long_tei)]}
    pdfs["volume"] = renderer.volume([EXAMPLE, HOSTILE, MEMO], pdf_dir)
    pdfs["long-tei"] = long_tei
    letter = PdfRenderer(EDITION, paper="us-letter")
    pdfs["letter"] = letter.document(EXAMPLE, tmp / "letter")
    return pdfs


# ------------------------------------------------------------- files, names


def test_documents_are_named_by_their_tei_id(out):
    assert out["example"].name == "korean-delegation-1956-09-16.pdf"
    assert out["hostile"].name == "hostile-1957-03-02.pdf"
    assert out["volume"].name == "volume.pdf"
    assert out["example"].read_bytes().startswith(b"%PDF-")


def test_file_stem_names_a_document_without_xml_id(renderer, tmp_path):
    tree = parse_xml_bytes(MEMO.read_bytes())
    del tree.getroot().attrib["{http://www.w3.org/XML/1998/namespace}id"]
    path = tmp_path / "no-id-here.xml"
    tree.write(str(path), encoding="UTF-8")
    assert renderer.document(path, tmp_path / "pdf").name == "no-id-here.pdf"


def test_same_tei_gives_the_same_bytes(renderer, out, tmp_path):
    again = renderer.document(EXAMPLE, tmp_path)
    assert again.read_bytes() == out["example"].read_bytes()


# --------------------------------------------------------- reading the text


def test_speakers_and_turns_in_reading_order(out):
    text = flat(pdftotext(out["example"]))
    order = [
        "Cde. Mikoyan How does Cde. Kim Il Sung feel?",
        "Cde. Cde. Rim Hae (clarifies) ⟨With respect to⟩ Yun Kong-hum,",
        "to expel [him].",
        "from a conversation over lunch.",
        "Cde. Mikoyan I myself see it was probably hard for you.",
        "Recorded by V. Kovyzhenko",
    ]
    positions = [text.find(phrase) for phrase in order]
    assert -1 not in positions, list(zip(order, positions))
    assert positions == sorted(positions)


def test_speaker_label_is_printed_without_its_separator(out):
    text = pdftotext(out["example"])
    assert "Mikoyan -" not in text
    assert "Rim Hae -" not in text


def test_title_block_shows_date_classification_translator(out):
    page1 = flat(pdftotext(out["example"], 1))
    for phrase in ["Conversation with the Delegation of the Korean Worker's Party at the 8th CCP Congress",
                   "Document dated 17 September 1956 · Meeting held 16 September 1956",
                   "Translated by Gary Goldberg", "Soviet–Korean Party Conversations, 1956"]:
        assert phrase in page1, phrase
    # the original classification stands above the title, as on the original
    assert page1.find("Top Secret") < page1.find("Conversation with the Delegation")


def test_participants_are_listed_by_group(out):
    page1 = flat(pdftotext(out["example"], 1))
    assert "Participants Present Anastas Mikoyan, First Deputy Chairman" in page1
    assert "The Korean delegation Choe Yong-geon, Deputy Chairman of the KWP CC" in page1


def test_participants_bear_the_offices_they_held_at_the_date(out):
    page1 = flat(pdftotext(out["memo"], 1))
    assert "Il Nam (1915–1976), Minister of Foreign Affairs of the DPRK" in page1
    assert "Vice-Premier" not in page1  # an office taken in 1957, after this 1955 record


def test_editorial_signs_are_explained_by_a_printed_legend(out):
    layout = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(out["example"]), "-"],
                            capture_output=True, check=True).stdout.decode("utf-8")
    rows = [" ".join(line.split()) for line in layout.splitlines()]
    # the same signs and meanings as the HTML legend (both from common.xsl)
    assert "⟨inserted⟩ Inserted: words added in the original document." in rows
    assert "[supplied] Supplied: words the translator or editor added for sense." in rows
    assert "[?] Query: the translator or editor doubts the reading here." in rows
    assert "[illegible] […] Gap: text illegible, or omitted in the source." in rows
    text = flat(pdftotext(out["example"]))
    assert "⟨With respect to⟩" in text and "[illegible] […]" in text
    # a document without those signs gets no legend
    assert "Editorial signs" not in pdftotext(out["hostile"])


def test_source_note_is_a_footnote(out):
    page1 = pdftotext(out["example"], 1)
    note = "1GARF, Fond 5446, Opis 98c, Delo 718, Listy 49-57. Translated by Gary Goldberg."
    assert note in page1.replace("\u00b9", "1")
    # the footnote sits below the body, above the page foot
    assert page1.find("Recorded by") < page1.find("GARF, Fond") < page1.find("Page 1 of 1")


def test_editorial_note_is_a_footnote(out):
    text = pdftotext(out["memo"])
    body_end = text.find("Recorded by")
    assert 0 < body_end < text.find("The file holds no reply.")


def test_text_hidden_by_the_source_keeps_its_description_in_brackets_once(out):
    text = flat(pdftotext(out["example"]))
    assert "History and Public Policy Program at [email protected]." in text
    assert "[[" not in text


def test_a_correction_prints_the_corrected_reading_and_notes_the_original(out):
    text = flat(pdftotext(out["memo"]))
    assert "Council of Ministers in P'yŏngyang" in text
    assert "The original reads “Pyongyan”." in text


def test_hostile_text_is_printed_literally(out):
    text = flat(pdftotext(out["hostile"]))
    for literal in [
        'Memorandum #read("/etc/passwd") on "quotes" \\ and */',
        'Typst code #read("/etc/passwd") and #import "evil.typ": * stay text.',
        "Markup *bold* _emph_ $a + b$ @label <label> `raw` ~ -- --- ... stays text.",
        'Backslashes \\ \\\\ \\" \\u{41} and comments // line /* block */ stay text;'
        ' so do ] [ } { ) ( and "\\".',
        "Record _of_ the #emph[talk]",
        "#strong[Secret]",
        "Cde. #Mikoyan",
        "Side *one*",
        '#panic("role")',
        "Archiv $x^2$ @ref <lbl> // f. 1, op. 2, d. 3 /* ll. 4-5 */",
        '#link("x") licence',
    ]:
        assert literal in text, literal
    assert "root:" not in text  # /etc/passwd was not read


def test_hostile_text_reaches_typst_only_as_string_literals(renderer):
    source = renderer.typst_source(parse_xml_bytes(HOSTILE.read_bytes()))
    # outside string literals, no trace of the document's text remains
    code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', source)
    for fragment in ["passwd", "evil", "bold", "panic", "Mikoyan", "x^2", "/*"]:
        assert fragment not in code, fragment


def test_latin_diacritics_and_cyrillic_have_glyphs(out):
    text = flat(pdftotext(out["hostile"]))
    assert "Diacritics: Ŭ ŏ ă ş ő ż č ñ ø Æ ß — Cyrillic: Да, товарищ Хрущёв." in text
    assert "Никита Хрущёв" in text
    assert "Ljubica Žukić-Ŏrŭm" in text


def notdef_glyphs(pdf: Path) -> int:
    """How many times a page shows glyph 0 (.notdef, the 'missing glyph' box).
    Typst's fonts are CID fonts with Identity-H: two bytes per glyph id."""
    reader = PdfReader(str(pdf))
    count = 0
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator not in (b"Tj", b"TJ", b"'", b'"'):
                continue
            strings = operands[-1] if operator == b"TJ" else operands[-1:]
            for s in strings:
                raw = getattr(s, "original_bytes", None)
                if raw is None:
                    continue
                count += sum(1 for i in range(0, len(raw) - 1, 2) if raw[i:i + 2] == b"\0\0")
    return count


def test_no_missing_glyph_boxes(out):
    for name in ["example", "hostile", "memo", "volume"]:
        assert notdef_glyphs(out[name]) == 0, name


def test_missing_glyph_check_can_fail(tmp_path):
    # The same check finds the box Typst draws for a character no font has.
    import typst

    pdf = typst.compile(b'#set text(font: "Libertinus Serif")\nA \xe6\xbc\xa2 B', format="pdf",
                        font_paths=typst.Fonts(include_system_fonts=False), ignore_system_fonts=True)
    path = tmp_path / "box.pdf"
    path.write_bytes(pdf)
    assert notdef_glyphs(path) == 1


def test_cjk_prints_and_a_character_no_font_has_is_a_clear_error(renderer, tmp_path):
    tree = parse_xml_bytes(MEMO.read_bytes())
    tree.find(".//t:body//t:p", NS).text = "Minister 南日 called"
    path = tmp_path / "cjk.xml"
    tree.write(str(path), encoding="UTF-8")
    assert "Minister 南日 called" in flat(pdftotext(renderer.document(path, tmp_path / "ok")))
    # an unassigned code point: no installed font can show it, and PDF/A forbids a blank box
    tree.find(".//t:body//t:p", NS).text = "Minister \u0378 called"
    path = tmp_path / "unassigned.xml"
    tree.write(str(path), encoding="UTF-8")
    with pytest.raises(EditionError) as caught:
        renderer.document(path, tmp_path / "pdf")
    message = str(caught.value)
    assert "unassigned.xml" in message and "fonts-noto-core" in message and "\n" not in message
    assert not (tmp_path / "pdf" / "memorandum-1955-06-01.pdf").exists()


# ------------------------------------------------------------- the page


def test_every_font_is_embedded(out):
    for name in ["example", "hostile", "volume"]:
        listing = subprocess.run(["pdffonts", str(out[name])], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
        assert listing, name
        for row in listing:
            # columns: name type encoding emb sub uni object ID; emb is 5th from the end
            assert row.split()[-5] == "yes", row


def test_a4_by_default_us_letter_by_option(out):
    a4 = PdfReader(str(out["example"])).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    letter = PdfReader(str(out["letter"])).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_unknown_paper_is_refused():
    with pytest.raises(EditionError, match="paper"):
        PdfRenderer(EDITION, paper="a5")


def test_running_heads_and_page_n_of_n(out):
    pdf = out["long"]
    pages = len(PdfReader(str(pdf)).pages)
    assert pages >= 3
    first = pdftotext(pdf, 1)
    assert f"Page 1 of {pages}" in first
    for n in range(2, pages + 1):
        text = pdftotext(pdf, n)
        head = " ".join(text.strip().splitlines()[:3])
        # short title (cut to fit the line) and the date the document is cited
        # by, as in the HTML's "How to cite": the date it bears
        assert "Conversation with the Delegation of the Korean Worker" in head
        assert "17 September 1956" in head
        assert f"Page {n} of {pages}" in text
    # the title page carries no running head above its title
    assert first.strip().splitlines()[0] == "Soviet–Korean Party Conversations, 1956"


def test_bookmarks_follow_the_document(out):
    outline = PdfReader(str(out["example"])).outline
    assert outline[0].title == ("Conversation with the Delegation of the Korean Worker's Party"
                                " at the 8th CCP Congress")
    children = [item.title for item in outline[1]]
    assert children == ["The conversation with the delegation of the Korean Worker's Party at the"
                        " 8th CCP congress, 16 September 1956", "from a conversation over lunch."]


def test_document_metadata(out):
    reader = PdfReader(str(out["example"]))
    info = reader.metadata
    assert info.title == "Conversation with the Delegation of the Korean Worker's Party at the 8th CCP Congress"
    assert "Gary Goldberg" in info.author  # the translator
    assert info.subject.startswith("Mikoyan and Choe Yong-geon dominate")
    assert "GARF" in info.subject
    keywords = info["/Keywords"]
    assert "Top Secret" in keywords and "Anastas Mikoyan" in keywords
    assert reader.trailer["/Root"]["/Lang"] == "en"


# ------------------------------------------------------------ PDF/A, TEI


def xmp(pdf: Path) -> etree._Element:
    data = PdfReader(str(pdf)).xmp_metadata.stream.get_data()
    return parse_xml_bytes(data.strip(b"\0 \n")).getroot()


def test_xmp_declares_pdf_a_3b(out):
    for name in ["example", "volume"]:
        root = xmp(out[name])
        ns = {"pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
        part = root.xpath("string(//@pdfaid:part | //pdfaid:part)", namespaces=ns)
        conformance = root.xpath("string(//@pdfaid:conformance | //pdfaid:conformance)", namespaces=ns)
        assert (part, conformance) == ("3", "B"), name


def embedded_files(pdf: Path) -> dict[str, dict]:
    """name → {data, relationship, mime} for each file attached to the PDF."""
    root = PdfReader(str(pdf)).trailer["/Root"]
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    files = {}
    for i in range(0, len(names), 2):
        spec = names[i + 1].get_object()
        stream = spec["/EF"]["/F"].get_object()
        files[str(names[i])] = {
            "data": stream.get_data(),
            "relationship": spec.get("/AFRelationship"),
            "mime": stream.get("/Subtype"),
        }
    # PDF/A-3 also wants them listed as associated files of the document
    assert len(root["/AF"]) == len(files)
    return files


def test_tei_source_is_attached_byte_for_byte(out):
    files = embedded_files(out["example"])
    assert list(files) == ["korean-delegation-1956-09-16.xml"]
    attached = files["korean-delegation-1956-09-16.xml"]
    assert attached["data"] == EXAMPLE.read_bytes()
    assert attached["relationship"] == "/Source"
    assert attached["mime"] == "/application/tei+xml"


def test_volume_attaches_every_tei_file(out):
    files = embedded_files(out["volume"])
    assert files["korean-delegation-1956-09-16.xml"]["data"] == EXAMPLE.read_bytes()
    assert files["hostile-1957-03-02.xml"]["data"] == HOSTILE.read_bytes()
    assert files["memorandum-1955-06-01.xml"]["data"] == MEMO.read_bytes()


# ------------------------------------------------------------- the volume


def test_volume_has_title_page_and_contents(out):
    page1 = flat(pdftotext(out["volume"], 1))
    assert "Soviet–Korean Party Conversations, 1956" in page1
    assert "1955–1957" in page1 and "3 documents" in page1
    assert "Edited by Jane Editor and John Editor" in page1
    assert "Page 1 of" not in page1  # the title page stands bare
    contents = flat(pdftotext(out["volume"], 2))
    assert contents.startswith("Contents")
    assert "Index of persons" in contents


def volume_pages(pdf: Path) -> list[str]:
    count = len(PdfReader(str(pdf)).pages)
    return [flat(pdftotext(pdf, n)) for n in range(1, count + 1)]


def test_volume_documents_in_date_order_with_contents_page_numbers(out):
    pages = volume_pages(out["volume"])
    titles = ["Memorandum on the Visit of a Korean Delegation",                # 1955
              "Conversation with the Delegation of the Korean Worker's Party",  # 1956
              'Memorandum #read("/etc/passwd")']                               # 1957
    # a document's title, not its neighbour's link to it ("Next: …")
    starts = [next(n for n, text in enumerate(pages, 1) if n > 2 and "Page" in text
                   and re.search(r"(?<!Next: )(?<!Previous: )" + re.escape(title), text))
              for title in titles]
    assert starts == sorted(starts) and len(set(starts)) == 3
    contents = pages[1]
    for title, start in zip(titles, starts):
        entry = re.search(re.escape(title) + r".*?\.\s*\u2060?(\d+)", contents)
        assert entry and int(entry.group(1)) == start, title


def test_volume_documents_link_to_the_previous_and_the_next(out):
    """At the end of each document of the volume: the previous and the next
    document, their titles linked to their first pages, with those pages' numbers."""
    pages = volume_pages(out["volume"])
    reader = PdfReader(str(out["volume"]))
    number_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    memo, conversation, hostile = (
        "Memorandum on the Visit of a Korean Delegation",
        "Conversation with the Delegation of the Korean Worker's Party",
        'Memorandum #read("/etc/passwd")')
    starts = {title: next(n for n, text in enumerate(pages, 1) if n > 2 and "Page" in text
                          and re.search(r"(?<!Next: )(?<!Previous: )" + re.escape(title), text))
              for title in (memo, conversation, hostile)}
    for word, title, other in (("Next", memo, conversation), ("Previous", conversation, memo),
                               ("Next", conversation, hostile), ("Previous", hostile, conversation)):
        found = [(n, m) for n, text in enumerate(pages, 1)
                 for m in [re.search(re.escape(f"{word}: {other}") + r".*?, p\.\s*(\d+)", text)] if m]
        assert len(found) == 1, (word, other)
        page, match = found[0]
        assert int(match.group(1)) == starts[other], (word, other)
        # the page holding the link is within the document it closes
        assert starts[title] <= page
        targets = {number_of[annot.get_object()["/Dest"][0].idnum]
                   for annot in reader.pages[page - 1].get("/Annots") or []
                   if "/Dest" in annot.get_object()}
        assert starts[other] in targets, (word, other, targets)
    # the first has no previous, the last no next
    assert "Previous: " not in " ".join(pages[starts[memo] - 1:starts[conversation] - 1])
    assert "Next: " not in " ".join(pages[starts[hostile] - 1:])


def test_volume_persons_index_gives_the_right_pages(out):
    pages = volume_pages(out["volume"])
    index_page = next(n for n, text in enumerate(pages, 1) if text.startswith("Index of persons"))
    index = pages[index_page - 1]
    # Nam Il is mentioned in the 1955 memorandum only; Mikoyan in all three
    nam = next(n for n, text in enumerate(pages[:index_page - 1], 1) if "Minister Nam Il called" in text)
    assert re.search(rf"Nam, Il \(1915–1976\), Minister of Foreign Affairs of the DPRK {nam}\b", index)
    mikoyan_pages = [n for n, text in enumerate(pages[:index_page - 1], 1)
                     if "Cde. Mikoyan" in text or "Cde. #Mikoyan" in text]
    entry = re.search(r"Anastas Mikoyan[^0-9]*([\d, ]+)", index)
    assert entry
    listed = [int(n) for n in re.findall(r"\d+", entry.group(1))]
    assert listed == sorted(set(mikoyan_pages))
    # a person referred to but not in any listPerson is indexed as named
    assert "Kim Il Sung" in index
    # index order: by surname where the TEI gives one (Nam), else by name
    assert index.find("Anastas Mikoyan") < index.find("Nam, Il") < index.find("Rim Hae")


# -------------------------------------------------------------- bad input


def test_not_tei_is_a_one_line_error_and_writes_nothing(renderer, tmp_path):
    bad = tmp_path / "notes.xml"
    bad.write_bytes(b"<notes><p>hello</p></notes>")
    with pytest.raises(EditionError, match="expected a TEI root element"):
        renderer.document(bad, tmp_path / "pdf")
    assert not (tmp_path / "pdf").exists() or not any((tmp_path / "pdf").iterdir())


def test_malformed_xml_names_the_line(renderer, tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n</TEI>')
    with pytest.raises(EditionError) as caught:
        renderer.document(bad, tmp_path / "pdf")
    assert caught.value.path == str(bad) and caught.value.line == 3


def test_external_entities_are_never_read(renderer, tmp_path):
    evil = tmp_path / "entity.xml"
    evil.write_bytes(MEMO.read_bytes().replace(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "/etc/passwd">]>'
    ).replace(b"asked for", b"asked &x; for"))
    with pytest.raises(EditionError, match="entity reference &x;") as caught:
        renderer.document(evil, tmp_path / "pdf")
    assert caught.value.path == str(evil)
    assert not (tmp_path / "pdf").exists()


# ------------------------------------------------------------- the picture


def test_page_one_renders_to_png(out):
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ["example", "volume"]:
        prefix = ARTIFACTS / f"pdf-{name}-page"
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(out[name]), str(prefix)], check=True)
        png = prefix.with_suffix(".png")
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 20_000
    shutil.copyfile(out["example"], ARTIFACTS / "pdf-example.pdf")
    shutil.copyfile(out["volume"], ARTIFACTS / "pdf-volume.pdf")


def test_page_count_for_the_benchmark_agrees_with_pypdf(out):
    from tei_edition.pdf import page_count

    for name in ["example", "long", "volume"]:
        assert page_count(out[name]) == len(PdfReader(str(out[name])).pages)


def test_an_empty_edition_table_gives_sensible_defaults(tmp_path):
    renderer = PdfRenderer({})
    volume = renderer.volume([MEMO], tmp_path)
    assert flat(pdftotext(volume, 1)).startswith("Collected documents 1955 1 document")
    document = renderer.document(MEMO, tmp_path)
    text = flat(pdftotext(document))
    assert text.startswith("Memorandum on the Visit of a Korean Delegation")
    assert "Page 1 of 1" in text


def test_the_pdf_date_comes_from_the_tei_not_the_clock(out, renderer, tmp_path, monkeypatch):
    # the example's revisionDesc/change is dated 2026-11-28
    assert PdfReader(str(out["example"])).metadata["/CreationDate"] == "D:20261128000000Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    pinned = renderer.document(EXAMPLE, tmp_path)
    assert PdfReader(str(pinned)).metadata["/CreationDate"] == "D:19700101000000Z"


def test_a_minimal_tei_still_makes_a_pdf(renderer, tmp_path):
    minimal = tmp_path / "minimal.xml"
    minimal.write_bytes(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Note</title>'
        b'</titleStmt></fileDesc></teiHeader><text><body><sp who="#a"><speaker>A:</speaker>'
        b'<stage>(laughs)</stage><stage>(stands)</stage></sp><p>Plain words.</p></body></text></TEI>')
    text = flat(pdftotext(renderer.document(minimal, tmp_path)))
    assert "Note" in text and "A (laughs) (stands)" in text and "Plain words." in text
