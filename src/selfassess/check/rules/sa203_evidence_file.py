"""An evidence file that does not exist, or lies outside the assessment's folder.

What it checks:
    Every `file:` in the evidence register: it must be a path relative to the assessment's own
    folder, stay inside that folder (also after following shortcuts and symbolic links), be a
    name a file can have (no control characters, not too long), and exist. selfassess never
    opens a file outside the assessment's folder.

Why it matters:
    Evidence that cannot be found is no evidence. A path outside the folder (`../../finance/`,
    `C:\\Users\\…`) works on one person's computer only, and publishing it can reveal files that
    were never meant to be shared.

Failing example:
    ```yaml
    evidence:
      training-log:
        title: Complaint handling training records
        file: ../../hr/training-2024.xlsx
    ```

Passing example:
    ```yaml
    evidence:
      training-log:
        title: Complaint handling training records
        file: evidence/training-2024.xlsx
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import quoted
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.load.evidence_files import FileFact

_SAID = {
    FileFact.MISSING: "does not exist in the assessment's folder",
    FileFact.ABSOLUTE: "is a full path on one computer; give it relative to the assessment's folder",
    FileFact.OUTSIDE: "lies outside the assessment's folder; copy it in, for example into evidence/",
    FileFact.A_LINK: "is a web address; write it under url: instead of file:",
    FileFact.UNUSABLE: "cannot be the name of a file (it is too long or holds a control character)",
}


def check(context: Context) -> Iterator[Problem]:
    assessment, _ = context.answering()
    for key, fact in context.evidence_files.items():
        said = _SAID.get(fact)
        if said is None:
            continue
        written = assessment.evidence[key].file or ""
        yield Problem(("evidence", key, "file"), f"The evidence file {quoted(written)} {said}.")


RULE = Rule(
    id="SA203",
    name="evidence-file",
    severity=Severity.ERROR,
    summary="An evidence file that does not exist, or lies outside the assessment's folder.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
