"""Errors a user sees: one line with file, line and column, never a traceback.

Two kinds: an EditionError is the user's input or set-up at fault (one clear
line, exit 1); anything else is a bug in the tool, reported by report_bug() as
"internal error" with its traceback kept in a log file the user can send.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import traceback
from pathlib import Path

BUG_LOG = "tei-edition-internal-error.log"
EXIT_BUG = 70  # EX_SOFTWARE: the tool, not the input, is at fault

# Control characters and bytes that are not UTF-8 (os.fsdecode keeps those as
# lone surrogates): never printed raw on a terminal or into a report.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def shown(name: object) -> str:
    """A file name fit to print: control characters and undecodable bytes escaped."""
    def escape(match: re.Match) -> str:
        code = ord(match.group())
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode keeps it
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return _UNPRINTABLE.sub(escape, str(name))


class EditionError(Exception):
    """A problem in the user's input or set-up, reported as one clear line."""

    def __init__(self, message: str, path: str | None = None,
                 line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = shown(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class ToolBug(Exception):
    """A fault of the tool itself (a stylesheet that fails on checked input, say):
    never the user's; reported as an internal error with its log."""


def os_error(exc: OSError, path: object = None, doing: str = "cannot write") -> EditionError:
    """An OSError (the machine's refusal, not a bug) as an EditionError naming the file."""
    name = path if path is not None else exc.filename
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return EditionError("disk full: the file could not be written; free some space and "
                            "run again", None if name is None else str(name))
    reason = exc.strerror or str(exc)
    return EditionError(f"{doing}: {reason}", None if name is None else str(name))


# Where a command keeps a bug's log (its output or build folder), and whether
# --debug asked for the traceback on the terminal: set once per command.
settings = {"log_folder": None, "debug": False}


def report_bug(trace: str, folder: object = None) -> str:
    """Keep a bug's traceback in folder/BUG_LOG (else the temporary folder);
    return the one line that tells the user what happened and where the log is."""
    last = trace.strip().splitlines()[-1] if trace.strip() else "unknown error"
    folder = folder if folder is not None else settings["log_folder"]
    for where in ([Path(folder)] if folder is not None else []) + [Path(tempfile.gettempdir())]:
        log = where / BUG_LOG
        try:
            where.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{BUG_LOG}.", suffix=".tmp", dir=where)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(trace)
            os.replace(tmp, log)
        except OSError:
            continue
        return (f"internal error (a bug in tei-edition, not in your files): {shown(last)}; "
                f"the details are in {shown(log)}: please report it (--debug shows them here)")
    return f"internal error (a bug in tei-edition, not in your files): {shown(last)}"


def format_bug(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))
