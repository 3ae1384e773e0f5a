"""The publish gate: a file read and checked as publishing checks it.

Publishing runs the publication checks (the catalogue's own rules and severities, SA601 among
them). With an unwaived error the form is refused unless it is a draft; the board report lists
the findings instead. Either way the findings come from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfassess.check.findings import Finding, Severity
from selfassess.check.runner import CheckOptions, check_loaded, settings_for
from selfassess.load.codes import CodeLibrary
from selfassess.load.reading import Loaded, load_file
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code

#: The published form shows nothing from a complaints log, so publishing does not read one: a
#: mistyped date in the log never stops a form being published (`check` and the board report say).
PUBLICATION = CheckOptions(for_publication=True, read_logs=False)


@dataclass(frozen=True)
class Checked:
    """A file as read, and what the publication checks found in it."""

    loaded: Loaded
    findings: list[Finding]
    complaint_columns: tuple[tuple[str, str], ...] = ()  # [complaints.columns] where the file is

    @property
    def errors(self) -> list[Finding]:
        """The errors that stop publication (a waived finding stops nothing)."""
        return [f for f in self.findings if f.severity is Severity.ERROR and f.waived is None]

    @property
    def answered(self) -> tuple[Assessment, Code] | None:
        """The assessment and its code, where both could be read."""
        assessment, code = self.loaded.document.assessment, self.loaded.code
        return (assessment, code) if assessment is not None and code is not None else None


def check_for_publication(
    path: Path, library: CodeLibrary, shown: str | None = None, options: CheckOptions = PUBLICATION
) -> Checked:
    """Raises ConfigError when the configuration that applies to the file cannot be used."""
    settings = settings_for(path, options)
    loaded = load_file(path, library, shown, settings.limits)
    return Checked(loaded, check_loaded(loaded, options, settings), settings.complaint_columns)
