"""The pattern of a finding's message: the same sentence whatever it quotes or counts, so that
'Provision 6.3 says 10 working days' and 'Provision 5.8 says 20 working days' are counted as one
kind of finding."""

from __future__ import annotations

import re

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”")
_NUMBER = re.compile(r"\d+(?:[.,/:-]\d+)*")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"N ({_MONTHS}) N")


def pattern(message: str) -> str:
    """The message with what it quotes as '…', its numbers as N and its dates as 'a date'."""
    shown = _QUOTED.sub("'…'", message)
    shown = _NUMBER.sub("N", shown)
    return _DATE.sub("a date", shown)
