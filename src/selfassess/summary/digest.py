"""What the summary keeps of each assessment as `check` reads it: whom it speaks for, when, and
how each provision stands. Worked out in the process that read the file (a worker, for a large
folder), so only these few values travel back, never the assessment itself."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date

from selfassess.load.reading import Loaded
from selfassess.model.standing import band


@dataclass(frozen=True)
class Digest:
    organisation: str
    code: str  # the code's id
    assessed_on: str  # as written
    assessed_on_date: date | None
    period_end: date | None  # the last day of the period it covers, where it says and can be read
    #: Every provision of the code in its order, with the answer as written (None: not answered).
    answers: tuple[tuple[str, str | None], ...]
    bands: tuple[str, ...]  # where each of those answers stands (model/standing.py's bands)
    #: False where the organisation is missing or unreadable (SA001 says so) and a stand-in is
    #: shown: such assessments are never taken for one organisation's years.
    named: bool = True

    @property
    def when(self) -> date | None:
        """The date a year's assessments are put in order by: the period's end, else the date."""
        return self.period_end or self.assessed_on_date


def digest_of(loaded: Loaded) -> Digest | None:
    """None for a file that is not an assessment whose code was found (a code, or a file or code
    that cannot be read: its findings say why)."""
    assessment, code = loaded.document.assessment, loaded.code
    if assessment is None or code is None or loaded.document.kind != "assessment":
        return None
    answers = []
    for number in code.provisions:
        response = assessment.responses.get(number)
        answer = response.answer if response is not None and response.answer else None
        # The same few words ('Yes', 'Partial') in thousands of files: kept once, and sent back
        # from a worker once per batch of files, not once per answer.
        answers.append((number, sys.intern(answer) if answer is not None else None))
    period = assessment.period
    return Digest(
        organisation=assessment.organisation,
        code=code.id,
        assessed_on=assessment.assessed_on.text,
        assessed_on_date=assessment.assessed_on.value,
        period_end=period.to.value if period is not None else None,
        answers=tuple(answers),
        bands=tuple(band(code, answer) for _, answer in answers),
        named=all(problem.loc != ("organisation",) for problem in loaded.document.problems),
    )
