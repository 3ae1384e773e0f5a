"""Findings as SARIF 2.1.0, for code scanning (GitHub, Azure DevOps) and auditors' tools.

Built with sarif-pydantic's models, never by hand: rule metadata comes from the rule catalogue,
severity maps to SARIF's level, and a waived finding is a result with an in-source suppression
carrying the reason, which is how SARIF viewers show a finding set aside.
"""

from __future__ import annotations

import json

from sarif_pydantic.sarif import (
    ArtifactLocation,
    Location,
    Message,
    PhysicalLocation,
    Region,
    ReportingConfiguration,
    ReportingDescriptor,
    Result,
    Run,
    Sarif,
    Suppression,
    Tool,
    ToolDriver,
)

from selfassess import __version__
from selfassess.check.catalogue import document
from selfassess.check.findings import CheckResult, Severity
from selfassess.check.registry import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(index: int) -> ReportingDescriptor:
    rule = RULES[index]
    doc = document(rule)
    help_text = "\n\n".join(f"{part}:\n{text}" for part, text in doc.parts.items())
    help_markdown = "\n\n".join(f"**{part}**\n\n{text}" for part, text in doc.parts.items())
    return ReportingDescriptor(
        id=rule.id,
        name=rule.name,
        short_description=Message(text=rule.summary),
        full_description=Message(text=doc.parts.get("What it checks", doc.title)),
        help=Message(text=help_text, markdown=help_markdown),
        default_configuration=ReportingConfiguration(level=_LEVEL[rule.severity]),
    )


def build(result: CheckResult) -> Sarif:
    """The SARIF log of a check."""
    index = {rule.id: i for i, rule in enumerate(RULES)}
    results = [
        Result(
            rule_id=finding.rule,
            rule_index=index[finding.rule],
            level=_LEVEL[finding.severity],
            message=Message(text=finding.message),
            locations=[
                Location(
                    physical_location=PhysicalLocation(
                        artifact_location=ArtifactLocation(uri=finding.path, uri_base_id="%SRCROOT%"),
                        region=Region(start_line=finding.line, start_column=finding.column),
                    )
                )
            ],
            suppressions=(
                [Suppression(kind="inSource", justification=finding.waived)]
                if finding.waived is not None
                else None
            ),
            properties={"provision": finding.provision} if finding.provision else None,
        )
        for finding in result.findings
    ]
    driver = ToolDriver(
        name="selfassess",
        version=__version__,
        semantic_version=__version__,
        rules=[_rule(i) for i in range(len(RULES))],
    )
    # Columns count characters, not UTF-16 units; Run has no field for it, so it goes by its name.
    run = Run(tool=Tool(driver=driver), results=results, columnKind="unicodeCodePoints")
    return Sarif(version="2.1.0", schema_uri=SCHEMA, runs=[run])


def render(result: CheckResult) -> str:
    log = build(result).model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
