"""A code is inconsistent.

What it checks:
    That a code file hangs together: its `id` is its file name; no two provisions share a
    number; every time limit and deadline a provision names is declared at the top of the code;
    no two answers in the vocabulary read the same (`N/A` and `n/a`); every alias belongs to an
    answer the code has, and reads as no other answer does; and `supersedes`,
    `previously` and `corresponds` point at codes and provisions that exist.

Why it matters:
    Every assessment written against the code relies on it. A provision that names an undeclared
    time limit is never checked; two provisions with one number make responses ambiguous.

Failing example:
    ```yaml
    id: hos-chc-2024
    time_limits:
      stage1-response: {limit: 10 working days}
    sections:
      - number: "6"
        title: Complaints stages
        provisions:
          - number: "6.3"
            text: Landlords must issue a full response ...
            time_limits: [stage1-reponse]
    ```

Passing example:
    ```yaml
    id: hos-chc-2024
    time_limits:
      stage1-response: {limit: 10 working days}
    sections:
      - number: "6"
        title: Complaints stages
        provisions:
          - number: "6.3"
            text: Landlords must issue a full response ...
            time_limits: [stage1-response]
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.didyoumean import end_with_hint, normalise
from selfassess.model.code import AnswerVocabulary


def check(context: Context) -> Iterator[Problem]:
    code = context.code
    if code is None or not context.is_code:
        return
    stem = context.document.path.stem
    if code.id != stem:
        yield Problem(
            ("id",),
            f"The code's id '{code.id}' differs from its file name '{stem}'; "
            "make them the same so assessments can find it.",
        )
    seen_answers: dict[str, str] = {}
    for written in code.answers.values:
        first = seen_answers.setdefault(normalise(written), written)
        if first != written:
            yield Problem(
                ("answers", "values", written),
                f"The answers '{first}' and '{written}' read the same; keep one.",
                at_key=True,
            )
    yield from _alias_problems(code.answers, seen_answers)
    if code.supersedes and context.superseded is None:
        yield Problem(
            ("supersedes",),
            f"This code supersedes '{code.supersedes}', but no readable code with that id can be found.",
        )
    first_place: dict[str, str] = {}
    for s, section in enumerate(code.sections):
        for p, provision in enumerate(section.provisions):
            here = ("sections", s, "provisions", p)
            number = provision.number
            if number in first_place:
                yield Problem(
                    (*here, "number"),
                    f"Provision {number} is numbered twice (first in section {first_place[number]}); "
                    "give each provision its own number.",
                    number,
                )
            else:
                first_place[number] = section.number
            for i, key in enumerate(provision.time_limits):
                if key not in code.time_limits:
                    hint = end_with_hint(key, code.time_limits)
                    yield Problem(
                        (*here, "time_limits", i),
                        f"Provision {number} names the time limit '{key}', "
                        f"which the code does not declare under time_limits{hint}",
                        number,
                    )
            for i, key in enumerate(provision.deadlines):
                if key not in code.deadlines:
                    hint = end_with_hint(key, code.deadlines)
                    yield Problem(
                        (*here, "deadlines", i),
                        f"Provision {number} names the deadline '{key}', "
                        f"which the code does not declare under deadlines{hint}",
                        number,
                    )
            for i, link in enumerate(provision.corresponds):
                other = context.related.get(link.code)
                if other is None:
                    yield Problem(
                        (*here, "corresponds", i, "code"),
                        f"Provision {number} corresponds to {link.provision} of '{link.code}', but no "
                        "readable code with that id can be found.",
                        number,
                    )
                elif link.provision not in other.provisions:
                    hint = end_with_hint(link.provision, other.provisions)
                    yield Problem(
                        (*here, "corresponds", i, "provision"),
                        f"Provision {number} corresponds to {link.provision} of {other.id}, which has "
                        f"no provision {link.provision}{hint}",
                        number,
                    )
            if context.superseded is not None:
                for i, old in enumerate(provision.previously):
                    if old not in context.superseded.provisions:
                        yield Problem(
                            (*here, "previously", i),
                            f"Provision {number} says it was {old} in {context.superseded.id}, "
                            f"which has no provision {old}.",
                            number,
                        )


def _alias_problems(answers: AnswerVocabulary, spelt: dict[str, str]) -> Iterator[Problem]:
    """Aliases that belong to no answer, or that read as another answer does."""
    means = {normal: written for normal, written in spelt.items()}
    for answer, aliases in answers.aliases.items():
        if answer not in answers.values:
            yield Problem(
                ("answers", "aliases", answer),
                f"'{answer}' is given aliases but is not one of the answers ({answers.listed()}).",
                at_key=True,
            )
            continue
        for index, alias in enumerate(aliases):
            first = means.setdefault(normalise(alias), answer)
            if first != answer:
                yield Problem(
                    ("answers", "aliases", answer, index),
                    f"The alias '{alias}' of '{answer}' reads as '{first}' does; keep it under one answer.",
                )


RULE = Rule(
    id="SA002",
    name="inconsistent-code",
    severity=Severity.ERROR,
    summary="A code is inconsistent: undeclared time limit or deadline, repeated number, dangling reference.",
    applies_to="code",
    doc=__doc__ or "",
    check=check,
)
