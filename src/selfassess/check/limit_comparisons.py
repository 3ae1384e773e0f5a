"""Each stated time limit compared with the code's, over the assessment's window of start days,
and the sentences SA401 and SA402 say about it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from selfassess.check.commentary import Statement, statements
from selfassess.check.context import Context
from selfassess.model.code import TimeLimit
from selfassess.timelimits.calendar import OutsideCalendar
from selfassess.timelimits.compare import Bound, Comparison, compare, window_for
from selfassess.wording import mid_sentence


@dataclass(frozen=True, slots=True)
class Compared:
    statement: Statement
    limit: TimeLimit
    comparison: Comparison | None
    outside: str | None = None  # why no comparison could be made (a window outside the calendar)


def _window(context: Context) -> tuple[date, date] | None:
    assessment = context.assessment
    if assessment is None or assessment.assessed_on.value is None:
        return None
    period = assessment.period
    first = period.from_.value if period is not None else None
    last = period.to.value if period is not None else None
    if first is not None and last is not None and last < first:
        first = last = None
    return window_for(first, last, assessment.assessed_on.value)


def _compared(context: Context) -> list[Compared]:
    code = context.code
    window = _window(context)
    if code is None or window is None:
        return []
    found: list[Compared] = []
    for statement in statements(context):
        limit = code.time_limits[statement.key]
        try:
            comparison = compare(statement.duration, limit.limit, Bound(limit.bound), *window)
        except OutsideCalendar as error:
            found.append(Compared(statement, limit, None, str(error)))
            continue
        found.append(Compared(statement, limit, comparison))
    return found


def compared(context: Context) -> list[Compared]:
    return context.derived("compared", _compared)


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _due(day: date, start: date) -> str:
    return f"{day.day} {day:%B}" if day.year == start.year else f"{day.day} {day:%B %Y}"


def what_for(limit: TimeLimit, key: str) -> str:
    """'to issue a full response to a stage 1 complaint': the limit's purpose, from the code, without
    the event its clock runs from (", counted from acknowledgement"), which the Code itself says."""
    if not limit.describes:
        return f"for {key}"
    purpose = mid_sentence(limit.describes).rstrip(".")
    return "to " + re.split(r",\s+(?:counted|from|after)\b", purpose, maxsplit=1)[0]


def stated_against_code(item: Compared, code_name: str) -> str:
    """'Your policy gives 2 weeks to respond …; the Code allows 10 working days'."""
    limit = item.limit
    allows = "allows" if limit.bound == "at-most" else "requires at least"
    return f"{stated(item)}; the {code_name} {allows} {limit.limit}"


def stated(item: Compared) -> str:
    """'Your commentary on 6.2 gives 15 working days to issue a full response to a stage 1 complaint'."""
    statement = item.statement
    return (
        f"{statement.source[0].upper()}{statement.source[1:]} gives {statement.written} "
        f"{what_for(item.limit, statement.key)}"
    )


def beyond_code(item: Compared, code_name: str) -> str:
    """'longer than the Code's 10 working days', or 'shorter than the 12 months the Code requires'."""
    limit = item.limit
    if limit.bound == "at-most":
        return f"longer than the {code_name}'s {limit.limit}"
    return f"shorter than the {limit.limit} the {code_name} requires"


def example(item: Compared, start: date, both: bool = False) -> str:
    """What happens on one start day, in a complaints manager's terms: 'one received Saturday 6 April
    2024 would be due 20 April, not 19 April' (yours first, then the code's)."""
    assert item.comparison is not None
    stated_due, code_due = item.comparison.dues(start)
    if item.limit.bound == "at-least":
        if both:
            return f"from {_day(start)}, both end {_due(code_due, start)}"
        return f"from {_day(start)}, yours ends {_due(stated_due, start)}, not {_due(code_due, start)}"
    about_complaints = _about_complaints(item)
    if both:
        one = f"one received {_day(start)}" if about_complaints else f"from {_day(start)}"
        return f"{one}, {_due(code_due, start)} under both"
    one = f"one received {_day(start)}" if about_complaints else f"from {_day(start)}, it"
    return f"{one} would be due {_due(stated_due, start)}, not {_due(code_due, start)}"


def _about_complaints(item: Compared) -> bool:
    """Whether the limit counts from a complaint, so that "a complaint received on" is right."""
    return "complain" in f"{item.limit.describes or ''} {item.statement.key}".lower()


def code_name(context: Context) -> str:
    """How messages name the code: 'Code' for a code titled so, else its title."""
    title = context.code.title if context.code is not None else "code"
    return "Code" if "code" in title.lower() else title
