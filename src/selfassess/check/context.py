"""What a rule may look at: the document, its code, and the date it is checked against."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from selfassess.check.options import RuleOption
from selfassess.load.documents import Document
from selfassess.load.evidence_files import FileFact
from selfassess.load.positions import Loc
from selfassess.load.reading import Counterpart
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code

if TYPE_CHECKING:
    from selfassess.complaints.judging import JudgedLog
    from selfassess.complaints.measures import Period

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """Everything one document's check may use. Rules read it and never change it."""

    document: Document
    code: Code | None = None  # the code the document is, or the code an assessment answers
    superseded: Code | None = None  # for a code with `supersedes`, the code it replaces, if found
    related: Mapping[str, Code | None] = field(default_factory=dict)  # codes its provisions correspond to
    counterpart: Counterpart | None = None  # the assessment an assessment names as its counterpart
    today: date | None = None  # `--today`: the date to judge overdue actions by
    for_publication: bool = False
    evidence_files: Mapping[str, FileFact] = field(default_factory=dict)  # register key -> what its file is
    rule_ids: frozenset[str] = frozenset()  # every rule of the catalogue, for a rule about waivers
    options: Mapping[str, Mapping[str, object]] = field(
        default_factory=dict
    )  # rule id -> its configured options
    complaints: JudgedLog | None = None  # the complaints log the assessment names (or --log), judged
    complaints_trouble: str | None = None  # why the log `complaints_log:` names cannot be read at all
    # What several rules derive from the same document (its sentences, its stated limits), worked
    # out once: the document never changes while it is checked, so this changes no result.
    _derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def derived(self, name: str, work_out: Callable[[Context], T]) -> T:
        if name not in self._derived:
            self._derived[name] = work_out(self)
        return self._derived[name]  # type: ignore[return-value]

    @property
    def assessment(self) -> Assessment | None:
        return self.document.assessment

    def option(self, rule: str, option: RuleOption) -> int:
        """A rule's option as configured ([rules.SA505] days = 120), or its default."""
        value = self.options.get(rule, {}).get(option.name, option.default)
        return value if isinstance(value, int) else option.default

    def answering(self) -> tuple[Assessment, Code]:
        """The assessment and the code it answers. The engine runs a rule that applies to
        assessments only when both are known, so such a rule can ask for them without a check."""
        if self.document.assessment is None or self.code is None:
            raise LookupError("an assessment rule was run without an assessment and its code")
        return self.document.assessment, self.code

    @property
    def is_code(self) -> bool:
        return self.document.kind == "code"

    def is_unreadable(self, loc: Loc) -> bool:
        return loc in self.document.unreadable

    @property
    def complaints_period(self) -> Period | None:
        """The days the assessment speaks for, to count its log's cases in."""
        # The log's measures load numpy (a third of a second): only for a check that has a log.
        from selfassess.complaints.measures import period_of

        return period_of(self.assessment) if self.assessment is not None else None

    @property
    def reference_date(self) -> date | None:
        """The day the assessment is judged on: `--today`, or the date it speaks for."""
        if self.today is not None:
            return self.today
        assessment = self.assessment
        return assessment.assessed_on.value if assessment is not None else None
