"""What one cell of a log means: a date (read the British way, as the rest of selfassess reads
them), an extension, yes or no, a stage, a tenure, an outcome.

Each reader returns a number for the column arrays, or a reason the cell cannot be read. A reason
quotes the cell only where the cell is shaped like what belongs there (`31/02/2024`): a log is
full of personal data, and text that is not a date may be a name or an address typed into the
wrong column, which must never reach an output.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from selfassess.didyoumean import normalise, suggest
from selfassess.timelimits.calendar import FIRST_YEAR, LAST_YEAR
from selfassess.timelimits.written_date import read_written_date

#: Days since 1 January 1970, numpy's datetime64[D]; EMPTY for a blank cell.
EMPTY = -(2**62)
_EPOCH = date(1970, 1, 1).toordinal()

# "15/04/2024 14:32", "2024-04-15 09:30:00", "15/04/2024 2:05 PM": the time of day is not needed.
_TIME = re.compile(r"[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*$")
# What a date may be written with: digits, separators and a month's name; anything else is not
# quoted back (it may be a name or an address in the wrong column).
_DATE_SHAPED = re.compile(r"\d{1,4}[ /.\-](?:\d{1,2}|[A-Za-z]{3,9})\.?[ /.\-]\d{2,4}")
_WHOLE_NUMBER = re.compile(r"\d{1,3}")
_WORKING_DAYS = re.compile(r"(\d{1,3})\s*(?:working|business)\s+days?", re.IGNORECASE)


class Unreadable(ValueError):
    """A cell that cannot be read: why, as the end of a sentence ("does not exist"), and the cell's
    text where it may be quoted (shaped like a date), else None."""

    def __init__(self, why: str, text: str | None = None) -> None:
        super().__init__(why)
        self.why = why
        self.text = text

    def said_of(self, label: str) -> str:
        """The whole sentence, for a cell of the column `label` ("date received")."""
        quoted = f" '{self.text}'" if self.text is not None else ""
        return f"The {label}{quoted} {self.why}."


def days_of(day: date) -> int:
    return day.toordinal() - _EPOCH


def _quotable(text: str) -> str | None:
    return text if _DATE_SHAPED.fullmatch(text) else None


def read_date(value: object) -> int:
    """A cell holding a date: its day number, EMPTY when blank; Unreadable otherwise."""
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _known(value, value.isoformat())
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise Unreadable("is a number, not a date; format the column as dates")
    text = str(value).strip()
    if not text:
        return EMPTY
    written = read_written_date(_TIME.sub("", text))
    if written.value is None:
        if written.problem == "cannot be read":
            raise Unreadable("cannot be read as a date; write it like 31/03/2025", _quotable(text))
        raise Unreadable(written.problem or "cannot be read", _quotable(text))
    return _known(written.value, text)


def _known(day: date, text: str) -> int:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Unreadable(
            f"is outside the years whose bank holidays selfassess knows ({FIRST_YEAR} to {LAST_YEAR})",
            _quotable(text),
        )
    return days_of(day)


_NONE_WORDS = frozenset(("", "no", "n", "none", "na", "nil", "0", "false", "noextension", "notextended"))


def read_extension(value: object) -> tuple[int, int]:
    """An extension: (working days, EMPTY) or (-1, the agreed date); (-1, EMPTY) for none."""
    if value is None:
        return -1, EMPTY
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 0 <= value < 1000:
            return (int(value), EMPTY) if value else (-1, EMPTY)
        raise Unreadable("is not a whole number of working days or a date")
    if isinstance(value, date | datetime):
        return -1, read_date(value)
    text = str(value).strip()
    if normalise(text) in _NONE_WORDS:
        return -1, EMPTY
    if _WHOLE_NUMBER.fullmatch(text):
        return int(text), EMPTY
    if match := _WORKING_DAYS.fullmatch(text):
        return int(match[1]), EMPTY
    try:
        return -1, read_date(text)
    except Unreadable:
        raise Unreadable(
            "is neither a date nor a number of working days (write 10, or the agreed date)", _quotable(text)
        ) from None


_YES = frozenset(("yes", "y", "true", "1", "told", "agreed", "informed", "notified"))
_NO = frozenset(("no", "n", "false", "0", "nottold", "notagreed", "notinformed", "notnotified"))


def read_yes_no(value: object) -> int:
    """1 for yes, 0 for no, -1 for blank."""
    if value is None:
        return -1
    if isinstance(value, bool):
        return int(value)
    word = normalise(str(value))
    if not word:
        return -1
    if word in _YES:
        return 1
    if word in _NO:
        return 0
    raise Unreadable("is not yes or no")


_STAGES = {"1": 1, "one": 1, "s1": 1, "first": 1, "2": 2, "two": 2, "s2": 2, "second": 2, "final": 2}


def read_stage(value: object) -> int:
    """1 or 2 (0 for a blank cell)."""
    if value is None:
        return 0
    if isinstance(value, int | float) and not isinstance(value, bool) and value in (1, 2):
        return int(value)
    word = normalise(str(value))
    if not word:
        return 0
    for filler in ("stage", "complaint", "response"):
        word = word.replace(filler, "")
    found = _STAGES.get(word)
    if found is None:
        raise Unreadable("is not stage 1 or stage 2, the two stages the Code has")
    return found


#: Tenures, in the Regulator's two groups of social housing (and what is neither).
LCRA, LCHO, OTHER_TENURE = 1, 2, 3
_TENURES = {
    "lcra": LCRA,
    "lowcostrental": LCRA,
    "lowcostrentalaccommodation": LCRA,
    "generalneeds": LCRA,
    "socialrent": LCRA,
    "affordablerent": LCRA,
    "supportedhousing": LCRA,
    "housingforolderpeople": LCRA,
    "sheltered": LCRA,
    "intermediaterent": LCRA,
    "rent": LCRA,
    "rented": LCRA,
    "tenant": LCRA,
    "lcho": LCHO,
    "lowcosthomeownership": LCHO,
    "sharedownership": LCHO,
    "sharedowner": LCHO,
    "rentobuy": LCHO,
    "leasehold": OTHER_TENURE,
    "leaseholder": OTHER_TENURE,
    "freehold": OTHER_TENURE,
    "marketrent": OTHER_TENURE,
    "commercial": OTHER_TENURE,
    "other": OTHER_TENURE,
    "nonresident": OTHER_TENURE,
}
TENURE_WORDS = (
    "LCRA",
    "Low cost rental",
    "General needs",
    "Supported housing",
    "Housing for older people",
    "LCHO",
    "Shared ownership",
    "Leasehold",
    "Market rent",
    "Other",
)


def read_tenure(value: object) -> int:
    """LCRA, LCHO or OTHER_TENURE (0 for a blank cell)."""
    word = normalise(str(value)) if value is not None else ""
    if not word:
        return 0
    found = _TENURES.get(word)
    if found is None:
        close = suggest(str(value), TENURE_WORDS)
        hint = f" (did you mean '{close}'?)" if close else ""
        raise Unreadable(f"is not one selfassess knows{hint}; use LCRA, LCHO or Other")
    return found


#: Outcomes as the annual report counts them; any other wording counts as OTHER_OUTCOME.
OUTCOMES = ("Upheld", "Partly upheld", "Not upheld", "Withdrawn", "Other")
UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN, OTHER_OUTCOME = 1, 2, 3, 4, 5
_OUTCOME_WORDS = {
    "upheld": UPHELD,
    "fullyupheld": UPHELD,
    "justified": UPHELD,
    "partlyupheld": PARTLY_UPHELD,
    "partiallyupheld": PARTLY_UPHELD,
    "partupheld": PARTLY_UPHELD,
    "partlyjustified": PARTLY_UPHELD,
    "notupheld": NOT_UPHELD,
    "notjustified": NOT_UPHELD,
    "rejected": NOT_UPHELD,
    "withdrawn": WITHDRAWN,
    "closedwithdrawn": WITHDRAWN,
}


def read_outcome(value: object) -> int:
    """The outcome's group (0 for a blank cell); never a reason: outcomes are worded every which
    way, and only their group is ever shown."""
    word = normalise(str(value)) if value is not None else ""
    if not word:
        return 0
    return _OUTCOME_WORDS.get(word, OTHER_OUTCOME)


_REFERENCE_SHAPED = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.\-]{0,23}")


def shown_reference(reference: str) -> str | None:
    """A case reference as outputs may show it: letters, digits and -/_. with a digit among them,
    up to 24 characters; anything else (a name in the wrong column) is never shown."""
    if _REFERENCE_SHAPED.fullmatch(reference) and any(c.isdigit() for c in reference):
        return reference
    return None
