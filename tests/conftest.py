"""Shared test helpers: the sample edition, a converter, the validator."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_EDITION = ROOT / "editions" / "korean-1956"
SAMPLE = SAMPLE_EDITION / "transcripts" / "korean-delegation-1956-09-16.txt"
TRANSCRIPTS = ROOT / "tests" / "fixtures" / "transcripts"


@pytest.fixture(scope="session")
def validator():
    """One Validator (profile compiled once, jing in one JVM per batch) for the session."""
    from tei_edition.validate import Validator

    return Validator()
