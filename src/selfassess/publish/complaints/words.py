"""How the log's figures are said, the same in the text, the workbook and the board report."""

from __future__ import annotations

from datetime import date

from selfassess.complaints.measures import LATE_BANDS, Share
from selfassess.timelimits.calendar import long_date


def percent(share: Share) -> str:
    return "no responses" if share.percent is None else f"{share.percent:.1f}%"


def of(share: Share, things: str) -> str:
    """'371 of 412 responses (90.0%)'."""
    if not share.done:
        return f"no {things}"
    return f"{share.kept:,} of {share.done:,} {things} ({percent(share)})"


def band_words(index: int) -> str:
    first, last = LATE_BANDS[index]
    if last is None:
        return f"more than {first - 1} working days"
    return f"{first} to {last} working days"


def month_words(first: date) -> str:
    return f"{first:%B %Y}"


def short_month(first: date) -> str:
    return f"{first:%b %y}"


def quarter_words(first: date, last: date, number: int) -> str:
    return f"Q{number} ({first:%B} to {last:%B %Y})"


def day(value: date | None) -> str:
    return long_date(value) if value is not None else ""
