"""`summary`: every file found checked as `check` checks it (the same runner, workers and all),
with what the summary needs kept of each as it is read, then the view decided."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from selfassess.check.findings import CheckResult, Finding
from selfassess.check.runner import CheckOptions, check_and_keep
from selfassess.load.codes import CodeLibrary
from selfassess.model.code import Code
from selfassess.model.versions import Correspondence, NotSuperseding, chain_to, identity, through
from selfassess.summary.digest import Digest, digest_of
from selfassess.summary.view import SummaryView, summary_view

#: The rule that says a file cannot be read (or an assessment's code cannot be found).
UNREADABLE = "SA001"


@dataclass(frozen=True)
class Summary:
    view: SummaryView
    result: CheckResult
    unreadable: list[Finding]  # why each file left out could not be read (SA001)


def summarise(
    files: list[tuple[Path, str]],
    library: CodeLibrary,
    options: CheckOptions,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Raises ConfigError, as `check` does, when a configuration that applies cannot be used."""
    result, digests = check_and_keep(files, library, options, jobs=jobs, progress=progress, digest=digest_of)
    where = {shown: path.parent for path, shown in files}
    codes: dict[str, Code] = {}
    for shown, digest in digests.items():
        if digest is not None and digest.code not in codes:
            found = library.find(digest.code, where[shown])
            if found is not None and found.code is not None:
                codes[digest.code] = found.code
    usable: dict[str, Digest | None] = {
        shown: digest if digest is not None and digest.code in codes else None
        for shown, digest in digests.items()
    }
    folders = list(dict.fromkeys(path.parent for path, _ in files))

    def find(code_id: str) -> Code | None:
        """A code as the first folder of assessments that can see it finds it."""
        for near in folders:
            found = library.find(code_id, near)
            if found is not None and found.code is not None:
                return found.code
        return None

    def link(new: Code, old: Code) -> Correspondence | None:
        if new.id == old.id:
            return identity(new)
        try:
            chain = chain_to(new, old.id, find)  # last year's code may be a version or two back
        except NotSuperseding:
            return None
        return through([*chain[:-1], old])

    unreadable = _unreadable(result, usable)
    return Summary(summary_view(result, usable, codes, link, unreadable), result, unreadable)


def _unreadable(result: CheckResult, digests: dict[str, Digest | None]) -> list[Finding]:
    """For each file not summarised that SA001 speaks of (a code read whole is not summarised, and
    has nothing to say), the findings that say why."""
    said: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        if finding.rule == UNREADABLE:
            said[finding.path].append(finding)
    return [finding for shown in result.checked if digests.get(shown) is None for finding in said[shown]]
