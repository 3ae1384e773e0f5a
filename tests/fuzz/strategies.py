"""Hypothesis strategies: valid assessments for any code, and three ways of corrupting them.

`assessments(code)` draws plain data (what `yaml.safe_dump` writes) that validates against the
`Assessment` model: an answer from the code's own vocabulary for a drawn selection of its
provisions, evidence cited from a drawn register, commentary of drawn sentences (some stating time
limits and dates), and actions with owners, dates and statuses. It may still draw findings other
than SA001 (a gap, a stale document, a "Yes" that admits a shortfall): valid is not clean.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import yaml
from hypothesis import strategies as st

from selfassess.model.code import Code

KEYS = st.from_regex(r"[a-z][a-z0-9-]{0,18}[a-z0-9]", fullmatch=True)

SENTENCES = [
    "Our Complaints Policy uses the Code's definition of a complaint word for word.",
    "We acknowledge stage 1 complaints within 5 working days of receipt.",
    "Stage 1 responses are sent within 10 working days of acknowledgement.",
    "Stage 2 responses are sent within 20 working days of the escalation request.",
    "In 2024/25 we met this in 87% of cases (358 of 412).",
    "Performance was below target in the winter months.",
    "We cannot currently record reasonable adjustments on the household record.",
    "The annual complaints report was published on 27 September 2024.",
    "The report will be published in autumn.",
    "The Board reviewed the self-assessment on 12 June 2025.",
    "Residents can complain by phone, email, letter or in person.",
    "Extensions are no longer than 2 weeks.",
    "Complaints are accepted up to 12 months after the issue occurred.",
    "A training programme will be developed for all new starters.",
    "**Every** complaint is logged in the case management system.",
    "See [our policy](https://www.example.org/policy.pdf) for details.",
    "- Phone\n- Email\n- Letter",
]
OWNERS = ["Head of Complaints", "Complaints Team Leader", "Director of Customer Services", "Head of People"]
STATUSES = ["not-started", "in-progress", "done", "blocked", "dropped", "In progress", "DONE"]
DURATIONS = st.builds(
    lambda n, unit: f"{n} {unit}",
    st.integers(1, 30),
    st.sampled_from(["working days", "days", "weeks", "months", "years", "calendar days"]),
)
DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
# Free text: what people paste into forms, control characters and all (YAML escapes what it must).
FREE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40
)


def _sentences() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(SENTENCES) | FREE_TEXT, min_size=1, max_size=4).map(" ".join)


@st.composite
def actions(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(DATES)
    action: dict[str, Any] = {"action": draw(_sentences()), "owner": draw(st.sampled_from(OWNERS))}
    if draw(st.booleans()):
        action["start"] = start
    action["due"] = start + timedelta(days=draw(st.integers(0, 400)))
    if draw(st.booleans()):
        action["status"] = draw(st.sampled_from(STATUSES))
    if draw(st.booleans()):
        action["rag"] = draw(st.sampled_from(["red", "amber", "green"]))
    return action


@st.composite
def assessments(draw: st.DrawFn, code: Code) -> dict[str, Any]:
    """A valid assessment of `code`, as plain data."""
    assessed_on = draw(DATES)
    register_keys = draw(st.lists(KEYS, max_size=10, unique=True))
    register = {
        key: {
            "title": draw(_sentences()),
            "url": f"https://www.example.org/{key}.pdf",
            **(
                {"dated": assessed_on - timedelta(days=draw(st.integers(0, 800)))}
                if draw(st.booleans())
                else {}
            ),
        }
        for key in register_keys
    }
    numbers = list(code.provisions)
    answered = draw(st.lists(st.sampled_from(numbers), unique=True, max_size=len(numbers))) if numbers else []
    if draw(st.booleans()):  # most real assessments answer everything
        answered = numbers
    answers = list(code.answers.values)
    responses: dict[str, Any] = {}
    for number in answered:
        response: dict[str, Any] = {"answer": draw(st.sampled_from(answers))}
        cited = draw(st.lists(st.sampled_from(register_keys), max_size=3)) if register_keys else []
        if draw(st.integers(0, 4)) == 0:
            cited.append(draw(FREE_TEXT))  # a title written out rather than a key
        if cited:
            response["evidence"] = cited
        if draw(st.integers(0, 5)):
            response["commentary"] = draw(_sentences())
        if (
            code.answers.values[response["answer"]] in ("not-met", "partly-met")
            or draw(st.integers(0, 6)) == 0
        ):
            response["actions"] = draw(st.lists(actions(), max_size=2))
        responses[number] = response
    document: dict[str, Any] = {
        "code": code.id,
        "organisation": draw(st.sampled_from(["Fenbrook Homes", "Example Housing Trust"]) | FREE_TEXT),
        "assessed_on": assessed_on,
    }
    if draw(st.booleans()):
        start = assessed_on - timedelta(days=draw(st.integers(30, 500)))
        document["period"] = {"from": start, "to": start + timedelta(days=364)}
    if draw(st.booleans()):
        document["approved"] = {"by": "Board", "on": assessed_on + timedelta(days=draw(st.integers(0, 60)))}
    if code.time_limits and draw(st.booleans()):
        keys = draw(st.lists(st.sampled_from(sorted(code.time_limits)), unique=True))
        document["policy"] = {key: draw(DURATIONS) for key in keys}
    varying = sorted(key for key, deadline in code.deadlines.items() if deadline.varies)
    if varying and draw(st.booleans()):
        document["deadlines"] = {
            key: f"{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}" for key in varying
        }
    if register:
        document["evidence"] = register
    document["responses"] = responses
    return document


def dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


# -- corruptions -----------------------------------------------------------------------------------

YAML_SYNTAX = [*":-[]{}&*!|>'\"#%@`,?~ \t\n\r", "\ufeff", "---", "...", "<<", "*a", "&a", "!!str"]


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """`text` with characters deleted, duplicated or inserted (from YAML's syntax) at drawn places."""
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["delete", "duplicate", "insert"]))
        if how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        elif how == "duplicate":
            piece = text[at : at + draw(st.integers(1, 40))]
            text = text[:at] + piece + text[at:]
        else:
            text = (
                text[:at]
                + "".join(draw(st.lists(st.sampled_from(YAML_SYNTAX), min_size=1, max_size=4)))
                + text[at:]
            )
    return text


def paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in nested dicts and lists (the root not included)."""
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found.append((*here, key))
        found.extend(paths(value, (*here, key)))
    return found


WRONG_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),  # any year Python holds: 0001 and 9999 included, which must be refused, not summed
    FREE_TEXT,
    st.sampled_from(["Yes", "on", "~", "31/11/09", "2025-02-30", "10 working days", "javascript:alert(1)"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(FREE_TEXT, st.integers(), max_size=3),
    st.just([[[[]]]]),
    st.just({"a": {"b": {"c": None}}}),
)


@st.composite
def wrong_types(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """`document` with a value of a drawn type (often the wrong one) at one to three drawn paths."""
    import copy

    changed = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        where = paths(changed)
        if not where:
            break
        path = draw(st.sampled_from(where))
        holder = changed
        for part in path[:-1]:
            holder = holder[part]
        holder[path[-1]] = copy.deepcopy(draw(WRONG_VALUES))  # st.just() gives the same object each time
    return changed


@st.composite
def spliced_bytes(draw: st.DrawFn, raw: bytes) -> bytes:
    """`raw` with random bytes written over or inserted at drawn places."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        noise = draw(st.binary(min_size=1, max_size=16))
        overwrite = draw(st.booleans())
        raw = raw[:at] + noise + raw[at + (len(noise) if overwrite else 0) :]
    return raw
