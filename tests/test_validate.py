"""tei-edition validate: the three layers, on real fixtures, with real jing and xmlschema.

Every invalid fixture states in its second line which layer and rule must
catch it, and at which line: <!-- expect: layer=... rule=... line=N : why -->.
All fixtures are validated together in one batch (one JVM), as editors do.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_edition import validate as validation
from tei_edition.validate import Validator, collect_files, validate_command

FIXTURES = Path(__file__).parent / "fixtures"
VALID = sorted((FIXTURES / "valid").glob("*.xml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.xml"))
EXPECT = re.compile(rb"<!-- expect: layer=(\S+) rule=(\S+) line=(\d+) : (.*?) -->")


def expectation(path: Path) -> tuple[str, str, int, str]:
    found = EXPECT.search(path.read_bytes())
    assert found, f"{path.name} states no expectation"
    return found[1].decode(), found[2].decode(), int(found[3]), found[4].decode()


@pytest.fixture(scope="session")
def validator() -> Validator:
    return Validator()


@pytest.fixture(scope="session")
def batch(validator):
    """Every fixture, valid and invalid, in one batch: one broken file hides nothing."""
    return validator.validate([str(path) for path in VALID + INVALID])


def faults_of(report, path: Path):
    return [fault for fault in report.faults if fault.file == str(path)]


def test_jing_is_available_here(validator):
    # CI installs Java and jing; without them the TEI layer would silently be skipped.
    assert isinstance(validator.jing, validation.Jing), validator.jing


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_passes_every_layer(batch, path):
    assert faults_of(batch, path) == []
    assert batch.skipped_layers == {}


def test_invalid_corpus_is_large_and_each_fixture_is_a_distinct_fault():
    assert len(INVALID) >= 25
    reasons = [expectation(path)[3] for path in INVALID]
    assert len(set(reasons)) == len(reasons)
    layers = {expectation(path)[0] for path in INVALID}
    assert layers == {"well-formed", "tei", "profile"}


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_is_caught_by_the_right_layer_at_the_right_line(batch, path):
    layer, rule, line, _ = expectation(path)
    faults = faults_of(batch, path)
    assert any((f.layer, f.rule, f.line) == (layer, rule, line) for f in faults), faults
    # a well-formed file is never blamed for its syntax, and a broken one stops there
    # (a profile fault may also break TEI P5 itself: an impossible date breaks both)
    if layer == "well-formed":
        assert {f.layer for f in faults} == {"well-formed"}
    else:
        assert "well-formed" not in {f.layer for f in faults}
    for fault in faults:
        assert fault.column >= 1
        assert "\n" not in fault.message and fault.message.endswith(".")


def test_not_well_formed_files_do_not_reach_the_later_layers(batch):
    broken = [str(p) for p in INVALID if expectation(p)[0] == "well-formed"]
    # a DOCTYPE refused is never read: the file below it is still checked
    refused = {str(FIXTURES / "invalid" / name) for name in
               ("wf-external-entity.xml", "wf-external-parameter-entity.xml")}
    assert broken and refused < set(broken)
    for name in broken:
        if name in refused:
            assert name not in batch.not_reached
            assert batch.file_status(name) == ("valid TEI P5; project profile passed; "
                                               "DOCTYPE refused")
        else:
            assert batch.not_reached[name] == ["tei", "profile"]
            assert batch.file_status(name) == "not well-formed"


def test_duplicate_ids_name_the_first_use(batch):
    path = FIXTURES / "invalid" / "profile-duplicate-id.xml"
    [fault] = [f for f in faults_of(batch, path) if f.layer == "profile"]
    assert "'turn-1'" in fault.message and "line 46" in fault.message


def test_empty_file(validator, tmp_path):
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    [fault] = validator.validate([str(empty)]).faults
    assert (fault.layer, fault.rule, fault.line) == ("well-formed", "xml-syntax", 1)


def test_a_50_mb_file_is_refused_without_being_read(validator, tmp_path):
    big = tmp_path / "huge.xml"
    body = (FIXTURES / "valid" / "base-record.xml").read_bytes()
    padding = b"<!-- " + b"x" * (1024 * 1024 - 10) + b" -->\n"
    with big.open("wb") as handle:
        handle.write(body)
        for _ in range(50):
            handle.write(padding)
    assert big.stat().st_size > 50 * 1024 * 1024
    [fault] = validator.validate([str(big)]).faults
    assert (fault.layer, fault.rule, fault.line) == ("well-formed", "file-too-large", 1)
    assert "50.0 MB" in fault.message


def test_external_entities_are_never_read_and_nothing_is_fetched(tmp_path, network_recorder):
    url, requests = network_recorder
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT")
    body = (FIXTURES / "valid" / "base-record.xml").read_text().split("\n", 1)[1]
    cases = {
        "file.xml": f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n',
        "remote.xml": f'<!DOCTYPE TEI [<!ENTITY % r SYSTEM "{url}/r.dtd"> %r;]>\n',
        "dtd.xml": f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n',
    }
    for name, doctype in cases.items():
        (tmp_path / name).write_text(doctype + body.replace("How does", "How &s; &leaked; does"))
    runner = CliRunner()
    outputs = [runner.invoke(validate_command, [str(tmp_path), "--format", fmt])
               for fmt in ("text", "json", "junit", "github")]
    assert requests == []
    for result in outputs:
        assert result.exit_code == 1
        assert "SECRET-FILE-CONTENT" not in result.output
        assert "FETCHED-FROM-NETWORK" not in result.output
    report = json.loads(outputs[1].output)
    assert {f["rule"] for f in report["faults"]} == {"external-entity", "internal-dtd", "xml-syntax"}
    assert [f["rule"] for f in report["warnings"]] == ["external-dtd"]


def test_one_jvm_for_a_whole_batch(monkeypatch, validator):
    launches = []
    real_run = subprocess.run

    def counting_run(command, *args, **kwargs):
        launches.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(validation.subprocess, "run", counting_run)
    report = validator.validate([str(p) for p in VALID + INVALID])
    assert len(launches) == 1
    assert report.faults


def test_without_java_the_other_layers_still_run(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    files = [FIXTURES / "valid" / "base-record.xml", FIXTURES / "invalid" / "profile-dangling-who.xml"]
    result = CliRunner().invoke(validate_command, [str(f) for f in files])
    assert result.exit_code == 1
    assert "Java is not installed, so TEI P5 conformance was NOT checked" in result.output
    assert "profile/dangling-reference" in result.output
    assert "layers checked: well-formed, profile" in result.output
    only_valid = CliRunner().invoke(validate_command, [str(files[0])])
    assert only_valid.exit_code == 0, only_valid.output


# --------------------------------------------------------------- the command


def run(*args: str):
    return CliRunner().invoke(validate_command, list(args))


def test_exit_status_is_0_when_all_pass_and_1_when_any_fails():
    passing = run(*map(str, VALID))
    assert passing.exit_code == 0, passing.output
    assert passing.output.strip().endswith("3 files valid (layers checked: well-formed, tei, profile)")
    failing = run(str(VALID[0]), str(FIXTURES / "invalid" / "tei-unknown-element.xml"))
    assert failing.exit_code == 1


@pytest.mark.parametrize("args", [["no-such-file.xml"], ["--format", "yaml", "x.xml"], []])
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_a_folder_without_xml_is_a_usage_error(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "no .xml files" in result.output


def test_text_format_names_file_line_column_layer_and_rule():
    path = FIXTURES / "invalid" / "profile-dangling-who.xml"
    result = run(str(path))
    assert (f"{path}:50:9: profile/dangling-reference: @who on <sp> points to '#rim-hai', but "
            "nothing in this file has that xml:id") in result.output
    assert result.output.strip().endswith("1 of 1 file failed, 1 fault (layers checked: "
                                          "well-formed, tei, profile)")


def test_json_format():
    path = FIXTURES / "invalid" / "tei-unknown-element.xml"
    document = json.loads(run(str(path), "--format", "json").output)
    assert document["ok"] is False and document["files"] == 1
    assert document["layers"] == {"well-formed": "checked", "tei": "checked", "profile": "checked"}
    assert document["faults"] == [{
        "file": str(path), "line": 48, "column": 27, "layer": "tei", "rule": "unknown-element",
        "message": "<emph-strong> is not a TEI element: check its spelling, or move it into "
                   "the right namespace."}]


def test_junit_format_has_a_case_per_file_and_layer(tmp_path):
    files = [FIXTURES / "valid" / "base-record.xml", FIXTURES / "invalid" / "wf-two-roots.xml",
             FIXTURES / "invalid" / "profile-impossible-date.xml"]
    report_file = tmp_path / "junit.xml"
    result = run(*map(str, files), "--format", "junit", "-o", str(report_file))
    assert result.exit_code == 1
    suites = etree.fromstring(report_file.read_bytes())
    assert [s.get("name") for s in suites] == ["well-formed", "tei", "profile"]
    assert all(len(suite) == 3 for suite in suites)
    failed = {(case.getparent().get("name"), case.get("name")) for case in suites.iter("testcase")
              if case.find("failure") is not None}
    assert failed == {("well-formed", str(files[1])), ("tei", str(files[2])),
                      ("profile", str(files[2]))}
    skipped = suites.xpath("//testcase[skipped]/@name")
    assert skipped == [str(files[1])] * 2  # tei and profile: it was not well-formed


def test_github_format_annotates_each_fault(tmp_path):
    awkward = tmp_path / "odd, name:1.xml"
    awkward.write_bytes((FIXTURES / "invalid" / "profile-sp-without-who.xml").read_bytes())
    lines = run(str(awkward), "--format", "github").output.splitlines()
    escaped = str(awkward).replace(":", "%3A").replace(",", "%2C")
    assert lines[0] == (f"::error file={escaped},line=46,col=9,title=profile/sp-who::This speech "
                        "does not say who speaks: add who=\"#id\" naming a person in the list of "
                        "participants.")
    assert lines[-1].startswith("1 of 1 file failed")


def test_output_is_deterministic():
    args = [*map(str, INVALID[:10]), "--format", "json"]
    assert run(*args).output == run(*args).output


def test_edition_folder_means_hand_edited_tei_and_converter_output(tmp_path):
    edition = tmp_path / "ed"
    (edition / "tei").mkdir(parents=True)
    (edition / "build" / "tei").mkdir(parents=True)
    (edition / "edition.toml").write_text("[edition]\ntitle = 'x'\n")
    hand = edition / "tei" / "memo.xml"
    hand.write_bytes((FIXTURES / "valid" / "memorandum-hand-edited.xml").read_bytes())
    built = edition / "build" / "tei" / "base.xml"
    built.write_bytes((FIXTURES / "valid" / "base-record.xml").read_bytes())
    (edition / "build" / "index.xml").write_text("<not-tei/>")  # not TEI output: not looked at
    assert collect_files([str(edition)]) == [str(hand), str(built)]
    assert run(str(edition)).exit_code == 0
    empty = tmp_path / "new"
    empty.mkdir()
    (empty / "edition.toml").write_text("")
    result = run(str(empty))
    assert result.exit_code == 2 and "has no TEI yet" in result.output


def test_converter_output_passes_every_layer(tmp_path):
    pytest.importorskip("tei_edition.convert", reason="the converter has not landed yet")
    from tei_edition.cli import main

    repo = Path(__file__).parent.parent
    transcripts = sorted((repo / "editions" / "korean-1956" / "transcripts").glob("*.txt"))
    assert main(["convert", *map(str, transcripts), "-o", str(tmp_path)]) == 0
    converted = sorted(tmp_path.rglob("*.xml"))
    assert converted
    report = Validator().validate([str(p) for p in converted])
    assert report.faults == [] and report.skipped_layers == {}


def test_the_ci_template_commands_work_with_this_tool(tmp_path, monkeypatch):
    """The workflow for editors' repositories runs commands this validator accepts."""
    template = Path(__file__).parent.parent / "templates" / "github-actions" / "validate-tei.yml"
    commands = re.findall(r"run: tei-edition validate (.*?)(?: \|\| true)?$", template.read_text(),
                          re.MULTILINE)
    assert any("--format github" in command for command in commands)
    (tmp_path / "editions").mkdir()
    bad = tmp_path / "editions" / "bad.xml"
    bad.write_bytes((FIXTURES / "invalid" / "profile-dangling-who.xml").read_bytes())
    monkeypatch.chdir(tmp_path)
    for command in commands:
        args = command.replace("$TEI_PATHS", "editions").split()
        result = run(*args)
        assert result.exit_code == 1, result.output
    assert "::error file=editions/bad.xml,line=50,col=9,title=profile/dangling-reference::" in (
        run("editions", "--format", "github").output)
    assert etree.parse(str(tmp_path / "tei-validation.xml")).getroot().tag == "testsuites"


def test_a_pointer_joined_by_a_no_break_space_is_named_at_its_line(tmp_path):
    """XML separates pointers by spaces, tabs and line ends only: '#mikoyan\u00a0#rim-hae'
    is one pointer that names nothing, reported at the line of its element."""
    text = (FIXTURES / "valid" / "base-record.xml").read_text(encoding="utf-8")
    bad = tmp_path / "joined.xml"
    bad.write_text(text.replace('<sp who="#mikoyan" xml:id="turn-1">',
                                '<sp who="#mikoyan\u00a0#rim-hae" xml:id="turn-1">', 1), encoding="utf-8")
    result = run(str(bad))
    assert result.exit_code == 1
    assert f"{bad}:45:9: profile/dangling-reference: @who on <sp> points to" in result.output


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_two_workers_give_the_report_of_one(tmp_path, output_format):
    """validate -j 2 checks the profile on the build's worker pool: every fixture,
    valid and invalid (more than the pool needs to start), gives the same report,
    byte for byte, in the same order, as -j 1."""
    files = VALID + INVALID
    assert len(files) > 4 * validation.PROFILE_CHUNK
    reports = [subprocess.run([sys.executable, "-m", "tei_edition.cli", "validate", *map(str, files),
                               "--format", output_format, "-j", jobs], capture_output=True, cwd=tmp_path)
               for jobs in ("1", "2")]
    assert reports[0].returncode == reports[1].returncode == 1
    assert reports[0].stdout == reports[1].stdout
    assert b"dangling-reference" in reports[0].stdout


def test_the_profile_checks_a_part_of_the_document_and_finds_what_the_whole_shows(tmp_path):
    """The profile is checked on a copy without the elements it checks nothing in (for
    speed); every fixture, and a text whose checked elements sit deep in unchecked ones,
    gives the same faults at the same lines as the whole document."""
    nested = tmp_path / "nested.xml"
    nested.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="nested"><teiHeader><fileDesc>'
        "<titleStmt><title>Nested</title></titleStmt><publicationStmt><publisher>P</publisher>"
        "</publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>"
        '<text><body><div><p>On <hi><date when="1961-02-30">30 February</date></hi>,</p>'
        '<p xml:lang="not a language!">words</p><ab><seg xml:id="p1">x</seg></ab>'
        "<listPerson><person xml:id=\"p1\"><note>no name</note></person></listPerson>"
        "<div><sp><p>A turn without who.</p></sp></div></div></body></text></TEI>",
        encoding="utf-8")
    validator = Validator(use_jing=False)
    for path in [*VALID, *INVALID, nested]:
        data, tree, _, _ = validator.well_formed(str(path))
        if tree is None:
            continue
        part = validator.profile(str(path), tree, data)
        checked = validator._checked
        try:
            validator._checked = type("Whole", (), {"of": staticmethod(lambda t: t)})()
            whole = validator.profile(str(path), tree, data)
        finally:
            validator._checked = checked
        assert part == whole, path.name
    data, tree, _, _ = validator.well_formed(str(nested))
    rules = {f.rule for f in validator.profile(str(nested), tree, data)}
    assert {"iso-date", "person-name", "sp-who", "duplicate-id"} <= rules
