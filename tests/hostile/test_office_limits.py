"""Word and Excel files made to cost far more than their size: each is refused in one sentence, or
read as it should be, in a process with a memory limit and a timeout, so that a file which would
take minutes and gigabytes fails the test instead of hanging it."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.hostile.office import renamed_part_bomb
from tests.importing import builders

#: What one import may use here: well above an ordinary form's 100 MB, far below a bomb's gigabytes.
MEMORY = 1024 * 1024 * 1024


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_import(source: Path, out: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "selfassess", "import", "--code", "hos-chc-2024", "-o", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limited,
    )


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_renamed_part_that_unpacks_to_too_much_is_refused(suffix: str, tmp_path: Path) -> None:
    source = renamed_part_bomb(tmp_path / f"form{suffix}", 20 * 1024 * 1024)
    assert source.stat().st_size < 200_000
    run = run_import(source, tmp_path / "out.yaml", timeout=20)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"form{suffix} holds more than 16 MB of text, more than selfassess reads from one document; "
        "save the tables of the form on their own in a new file and import that.\n"
    )
    assert not (tmp_path / "out.yaml").exists()


def test_pictures_count_towards_a_larger_limit_of_their_own(tmp_path: Path) -> None:
    """A form holding 20 MB of photographs is read (they are not text); 70 MB of them is not."""
    form = builders.write_docx(builders.westminster_form(), tmp_path / "ordinary.docx")

    def with_pictures(name: str, megabytes: int) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(form) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for part in source.infolist():
                out.writestr(part, source.read(part))
            for number in range(megabytes // 10):  # a photograph does not compress
                out.writestr(
                    f"word/media/image{number}.jpeg", b"\xff\xd8\xff\xe0" + os.urandom(10 * 1024 * 1024)
                )
        return path

    read = run_import(with_pictures("photographs.docx", 20), tmp_path / "read.yaml")
    assert "Traceback" not in read.stderr
    assert "Checked 1 file" in read.stdout and (tmp_path / "read.yaml").exists()
    refused = run_import(with_pictures("album.docx", 70), tmp_path / "refused.yaml")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.startswith("album.docx unpacks to more than 64 MB, pictures and all, more than")
