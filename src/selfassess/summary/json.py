"""The summary as JSON, for a regulator's own tools. The keys are kept from one version to the
next; new ones may be added."""

from __future__ import annotations

import json
from typing import Any

from selfassess.summary.view import SummaryView

FORMAT_VERSION = 1


def summary_json(view: SummaryView) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "files": view.files,
        "assessments": view.assessments,
        "errors": view.errors,
        "warnings": view.warnings,
        "waived": view.waived,
        "unreadable": [
            {"path": u.file, "line": u.line, "column": u.column, "rule": u.rule, "message": u.message}
            for u in view.unreadable
        ],
        "codes": [
            {
                "code": code.code,
                "title": code.title,
                "assessments": code.assessments,
                "provisions": [
                    {"provision": s.number, "counts": dict(s.counts), "percent": dict(s.shares)}
                    for s in code.provisions
                ],
            }
            for code in view.codes
        ],
        "findings": [
            {
                "rule": p.rule,
                "severity": p.severity,
                "count": p.count,
                "files": p.files,
                "pattern": p.pattern,
                "example": p.example,
            }
            for p in view.findings
        ],
        "assessments_checked": [
            {
                "organisation": line.organisation,
                "path": line.file,
                "code": line.code,
                "assessed_on": line.assessed_on,
                "errors": line.errors,
                "warnings": line.warnings,
                "waived": line.waived,
                "met": line.met,
                "provisions": line.provisions,
            }
            for line in view.lines
        ],
        "year_on_year": [
            {
                "organisation": c.organisation,
                "earlier": {"path": c.earlier_file, "assessed_on": c.earlier, "met": c.met_before},
                "later": {"path": c.later_file, "assessed_on": c.later, "met": c.met_after},
                "gaps_opened": list(c.gaps_opened),
                "gaps_closed": list(c.gaps_closed),
                "better": list(c.better),
                "worse": list(c.worse),
                "codes": c.codes,
            }
            for c in view.changes
        ],
    }


def render_summary_json(view: SummaryView) -> str:
    return json.dumps(summary_json(view), ensure_ascii=False, indent=2) + "\n"
