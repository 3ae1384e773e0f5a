"""`complaints LOG`: the log read, judged against a code, checked by the log rules (SA701 to SA705,
as `check` runs them, with the same settings) and summed up for a year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from selfassess.check.complaints_log import judged_log
from selfassess.check.context import Context
from selfassess.check.engine import run_rules
from selfassess.check.findings import CheckResult, in_order
from selfassess.check.registry import BY_ID, RULES
from selfassess.check.settings import Settings
from selfassess.complaints.measures import NO_HOMES, Homes, Measures, Period, default_period, measures
from selfassess.load.documents import Document
from selfassess.load.positions import Positions
from selfassess.model.code import Code

LOG_RULES = tuple(rule for rule in RULES if rule.applies_to == "log")


@dataclass(frozen=True)
class LogReport:
    measures: Measures | None  # None when the log cannot be read, or holds no complaint
    result: CheckResult  # what the log rules found, as `check` reports it


def complaints_report(
    path: Path,
    shown: str,
    code: Code,
    settings: Settings,
    period: Period | None = None,
    homes: Homes = NO_HOMES,
    today: date | None = None,
) -> LogReport:
    judged = judged_log(path, shown, code, settings.complaint_columns, today)
    document = Document(path, shown, "unknown", Positions())
    context = Context(document, code, complaints=judged, rule_ids=frozenset(BY_ID), options=settings.options)
    result = CheckResult([shown], in_order(run_rules(context, settings, LOG_RULES)))
    chosen = period or default_period(judged)
    if not judged.readable or chosen is None:
        return LogReport(None, result)
    return LogReport(measures(judged, chosen, homes, today), result)
