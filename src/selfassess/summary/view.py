"""What the summary shows, decided here; its HTML, workbook and JSON only lay this out.

Across every assessment found: for each provision of each code, the share of assessments where it
is met, partly met, not met, not applicable or without a valid answer (the board report's bands);
the findings seen most often, by rule and pattern; each assessment's errors and warnings; and, for
an organisation assessed more than once, what changed from one assessment to the next.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from selfassess import __version__
from selfassess.check.findings import CheckResult, Finding, Severity
from selfassess.model.code import Code
from selfassess.model.standing import BANDS, band_words, direction, is_gap, weakest
from selfassess.model.versions import Correspondence
from selfassess.summary.charts import Chart, Part, bar_chart
from selfassess.summary.digest import Digest
from selfassess.summary.patterns import pattern

#: The bands as the summary names them (the board report's words).
BAND_WORDS = {
    "met": "Met",
    "partly": "Partly met",
    "not-met": "Not met",
    "none": "Not applicable",
    "unanswered": "No valid answer",
}
BAND_LEGEND = tuple((band, BAND_WORDS[band]) for band in BANDS)
#: The most a chart of organisations or of findings shows; its table lists every one.
CHART_ROWS = 25

#: How the provisions of a newer code match an older one's, or None where the two are not versions
#: of one code (an organisation's tracker and its self-assessment are not compared).
Link = Callable[[Code, Code], Correspondence | None]


@dataclass(frozen=True)
class ProvisionShare:
    number: str
    counts: Mapping[str, int]  # band -> assessments
    shares: Mapping[str, float]  # band -> percentage of the assessments, to one decimal place

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class CodeShares:
    """How the assessments of one code answered each of its provisions."""

    code: str
    title: str
    assessments: int
    provisions: tuple[ProvisionShare, ...]
    chart: Chart
    words: Mapping[str, str] = field(default_factory=lambda: dict(BAND_WORDS))  # a tracker's own answers
    bands: tuple[str, ...] = BANDS  # a tracker's: only those its answers fall in, and none yet


@dataclass(frozen=True)
class FindingPattern:
    rule: str
    severity: str
    count: int
    files: int
    pattern: str
    example: str


@dataclass(frozen=True)
class AssessmentLine:
    """One assessment: whom it speaks for, and what the checks found in it."""

    organisation: str
    file: str
    code: str
    assessed_on: str
    errors: int
    warnings: int
    waived: int
    met: int
    provisions: int


@dataclass(frozen=True)
class Change:
    """An organisation's assessment against its previous one."""

    organisation: str
    earlier_file: str
    earlier: str  # assessed on, as written
    later_file: str
    later: str
    met_before: int
    met_after: int
    provisions_before: int
    provisions_after: int
    gaps_opened: tuple[str, ...]
    gaps_closed: tuple[str, ...]
    better: tuple[str, ...]
    worse: tuple[str, ...]
    codes: str  # "hos-chc-2024", or "hos-chc-2022 to hos-chc-2024" across versions


@dataclass(frozen=True)
class Unreadable:
    file: str
    line: int
    column: int
    rule: str
    message: str


@dataclass(frozen=True)
class SummaryView:
    title: str
    files: int
    assessments: int
    codes: tuple[CodeShares, ...]
    findings: tuple[FindingPattern, ...]
    findings_chart: Chart
    waived: int
    lines: tuple[AssessmentLine, ...]
    lines_chart: Chart
    changes: tuple[Change, ...]
    changes_chart: Chart
    unreadable: tuple[Unreadable, ...]
    made_with: str = f"selfassess {__version__}"

    @property
    def errors(self) -> int:
        return sum(line.errors for line in self.lines)

    @property
    def warnings(self) -> int:
        return sum(line.warnings for line in self.lines)


def normalised(organisation: str) -> str:
    """An organisation's name as matched across years: 'Fenbrook Homes Ltd.' is 'fenbrook homes
    ltd', whatever its case, accents, punctuation, spacing or '&'."""
    plain = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore").decode("ascii")
    plain = plain.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def _either(words: Sequence[str]) -> str:
    return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else "".join(words)


def _assessments(count: int) -> str:
    return "the one assessment" if count == 1 else f"the {count:,} assessments"


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _code_shares(code: Code, digests: Sequence[Digest], index: int) -> CodeShares:
    # In the order the assessments answer them: a code answered a section at a time is answered
    # by section numbers, as its form asks.
    counts: dict[str, Counter[str]] = {}
    for digest in digests:
        for (number, _), band in zip(digest.answers, digest.bands, strict=True):
            counts.setdefault(number, Counter())[band] += 1
    shares = []
    for number, counted in counts.items():
        whole = sum(counted.values())
        shares.append(
            ProvisionShare(
                number,
                {band: counted[band] for band in BANDS},
                {band: _percent(counted[band], whole) for band in BANDS},
            )
        )
    bands, words = band_words(code)  # a tracker's answers are its own: "Accepted" is not "Met"
    rows = [
        (
            share.number,
            [
                Part(
                    band,
                    share.shares[band],
                    f"{share.number}: {share.shares[band]}% {words[band].lower()}",
                )
                for band in bands
            ],
            f"{share.shares['met']:g}% {words['met'].lower()}",
        )
        for share in shares
    ]
    said = (
        "answer it "
        + _either([words[band].lower() for band in bands if band != "unanswered"])
        + ", or give it no status yet"
        if code.is_tracker
        else "answer it met, partly met, not met, not applicable, or give no valid answer"
    )
    chart = bar_chart(
        f"code-{index}",
        f"How each provision of {code.title} ({code.id}) is answered",
        f"For each of the {len(shares)} provisions, the share of {_assessments(len(digests))} "
        f"that {said}. "
        "The same figures are in the table after the chart.",
        rows,
        tuple((band, words[band]) for band in bands),
        full=100,
    )
    return CodeShares(code.id, code.title, len(digests), tuple(shares), chart, words, bands)


def _patterns(findings: Sequence[Finding]) -> tuple[FindingPattern, ...]:
    grouped: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.waived is None:
            grouped[(finding.rule, pattern(finding.message))].append(finding)
    made = [
        FindingPattern(
            rule,
            found[0].severity.value,
            len(found),
            len({finding.path for finding in found}),
            shown,
            found[0].message,
        )
        for (rule, shown), found in grouped.items()
    ]
    return tuple(sorted(made, key=lambda p: (-p.count, p.rule, p.pattern)))


def _lines(result: CheckResult, digests: Mapping[str, Digest | None]) -> tuple[AssessmentLine, ...]:
    by_file: dict[str, Counter[str]] = defaultdict(Counter)
    for finding in result.findings:
        kind = "waived" if finding.waived is not None else finding.severity.value
        by_file[finding.path][kind] += 1
    lines = []
    for shown in result.checked:
        digest = digests.get(shown)
        if digest is None:
            continue
        counted = by_file[shown]
        lines.append(
            AssessmentLine(
                organisation=digest.organisation,
                file=shown,
                code=digest.code,
                assessed_on=digest.assessed_on,
                errors=counted[Severity.ERROR.value],
                warnings=counted[Severity.WARNING.value],
                waived=counted["waived"],
                met=digest.bands.count("met"),
                provisions=len(digest.bands),
            )
        )
    return tuple(sorted(lines, key=lambda line: (normalised(line.organisation), line.assessed_on, line.file)))


def _change(
    earlier: tuple[str, Digest], later: tuple[str, Digest], codes: Mapping[str, Code], matched: Correspondence
) -> Change:
    (old_file, old), (new_file, new) = earlier, later
    old_code, new_code = codes[old.code], codes[new.code]
    before_answers = dict(old.answers)
    opened: list[str] = []
    closed: list[str] = []
    better: list[str] = []
    worse: list[str] = []
    for number, after in new.answers:
        olds = matched.before(number)
        if not olds:
            if is_gap(new_code, after):
                opened.append(number)
            continue
        before = weakest(old_code, (before_answers.get(old_number) for old_number in olds))
        was_gap, now_gap = is_gap(old_code, before), is_gap(new_code, after)
        if now_gap and not was_gap:
            opened.append(number)
        elif was_gap and not now_gap:
            closed.append(number)
        moved = direction(old_code, before, new_code, after)
        if moved == "better":
            better.append(number)
        elif moved == "worse":
            worse.append(number)
    return Change(
        organisation=new.organisation,
        earlier_file=old_file,
        earlier=old.assessed_on,
        later_file=new_file,
        later=new.assessed_on,
        met_before=old.bands.count("met"),
        met_after=new.bands.count("met"),
        provisions_before=len(old.bands),
        provisions_after=len(new.bands),
        gaps_opened=tuple(opened),
        gaps_closed=tuple(closed),
        better=tuple(better),
        worse=tuple(worse),
        codes=old.code if old.code == new.code else f"{old.code} to {new.code}",
    )


def _changes(
    digests: Mapping[str, Digest | None], codes: Mapping[str, Code], link: Link
) -> tuple[Change, ...]:
    """Each organisation's assessments in date order, each compared with the latest before it
    against the same code or an earlier version of it. An assessment with no readable date cannot
    be put in order, and is not compared."""
    by_name: dict[str, list[tuple[str, Digest]]] = defaultdict(list)
    for shown, digest in digests.items():
        if digest is not None and digest.named and normalised(digest.organisation):
            by_name[normalised(digest.organisation)].append((shown, digest))
    changes = []
    for name in sorted(by_name):
        dated = sorted(
            ((shown, digest) for shown, digest in by_name[name] if digest.when is not None),
            key=lambda pair: (pair[1].when, pair[0]),
        )
        for at, later in enumerate(dated):
            for earlier in reversed(dated[:at]):
                matched = link(codes[later[1].code], codes[earlier[1].code])
                if matched is not None:
                    changes.append(_change(earlier, later, codes, matched))
                    break
    return tuple(changes)


def summary_view(
    result: CheckResult,
    digests: Mapping[str, Digest | None],
    codes: Mapping[str, Code],
    link: Link,
    unreadable: Sequence[Finding] = (),
) -> SummaryView:
    """`codes` holds every code the digests name, by id; `unreadable` the findings that say why a
    file could not be summarised."""
    read = [digest for digest in digests.values() if digest is not None]
    by_code: dict[str, list[Digest]] = defaultdict(list)
    for digest in read:
        by_code[digest.code].append(digest)
    shares = tuple(
        _code_shares(codes[code_id], by_code[code_id], index)
        for index, code_id in enumerate(sorted(by_code, key=lambda c: (-len(by_code[c]), c)), 1)
    )
    found = _patterns(result.findings)
    lines = _lines(result, digests)
    changes = _changes(digests, codes, link)
    return SummaryView(
        title="Self-assessments summarised",
        files=len(result.checked),
        assessments=len(read),
        codes=shares,
        findings=found,
        findings_chart=_findings_chart(found),
        waived=sum(1 for finding in result.findings if finding.waived is not None),
        lines=lines,
        lines_chart=_lines_chart(lines),
        changes=changes,
        changes_chart=_changes_chart(changes),
        unreadable=tuple(Unreadable(f.path, f.line, f.column, f.rule, f.message) for f in unreadable),
    )


def _findings_chart(found: Sequence[FindingPattern]) -> Chart:
    shown = found[:CHART_ROWS]
    return bar_chart(
        "findings",
        "The findings seen most often",
        f"The {len(shown)} kinds of finding seen most often, by rule, and how many times each was "
        "found. The table after the chart gives each one's pattern and how many files it is in.",
        [
            (
                f"{i}. {p.rule}",
                [Part(p.severity, p.count, f"{p.rule}: {p.count} × {p.pattern}")],
                f"{p.count:,}",
            )
            for i, p in enumerate(shown, 1)
        ],
        (("error", "Error"), ("warning", "Warning"), ("info", "Information")),
    )


def _lines_chart(lines: Sequence[AssessmentLine]) -> Chart:
    worst = sorted(lines, key=lambda line: (-line.errors, -line.warnings, line.file))[:CHART_ROWS]
    return bar_chart(
        "organisations",
        "Errors and warnings by assessment",
        f"The {len(worst)} assessments with the most errors, then warnings: errors first in each bar, "
        "warnings after. The table after the chart lists every assessment.",
        [
            (
                line.organisation,
                [
                    Part("error", line.errors, f"{line.organisation}: {line.errors} errors"),
                    Part("warning", line.warnings, f"{line.organisation}: {line.warnings} warnings"),
                ],
                f"{line.errors} {'error' if line.errors == 1 else 'errors'}, "
                f"{line.warnings} {'warning' if line.warnings == 1 else 'warnings'}",
            )
            for line in worst
        ],
        (("error", "Errors"), ("warning", "Warnings")),
        label_width=230,
        plot=300,  # with the labels, narrow enough for the table to stand beside it
        figure_width=140,
    )


def _changes_chart(changes: Sequence[Change]) -> Chart:
    shown = changes[:CHART_ROWS]
    rows = []
    for change in shown:
        rows.append(
            (
                f"{change.organisation}: {change.earlier}",
                [
                    Part(
                        "met",
                        change.met_before,
                        f"{change.organisation}, {change.earlier}: {change.met_before} met",
                    )
                ],
                f"{change.met_before} met",
            )
        )
        rows.append(
            (
                f"{change.organisation}: {change.later}",
                [
                    Part(
                        "met",
                        change.met_after,
                        f"{change.organisation}, {change.later}: {change.met_after} met",
                    )
                ],
                f"{change.met_after} met",
            )
        )
    return bar_chart(
        "changes",
        "Provisions met, this assessment and the one before",
        f"For {len(shown)} organisations assessed more than once, how many provisions the earlier "
        "assessment and the later one say are met. The table after the chart gives the gaps opened "
        "and closed.",
        rows,
        (("met", "Provisions met"),),
        label_width=230,
        plot=300,
        figure_width=70,
    )
