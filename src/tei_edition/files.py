"""Atomic file output: a reader sees the old complete file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    """Write data to a temporary file beside path, fsync it, then rename it over path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def prune_cache(folder: Path, pattern: str, keep: set[str]) -> None:
    """Remove the cache entries (files matching pattern) whose stem is not in keep."""
    try:
        for stale in Path(folder).glob(pattern):
            if stale.stem not in keep:
                stale.unlink()
    except OSError:
        pass  # only a cache: what is left is made again or removed next time
