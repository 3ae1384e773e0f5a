"""The columns a complaints log is read by, and the words case-management systems head them with.

Only these columns are ever read: a log holds residents' names, addresses and what they wrote,
and none of that is needed to judge a case or count it. A system whose headings are not among
these names each column in `selfassess.toml`:

    [complaints.columns]
    received = "Date Logged"
    stage2-responded = "Final Response Sent"
"""

from __future__ import annotations

from typing import Literal

from selfassess.didyoumean import normalise

Field = Literal[
    "reference",
    "stage",
    "received",
    "acknowledged",
    "responded",
    "extension",
    "extension-told",
    "outcome",
    "stage2-requested",
    "stage2-acknowledged",
    "stage2-responded",
    "stage2-extension",
    "stage2-extension-told",
    "stage2-outcome",
    "tenure",
]

#: What each column holds, in words for messages ("no column for the date each complaint was received").
MEANS: dict[Field, str] = {
    "reference": "the complaint's reference",
    "stage": "the stage (1 or 2)",
    "received": "the date each complaint was received",
    "acknowledged": "the date it was acknowledged",
    "responded": "the date of the response",
    "extension": "the extension agreed (a date, or a number of working days)",
    "extension-told": "whether the resident was told of the extension",
    "outcome": "the outcome",
    "stage2-requested": "the date escalation to stage 2 was asked for",
    "stage2-acknowledged": "the date the stage 2 request was acknowledged",
    "stage2-responded": "the date of the stage 2 response",
    "stage2-extension": "the stage 2 extension agreed",
    "stage2-extension-told": "whether the resident was told of the stage 2 extension",
    "stage2-outcome": "the stage 2 outcome",
    "tenure": "the resident's tenure (low-cost rental or low-cost home ownership)",
}
FIELDS: tuple[Field, ...] = tuple(MEANS)
REQUIRED: tuple[Field, ...] = ("reference", "received")
DATES: frozenset[Field] = frozenset(
    ("received", "acknowledged", "responded", "stage2-requested", "stage2-acknowledged", "stage2-responded")
)
#: Columns only a log with a row per complaint (not per stage) has.
STAGE2_FIELDS: tuple[Field, ...] = (
    "stage2-requested",
    "stage2-acknowledged",
    "stage2-responded",
    "stage2-extension",
    "stage2-extension-told",
    "stage2-outcome",
)

_S1 = ("", "stage 1 ", "stage one ", "s1 ", "stage 1 complaint ")
_S2 = ("stage 2 ", "stage two ", "s2 ", "escalation ", "escalated ", "stage 2 complaint ")

#: Headings as systems export them (compared by their letters and digits only, any case).
_HEADINGS: dict[Field, tuple[str, ...]] = {
    "reference": (
        "reference",
        "ref",
        "complaint reference",
        "complaint ref",
        "case reference",
        "case ref",
        "case number",
        "case no",
        "complaint number",
        "complaint no",
        "complaint id",
        "case id",
        "id",
    ),
    "stage": ("stage", "complaint stage", "current stage", "stage reached"),
    "received": tuple(
        f"{p}{w}"
        for p in _S1
        for w in (
            "received",
            "date received",
            "received date",
            "date logged",
            "logged date",
            "date raised",
            "raised date",
            "date opened",
            "opened date",
            "logged",
            "raised",
            "opened",
        )
    ),
    "acknowledged": tuple(
        f"{p}{w}"
        for p in _S1
        for w in (
            "acknowledged",
            "date acknowledged",
            "acknowledged date",
            "acknowledgement date",
            "acknowledgment date",
            "ack date",
        )
    ),
    "responded": tuple(
        f"{p}{w}"
        for p in _S1
        for w in (
            "responded",
            "date responded",
            "responded date",
            "response date",
            "response sent",
            "date of response",
            "response",
            "closed",
            "date closed",
            "closed date",
        )
    ),
    "extension": tuple(
        f"{p}{w}"
        for p in _S1
        for w in (
            "extension",
            "extension agreed",
            "extended to",
            "extension date",
            "extended response date",
            "extension working days",
            "extension days",
        )
    ),
    "extension-told": tuple(
        f"{p}{w}"
        for p in _S1
        for w in (
            "extension told",
            "resident told of extension",
            "resident told",
            "extension notified",
            "extension agreed with resident",
            "resident informed of extension",
            "told of extension",
        )
    ),
    "outcome": tuple(f"{p}{w}" for p in _S1 for w in ("outcome", "decision", "result")),
    "stage2-requested": (
        "escalated",
        "date escalated",
        "escalation date",
        "escalation requested",
        "date escalation requested",
        *(
            f"{p}{w}"
            for p in _S2
            for w in (
                "requested",
                "request date",
                "date requested",
                "received",
                "date received",
                "received date",
            )
        ),
    ),
    "stage2-acknowledged": tuple(
        f"{p}{w}"
        for p in _S2
        for w in (
            "acknowledged",
            "date acknowledged",
            "acknowledged date",
            "acknowledgement date",
            "acknowledgment date",
            "ack date",
        )
    ),
    "stage2-responded": (
        "final response date",
        "final response sent",
        *(
            f"{p}{w}"
            for p in _S2
            for w in (
                "responded",
                "date responded",
                "responded date",
                "response date",
                "response sent",
                "date of response",
                "closed",
                "date closed",
            )
        ),
    ),
    "stage2-extension": tuple(
        f"{p}{w}"
        for p in _S2
        for w in (
            "extension",
            "extension agreed",
            "extended to",
            "extension date",
            "extension working days",
            "extension days",
        )
    ),
    "stage2-extension-told": tuple(
        f"{p}{w}"
        for p in _S2
        for w in ("extension told", "resident told of extension", "resident told", "extension notified")
    ),
    "stage2-outcome": tuple(f"{p}{w}" for p in _S2 for w in ("outcome", "decision", "result")),
    "tenure": ("tenure", "tenure type", "tenancy type", "tenancy", "tenure group"),
}

#: A heading's letters and digits -> the field it names.
BY_HEADING: dict[str, Field] = {}
for _field, _names in _HEADINGS.items():
    for _name in _names:
        BY_HEADING.setdefault(normalise(_name), _field)


def headings_of(field: Field) -> tuple[str, ...]:
    """The headings recognised for a field, the plainest first."""
    return _HEADINGS[field]
