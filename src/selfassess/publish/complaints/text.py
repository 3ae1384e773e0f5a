"""A complaints log's measures as text for a terminal: CH01, CH02, acknowledgements, each month
and quarter, how late the late responses were, and every late case by its reference and row."""

from __future__ import annotations

from selfassess.complaints.cells import OUTCOMES
from selfassess.complaints.measures import Measures, MonthFigures, Share, StageFigures
from selfassess.publish.complaints.words import band_words, day, of, percent, quarter_words


def _ch01(measures: Measures) -> list[str]:
    homes = measures.homes
    lines = ["CH01  Complaints received, per 1,000 homes"]
    for stage in measures.stages:
        parts = [f"{stage.received:,} received"]
        if homes.total:
            parts.append(f"{stage.per_thousand(homes.total):.1f} per 1,000 homes ({homes.total:,} homes)")
        if homes.lcra:
            parts.append(
                f"LCRA {stage.per_thousand(homes.lcra, stage.received_lcra):.1f} "
                f"({stage.received_lcra:,} of {homes.lcra:,} homes)"
            )
        if homes.lcho:
            parts.append(
                f"LCHO {stage.per_thousand(homes.lcho, stage.received_lcho):.1f} "
                f"({stage.received_lcho:,} of {homes.lcho:,} homes)"
            )
        lines.append(f"  Stage {stage.stage}: " + "; ".join(parts))
    if not (homes.total or homes.lcra or homes.lcho):
        lines.append("  Give --homes (or --homes-lcra and --homes-lcho) for the figures per 1,000 homes.")
    return lines


def _ch02(measures: Measures) -> list[str]:
    lines = ["CH02  Complaints responded to within the Code's timescales"]
    for stage in measures.stages:
        if stage.respond_limit is None:
            lines.append(f"  Stage {stage.stage}: the code sets no response time for this stage.")
            continue
        extension = (
            f", or the extension agreed (at most {stage.extend_limit} more)" if stage.extend_limit else ""
        )
        lines.append(
            f"  Stage {stage.stage}: {of(stage.responses, 'responses')} "
            f"within {stage.respond_limit}{extension}"
        )
        if measures.homes.lcra or measures.homes.lcho:
            lines.append(
                f"    LCRA {percent(stage.responses_lcra)} ({stage.responses_lcra.done:,}); "
                f"LCHO {percent(stage.responses_lcho)} ({stage.responses_lcho.done:,})"
            )
    return lines


def _acknowledgements(measures: Measures) -> list[str]:
    lines = ["Acknowledgements"]
    for stage in measures.stages:
        if stage.acknowledge_limit is None:
            continue
        lines.append(
            f"  Stage {stage.stage}: {of(stage.acknowledgements, 'acknowledgements')} "
            f"within {stage.acknowledge_limit}"
        )
    return lines


def _share_cell(share: Share) -> str:
    return f"{share.kept}/{share.done} {share.percent:.0f}%" if share.done else "-"


def _table(rows: list[tuple[str, MonthFigures | tuple[MonthFigures, ...]]]) -> list[str]:
    lines = [f"  {'':<32}{'S1 recv':>8}{'S1 on time':>16}{'S2 recv':>9}{'S2 on time':>16}"]
    for label, months in rows:
        group = months if isinstance(months, tuple) else (months,)
        received = [sum(m.received[i] for m in group) for i in (0, 1)]
        shares = [
            Share(sum(m.responses[i].done for m in group), sum(m.responses[i].kept for m in group))
            for i in (0, 1)
        ]
        lines.append(
            f"  {label:<32}{received[0]:>8}{_share_cell(shares[0]):>16}"
            f"{received[1]:>9}{_share_cell(shares[1]):>16}"
        )
    return lines


def _late(stage: StageFigures) -> str:
    counts = [f"{band_words(i)}: {count}" for i, count in enumerate(stage.late_bands) if count]
    return f"  Stage {stage.stage}: " + ("; ".join(counts) if counts else "none")


def _notes(measures: Measures) -> list[str]:
    notes = []
    for stage in measures.stages:
        if stage.from_acknowledgement_due:
            notes.append(
                f"{stage.from_acknowledgement_due:,} stage {stage.stage} responses had no "
                "acknowledgement date; "
                "each is counted from the day acknowledgement was due."
            )
        if stage.untold:
            notes.append(
                f"{stage.untold:,} stage {stage.stage} extensions were not told to the resident; "
                "they are not counted."
            )
        if stage.beyond_code:
            notes.append(
                f"{stage.beyond_code:,} stage {stage.stage} extensions were longer than the code allows; "
                "those responses are judged by the code's limit."
            )
    if not measures.told_recorded:
        notes.append(
            "The log does not say whether residents were told of extensions; "
            "every extension is counted as agreed."
        )
    if not measures.has_acknowledged:
        notes.append("The log has no acknowledgement dates; acknowledgements are not judged.")
    if (measures.homes.lcra or measures.homes.lcho) and not measures.has_tenure:
        notes.append("The log has no tenure column, so LCRA and LCHO cannot be counted apart.")
    return notes


def render_measures(measures: Measures) -> str:
    lines = [
        f"Complaints log {measures.shown_as}",
        f"{measures.period.words}, judged in working days (bank holidays of England and Wales) "
        f"against {measures.code_title} ({measures.code_id}).",
    ]
    judged = measures.rows - measures.unjudged_rows
    unjudged = (
        f"; {measures.unjudged_rows:,} could not be judged (see the findings below)"
        if measures.unjudged_rows
        else "; every row judged"
    )
    lines += [f"{measures.rows:,} rows read, {judged:,} judged{unjudged}.", ""]
    lines += [*_ch01(measures), "", *_ch02(measures), "", *_acknowledgements(measures), ""]
    lines.append("By quarter")
    lines += _table(
        [(quarter_words(q[0].first, q[-1].first, n), q) for n, q in enumerate(measures.quarters, 1)]
    )
    lines += ["", "By month"]
    lines += _table([(f"{m.first:%B %Y}", m) for m in measures.months])
    lines += ["", "Late responses, by how late"]
    lines += [_late(stage) for stage in measures.stages]
    if measures.today is not None:
        open_past = [f"stage {s.stage}: {s.open_past_limit:,}" for s in measures.stages]
        lines += ["", f"Still open past their limit on {day(measures.today)}: " + ", ".join(open_past)]
    outcomes = []
    for stage in measures.stages:
        counted = [
            f"{word} {count:,}"
            for word, count in zip((*OUTCOMES, "Not recorded"), stage.outcomes, strict=True)
            if count
        ]
        if counted:
            outcomes.append(f"  Stage {stage.stage}: " + ", ".join(counted))
    if outcomes:
        lines += ["", "Outcomes of the responses", *outcomes]
    notes = _notes(measures)
    if notes:
        lines += ["", "Notes", *(f"  {note}" for note in notes)]
    lines += ["", f"Late cases ({len(measures.late_cases):,})"]
    for case in measures.late_cases:
        reference = case.reference or "(reference not shown)"
        answered = f"responded {day(case.responded)}" if case.responded else "still open"
        extended = ", extended" if case.extended else ""
        late = f"{case.working_days_late} working day{'s' if case.working_days_late != 1 else ''} late"
        lines.append(
            f"  stage {case.stage}  {reference:<16} received {day(case.received)}, "
            f"due {day(case.due)}{extended}, {answered}: {late}  (row {case.row})"
        )
    return "\n".join(lines) + "\n"
