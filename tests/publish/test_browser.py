"""The published HTML in a real browser: headless Chromium, the live DOM, and a screenshot.

CI installs Chromium (see .ci/run) and sets SELFASSESS_BROWSER_TESTS=required, so there these
tests cannot be skipped; on a machine without Chromium they are skipped with a reason.
"""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from selfassess.cli import main
from tests.browser import chromium_executable
from tests.publish.conftest import edit
from tests.publish.outline import outline
from tests.publish.test_render import PAYLOAD

pytestmark = pytest.mark.slow

EXAMPLE = "assessments/example-homes-2025.yaml"


@pytest.fixture
def chromium(tmp_path):
    executable = chromium_executable()  # or the test is skipped (failed, where it is required)

    def run(page: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}",
                *arguments,
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )

    return run


class _Dom(HTMLParser):
    """What the live DOM holds that matters here."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.javascript_links = 0
        self.handlers: list[str] = []
        self.body_attributes: dict[str, str | None] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.javascript_links += any(
            name == "href" and (value or "").lower().startswith("javascript:") for name, value in attrs
        )
        if tag == "body":
            self.body_attributes = dict(attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_the_form_in_a_browser_has_its_headings_and_tables(workspace, capsys, chromium):
    assert main(["render", EXAMPLE, "-o", "form.html"]) == 0
    page = workspace / "form.html"
    dom = chromium(page, "--dump-dom").stdout
    live = outline(dom)
    headings = [line for line in live.splitlines() if re.match(r"h[12]: ", line)]
    assert headings[:2] == [
        "h1: Self-assessment against the Complaint Handling Code",
        "h2: Section 1: Definition of a complaint",
    ]
    assert [h for h in headings if h.startswith("h2: Section")] == [
        f"h2: Section {n}: " + t
        for n, t in enumerate(
            [
                "Definition of a complaint",
                "Exclusions",
                "Accessibility and awareness",
                "Complaint handling staff",
                "The complaint handling process",
                "Complaint stages",
                "Putting things right",
                "Self-assessment, reporting and compliance",
                "Scrutiny & oversight: continuous learning and improvement",
            ],
            1,
        )
    ]
    assert "h2: Action plan" in headings and "h2: Evidence register" in headings
    assert (
        live.count(
            "columns: Code provision | Code requirement | Comply? | Evidence | Commentary / explanation"
        )
        == 10
    )
    lines = live.splitlines()
    provisions = [
        number
        for columns, rows in pairwise(lines)
        if columns.startswith("  columns: Code provision")
        for number in rows.split(": ", 1)[1].split(", ")
    ]
    from tests.codes.test_hos_chc_2024 import EXPECTED_PROVISIONS

    assert provisions == EXPECTED_PROVISIONS  # all 72, in the Code's order, from the live DOM
    screenshot = Path(os.environ.get("SELFASSESS_ARTIFACTS", workspace)) / "example-homes-2025.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    chromium(page, f"--screenshot={screenshot}", "--window-size=1400,2000")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 50_000


def test_hostile_commentary_runs_nothing_in_a_browser(workspace, capsys, chromium):
    edit(
        workspace / EXAMPLE,
        (
            "      Our Complaints Policy uses the Code's definition",
            f"      {PAYLOAD} Our Complaints Policy uses the Code's definition",
        ),
        (
            "organisation: Fenbrook Homes",
            "organisation: <script>document.title='PWNED'</script> Fenbrook Homes",
        ),
    )
    assert main(["render", EXAMPLE, "-o", "hostile.html"]) == 0
    dump = chromium(workspace / "hostile.html", "--dump-dom").stdout
    dom = _Dom()
    dom.feed(dump)
    assert dom.scripts == 0 and dom.handlers == [] and dom.javascript_links == 0
    # had it run, the title would be just "PWNED"; it is the organisation's name, shown as written
    assert dom.title.startswith("<script>document.title='PWNED'</script> Fenbrook Homes: ")
    assert "data-pwned" not in dom.body_attributes
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dump  # shown as text
    assert "[click me](javascript:document.body.dataset.pwned=1)" in dump
