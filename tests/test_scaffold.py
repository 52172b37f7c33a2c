"""`tei-edition new NAME`: a new edition folder that converts and validates at once."""

from __future__ import annotations

import tomllib

from lxml import etree

from tei_edition.cli import main
from tei_edition.register import load_edition
from tei_edition.textform import normalise, tei_to_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_new_creates_a_commented_working_edition(tmp_path, capsys, validator):
    folder = tmp_path / "letters-1961"
    assert main(["new", str(folder), "--title", "Letters, 1961"]) == 0
    out = capsys.readouterr().out
    assert "created" in out and "tei-edition build" in out
    toml = (folder / "edition.toml").read_text(encoding="utf-8")
    assert toml.count("\n#") > 20  # commented for a new editor
    assert tomllib.loads(toml)["edition"]["title"] == "Letters, 1961"
    edition = load_edition(folder)
    assert edition.persons and edition.places and edition.orgs and edition.corrections
    assert edition.notes and edition.subjects

    # The example converts at once, with every kind of entry applied, and is valid TEI.
    (transcript,) = (folder / "transcripts").glob("*.txt")
    assert main(["convert", str(transcript)]) == 0
    (tei,) = (folder / "build" / "tei").glob("*.xml")
    tree = etree.parse(str(tei))
    assert tree.xpath("//t:choice[t:sic='Pragve']/t:corr/text()", namespaces=NS) == ["Prague"]
    assert len(tree.xpath("//t:note[@type='editorial']", namespaces=NS)) == 1
    assert tree.xpath("//t:placeName[@ref='#vienna']", namespaces=NS)
    assert tree.xpath("//t:person[@xml:id='horak']/t:affiliation/t:orgName/@ref",
                      namespaces=NS) == ["#foreign-ministry"]
    assert tree.xpath("//t:keywords/t:term/text()", namespaces=NS) == ["Diplomatic correspondence"]
    assert validator.validate([str(tei)]).ok
    assert normalise(tei_to_text(tree)) == normalise(transcript.read_text(encoding="utf-8"))


def test_new_never_overwrites(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "edition.toml").write_text("# my work\n", encoding="utf-8")
    assert main(["new", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err
    assert (folder / "edition.toml").read_text(encoding="utf-8") == "# my work\n"


def test_new_refuses_a_title_that_would_break_the_toml(tmp_path, capsys):
    assert main(["new", str(tmp_path / "x"), "--title", 'A "quoted" title']) == 1
    assert "cannot contain quotes" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
