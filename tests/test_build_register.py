"""The build writes the shared personography beside the documents."""

from __future__ import annotations

import shutil
import subprocess
import sys

from lxml import etree

from conftest import SAMPLE_EDITION

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_register_xml_is_written_and_valid(tmp_path, validator):
    edition = tmp_path / "ed"
    shutil.copytree(SAMPLE_EDITION, edition, ignore=shutil.ignore_patterns("build"))
    result = subprocess.run([sys.executable, "-m", "tei_edition.cli", "build", str(edition),
                             "--only", "validate"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    register = edition / "build" / "register.xml"
    tree = etree.parse(str(register))
    ids = tree.xpath("//t:standOff//t:person/@xml:id", namespaces=NS)
    assert {"mikoyan", "kim-il-sung", "ri-ju-yeon"} <= set(ids)
    assert tree.xpath("//t:person[@xml:id='kim-il-sung']/t:idno[@type='gnd']/text()",
                      namespaces=NS) == ["118562126"]
    report = validator.validate([str(register)])
    assert report.faults == []
