"""The measures on a small log, every figure worked out by hand (the reasoning beside each row)."""

from __future__ import annotations

from datetime import date

from selfassess.complaints.measures import Homes, Period, measures
from selfassess.complaints.problems import Kind

from .helpers import judged, write_log

HEADINGS = [
    "Case Ref", "Resident", "Address", "Tenure", "Date Received", "Date Acknowledged", "Stage 1 Response Date",
    "Extension (working days)", "Resident told of extension", "Escalated", "Stage 2 Acknowledged",
    "Stage 2 Response Date",
]  # fmt: skip
ROWS = [
    # due 18 April (10 working days after Thursday 4 April): answered on the last day, on time
    ["A1", "Ann Able", "1 Mill Lane", "General needs", "02/04/2024", "04/04/2024", "18/04/2024", "", "", "", "", ""],
    # the day after: 1 working day late
    ["A2", "Bob Best", "2 Mill Lane", "General needs", "02/04/2024", "04/04/2024", "19/04/2024", "", "", "", "", ""],
    # due 26 June, extended 10 working days to 10 July, told: on time
    ["A3", "Cat Cole", "3 Mill Lane", "Shared ownership", "10/06/2024", "12/06/2024", "10/07/2024", "10", "Yes", "", "", ""],
    # extended 15, more than the Code's 10: judged by 10 July, answered 12 July, 2 working days late
    ["A4", "Dan Dow", "4 Mill Lane", "General needs", "10/06/2024", "12/06/2024", "12/07/2024", "15", "Yes", "", "", ""],
    # no acknowledgement: counted from 8 July, when it was due, so due 22 July: on time
    ["A5", "Eve East", "5 Mill Lane", "General needs", "01/07/2024", "", "22/07/2024", "", "", "", "", ""],
    # due 17 September, answered 20th: 3 working days late; stage 2 due 1 November, answered then
    ["A6", "Fay Fox", "6 Mill Lane", "General needs", "02/09/2024", "03/09/2024", "20/09/2024", "", "", "01/10/2024", "04/10/2024", "01/11/2024"],
    # never answered: due 19 March 2025, open past its limit on 20 May 2025
    ["A7", "Gus Gray", "7 Mill Lane", "Shared ownership", "03/03/2025", "05/03/2025", "", "", "", "", "", ""],
    # received in the year before, answered 5 April 2024 (due 8 April, over Easter): counts in CH02 only
    ["A8", "Hal Hunt", "8 Mill Lane", "General needs", "20/03/2024", "21/03/2024", "05/04/2024", "", "", "", "", ""],
    # acknowledged on the fifth working day, answered in time; a leaseholder (neither LCRA nor LCHO)
    ["A9", "Ivy Ince", "9 Mill Lane", "Leasehold", "15/01/2025", "22/01/2025", "31/01/2025", "", "", "", "", ""],
]  # fmt: skip
YEAR = Period(date(2024, 4, 1), date(2025, 3, 31))


def test_the_measures_of_a_small_log_worked_by_hand(tmp_path):
    log = judged(write_log(tmp_path / "log.csv", HEADINGS, ROWS), today=date(2025, 5, 20))
    found = measures(log, YEAR, Homes(1000, 900, 100), date(2025, 5, 20))
    first, second = found.stages
    # CH01: received in the year (not A8); LCRA A1 A2 A4 A5 A6, LCHO A3 A7.
    assert (first.received, first.received_lcra, first.received_lcho) == (8, 5, 2)
    assert first.per_thousand(1000) == 8.0
    assert first.per_thousand(900, first.received_lcra) == 5.6
    assert first.per_thousand(100, first.received_lcho) == 20.0
    # CH02: answered in the year (A8 too, not A7); late A2, A4, A6.
    assert (first.responses.done, first.responses.kept, first.responses.percent) == (8, 5, 62.5)
    assert (first.responses_lcra.done, first.responses_lcra.kept) == (6, 3)
    assert (first.responses_lcho.done, first.responses_lcho.kept) == (1, 1)
    assert first.late_without_extension == 2  # A2 and A6; A4 was extended
    assert (first.extended.done, first.extended.kept, first.beyond_code) == (2, 1, 1)
    assert first.from_acknowledgement_due == 1  # A5
    assert first.late_bands == (3, 0, 0, 0)  # 1, 2 and 3 working days late
    assert (first.acknowledgements.done, first.acknowledgements.kept) == (7, 7)
    assert first.open_past_limit == 1  # A7
    assert (second.received, second.responses.done, second.responses.kept) == (1, 1, 1)
    # Each month and quarter.
    april = found.months[0]
    assert april.received == (2, 0)
    assert (april.responses[0].done, april.responses[0].kept) == (3, 2)  # A1, A2, A8
    quarters = found.quarters
    assert len(quarters) == 4
    q2 = [m.responses[0] for m in quarters[1]]
    assert (sum(s.done for s in q2), sum(s.kept for s in q2)) == (4, 2)  # A3 A4 A5 A6
    # The late cases, most late first, with references and rows (the heading is row 1).
    assert [(c.reference, c.row, c.working_days_late) for c in found.late_cases] == [
        ("A7", 8, 41),  # still open: 20 March to 20 May 2025 is 41 working days (Easter, 5 May out)
        ("A6", 7, 3),
        ("A4", 5, 2),
        ("A2", 3, 1),
    ]
    assert found.unjudged_rows == 0


def test_an_extension_beyond_the_code_is_reported_at_its_cell(tmp_path):
    log = judged(write_log(tmp_path / "log.csv", HEADINGS, ROWS))
    [problem] = log.problems
    assert (problem.kind, problem.row, problem.column) == (Kind.EXTENSION_BEYOND_CODE, 5, 8)
    assert "15 working days" in problem.message and "10 working days" in problem.message


def test_an_extension_the_resident_was_not_told_of_does_not_count(tmp_path):
    rows = [["A3", "", "", "", "10/06/2024", "12/06/2024", "10/07/2024", "10", "No", "", "", ""]]
    found = measures(judged(write_log(tmp_path / "log.csv", HEADINGS, rows)), YEAR)
    first = found.stages[0]
    assert (first.responses.done, first.responses.kept, first.untold) == (1, 0, 1)


def test_the_codes_own_limits_are_used_not_constants(tmp_path):
    """The 2022 Code has no acknowledgement limit and counts stage 1 from receipt; its extension is
    10 calendar days."""
    rows = [["B1", "", "", "", "02/04/2024", "", "17/04/2024", "", "", "", "", ""]]
    path = write_log(tmp_path / "log.csv", HEADINGS, rows)
    by_2024 = measures(judged(path), YEAR).stages[0]
    by_2022 = measures(judged(path, code_id="hos-chc-2022"), YEAR).stages[0]
    # 2024: from the day acknowledgement was due (9 April), due 23 April: on time.
    assert (by_2024.responses.kept, by_2024.respond_limit) == (1, "10 working days")
    # 2022: from receipt (2 April), due 16 April: a day late; no acknowledgement is judged.
    assert (by_2022.responses.kept, by_2022.acknowledge_limit) == (0, None)
    assert by_2022.extend_limit == "10 days"
