"""What a build shows while it runs: a progress bar per stage on a terminal,
plain lines in logs (not a terminal, or CI=true), and messages in between."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

BAR_WIDTH = 28
# A terminal redraw at most this often; a log line at most this often.
REDRAW_SECONDS = 0.1
LOG_SECONDS = 10.0


def interactive(stream: TextIO) -> bool:
    """Draw bars only on a real terminal, and never in CI logs."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """One stage's progress: `advance()` as work finishes, `finish()` at the end.

    Messages (warnings, errors) go through `message()`, which keeps them from
    being drawn over by the bar.
    """

    def __init__(self, stage: str, total: int, stream: TextIO | None = None,
                 bars: bool | None = None, note: str = ""):
        self.stage = stage
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.bars = interactive(self.stream) if bars is None else bars
        self.started = time.perf_counter()
        self._drawn = 0.0
        self._logged = self.started
        self._bar_visible = False
        if not self.bars:
            self._line(f"{stage:<9} {total} to build" + (f", {note}" if note else ""))
        else:
            self._draw(force=True)

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.bars:
            self._draw()
        elif time.perf_counter() - self._logged >= LOG_SECONDS and self.done < self.total:
            self._logged = time.perf_counter()
            self._line(f"{self.stage:<9} {self.done}/{self.total} ({self.elapsed:.1f} s)")

    def message(self, text: str) -> None:
        """A line above the bar (the bar is redrawn below it)."""
        if self._bar_visible:
            self.stream.write("\r\033[K")
            self._bar_visible = False
        self._line(text)
        if self.bars:
            self._draw(force=True)

    def finish(self, summary: str) -> None:
        if self._bar_visible:
            self.stream.write("\r\033[K")
            self._bar_visible = False
        self._line(f"{self.stage:<9} {summary} ({self.elapsed:.1f} s)")

    def _draw(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self._drawn < REDRAW_SECONDS and self.done < self.total:
            return
        self._drawn = now
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stream.write(f"\r\033[K{self.stage:<9} [{bar}] {self.done}/{self.total}"
                          f"  {self.elapsed:.1f} s")
        self.stream.flush()
        self._bar_visible = True

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
