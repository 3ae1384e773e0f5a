"""Building the hostile corpus's files in a fresh folder, and watching that none is ever opened.

Cases whose bytes cannot sensibly live in git (a byte-order mark, CRLF line endings, Windows-1252
bytes, a 5 MB commentary) are generated here from the example and from the case files.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.splice import Spliced, splice

REPO = Path(__file__).parents[2]
CASES = Path(__file__).parent / "cases"
EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"

#: Case files that are whole files, not blocks spliced into the example.
WHOLE_FILES = frozenset(("empty", "top-level-list", "top-level-scalar"))

FIVE_MB_SENTENCE = (
    "Complaint handlers record every contact with the resident on the case file, and the Complaints "
    "Team Leader reviews a sample of closed cases each week against the Code and our own policy. "
)


@dataclass
class Built:
    """A case as written to disk: where it is, and how its lines map back to the case file."""

    path: Path
    spliced: Spliced | None  # None: the file is the case file itself, line for line

    def case_line(self, line: int) -> int | None:
        return self.spliced.case_line(line) if self.spliced is not None else line


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def spliced(name: str) -> Spliced:
    return splice(example_text(), (CASES / f"{name}.yaml").read_text(encoding="utf-8"))


def five_mb_case() -> str:
    """Response 1.2 with a commentary of some 5 MB of ordinary sentences, as a case file's text."""
    count = 5 * 1024 * 1024 // len(FIVE_MB_SENTENCE) + 1
    body = "\n".join("      " + FIVE_MB_SENTENCE.strip() for _ in range(count))
    return (
        'responses:\n  "1.2":\n    answer: "Yes"\n    evidence: [complaints-policy, complaints-webpage]\n'
        f"    commentary: >-\n{body}\n"
    )


def _bytes_of(name: str) -> tuple[bytes, Spliced | None]:
    """The bytes of a case, and its line map (None where the file is the case file itself)."""
    if name in WHOLE_FILES:
        return (CASES / f"{name}.yaml").read_bytes(), None
    if name == "example-unchanged":
        return EXAMPLE.read_bytes(), None
    if name == "utf8-bom":
        return b"\xef\xbb\xbf" + EXAMPLE.read_bytes(), None
    if name == "crlf-line-endings":
        return example_text().replace("\n", "\r\n").encode("utf-8"), None
    if name == "crlf-duplicate-keys":
        built = spliced("duplicate-keys")
        return built.text.replace("\n", "\r\n").encode("utf-8"), built
    if name == "windows-1252-smart-quotes":
        built = spliced("smart-quotes")
        return built.text.encode("cp1252"), built
    if name == "five-mb-commentary":
        built = splice(example_text(), five_mb_case())
        return built.text.encode("utf-8"), built
    built = spliced(name)
    return built.text.encode("utf-8"), built


@pytest.fixture
def build_case(tmp_path: Path) -> Callable[..., Built]:
    """Write a case into its own folder (beside a copy of the example's evidence/), return it."""

    def build(name: str, folder: Path | None = None, replacements: dict[str, str] | None = None) -> Built:
        folder = folder or tmp_path / "assessment"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copytree(REPO / "assessments" / "evidence", folder / "evidence", dirs_exist_ok=True)
        raw, line_map = _bytes_of(name)
        for old, new in (replacements or {}).items():
            assert raw.count(old.encode()) == 1, old
            raw = raw.replace(old.encode(), new.encode())
        path = folder / f"{name}.yaml"
        path.write_bytes(raw)
        return Built(path, line_map)

    return build


class FifoWatch:
    """FIFOs standing where a file must never be opened, and a thread that sees any reader.

    Opening a FIFO for reading blocks until a writer appears; opening it for writing without
    blocking fails with ENXIO while no reader has it open. So a writer that keeps trying sees every
    reader that ever opens the FIFO (and, by opening, lets that reader go on instead of hanging).
    """

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(path)
        self.opened: list[Path] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            for path in self.paths:
                try:
                    descriptor = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
                except OSError as error:
                    if error.errno != errno.ENXIO:
                        raise
                    continue
                if path not in self.opened:  # a reader still reading is seen again: once is enough
                    self.opened.append(path)
                os.close(descriptor)  # the reader sees end of file and goes on
            time.sleep(0.002)

    def __enter__(self) -> FifoWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@pytest.fixture
def fifo_watch() -> Iterator[Callable[[list[Path]], FifoWatch]]:
    made: list[FifoWatch] = []

    def make(paths: list[Path]) -> FifoWatch:
        watch = FifoWatch(paths)
        made.append(watch)
        return watch

    yield make
    for watch in made:
        watch._stop.set()
