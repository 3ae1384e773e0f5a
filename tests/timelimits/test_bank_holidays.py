"""The cached copy of the `holidays` package's answer is that answer, whatever state the cache is in."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import holidays
import pytest

from selfassess.timelimits import bank_holidays as module
from selfassess.timelimits.bank_holidays import bank_holidays

REPO = Path(__file__).parents[2]
PACKAGE = frozenset(holidays.country_holidays("GB", subdiv="ENG", years=range(2020, 2026)))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SELFASSESS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_first_answer_is_the_packages_and_is_kept(cache):
    assert bank_holidays(2020, 2025) == PACKAGE
    assert date(2022, 9, 19) in PACKAGE  # the late Queen's state funeral: a one-off holiday
    (kept,) = cache.iterdir()
    assert kept.name == f"bank-holidays-GB-ENG-2020-2025-holidays-{holidays.__version__}.txt"
    assert kept.read_text(encoding="ascii").splitlines()[:2] == ["GB-ENG:2020-2025", "2020-01-01"]


def test_a_kept_answer_is_used_without_asking_the_package(cache, monkeypatch):
    bank_holidays(2020, 2025)

    def refuse(first_year: int, last_year: int) -> frozenset[date]:
        raise AssertionError("the package was asked although the cache holds the answer")

    monkeypatch.setattr(module, "_from_package", refuse)
    assert bank_holidays(2020, 2025) == PACKAGE


@pytest.mark.parametrize(
    "damage",
    [
        "",  # emptied
        "GB-ENG:2020-2025\n2020-13-01\n",  # a date that does not exist
        "GB-ENG:2020-2025\n2019-12-25\n",  # a year outside the range
        "GB-ENG:2000-2001\n2000-12-25\n",  # another range under this name
        "\xff\xfe not text",
    ],
)
def test_a_damaged_cache_is_replaced_by_the_packages_answer(cache, damage):
    bank_holidays(2020, 2025)
    (kept,) = cache.iterdir()
    kept.write_bytes(damage.encode("latin-1"))
    assert bank_holidays(2020, 2025) == PACKAGE
    assert kept.read_text(encoding="ascii").startswith("GB-ENG:2020-2025\n2020-01-01\n")


def test_a_cache_folder_that_cannot_be_written_costs_only_speed(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("SELFASSESS_CACHE_DIR", str(blocked / "cache"))
    assert bank_holidays(2020, 2025) == PACKAGE


def test_the_cache_folder_follows_the_platforms_convention(tmp_path, monkeypatch):
    monkeypatch.delenv("SELFASSESS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform != "win32":
        assert module.cache_folder() == tmp_path / "xdg" / "selfassess"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform != "win32":
        assert module.cache_folder() == tmp_path / "home" / ".cache" / "selfassess"


def test_a_one_file_check_with_a_warm_cache_never_imports_the_package(tmp_path):
    """The point of the cache: the package's import, about a tenth of a second, is not paid."""
    probe = (
        "import sys\n"
        "from selfassess.cli import main\n"
        "main(['check', '--format', 'json', 'assessments/example-homes-2025.yaml'])\n"
        "print('imported holidays' if 'holidays' in sys.modules else 'did not', file=sys.stderr)\n"
    )
    environment = {**os.environ, "SELFASSESS_CACHE_DIR": str(tmp_path / "cache")}
    said = [
        subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=False,
            cwd=REPO,
            env=environment,
        ).stderr.splitlines()[-1]
        for _ in range(2)
    ]
    assert said == ["imported holidays", "did not"]
