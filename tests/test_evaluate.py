"""`make eval`'s scorer on a corpus of one case written here: what it counts as a
citation's repository and signature read right."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tei_edition.evaluate import score_case

TEXT = ("Record of a Telephone Conversation\n\nSource: PREM19/6621 f3\n\n"
        "Prime Minister: Good morning, Mr President.\n\nPresident: Good morning.\n\n"
        "Prime Minister: We have your message.\n\nPresident: Thank you.\n")


def corpus_of_one(tmp_path: Path, repository: str,
                  parts: tuple[str, ...] = ("PREM", "19", "6621", "f3"),
                  text: str = TEXT, turns: int = 4) -> tuple[dict, Path]:
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "texts" / "call.txt").write_text(text, encoding="utf-8")
    case = {"id": "call", "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "annotation": {"turns": turns, "citation": {"repository": repository,
                                                        "parts": list(parts)}}}
    return case, corpus


def test_a_repository_annotated_by_its_initials_is_read_right(tmp_path):
    """The annotator wrote "TNA" where the converter names The National Archives
    (UK): the same archive; an archive of other initials is not."""
    case, corpus = corpus_of_one(tmp_path, "TNA")
    result = score_case(case, corpus, tmp_path)
    assert result.repository and result.signature
    case, corpus = corpus_of_one(tmp_path / "other", "NARA")
    assert not score_case(case, corpus, tmp_path).repository


def test_a_part_the_converter_splits_in_two_is_read_right(tmp_path):
    """The annotator wrote "PREM19" as one part where the converter reads department
    PREM and series 19; a part it did not read at all still fails."""
    case, corpus = corpus_of_one(tmp_path, "TNA", ("PREM19", "6621", "f3"))
    assert score_case(case, corpus, tmp_path).signature
    case, corpus = corpus_of_one(tmp_path / "other", "TNA", ("PREM19", "6622"))
    assert score_case(case, corpus, tmp_path).signature is False


def test_polish_part_words_are_the_parts_names(tmp_path):
    """"paczka 12", "teczka 46a", "str. 66-68" as annotated are the bundle, the file
    and the pages the converter reads from an AAN citation."""
    text = ("Minutes of the Politburo\n\nSource: AAN, KC PZPR, paczka 12, teczka 46a, str. 66-68.\n\n"
            "Gomułka: We begin.\n\nOchab: Agreed.\n\nGomułka: Then the first item.\n\nOchab: Yes.\n")
    case, corpus = corpus_of_one(tmp_path, "AAN", ("KC PZPR", "paczka 12", "teczka 46a", "str. 66-68"), text)
    result = score_case(case, corpus, tmp_path)
    assert result.repository and result.signature


def test_volume_file_number_and_part_words_are_the_parts_names(tmp_path):
    """"vol. 8561", "file no. 50303-40", "part 1.1" as annotated are the volume, the file
    and the part the converter reads from a Library and Archives Canada citation."""
    text = ("Memorandum for the Prime Minister\n\n14 August 1957\n\n"
            "Source: LAC, RG 25, vol. 8561, file no. 50303-40, part 1.1.\n")
    case, corpus = corpus_of_one(tmp_path, "LAC", ("RG 25", "vol. 8561", "file no. 50303-40", "part 1.1"),
                                 text, turns=0)
    assert score_case(case, corpus, tmp_path).signature
    case["annotation"]["citation"]["parts"].append("part 2")
    assert score_case(case, corpus, tmp_path).signature is False
