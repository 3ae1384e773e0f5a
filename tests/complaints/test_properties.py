"""Properties that hold for any log: a response on the limit's last working day is on time and the
day after is late, at either stage; every share is between none and all."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.complaints.measures import Period, measures
from selfassess.timelimits.calendar import due_date
from selfassess.timelimits.durations import Duration, Unit

from .helpers import d, judged, write_log

days = st.dates(min_value=date(2016, 1, 1), max_value=date(2034, 12, 31))
HEADINGS = ["Reference", "Date received", "Date acknowledged", "Date responded", "Escalated",
            "Stage 2 acknowledged", "Stage 2 response date"]  # fmt: skip


@settings(max_examples=60)
@given(
    received=days, acknowledged_after=st.integers(0, 9), over=st.integers(0, 1), stage=st.sampled_from([1, 2])
)
def test_a_response_on_the_last_working_day_is_on_time_and_the_day_after_is_late(
    received, acknowledged_after, over, stage
):
    acknowledged = received + timedelta(days=acknowledged_after)
    limit = Duration(10 if stage == 1 else 20, Unit.WORKING_DAYS)
    responded = due_date(acknowledged, limit) + timedelta(days=over)
    if stage == 1:
        row = ["C-1", d(received), d(acknowledged), d(responded), "", "", ""]
    else:
        first = received - timedelta(days=40)
        row = [
            "C-1",
            d(first),
            d(first),
            d(first + timedelta(days=1)),
            d(received),
            d(acknowledged),
            d(responded),
        ]
    with tempfile.TemporaryDirectory() as folder:
        log = judged(write_log(Path(folder) / "log.csv", HEADINGS, [row]))
    judged_stage = log.stages[stage - 1]
    assert not log.problems
    assert bool(judged_stage.late[0]) is (over == 1)
    assert int(judged_stage.late_days[0]) == over


rows = st.lists(
    st.tuples(days, st.integers(0, 8), st.one_of(st.none(), st.integers(0, 40)), st.integers(0, 12)),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40)
@given(rows=rows)
def test_every_share_is_between_none_and_all(rows):
    written = []
    for n, (received, to_acknowledge, to_respond, extension) in enumerate(rows):
        acknowledged = received + timedelta(days=to_acknowledge)
        responded = acknowledged + timedelta(days=to_respond) if to_respond is not None else None
        written.append([f"C-{n}", d(received), d(acknowledged), d(responded), "", "", ""])
        written[-1].append(str(extension) if extension else "")
    with tempfile.TemporaryDirectory() as folder:
        log = judged(write_log(Path(folder) / "log.csv", [*HEADINGS, "Extension"], written))
    first = min(row[0] for row in rows)
    found = measures(log, Period(first, first + timedelta(days=500)), today=first + timedelta(days=600))
    for stage in found.stages:
        for share in (stage.responses, stage.acknowledgements, stage.extended):
            assert 0 <= share.kept <= share.done
            assert share.percent is None or 0 <= share.percent <= 100
        assert sum(stage.late_bands) == stage.responses.missed
    assert sum(m.responses[0].done for m in found.months) <= found.stages[0].responses.done
