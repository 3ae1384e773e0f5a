"""Which provisions of two assessments answer for each other, or why the two cannot be compared:
the same code, or an earlier and a later version of one code (given in that order)."""

from __future__ import annotations

from selfassess.model.code import Code
from selfassess.model.versions import Correspondence, FindCode, NotSuperseding, chain_to, identity, through


class NotComparable(ValueError):
    """The two answer codes that are not versions of one another (`reversed`: they are, but the
    later one was given first)."""

    def __init__(self, reason: str, reversed_: bool) -> None:
        super().__init__(reason)
        self.reversed = reversed_


def correspondence(old: Code, new: Code, find_near_old: FindCode, find_near_new: FindCode) -> Correspondence:
    """How `new`'s provisions match `old`'s; raises NotComparable."""
    if old.id == new.id:
        return identity(new)
    try:
        return through(chain_to(new, old.id, find_near_new))
    except NotSuperseding as error:
        try:
            chain_to(old, new.id, find_near_old)
        except NotSuperseding:
            raise NotComparable(str(error), reversed_=False) from None
        raise NotComparable(str(error), reversed_=True) from None
