"""The profile's assertions must not depend on the process locale (C.UTF-8 in many CI images)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import SAMPLE, SAMPLE_EDITION

SCRIPT = """
import locale, sys
from pathlib import Path
locale.setlocale(locale.LC_ALL, "")
from tei_edition.ingest import convert_transcript
from tei_edition.register import load_edition
from tei_edition.validate import Validator
source = Path(sys.argv[1])
target = Path(sys.argv[3])
target.write_bytes(convert_transcript(source.read_bytes(), source, load_edition(Path(sys.argv[2]))).tei)
report = Validator(use_jing=False).validate([str(target)])
print("ok" if report.ok else report.faults)
"""


def test_profile_under_a_utf8_c_locale(tmp_path):
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(SAMPLE), str(SAMPLE_EDITION),
                             str(tmp_path / "doc.xml")], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
