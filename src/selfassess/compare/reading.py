"""Reading an assessment to compare or carry forward: all of it, or not at all.

`check` reads what it can of a damaged file and reports the rest; comparing or migrating part of
a file would report changes, or write a new file, that nobody made. So any SA001 finding (a value
that cannot be read, or a code that cannot be found) stops `diff` and `migrate`, and is shown as
`check` would show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfassess.check.findings import Finding
from selfassess.check.runner import CheckOptions, check_loaded, settings_for
from selfassess.load.codes import CodeLibrary
from selfassess.load.reading import load_file
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code

_READING_ONLY = CheckOptions(select=("SA001",))


@dataclass(frozen=True)
class ReadAssessment:
    path: Path
    shown: str  # the path as the user gave it, for messages
    kind: str  # 'assessment', 'code' or 'unknown'
    assessment: Assessment | None
    code: Code | None  # the code it answers, where found
    unreadable: tuple[Finding, ...]  # SA001 findings: while there is any, nothing is compared

    @property
    def usable(self) -> bool:
        return not self.unreadable and self.assessment is not None and self.code is not None


def read_assessment(path: Path, library: CodeLibrary, shown: str | None = None) -> ReadAssessment:
    """Raises ConfigError when the configuration that applies to the file cannot be used."""
    settings = settings_for(path, _READING_ONLY)
    loaded = load_file(path, library, shown, settings.limits)
    findings = check_loaded(loaded, _READING_ONLY, settings)
    document = loaded.document
    return ReadAssessment(
        path,
        document.shown_as,
        document.kind,
        document.assessment,
        loaded.code if document.kind == "assessment" else None,
        tuple(finding for finding in findings if finding.rule == "SA001"),
    )
