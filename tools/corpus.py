"""The corpus of real published sentences (tests/text/corpus/), read and split by landlord.

Each file is one landlord's text, labelled as docs/corpus-labelling.md says. The files are read
into typed records here, strictly: a label the guide does not define is an error, so a mistake in
a file cannot quietly change a measurement.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from selfassess.load.codes import CodeLibrary
from selfassess.model.code import Code

CORPUS = Path(__file__).parents[1] / "tests" / "text" / "corpus"

CODE_KEYS = (
    "complaint-window",
    "stage1-acknowledge",
    "stage1-response",
    "stage1-extension",
    "stage2-acknowledge",
    "stage2-response",
    "stage2-extension",
)
Cue = Literal["remaining-work", "plan", "hedge", "explicit", "figures", "other"]
Unit = Literal["working days", "days", "weeks", "months", "years"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    url: str
    document: Literal["self-assessment", "annual-report", "board-response", "policy", "web-page"]
    code: Literal["hos-chc-2024", "hos-chc-2022"] | None = None


class Limit(_Strict):
    key: Literal[(*CODE_KEYS, "escalation-window", "resident-other", "other")]  # type: ignore[valid-type]
    value: float  # a figure achieved may have decimals: "an average of 7.6 working days"
    unit: Unit
    clock: Literal["landlord", "resident"]
    from_: str | None = Field(default=None, alias="from")
    kind: Literal["limit", "average", "performance"]


class Labelled(_Strict):
    text: str
    source: str
    provision: str | None
    sets: tuple[str, ...] = ()
    answer: str | None
    admits: bool
    cue: Cue | None = None
    limits: tuple[Limit, ...]
    note: str | None = None


class LandlordFile(_Strict):
    landlord: str
    kind: Literal["housing-association", "council", "almo", "other"]
    sources: dict[str, Source]
    sentences: tuple[Labelled, ...]


@dataclass(frozen=True)
class Sentence:
    """One labelled sentence, with where it came from."""

    landlord: str  # the file's slug
    source: Source
    label: Labelled

    @property
    def landlord_limits(self) -> tuple[Limit, ...]:
        """The Code's limits the sentence states as the landlord's rule, not a figure achieved: the
        landlord's own time to act, and the time it gives residents to complain (the Code's
        12-month window, which a landlord's policy may shorten)."""
        return tuple(
            limit
            for limit in self.label.limits
            if limit.key in CODE_KEYS
            and limit.kind in ("limit", "average")
            and (limit.clock == "landlord" or limit.key == "complaint-window")
        )


def read_landlord(path: Path) -> LandlordFile:
    return LandlordFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def sentences(folder: Path = CORPUS) -> Iterator[Sentence]:
    """Every sentence of the corpus, landlord by landlord in name order."""
    for path in sorted(folder.glob("*.yaml")):
        landlord = read_landlord(path)
        for label in landlord.sentences:
            yield Sentence(path.stem, landlord.sources[label.source], label)


def fold_of(landlord: str, folds: int) -> int:
    """The fold a landlord belongs to: fixed by its name, so every run splits alike."""
    return int(hashlib.sha256(landlord.encode("utf-8")).hexdigest(), 16) % folds


def split(items: Sequence[Sentence], fold: int, folds: int) -> tuple[list[Sentence], list[Sentence]]:
    """(train, test): the test part is every sentence of the landlords in `fold`."""
    train = [item for item in items if fold_of(item.landlord, folds) != fold]
    test = [item for item in items if fold_of(item.landlord, folds) == fold]
    return train, test


def hos_code() -> Code:
    """The Housing Ombudsman's Code 2024, as shipped: the corpus is read against it."""
    found = CodeLibrary().find("hos-chc-2024", Path(__file__).parent)
    assert found is not None and found.code is not None
    return found.code


CODE = hos_code()
