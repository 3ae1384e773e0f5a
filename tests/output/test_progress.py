"""Progress on long runs, on a terminal only."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from selfassess.check.runner import CheckOptions, check_files
from selfassess.cli import main
from selfassess.load.codes import CodeLibrary
from selfassess.output.progress import SHOWN_FROM, Progress

EXAMPLE = Path(__file__).resolve().parents[2] / "assessments" / "example-homes-2025.yaml"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _copies(folder: Path, count: int) -> list[tuple[Path, str]]:
    files = []
    for number in range(count):
        path = folder / f"a{number:03}.yaml"
        shutil.copyfile(EXAMPLE, path)
        files.append((path, path.name))
    return files


def test_the_line_counts_up_to_the_last_file_then_clears(tmp_path: Path) -> None:
    terminal = _Terminal()
    progress = Progress(terminal)
    files = _copies(tmp_path, 5)
    result = check_files(files, CodeLibrary(), CheckOptions(), jobs=1, progress=progress)
    progress.finish()
    shown = terminal.getvalue()
    assert shown.startswith("\rChecked 1 of 5 files")
    assert "\rChecked 5 of 5 files" in shown  # the last file is always shown, however fast
    assert shown.endswith("\r\x1b[K")
    assert result.checked == [name for _, name in files]


def test_only_on_a_terminal_and_only_for_many_files() -> None:
    assert Progress.wanted(_Terminal(), SHOWN_FROM)
    assert not Progress.wanted(_Terminal(), SHOWN_FROM - 1)
    assert not Progress.wanted(io.StringIO(), 10_000)


def test_quiet_when_output_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("selfassess.output.progress.SHOWN_FROM", 1)  # so only the terminal decides
    _copies(tmp_path, 3)
    main(["check", str(tmp_path)])
    assert "Checked 1 of" not in capsys.readouterr().err
