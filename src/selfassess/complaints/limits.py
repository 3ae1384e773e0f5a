"""The time limits a log is judged by, taken from the code the assessment answers.

The keys are the ones formats.md fixes for the Complaint Handling Code and that the other
complaint codes share (`stage1-acknowledge`, `stage1-response`, `stage1-extension` and their
stage 2 twins); each code gives its own durations, and a limit a code does not set is not
judged. Acknowledgement is counted from receipt (of the complaint, or of the request to
escalate); the response from acknowledgement; an extension from the day the response was due.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfassess.model.code import Code
from selfassess.timelimits.durations import Duration


@dataclass(frozen=True)
class StageLimits:
    stage: int
    acknowledge: Duration | None
    respond: Duration | None
    extend: Duration | None
    keys: tuple[str, str, str]  # the code's keys for acknowledge, respond, extend


@dataclass(frozen=True)
class LogLimits:
    code_id: str
    code_title: str
    stages: tuple[StageLimits, StageLimits]

    @property
    def any(self) -> bool:
        return any(s.acknowledge or s.respond for s in self.stages)


def limits_of(code: Code) -> LogLimits:
    def stage(number: int) -> StageLimits:
        keys = (f"stage{number}-acknowledge", f"stage{number}-response", f"stage{number}-extension")
        found = [code.time_limits.get(key) for key in keys]
        durations = [
            limit.limit if limit is not None and limit.bound == "at-most" else None for limit in found
        ]
        return StageLimits(number, durations[0], durations[1], durations[2], keys)

    return LogLimits(code.id, code.title, (stage(1), stage(2)))
