"""Folders `check` cannot search: each is named in a finding, the check fails, and nothing crashes.

A folder that cannot be read, a link in a loop, and folders nested a thousand deep once gave a
clean "no findings", a RuntimeError and a RecursionError.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.load import discover as discovery
from selfassess.load.discover import MAX_FOLDER_DEPTH, discover

EXAMPLE = Path(__file__).parents[2] / "assessments" / "example-homes-2025.yaml"
AS_NOBODY = ("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups")


def _check_json(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    status = main(["check", "--format", "json", *map(str, paths)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, json.loads(out)


def _landlord_folder(root: Path) -> Path:
    """An assessment, clean as far as its folder goes, beside a folder of last year's."""
    folder = root / "assessments"
    shutil.copytree(EXAMPLE.parent / "evidence", folder / "evidence")
    shutil.copy(EXAMPLE, folder / "example-homes-2025.yaml")
    shutil.copytree(EXAMPLE.parent / "evidence", folder / "2024" / "evidence")
    shutil.copy(EXAMPLE, folder / "2024" / "example-homes-2024.yaml")
    return folder


def test_an_unreadable_folder_is_a_finding(capsys, tmp_path, monkeypatch):
    """As root no folder is unreadable: the system's refusal is what os.scandir would raise."""
    folder = _landlord_folder(tmp_path)
    scandir = os.scandir

    def refusing(path):  # type: ignore[no-untyped-def]
        if Path(path) == folder / "2024":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", refusing)
    status, result = _check_json(capsys, folder)
    assert status == 1
    assert result["checked"] == [(folder / "example-homes-2025.yaml").as_posix()]
    assert [(f["rule"], f["path"], f["line"], f["column"], f["message"]) for f in result["findings"]] == [
        (
            "SA001",
            (folder / "2024").as_posix(),
            1,
            1,
            "This folder cannot be read (permission denied), so no file in it was checked.",
        )
    ]


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user may enter (pytest's own temporary folders are the owner's alone)."""
    made = Path(tempfile.mkdtemp(prefix="selfassess-"))
    made.chmod(0o755)
    yield made
    for below in made.rglob("*"):
        if below.is_dir() and not below.is_symlink():
            below.chmod(0o755)
    shutil.rmtree(made)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv, to check as the user 'nobody', who cannot read a folder of mode 000",
)
def test_an_unreadable_folder_is_a_finding_for_a_user_who_cannot_read_it(shared_folder):
    folder = _landlord_folder(shared_folder)
    for below in shared_folder.rglob("*"):
        below.chmod(0o755 if below.is_dir() else 0o644)
    (folder / "2024").chmod(0)
    run = subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "selfassess", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=shared_folder,
    )
    if "Traceback" in run.stderr and "selfassess" not in run.stderr:
        pytest.skip(f"Python cannot start as 'nobody' here: {run.stderr[-200:]}")
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1, run.stdout
    assert (
        f"{(folder / '2024').as_posix()}:1:1: SA001 error This folder cannot be read (permission denied), "
        "so no file in it was checked." in run.stdout
    )
    assert "Checked 1 file: 1 error." in run.stdout


def test_links_in_a_loop_are_findings(capsys, tmp_path):
    folder = _landlord_folder(tmp_path)
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "self.yaml").symlink_to("self.yaml")
    status, result = _check_json(capsys, folder)
    assert status == 1
    loops = [(f["path"], f["rule"], f["line"], f["column"]) for f in result["findings"]]
    assert loops == [
        ((folder / name).as_posix(), "SA001", 1, 1) for name in ("a.yaml", "b.yaml", "self.yaml")
    ]
    assert all("a link in a loop of links" in f["message"] for f in result["findings"])
    # named on its own, a link in a loop is the same finding, not 'no such file'
    status, result = _check_json(capsys, folder / "a.yaml")
    assert status == 1 and [f["rule"] for f in result["findings"]] == ["SA001"]


class Nesting:
    """Folders 'd' one inside another, made and removed without recursion: os.makedirs,
    shutil.rmtree and pytest's clearing of old temporary folders all recurse too deep for a
    thousand, so these live in a folder of their own, outside pytest's."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="selfassess-deep-"))
        self._made: list[Path] = []

    def make(self, under: Path, depth: int) -> Path:
        here = under
        for _ in range(depth):
            here = here / "d"
            here.mkdir()
            self._made.append(here)
        return here

    def remove(self) -> None:
        for folder in reversed(self._made):
            for entry in folder.iterdir():
                if entry.name != "d":
                    entry.unlink()
            folder.rmdir()
        shutil.rmtree(self.root)


@pytest.fixture
def nesting() -> Iterator[Nesting]:
    made = Nesting()
    yield made
    made.remove()


def test_a_thousand_nested_folders_are_a_finding(capsys, nesting):
    folder = _landlord_folder(nesting.root)
    deepest = nesting.make(folder / "2024", 1_000)
    shutil.copy(EXAMPLE, deepest / "lost.yaml")
    status, result = _check_json(capsys, folder)
    assert status == 1
    assert len(result["checked"]) == 2  # this year's, and last year's above the nesting
    (finding,) = result["findings"]
    too_deep = folder / "2024" / Path(*["d"] * MAX_FOLDER_DEPTH)
    assert (finding["rule"], finding["path"], finding["line"]) == ("SA001", too_deep.as_posix(), 1)
    assert finding["message"] == (
        f"This folder lies more than {MAX_FOLDER_DEPTH} folders down, so selfassess did not look in it."
    )


def test_folders_as_deep_as_allowed_are_searched(tmp_path, nesting):
    deepest = nesting.make(tmp_path, MAX_FOLDER_DEPTH)
    shutil.copy(EXAMPLE, deepest / "found.yaml")
    discovered = discover([tmp_path])
    assert discovered.files == [(deepest / "found.yaml", (deepest / "found.yaml").as_posix())]
    assert discovered.unsearched == []


def test_files_are_found_in_the_order_a_walk_gives(tmp_path):
    for name in ("b/x.yaml", "a/z/y.yml", "a/w.yaml", "top.yaml", ".hidden/h.yaml", "node_modules/n.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("code: x\n")
    (tmp_path / "linked").symlink_to(tmp_path / "b")  # a link to a folder is not entered
    found = [path.relative_to(tmp_path).as_posix() for path, _ in discover([tmp_path]).files]
    assert found == ["top.yaml", "a/w.yaml", "a/z/y.yml", "b/x.yaml"]


def test_a_file_found_twice_is_checked_once(tmp_path):
    """By a link beside it, through a link to its folder, or named again on the command line."""
    folder = tmp_path / "assessments"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "ours.yaml").write_text("code: x\n")
    (folder / "2025" / "this-year.yaml").symlink_to("ours.yaml")
    (tmp_path / "this-year").symlink_to(folder / "2025")
    found = discover(
        [folder, tmp_path / "this-year", folder / "2025" / "ours.yaml", tmp_path / "this-year" / "ours.yaml"]
    )
    assert found.files == [(folder / "2025" / "ours.yaml", (folder / "2025" / "ours.yaml").as_posix())]
