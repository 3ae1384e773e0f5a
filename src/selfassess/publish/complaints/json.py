"""A complaints log's measures as JSON, beside the findings in `check`'s own JSON shape."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from selfassess.complaints.cells import OUTCOMES
from selfassess.complaints.measures import LATE_BANDS, Measures, Share, StageFigures
from selfassess.publish.complaints.words import band_words


def _share(share: Share) -> dict[str, Any]:
    return {"count": share.done, "in_time": share.kept, "percent": share.percent}


def _stage(stage: StageFigures, measures: Measures) -> dict[str, Any]:
    homes = measures.homes
    return {
        "stage": stage.stage,
        "limits": {
            "acknowledge": stage.acknowledge_limit,
            "respond": stage.respond_limit,
            "extend": stage.extend_limit,
        },
        "received": stage.received,
        "received_lcra": stage.received_lcra,
        "received_lcho": stage.received_lcho,
        "ch01_per_1000_homes": stage.per_thousand(homes.total),
        "ch01_lcra_per_1000_homes": stage.per_thousand(homes.lcra, stage.received_lcra),
        "ch01_lcho_per_1000_homes": stage.per_thousand(homes.lcho, stage.received_lcho),
        "ch02_responses": _share(stage.responses),
        "ch02_lcra": _share(stage.responses_lcra),
        "ch02_lcho": _share(stage.responses_lcho),
        "acknowledgements": _share(stage.acknowledgements),
        "late_without_extension": stage.late_without_extension,
        "extended": _share(stage.extended),
        "extensions_beyond_code": stage.beyond_code,
        "extensions_not_told": stage.untold,
        "counted_from_acknowledgement_due": stage.from_acknowledgement_due,
        "late_by_working_days": [
            {"band": band_words(i), "from": first, "to": last, "count": stage.late_bands[i]}
            for i, (first, last) in enumerate(LATE_BANDS)
        ],
        "open_past_limit": stage.open_past_limit,
        "outcomes": dict(zip((*OUTCOMES, "Not recorded"), stage.outcomes, strict=True)),
    }


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def measures_json(measures: Measures) -> dict[str, Any]:
    return {
        "log": measures.shown_as,
        "code": measures.code_id,
        "period": {"from": measures.period.first.isoformat(), "to": measures.period.last.isoformat()},
        "today": measures.today.isoformat() if measures.today else None,
        "homes": asdict(measures.homes),
        "rows": measures.rows,
        "rows_not_judged": measures.unjudged_rows,
        "stages": [_stage(stage, measures) for stage in measures.stages],
        "months": [
            {
                "month": month.first.strftime("%Y-%m"),
                "received": list(month.received),
                "responses": [_share(share) for share in month.responses],
                "median_working_days_to_respond": list(month.median_taken),
            }
            for month in measures.months
        ],
        "late_cases": [_plain(asdict(case)) for case in measures.late_cases],
    }
