"""Complaints logs as case-management systems export them, made up: for the benchmark (a large
landlord's decade, a million rows) and for the example shipped beside Fenbrook Homes'
assessment (`assessments/evidence/fenbrook-complaints-2024-25.csv`).

Every name, address and word of free text is invented, and each file holds them on purpose: the
columns selfassess must never read (a resident's name, address and what they wrote) sit among the
ones it must. Volumes are seasonal (damp, mould and heating complaints in winter, fewer in the
summer and over Christmas), complaints arrive mostly on working days and are answered only on
working days, some responses are extended, some are late, some complaints escalate.

    .venv/bin/python -m tools.complaints_logs            # writes the Fenbrook example
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from selfassess.timelimits.calendar import due_date, is_working_day
from selfassess.timelimits.durations import Duration, Unit

HEADINGS = (
    "Case Ref",
    "Resident",
    "Address",
    "Tenure",
    "Category",
    "Date Received",
    "Date Acknowledged",
    "Stage 1 Response Date",
    "Extension (working days)",
    "Resident told of extension",
    "Stage 1 Outcome",
    "Escalated",
    "Stage 2 Acknowledged",
    "Stage 2 Response Date",
    "Stage 2 Extension",
    "Stage 2 Outcome",
    "Notes",
)
EXAMPLE = Path(__file__).parents[1] / "assessments" / "evidence" / "fenbrook-complaints-2024-25.csv"

_FIRST = (
    "Amira",
    "Daniel",
    "Grace",
    "Tomasz",
    "Priya",
    "Kwame",
    "Siobhan",
    "Oliver",
    "Fatima",
    "Rhys",
    "Mei",
    "Jordan",
)
_LAST = (
    "Okafor",
    "Hughes",
    "Kowalski",
    "Patel",
    "Mensah",
    "Byrne",
    "Clarke",
    "Rahman",
    "Evans",
    "Chen",
    "Wright",
    "Ali",
)
_STREETS = (
    "Mill Lane",
    "Fenbrook Road",
    "Orchard Close",
    "Station Street",
    "Willow Court",
    "Canal Side",
    "Church Walk",
)
_CATEGORIES = (
    "Repairs",
    "Damp and mould",
    "Heating",
    "Anti-social behaviour",
    "Staff conduct",
    "Rent and charges",
    "Estate services",
)
_NOTES = (
    "Resident says the bathroom ceiling is black with mould and her son's asthma is worse.",
    "Boiler has failed three times since October; engineer missed two appointments.",
    "Neighbour's music late at night; resident has kept a diary since the summer.",
    "Unhappy with how the call centre spoke to him; wants an apology.",
    "Service charge increase not explained; asks for a breakdown.",
    "Communal lights out on the second floor for six weeks.",
)
_TENURES = (
    ("General needs", 84),
    ("Supported housing", 4),
    ("Housing for older people", 4),
    ("Shared ownership", 5),
    ("Leasehold", 3),
)
_OUTCOMES = (("Upheld", 35), ("Partly upheld", 20), ("Not upheld", 40), ("Withdrawn", 5))
_ONE = Duration(1, Unit.WORKING_DAYS)


def after(day: date, working_days: int) -> date:
    """The working day `working_days` after `day` (0: `day` itself if a working day, else the next)."""
    if working_days == 0:
        return day if is_working_day(day) else due_date(day, _ONE)
    return due_date(day, Duration(working_days, Unit.WORKING_DAYS))


def _season(day: date) -> float:
    """How many complaints a day brings, relative to an ordinary weekday."""
    weight = {11: 1.4, 12: 1.3, 1: 1.5, 2: 1.35, 3: 1.1, 6: 0.8, 7: 0.75, 8: 0.7}.get(day.month, 1.0)
    if (day.month, day.day) >= (12, 22) or (day.month, day.day) <= (1, 2):
        weight *= 0.4
    if day.weekday() >= 5:
        return weight * 0.12
    return weight if is_working_day(day) else weight * 0.1


def _d(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else ""


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([word for word, _ in table], [weight for _, weight in table])[0]


def _personal(rng: random.Random) -> tuple[str, str, str, str]:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    address = f"Flat {rng.randint(1, 40)}, {rng.randint(1, 120)} {rng.choice(_STREETS)}, Fenbrook"
    return name, address, rng.choice(_CATEGORIES), rng.choice(_NOTES)


def realistic(
    rows: int, seed: int = 2025, first: date = date(2015, 4, 1), years: int = 10
) -> Iterator[list[str]]:
    """`rows` complaints over `years` from `first`, in order of receipt, as rows of HEADINGS."""
    rng = random.Random(seed)
    days = [first + timedelta(days=n) for n in range(years * 365)]
    received = sorted(rng.choices(days, weights=[_season(day) for day in days], k=rows))
    exported = days[-1] + timedelta(days=14)
    for number, day in enumerate(received, start=1):
        name, address, category, note = _personal(rng)
        acknowledged = after(day, rng.choices(range(9), (10, 30, 25, 15, 8, 6, 3, 2, 1))[0])
        extension = rng.choices((0, 5, 10, 15), (90, 4, 5, 1))[0]
        told = "" if not extension else rng.choices(("Yes", "No"), (95, 5))[0]
        taken = rng.randint(3, 10) + (rng.randint(1, extension) if extension else 0)
        if rng.random() < 0.09:
            taken += rng.randint(1, 25)
        responded: date | None = after(acknowledged, taken)
        if responded is not None and responded > exported:
            responded = None
        outcome = _pick(rng, _OUTCOMES) if responded else ""
        stage2 = ["", "", "", "", ""]
        if responded and outcome != "Withdrawn" and rng.random() < 0.11:
            requested = responded + timedelta(days=rng.randint(1, 60))
            if requested <= exported:
                s2_ack = after(requested, rng.choices(range(1, 9), (30, 30, 20, 10, 5, 3, 1, 1))[0])
                s2_extension = rng.choices((0, 10, 20), (92, 4, 4))[0]
                s2_taken = rng.randint(8, 20) + (rng.randint(1, s2_extension) if s2_extension else 0)
                if rng.random() < 0.08:
                    s2_taken += rng.randint(1, 20)
                s2_responded: date | None = after(s2_ack, s2_taken)
                if s2_responded is not None and s2_responded > exported:
                    s2_responded = None
                stage2 = [
                    _d(requested),
                    _d(s2_ack),
                    _d(s2_responded),
                    str(s2_extension or ""),
                    _pick(rng, _OUTCOMES[:3]) if s2_responded else "",
                ]
        yield [
            f"FH-{day:%y%m}-{number:07d}",
            name,
            address,
            _pick(rng, _TENURES),
            category,
            _d(day),
            _d(acknowledged),
            _d(responded),
            str(extension or ""),
            told,
            outcome,
            *stage2[:4],
            stage2[4],
            note,
        ]


def write(path: Path, rows: Iterator[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(HEADINGS)
        out.writerows(rows)


def fenbrook(seed: int = 7) -> list[list[str]]:
    """Fenbrook Homes' 2024/25 log, made to agree with what its assessment says: 412 stage 1
    responses in the year, 358 of them on time (54 late, none of them extended; the extensions
    all within the Code); 71 stage 2 responses, all on time; and 6 stage 1 acknowledgements that
    took longer than five working days, which its "Yes" to 6.2 does not admit."""
    rng = random.Random(seed)
    start, end = date(2024, 4, 1), date(2025, 3, 31)
    year = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    weights = [_season(day) for day in year]

    def received_in(first: date, last: date, count: int) -> list[date]:
        chosen = [(day, w) for day, w in zip(year, weights, strict=True) if first <= day <= last]
        return sorted(rng.choices([d for d, _ in chosen], [w for _, w in chosen], k=count))

    # Answered in the year: 6 received at the end of March 2024, 406 received by the end of February.
    answered = [date(2024, 3, 25) - timedelta(days=rng.randint(0, 6)) for _ in range(6)]
    answered += received_in(start, date(2025, 2, 21), 406)
    answered.sort()
    late = set(rng.sample([i for i, day in enumerate(answered) if day <= date(2025, 1, 31)], 54))
    extended = set(
        rng.sample([i for i in range(len(answered)) if i not in late and answered[i] <= date(2025, 2, 7)], 14)
    )
    late_acknowledgement = set(rng.sample(range(len(answered)), 6))
    rows: list[list[str]] = []
    stage1_dates: list[tuple[int, date]] = []
    for i, day in enumerate(answered):
        name, address, category, note = _personal(rng)
        acknowledged = after(day, rng.randint(6, 8) if i in late_acknowledgement else rng.randint(0, 4))
        if i in late:
            taken, extension = (
                10
                + rng.choices(
                    (rng.randint(1, 5), rng.randint(6, 10), rng.randint(11, 20), rng.randint(21, 30)),
                    (60, 25, 10, 5),
                )[0],
                0,
            )
        elif i in extended:
            extension = rng.choice((5, 10, 10))
            taken = 10 + rng.randint(1, extension)
        else:
            taken, extension = rng.randint(3, 10), 0
        if day < start:
            taken = max(taken, 10)
        responded = after(acknowledged, taken)
        outcome = _pick(rng, _OUTCOMES)
        rows.append(
            [
                f"FH-{day:%y%m}-{i + 1:04d}",
                name,
                address,
                _pick(rng, _TENURES),
                category,
                _d(day),
                _d(acknowledged),
                _d(responded),
                str(extension or ""),
                "Yes" if extension else "",
                outcome,
                "",
                "",
                "",
                "",
                "",
                note,
            ]
        )
        if outcome != "Withdrawn" and responded <= date(2024, 12, 13):
            stage1_dates.append((i, responded))
    for i, responded in rng.sample(stage1_dates, 71):
        requested = responded + timedelta(days=rng.randint(2, 28))
        s2_ack = after(requested, rng.randint(1, 5))
        s2_extension = 10 if rng.random() < 0.06 else 0
        s2_responded = after(
            s2_ack, rng.randint(12, 20) + (rng.randint(1, s2_extension) if s2_extension else 0)
        )
        rows[i][11:16] = [
            _d(requested),
            _d(s2_ack),
            _d(s2_responded),
            str(s2_extension or ""),
            _pick(rng, _OUTCOMES[:3]),
        ]
    # Received in March 2025 and answered in April, or still open when the log was exported.
    for j, day in enumerate(received_in(date(2025, 3, 3), end, 24)):
        name, address, category, note = _personal(rng)
        acknowledged = after(day, rng.randint(0, 4))
        answered_on: date | None = after(acknowledged, rng.randint(6, 10))
        if answered_on is not None and answered_on <= end:
            answered_on = after(end, rng.randint(1, 5))
        if j % 8 == 0:
            answered_on = None
        rows.append(
            [
                f"FH-{day:%y%m}-{len(answered) + j + 1:04d}",
                name,
                address,
                _pick(rng, _TENURES),
                category,
                _d(day),
                _d(acknowledged),
                _d(answered_on),
                "",
                "",
                _pick(rng, _OUTCOMES) if answered_on else "",
                "",
                "",
                "",
                "",
                "",
                note,
            ]
        )
    return rows


if __name__ == "__main__":
    write(EXAMPLE, iter(fenbrook()))
    print(f"Wrote {EXAMPLE}")
