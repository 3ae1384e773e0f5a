"""A real browser for the tests: Debian's Chromium, driven by Playwright for Python, and axe-core's
accessibility checks (bundled in axe-playwright-python, so nothing is fetched while testing).

Nothing here downloads a browser: Playwright is pointed at the Chromium the system has (the Debian
package `chromium`, which .ci/run installs). Where it is missing the tests that need it are skipped,
unless SELFASSESS_BROWSER_TESTS=required (as .ci/run sets), when they fail saying what to install.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

#: Where Debian's package puts Chromium, then what else may be on the PATH.
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
#: A browser that talks to nobody but the page under test.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
]
#: WCAG 2.2 at levels A and AA, as axe-core tags its rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MISSING = "headless Chromium is required here but is not installed: install Debian's 'chromium' package (.ci/run does)"


def chromium_executable() -> str:
    """Chromium's path; skips the test (or fails it where browser tests are required) without it."""
    for candidate in CANDIDATES:
        found = (
            candidate
            if os.path.isabs(candidate) and os.access(candidate, os.X_OK)
            else shutil.which(candidate)
        )
        if found:
            return found
    if os.environ.get("SELFASSESS_BROWSER_TESTS") == "required":
        pytest.fail(MISSING)
    pytest.skip("headless Chromium is not installed (.ci/run installs Debian's 'chromium' package)")


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("SELFASSESS_BROWSER_TESTS") == "required":
            pytest.fail(
                "Playwright for Python is required here; the README's test command installs it (dev extra)"
            )
        pytest.skip("Playwright for Python is not installed (the dev extra installs it)")
    return sync_playwright


@contextmanager
def browser() -> Iterator[Any]:
    """Headless Chromium, closed at the end."""
    executable = chromium_executable()
    with _playwright()() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def new_page(launched: Any, **options: Any) -> Any:
    """A page in a context of its own: British English, a laptop's window, downloads allowed."""
    context = launched.new_context(
        locale="en-GB", viewport={"width": 1400, "height": 1000}, accept_downloads=True, **options
    )
    return context.new_page()


def accessibility_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    found = []
    for violation in results.response.get("violations", []):
        targets = [", ".join(node.get("target", [])) for node in violation.get("nodes", [])][:5]
        found.append(f"{violation['id']}: {violation['help']} ({'; '.join(targets)})")
    return found


def assert_accessible(page: Any, what: str) -> None:
    violations = accessibility_violations(page)
    assert violations == [], f"{what}: " + "\n".join(violations)


def artifacts(tmp_path: Path) -> Path:
    """Where screenshots go: $SELFASSESS_ARTIFACTS, or the test's own temporary folder (never git)."""
    folder = Path(os.environ.get("SELFASSESS_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
