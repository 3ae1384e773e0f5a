"""Which provisions of an older code each provision of a newer one stands for.

A code that `supersedes` another says, on each provision, what it was numbered before
(`previously`). A provision that does not say is the same number in the older code, where that
code has it; one that says `previously: []` is new, even where its number was used before for
something else. A code two versions on is followed back one `supersedes` at a time and the steps
joined, so 2026's 2.5 finds 2024's 2.3 through 2025's 2.4.

The board report, `diff` and `migrate` all ask this one question, so it is answered only here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

from selfassess.model.code import Code, Provision

#: Looks a code up by id as the command would (its --codes folders, codes/ folders, shipped codes).
FindCode = Callable[[str], "Code | None"]


class NotSuperseding(ValueError):
    """The newer code is not a later version of the older one: there is nothing to match through."""


@dataclass(frozen=True)
class Correspondence:
    """For every provision of the newer code, in its order, the older code's numbers behind it."""

    new_code: str
    old_code: str
    sources: Mapping[str, tuple[str, ...]]
    old_numbers: tuple[str, ...]  # every provision of the older code, in its order

    def before(self, number: str) -> tuple[str, ...]:
        """The older numbers behind `number` (none: it is new)."""
        return self.sources.get(number, ())

    def after(self, old_number: str) -> tuple[str, ...]:
        """The newer provisions `old_number` went into (several where it was split)."""
        return tuple(number for number, olds in self.sources.items() if old_number in olds)

    @property
    def added(self) -> tuple[str, ...]:
        """Provisions of the newer code with nothing behind them."""
        return tuple(number for number, olds in self.sources.items() if not olds)

    @property
    def removed(self) -> tuple[str, ...]:
        """Provisions of the older code that nothing in the newer one stands for."""
        used = {old for olds in self.sources.values() for old in olds}
        return tuple(number for number in self.old_numbers if number not in used)

    @property
    def is_same_code(self) -> bool:
        return self.new_code == self.old_code


def _before(provision: Provision, older: Code) -> tuple[str, ...]:
    given = "previously" in provision.model_fields_set  # even as [], which says "new in this version"
    listed = provision.previously if given else [provision.number]
    # A number the older code lacks is SA002's to report; it stands for nothing here.
    return tuple(dict.fromkeys(number for number in listed if number in older.provisions))


def _made(new: Code, old: Code, sources: dict[str, tuple[str, ...]]) -> Correspondence:
    return Correspondence(new.id, old.id, MappingProxyType(sources), tuple(old.provisions))


def identity(code: Code) -> Correspondence:
    """Two assessments of the same code: each provision stands for itself."""
    return _made(code, code, {number: (number,) for number in code.provisions})


def one_step(new: Code, old: Code) -> Correspondence:
    """Through the newer code's `previously`, as if it superseded `old` directly."""
    if new.id == old.id:
        return identity(new)
    return _made(new, old, {number: _before(p, old) for number, p in new.provisions.items()})


def through(chain: Sequence[Code]) -> Correspondence:
    """Along a chain of versions, newest first, each superseding the next: steps joined."""
    newest, oldest = chain[0], chain[-1]
    sources: dict[str, tuple[str, ...]] = {number: (number,) for number in newest.provisions}
    for newer, older in pairwise(chain):
        step = one_step(newer, older)
        sources = {
            number: tuple(dict.fromkeys(old for middle in middles for old in step.before(middle)))
            for number, middles in sources.items()
        }
    return _made(newest, oldest, sources)


def chain_to(new: Code, old_id: str, find: FindCode) -> list[Code]:
    """`new` and each version it supersedes, back to `old_id`; NotSuperseding when it never gets there."""
    chain = [new]
    seen = {new.id}
    while chain[-1].id != old_id:
        step = chain[-1].supersedes
        if step is None:
            raise NotSuperseding(f"{new.id} does not supersede {old_id}")
        if step in seen:  # a loop of supersedes: SA002's to report, never an endless walk
            raise NotSuperseding(f"{new.id} does not supersede {old_id}")
        older = find(step)
        if older is None:
            raise NotSuperseding(f"{chain[-1].id} supersedes {step}, which cannot be found or read")
        seen.add(step)
        chain.append(older)
    return chain


def between(new: Code, old: Code, find: FindCode | None = None) -> Correspondence:
    """The best match the codes allow: the same code, a chain of versions, or else one step
    of `previously` (what the board report has always done with any two codes)."""
    if new.id == old.id:
        return identity(new)
    if find is not None:
        try:
            chain = chain_to(new, old.id, find)
        except NotSuperseding:
            pass
        else:
            return through([*chain[:-1], old])
    return one_step(new, old)


def newest_version(code: Code, candidates: Sequence[Code], find: FindCode) -> tuple[Code, Correspondence]:
    """The latest version of `code` among `candidates` (itself where none supersedes it), with how
    its provisions match `code`'s: where next year's assessment is carried to."""
    best: list[Code] = [code]
    for candidate in candidates:
        if candidate.id == code.id:
            continue
        try:
            chain = chain_to(candidate, code.id, find)
        except NotSuperseding:
            continue
        if len(chain) > len(best):
            best = chain
    if len(best) == 1:
        return code, identity(code)
    return best[0], through([*best[:-1], code])


def counterparts(code: Code, candidates: Sequence[Code]) -> tuple[Code, ...]:
    """The codes among `candidates` that name a provision of `code` as the same or a related
    requirement (the councils' code beside the housing one): an assessment of `code` can start one."""
    return tuple(
        candidate
        for candidate in candidates
        if candidate.id != code.id
        and any(link.code == code.id for p in candidate.provisions.values() for link in p.corresponds)
    )
