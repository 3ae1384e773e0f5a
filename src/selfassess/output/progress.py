"""A progress line for long runs, on a terminal only: a script or a CI log gets no progress noise."""

from __future__ import annotations

import time
from typing import TextIO

#: Fewer files than this finish before a progress line would help.
SHOWN_FROM = 200
#: The line is rewritten at most this often, so drawing it never costs the run anything.
EVERY_SECONDS = 0.2


class Progress:
    """Tells `stream` 'Checked 1,234 of 5,000 files' as a run goes, then clears the line."""

    def __init__(self, stream: TextIO, verb: str = "Checked") -> None:
        self._stream = stream
        self._verb = verb
        self._shown_at = 0.0
        self._drawn = False

    @staticmethod
    def wanted(stream: TextIO, total: int) -> bool:
        return total >= SHOWN_FROM and stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._shown_at < EVERY_SECONDS:
            return
        self._shown_at = now
        self._stream.write(f"\r{self._verb} {done:,} of {total:,} files")
        self._stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self._stream.write("\r\x1b[K")  # the findings that follow start on a clean line
            self._stream.flush()
