"""Reading commentary for stated limits and deliverable dates: what counts, and the restraint."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from selfassess.load.codes import CodeLibrary
from selfassess.timelimits.statements import LimitReader, deliverable_dates

CODE = CodeLibrary().find("hos-chc-2024", Path(__file__).parent).code
READER = LimitReader({key: limit.keywords for key, limit in CODE.time_limits.items()})


def read(sentence: str, own: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(item.key, str(item.found.duration)) for item in READER.limits_in(sentence, own)]


@pytest.mark.parametrize(
    ("sentence", "own", "stated"),
    [
        # the keyword rule
        (
            "Our complaints policy sets out that all complaints should be responded to within 10 working days at stage 1.",
            (),
            [("stage1-response", "10 working days")],
        ),
        ("We respond to stage 1 complaints within 2 weeks.", (), [("stage1-response", "2 weeks")]),
        # a complaint taken on only if brought within a time: the window; never the time to escalate
        (
            "We can only look at a complaint if we are told about it within 6 months of the event.",
            (),
            [("complaint-window", "6 months")],
        ),
        ("We will only consider a request for review if you ask within 2 months of our response.", (), []),
        # a stage's time in brackets after it is its response, unless the brackets name the act
        (
            "Stage 1 (10 working days) and Stage 2 (20 working days).",
            (),
            [("stage1-response", "10 working days"), ("stage2-response", "20 working days")],
        ),
        (
            "Stage one (5 working days to acknowledge) is handled locally.",
            (),
            [("stage1-acknowledge", "5 working days")],
        ),
        ("Stage 1 (12 working days on average) was slower than last year.", (), []),
        ("You can ask for stage 2 (within 20 working days of our response).", (), []),
        # a stage's target with no act named is its response; an act named is that act
        ("A 15 working day target applies to stage 2 reviews.", (), [("stage2-response", "15 working days")]),
        (
            "Stage 1 complaints have a timescale of 10 working days.",
            (),
            [("stage1-response", "10 working days")],
        ),
        (
            "The stage 2 acknowledgement target is 3 working days.",
            (),
            [("stage2-acknowledge", "3 working days")],
        ),
        ("Stage 1 complaints took 12 working days against a 10 working day target.", (), []),
        (
            "Stage one responses are sent within fifteen working days.",
            (),
            [("stage1-response", "15 working days")],
        ),
        (
            "We aim to issue a stage 2 response in twenty working days.",
            (),
            [("stage2-response", "20 working days")],
        ),
        ("The stage 1 response target is 10 working days.", (), [("stage1-response", "10 working days")]),
        (
            "We have a 10 working day target for stage 1 responses.",
            (),
            [("stage1-response", "10 working days")],
        ),
        (
            "We accept complaints made within six months of the issue occurring.",
            (),
            [("complaint-window", "6 months")],
        ),
        # the event the clock starts from is not what the limit is for
        (
            "Landlords must issue a full response to stage 1 complaints within 10 working days of the complaint being acknowledged.",
            (),
            [("stage1-response", "10 working days")],
        ),
        # the provision's own limit, in a sentence with no other limit's words
        (
            "We acknowledge complaints within five working days.",
            ("stage1-acknowledge",),
            [("stage1-acknowledge", "5 working days")],
        ),
        (
            "Any extension is no longer than 10 working days.",
            ("stage1-extension",),
            [("stage1-extension", "10 working days")],
        ),
        # ... but a sentence that names another limit's act states that one (its stage the first,
        # where nothing says otherwise and the length is within every stage's limit)
        (
            "We acknowledge complaints within five working days.",
            ("stage1-response",),
            [("stage1-acknowledge", "5 working days")],
        ),
        # the clause decides which of two limits each duration states
        (
            "We acknowledge stage 1 complaints within 5 working days and respond within 10 working days.",
            (),
            [("stage1-acknowledge", "5 working days"), ("stage1-response", "10 working days")],
        ),
        (
            "We acknowledge stage 1 complaints within 5 working days and respond within 15 working days.",
            ("stage1-acknowledge",),
            [("stage1-acknowledge", "5 working days"), ("stage1-response", "15 working days")],
        ),
        # restraint: time left, time taken, performance, ambiguity
        (
            "During routine Senior Management discussions on open complaints, complaints that are due a response within two days are discussed so that extensions are not applied unless necessary.",
            ("stage1-extension",),
            [],
        ),
        (
            "Stage 1 complaints that are due a response within two days are discussed at the weekly meeting.",
            (),
            [],
        ),
        ("Stage 1 complaints took 12 working days on average.", (), []),
        ("Stage 1 complaints were responded to within 10 working days in 87% of cases.", (), []),
        (
            "We will extend a stage 1 response by no more than 10 working days.",
            (),
            [("stage1-extension", "10 working days")],
        ),
        ("Stage 1 complaints are reviewed every two weeks.", (), []),
        (
            "We respond to stage 1 complaints, with updates every 5 working days, within 10 working days.",
            (),
            [("stage1-response", "10 working days")],
        ),
        ("The Council adopts a 2 stage process.", (), []),
        # families of real text: a stage without its verb takes the verb of the clause before
        (
            "We answer stage 1 complaints within 10 working days and stage 2 complaints within 20 working days.",
            (),
            [("stage1-response", "10 working days"), ("stage2-response", "20 working days")],
        ),
        # other words for the acts: completing a review is responding, accepting is acknowledging
        (
            "The stage 2 panel completes its reviews within 15 working days.",
            (),
            [("stage2-response", "15 working days")],
        ),
        (
            "Stage 1 complaints have a maximum duration of 10 working days.",
            (),
            [("stage1-response", "10 working days")],
        ),
        (
            "The stage 1 extension duration can be up to 10 working days.",
            (),
            [("stage1-extension", "10 working days")],
        ),
        (
            "The maximum duration of a stage 1 extension is 10 working days.",
            (),
            [("stage1-extension", "10 working days")],
        ),
        (
            "We will confirm within 2 working days whether we have accepted your stage 2 request.",
            (),
            [("stage2-acknowledge", "2 working days")],
        ),
        ("We give our final response within 15 working days.", (), [("stage2-response", "15 working days")]),
        # a window in days, made by the words about awareness
        (
            "We will not look into matters raised more than 60 days after the tenant became aware of them.",
            (),
            [("complaint-window", "60 days")],
        ),
        (
            "We will not usually consider complaints about issues that arose outside the 12 month period.",
            (),
            [("complaint-window", "12 months")],
        ),
        ("Stage 1 responses sent outside 10 working days are reported to the board.", (), []),
        (
            "We respond to stage 1 complaints within 10 working days, and complaints can be escalated to stage 2 within 20 working days.",
            (),
            [("stage1-response", "10 working days")],
        ),
        # the resident's time is never the landlord's
        ("You have 20 working days to request a stage 2 review.", (), []),
        ("Please tell us within 28 days of our response if you want to escalate.", (), []),
        # an average aimed at is read (SA405 reports it); one achieved is not
        (
            "We answer stage 1 complaints within 12 working days on average.",
            (),
            [("stage1-response", "12 working days")],
        ),
        ("In 2023 stage 1 complaints were answered within 12 working days on average.", (), []),
    ],
)
def test_which_sentences_state_which_limit(sentence, own, stated):
    assert read(sentence, own) == stated


@pytest.mark.parametrize(
    ("sentence", "default_year", "earliest"),
    [
        ("Our 2023-24 report will be published in autumn 2024.", 2024, [date(2024, 9, 1)]),
        ("The report is published in autumn each year.", 2024, [date(2024, 9, 1)]),
        ("It will be submitted by 30 September 2025.", 2025, [date(2025, 9, 30)]),
        ("It will be submitted by 30/09/2025.", 2025, [date(2025, 9, 30)]),
        ("It will be approved by the Board in September 2025.", 2025, [date(2025, 9, 1)]),
        ("It will be reported to the Board by September.", 2025, [date(2025, 9, 1)]),
        ("The annual report will be presented to committee in Q3 2025/26.", 2025, [date(2025, 10, 1)]),
        ("We will publish it in the spring.", 2025, [date(2025, 3, 1)]),
        ("Performance improved considerably in Q1 compared to the end of 23/24.", 2024, []),  # no deliverable
        ("The Forum received an overview of complaints in May 2024.", 2024, []),
    ],
)
def test_dates_for_deliverables(sentence, default_year, earliest):
    assert [found.earliest for found in deliverable_dates(sentence, default_year)] == earliest


def test_an_average_aimed_at_is_marked_as_one():
    (stated,) = READER.limits_in("We answer stage 1 complaints within 12 working days on average.")
    assert stated.average


def test_one_duration_for_every_stage():
    reader = LimitReader(
        {key: limit.keywords for key, limit in CODE.time_limits.items()},
        lengths={key: limit.limit for key, limit in CODE.time_limits.items()},
    )
    stated = reader.limits_in("Complaints are acknowledged within 3 working days at each of the stages.")
    assert [(item.key, str(item.found.duration)) for item in stated] == [
        ("stage1-acknowledge", "3 working days"),
        ("stage2-acknowledge", "3 working days"),
    ]


def test_assessing_is_an_acknowledgement_only_within_its_limit():
    """ "Assessed within 15 working days" may be the whole investigation: read as an acknowledgement
    only where it could not make a false error."""
    reader = LimitReader(
        {key: limit.keywords for key, limit in CODE.time_limits.items()},
        lengths={key: limit.limit for key, limit in CODE.time_limits.items()},
    )

    def read_with_lengths(sentence: str) -> list[tuple[str, str]]:
        return [(item.key, str(item.found.duration)) for item in reader.limits_in(sentence)]

    assert read_with_lengths("Stage 1 complaints are assessed within 3 working days.") == [
        ("stage1-acknowledge", "3 working days")
    ]
    assert read_with_lengths("Stage 1 complaints are assessed within 10 working days.") == []
    assert read_with_lengths("We will assess your stage 2 complaint within 15 working days.") == []


def test_a_response_time_with_its_extension_is_neither_limit_alone():
    reader = LimitReader(
        {key: limit.keywords for key, limit in CODE.time_limits.items()},
        lengths={key: limit.limit for key, limit in CODE.time_limits.items()},
    )

    def read_with_lengths(sentence: str) -> list[tuple[str, str]]:
        return [(item.key, str(item.found.duration)) for item in reader.limits_in(sentence)]

    assert (
        read_with_lengths("The stage 2 response is sent within 40 working days where an extension is agreed.")
        == []
    )
    # longer than both together, or extended in another clause: the response's own limit
    assert read_with_lengths(
        "The stage 2 response is sent within 50 working days where an extension is agreed."
    ) == [("stage2-response", "50 working days")]
    assert read_with_lengths(
        "We respond to stage 2 complaints within 30 working days; we may extend this."
    ) == [("stage2-response", "30 working days")]
    # "at every stage" belongs to the limit beside it, not to the next one
    assert read_with_lengths(
        "Complaints are acknowledged within 5 working days at every stage, and responded to within 10 working days."
    ) == [
        ("stage1-acknowledge", "5 working days"),
        ("stage2-acknowledge", "5 working days"),
        ("stage1-response", "10 working days"),
    ]
