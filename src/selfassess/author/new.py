"""`selfassess new`: a ready-to-fill assessment listing every provision of a code.

Each provision's requirement stands above it as a comment, so the file can be filled in without
the code open beside it; every answer is left empty, so `check` lists each one still to do.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from selfassess.author.yaml_text import YamlText
from selfassess.model.code import Code, Provision


def requirement_comment(provision: Provision, section_title: str = "") -> str:
    """The provision's number, heading and full text, its lettered items on lines of their own."""
    shown = provision.heading and provision.heading != section_title
    heading = f"[{provision.heading}] " if shown else ""
    raised = f" (raised {provision.raised_on})" if provision.raised_on else ""
    lines = [f"{provision.shown_number}{raised} {heading}{' '.join(provision.text.split())}"]
    lines += [f"  {item.label}) {' '.join(item.text.split())}" for item in provision.items]
    return "\n".join(lines)


def empty_response(code: Code) -> dict[str, Any]:
    if code.is_tracker:
        return {"answer": None, "lead": None, "commentary": None}
    return {"answer": None, "evidence": [], "commentary": None}


def code_named(code: Code) -> str:
    """'Complaint Handling Code (Housing Ombudsman Service, 2024)': the code as a reader knows it."""
    described = ", ".join(part for part in (code.publisher, code.version) if part)
    return f"{code.title} ({described})" if described else code.title


def header_fields(out: YamlText, code: Code, organisation: str | None, assessed_on: object) -> None:
    """Who and when, then, for a self-assessment, the optional fields as comments to fill in."""
    out.line()
    out.values({"code": code.id, "organisation": organisation, "assessed_on": assessed_on})
    if code.is_tracker:
        return
    out.comment("Fill these in, then remove the '# ' in front of them:")
    out.line("# period: {from: 2025-04-01, to: 2026-03-31}")
    out.line("# approved: {by: Board, on: 2026-06-30}")
    out.line("# member_responsible: the Member Responsible for Complaints")


def _header(
    out: YamlText, code: Code, organisation: str | None, assessed_on: date | None, schema: str | None
) -> None:
    if schema:
        out.line(schema)
    out.comment(f"An assessment against {code_named(code)}.")
    out.comment(
        f"Write each answer as one of: {code.answers.listed()}. Then run 'selfassess check' on this file: "
        "it lists every answer still empty and anything else to fix."
    )
    header_fields(out, code, organisation, assessed_on)


def _policy(out: YamlText, code: Code) -> None:
    if not code.time_limits:
        return
    out.line()
    out.comment("Your own time limits, where your policy sets them; the code's are shown:")
    out.line("# policy:")
    for key, limit in code.time_limits.items():
        out.line(f"#   {key}: {limit.limit}")
    varying = [key for key, deadline in code.deadlines.items() if deadline.varies]
    if varying:
        out.comment("Your own date (MM-DD) for a deadline you may set yourself:")
        out.line("# deadlines:")
        for key in varying:
            out.line(f'#   {key}: "{code.deadlines[key].due}"')


def _evidence(out: YamlText, code: Code) -> None:
    if code.is_tracker:
        return
    out.line()
    out.comment("The evidence register: cite an entry in a response by its key, e.g. evidence: [policy].")
    out.line("# evidence:")
    out.line("#   policy:")
    out.line("#     title: Complaints policy")
    out.line("#     url: https://www.example.org/complaints-policy")
    out.line("#     dated: 2025-04-01")


def new_assessment(
    code: Code, *, organisation: str | None = None, assessed_on: date | None = None, schema: str | None = None
) -> str:
    """The text of a fresh assessment of `code`, every provision listed and every answer empty."""
    out = YamlText()
    _header(out, code, organisation, assessed_on, schema)
    _policy(out, code)
    _evidence(out, code)
    out.line()
    out.line("responses:")
    for section in code.sections:
        out.line()
        out.comment(f"Section {section.number}: {section.title}", indent=2)
        for provision in section.provisions:
            out.line()
            out.comment(requirement_comment(provision, section.title), indent=2)
            out.values({provision.number: empty_response(code)}, indent=2)
    return out.text()
