"""Files in and out: inputs must be regular files; outputs are written atomically,
so a reader sees the old complete file or the new one, never half."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import EditionError, os_error


def read_input(path: str | os.PathLike, expected: str = "a file") -> bytes:
    """The bytes of an input file; anything but a regular file (or a symlink to
    one) is refused before it is opened: reading a FIFO or a device could block
    forever or never end."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) \
                else "a device or socket"
            raise EditionError(f"this is {kind}, not a regular file; expected {expected}",
                               str(path))
        return Path(path).read_bytes()
    except OSError as exc:
        raise os_error(exc, path, "cannot read the file") from None


def write_atomic(path: str | os.PathLike, data: bytes | str, durable: bool = True) -> None:
    """Write data to a temporary file beside path, fsync it, then rename it over path.
    The machine's refusal (no such folder, no permission, disk full) is an
    EditionError naming path. durable=False leaves out the fsync (a few ms of
    waiting for the disk per file): for pages, records and PDFs, which a build
    syncs all at once before its state calls them done (build.py), and render
    leaves to the system's writeback (a power cut may cost the last ones; a
    killed process never leaves half a file either way)."""
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise os_error(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise os_error(exc, target) from None
        raise


def prune_cache(folder: Path, pattern: str, keep: set[str]) -> None:
    """Remove the cache entries (files matching pattern) whose stem is not in keep."""
    try:
        for stale in Path(folder).glob(pattern):
            if stale.stem not in keep:
                stale.unlink()
    except OSError:
        pass  # only a cache: what is left is made again or removed next time
