"""Property test (issue 12): random bytes, random file names and random
edition.toml values through convert, validate, render and build never give a
traceback, an internal error, a hang or a lost file — only success or one-line
errors. Derandomized, so that every run (and CI) tries the same examples."""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from tei_edition.cli import main

DIALOGUE = b"Cde. Mikoyan - How are you? [inserted: well]\n\nCde. Rim Hae - Well [?], thank you.\n"

# bytes: random ones, and random changes to a real transcript (more of them get far)
texts = st.one_of(
    st.binary(max_size=400),
    st.just(DIALOGUE),
    st.builds(lambda head, tail: head + DIALOGUE + tail, st.binary(max_size=60), st.binary(max_size=60)),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(alphabet="[]()?:-. \nAbcQ", max_size=400).map(str.encode),
)
# file names: ordinary ones, any text, and any bytes a file system allows (as
# os.fsdecode gives them)
names = st.one_of(
    st.sampled_from(["memo.txt", "протокол.txt", "a b.txt", "1956.txt", "-x.txt"]),
    st.text(st.characters(codec="utf-8", exclude_characters="/\0"), min_size=1, max_size=20)
    .filter(lambda t: t not in (".", "..")).map(lambda t: t + ".txt"),
    st.binary(min_size=1, max_size=30).filter(
        lambda b: b"/" not in b and b"\0" not in b).map(lambda b: os.fsdecode(b) + ".txt"),
)
toml_values = st.one_of(
    st.integers(), st.booleans(), st.floats(allow_nan=False), st.text(max_size=20),
    st.lists(st.one_of(st.integers(), st.text(max_size=10)), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.text(max_size=5), max_size=2),
)
keys = st.sampled_from(["title", "editors", "base_url", "language", "licence", "publisher"])
rule_keys = st.sampled_from(["encoding", "interview_labels", "speaker_labels", "closer",
                             "extra_honorifics", "two_digit_century", "furniture"])


@st.composite
def cases(draw):
    """One hostile part per example (the others sound), so that each gets far:
    (bytes, file name, [edition] key and value, [rules] key and value)."""
    case = {"data": DIALOGUE, "name": "memo.txt", "key": "title", "value": "A title",
            "rule": "", "rule_value": ""}
    hostile = draw(st.sampled_from(["data", "data", "name", "edition", "rules", "all"]))
    if hostile in ("data", "all"):
        case["data"] = draw(texts)
    if hostile in ("name", "all"):
        case["name"] = draw(names)
    if hostile in ("edition", "all"):
        case["key"], case["value"] = draw(keys), draw(toml_values)
    if hostile in ("rules", "all"):
        case["rule"], case["rule_value"] = draw(rule_keys), draw(toml_values)
    return case


def toml_literal(value) -> str:
    """A TOML literal for a Python value (only what the strategies make)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if abs(value) < 1e300 else "1.0"
    if isinstance(value, str):
        return '"' + "".join(f"\\u{ord(c):04x}" if c in '"\\' or ord(c) < 32 or 0xD800 <= ord(c) < 0xE000
                             or ord(c) == 0x7F else c for c in value) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_literal(v) for v in value) + "]"
    return "{" + ", ".join(f"{toml_literal(k)} = {toml_literal(v)}" for k, v in value.items()) + "}"


def cli(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = main(list(args))
    return code, err.getvalue()


def assert_no_bug(code: int, err: str) -> None:
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err


def write_edition(root: Path, name: str, data: bytes, key: str, value, rule: str, rule_value) -> None:
    (root / "transcripts").mkdir(parents=True)
    with open(os.path.join(os.fsencode(root / "transcripts"), os.fsencode(name)), "wb") as handle:
        handle.write(data)
    rules = f"{rule} = {toml_literal(rule_value)}\n" if rule else ""
    (root / "edition.toml").write_text(
        f'[edition]\n{key} = {toml_literal(value)}\n\n[rules]\n{rules}', encoding="utf-8")


@settings(max_examples=500, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(case=cases())
def test_convert_and_render_never_break(case):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ed"
        write_edition(root, **case)
        source = os.path.join(root, "transcripts", case["name"])
        code, err = cli("convert", source, "-o", str(Path(tmp) / "out"))
        assert_no_bug(code, err)
        written = list((Path(tmp) / "out").glob("*.xml")) if code == 0 else []
        if code == 0:
            assert len(written) == 1  # converted, so not lost
        for tei in written:
            assert_no_bug(*cli("render", str(tei), "--to", "html", "-o", str(Path(tmp) / "site")))
        # the same transcript in its edition: the edition's values are checked
        assert_no_bug(*cli("convert", source, "--json"))


@settings(max_examples=500, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(case=cases())
def test_validate_render_pdf_and_build_never_break(case):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ed"
        write_edition(root, **case)
        code, err = cli("build", str(root), "-j", "1", "--keep-going")
        assert_no_bug(code, err)
        tei = list((root / "build" / "tei").glob("*.xml")) if (root / "build").is_dir() else []
        if code == 0:
            assert len(tei) == 1 and len(list((root / "build" / "pdf").glob("*.pdf"))) == 1
        for path in tei:
            assert_no_bug(*cli("validate", str(path), "--format", "junit", "-o",
                               str(Path(tmp) / "report.xml")))
            assert_no_bug(*cli("render", str(path), "--to", "pdf", "-o", str(Path(tmp) / "site")))
