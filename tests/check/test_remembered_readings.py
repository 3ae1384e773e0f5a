"""What a check remembers of the sentences it has read changes no finding: a corpus checked in
one process, each reading remembered from file to file, finds exactly what each file finds when
checked with nothing remembered, in either order."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from selfassess.check import commentary
from selfassess.check.findings import Finding
from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary
from selfassess.load.discover import discover
from selfassess.text import admissions, sentences
from selfassess.timelimits import statements

REPO = Path(__file__).parents[2]


def _corpus(folder: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(folder, count, seed=14)


def _forget() -> None:
    """Every reading remembered between files: sentences split, what they admit, the limits
    they state (each code's readers hold their own)."""
    sentences._split.cache_clear()
    sentences._words_of.cache_clear()
    admissions._words_in.cache_clear()
    statements._normalised.cache_clear()
    commentary._reader.cache_clear()
    commentary._shortfall_reader.cache_clear()


def _check(files: list[tuple[Path, str]]) -> list[Finding]:
    return check_files(files, CodeLibrary(), CheckOptions(), jobs=1).findings


def test_findings_are_the_same_with_readings_remembered_or_not(tmp_path):
    _corpus(tmp_path, 30)
    files = discover([tmp_path]).files
    _forget()
    remembered = _check(files)
    backwards = _check(files[::-1])
    alone: list[Finding] = []
    for file in files:
        _forget()
        alone += _check([file])
    assert len(remembered) > 30 * 10
    # Admissions and stated limits are among them, read from the corpus's sentences.
    assert {"SA303", "SA401", "SA403"} <= {finding.rule for finding in remembered}
    assert remembered == alone
    assert sorted(backwards) == remembered
