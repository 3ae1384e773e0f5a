"""Text on its way to a terminal: control characters shown, never obeyed.

A message may quote what a file holds (a spreadsheet's heading, a path, an answer); an escape
sequence in it would retitle or recolour the terminal, and a carriage return would hide what came
before. Each is written out visibly instead (`\\x1b`), so the reader also sees what the file holds.
"""

from __future__ import annotations

import codecs
import re
from typing import TextIO

#: C0 and C1 controls and DEL; tab and line feed are kept where a message may hold lines.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


#: The error handler of standard output and error (see `_as_given`).
AS_GIVEN = "selfassess-as-given"


def _as_given(error: UnicodeError) -> tuple[str | bytes, int]:
    """A name given on the command line under an ASCII locale holds its other bytes as Python's
    stand-ins (surrogate escapes): written back as those bytes, it reads as it was typed. Any other
    character no encoding holds (half of a surrogate pair, written as a YAML escape) is '\ufffd'."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    piece = error.object[error.start : error.end]
    if all("\udc80" <= character <= "\udcff" for character in piece):
        return bytes(ord(character) - 0xDC00 for character in piece), error.end
    return "\ufffd" * len(piece), error.end


codecs.register_error(AS_GIVEN, _as_given)


def visible(text: str, lines: bool = False) -> str:
    """`text` with each control character written out (`\\x1b`); with `lines`, line breaks kept."""
    pattern = _CONTROL_BUT_LINES if lines else _CONTROL
    return pattern.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


class VisibleStream:
    """A text stream that passes on what is written with its control characters made visible:
    standard error carries only messages, so every message is safe without each having to be."""

    def __init__(self, stream: TextIO) -> None:
        self.underlying = stream

    def write(self, text: str) -> int:
        self.underlying.write(visible(text, lines=True))
        return len(text)

    def __getattr__(self, name: str) -> object:  # flush, isatty, fileno, encoding, buffer
        return getattr(self.underlying, name)


def drawing_stream(stream: TextIO) -> TextIO:
    """The stream itself, for what draws on the terminal on purpose (a progress line redrawn with
    a carriage return)."""
    return stream.underlying if isinstance(stream, VisibleStream) else stream
