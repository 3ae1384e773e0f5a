"""`report --alongside`: the organisation's assessment against a code this one corresponds to,
read and checked, refused where a board would be misled by setting the two side by side."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfassess.author.new import code_named
from selfassess.check.findings import Finding
from selfassess.load.codes import CodeLibrary
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code
from selfassess.publish.gate import check_for_publication
from selfassess.publish.report.alongside import AlongsideView, alongside_view, linked


class NotAlongside(ValueError):
    """The other assessment is another organisation's, or answers a code this one has no links
    with: a board shown the two side by side would be misled."""


@dataclass(frozen=True)
class Alongside:
    view: AlongsideView | None  # None when the other assessment cannot be read
    findings: list[Finding]  # what the publication checks found in it


def _same_name(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def alongside(
    path: Path, now: tuple[Assessment, Code], library: CodeLibrary, near: Path, *, force: bool = False
) -> Alongside:
    """The assessment at `path` beside `now`, pair of linked provisions by pair. Raises NotAlongside
    when it is another organisation's, or its code and this one link no provision, unless `force`."""
    checked = check_for_publication(path, library)
    if checked.answered is None:
        return Alongside(None, checked.findings)
    (assessment, answered), (other, other_answered) = now, checked.answered
    # The whole codes: an assessment answered a section at a time reads each provision's section.
    code = _whole(answered, library, near)
    other_code = _whole(other_answered, library, path.parent)
    if not force:
        if not _same_name(assessment.organisation, other.organisation):
            raise NotAlongside(
                f"{path.as_posix()} is the assessment of {other.organisation}, not of "
                f"{assessment.organisation}; give the same organisation's assessment against the other "
                "code, or add --force to set them side by side anyway."
            )
        if code.id == other_code.id or not linked(code, other_code):
            answers = (
                "the same code as this assessment"
                if code.id == other_code.id
                else f"the {code_named(other_code)}, which the {code_named(code)} this assessment answers "
                "has no provisions linked with"
            )
            raise NotAlongside(
                f"{path.as_posix()} answers {answers}; give the organisation's assessment against a code "
                "this one corresponds to, or add --force to set them side by side anyway."
            )
    return Alongside(
        alongside_view((assessment, code), (other, other_code), code_named(other_code)), checked.findings
    )


def _whole(code: Code, library: CodeLibrary, near: Path) -> Code:
    if code.answered_per != "section":
        return code
    found = library.find(code.id, near)
    return found.code if found is not None and found.code is not None else code
