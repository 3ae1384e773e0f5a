"""Old numbers behind new ones: renumbered, merged, split, new, removed, and two versions on."""

from __future__ import annotations

import pytest

from selfassess.model.versions import NotSuperseding, between, chain_to, identity, one_step, through
from tests.compare.fenbrook import fixture_code

OLD, NEW, NEWEST = (fixture_code(f"fenbrook-standards-{year}") for year in (2024, 2025, 2026))


def test_one_version_on_through_previously() -> None:
    link = one_step(NEW, OLD)
    assert dict(link.sources) == {
        "1.1": ("1.1",),  # no previously: the same number
        "1.2": ("1.2", "1.3"),  # merged
        "1.3": ("1.4",),  # renumbered
        "2.1": ("2.1",),
        "2.2": ("2.2",),  # split in two ...
        "2.3": ("2.2",),  # ... its number reused for one of the parts
        "2.4": ("2.3",),
        "3.1": ("3.2",),
        "3.2": ("3.3",),
        "3.3": (),  # previously: [] — new, though 2024 had a 3.3
        "4.1": (),  # a number 2024 never had
    }
    assert link.added == ("3.3", "4.1")
    assert link.removed == ("3.1",)
    assert link.after("2.2") == ("2.2", "2.3")
    assert not link.is_same_code


def test_two_versions_on_the_steps_are_joined() -> None:
    chain = chain_to(NEWEST, OLD.id, lambda code_id: fixture_code(code_id))
    assert [code.id for code in chain] == [NEWEST.id, NEW.id, OLD.id]
    link = through(chain)
    assert (link.new_code, link.old_code) == (NEWEST.id, OLD.id)
    assert link.before("2.5") == ("2.3",)  # 2026's 2.5 was 2025's 2.4, which was 2024's 2.3
    assert link.before("2.4") == ()  # new in 2026
    assert link.before("1.2") == ("1.2", "1.3")
    assert link.before("3.3") == ()  # new in 2025 stays new
    assert link.removed == ("3.1",)


def test_a_code_that_does_not_supersede_is_refused() -> None:
    with pytest.raises(
        NotSuperseding, match="fenbrook-standards-2024 does not supersede fenbrook-standards-2025"
    ):
        chain_to(OLD, NEW.id, fixture_code)
    with pytest.raises(NotSuperseding, match="supersedes fenbrook-standards-2024, which cannot be found"):
        chain_to(NEW, "hos-chc-2024", lambda code_id: None)


def test_between_prefers_the_chain_and_falls_back_to_one_step() -> None:
    assert between(NEWEST, OLD, fixture_code).before("2.5") == ("2.3",)
    # Without a way to find 2025, one step reads "previously: [2.4]" against 2024, which has no 2.4.
    assert between(NEWEST, OLD).before("2.5") == ()
    assert dict(between(OLD, OLD).sources) == dict(identity(OLD).sources)
