"""The workspace in a real browser, as a complaints manager uses it: Debian's Chromium, driven by
Playwright, against `selfassess serve` running as a process. Every page it shows passes axe-core's
WCAG 2.2 A and AA checks.

CI installs Chromium (.ci/run) and sets SELFASSESS_BROWSER_TESTS=required, so there these tests
cannot be skipped; on a machine without Chromium they are skipped with a reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from selfassess.load.yaml_source import load_yaml_text
from tests.browser import artifacts, assert_accessible
from tests.importing.builders import westminster_form, write_docx
from tests.workspace.conftest import git

pytestmark = pytest.mark.slow

EXAMPLE = "assessments/example-homes-2025.yaml"


def base_of(page) -> str:
    """http://127.0.0.1:PORT, where the page is."""
    return re.match(r"https?://[^/]+", page.url).group(0)


def provision(page, number: str):
    return page.locator(f"[id='p-{number}']")


def findings_of(page, number: str):
    return page.locator(f"[id='findings-p-{number}']")


def diff_lines(folder: Path) -> list[str]:
    shown = git(folder, "diff", "-U0", "--no-color", "--", EXAMPLE)
    return [line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_changing_an_answer_shows_sa303_beside_it_and_saves_that_line_alone(page, folder, tmp_path):
    shots = artifacts(tmp_path)
    assert_accessible(page, "the start page")
    page.screenshot(path=shots / "workspace-start.png", full_page=True)
    page.get_by_role("link", name=EXAMPLE, exact=True).click()
    assert_accessible(page, "the details page")
    page.get_by_role("link", name="5. The complaint handling process").click()
    assert findings_of(page, "5.10").is_hidden()
    assert_accessible(page, "a section of the editor")
    provision(page, "5.10").get_by_label("Yes", exact=True).check()
    beside = findings_of(page, "5.10")
    beside.get_by_text("SA303").wait_for()  # the live check: no save, no reload
    assert "answered 'Yes'" in beside.inner_text()
    assert page.locator("#summary-said").inner_text() == "1 warning."
    assert "Unsaved changes" in page.locator("#save-state").inner_text()
    assert_accessible(page, "the editor showing a finding")
    provision(page, "5.10").screenshot(path=shots / "workspace-editor-finding.png")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved: 1 change written to").wait_for()
    assert diff_lines(folder) == ['-    answer: "Partial"', '+    answer: "Yes"']
    assert "SA303" in findings_of(page, "5.10").inner_text()  # the saved file checks as the page said


def test_a_concurrent_change_is_never_overwritten_and_what_was_typed_is_kept(page, folder, tmp_path):
    page.goto(base_of(page) + f"/edit/{EXAMPLE}?part=1")
    typed = "We have reviewed this: further work is needed to embed it across teams."
    provision(page, "1.3").get_by_label("Commentary").fill(typed)
    path = folder / EXAMPLE
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "organisation: Fenbrook Homes", "organisation: Fenbrook Homes Group"
        ),
        encoding="utf-8",
    )  # a colleague's change, saved while the page is open
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Not saved: the file changed since you opened it").wait_for()
    assert "organisation: Fenbrook Homes Group" in path.read_text(encoding="utf-8")
    assert typed in page.inner_text("main")
    assert_accessible(page, "the conflict page")
    page.screenshot(path=artifacts(tmp_path) / "workspace-conflict.png", full_page=True)
    page.get_by_role("button", name="Reload the file, keeping what I typed").click()
    box = provision(page, "1.3").get_by_label(re.compile("^Commentary"))
    assert box.input_value() == typed
    assert "typed here, not saved yet" in provision(page, "1.3").inner_text()
    findings_of(page, "1.3").get_by_text("SA303").wait_for()  # what was typed is checked at once
    assert_accessible(page, "the editor keeping what was typed")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved: 1 change").wait_for()
    data = load_yaml_text(path.read_text(encoding="utf-8")).data
    assert data["organisation"] == "Fenbrook Homes Group" and data["responses"]["1.3"]["commentary"] == typed


def test_leaving_with_unsaved_changes_asks_first(page):
    page.goto(base_of(page) + f"/edit/{EXAMPLE}?part=1")
    provision(page, "1.2").get_by_label("Commentary").fill("Changed, not saved.")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("link", name="2. Exclusions").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert "part=1" in page.url


HOSTILE = (
    "<script>document.title='PWNED'</script> <img src=x onerror=\"document.body.dataset.pwned='img'\"> "
    "[click me](javascript:document.body.dataset.pwned='link') Further work is needed."
)


def test_hostile_text_is_shown_as_text_and_runs_nothing(page, folder):
    path = folder / EXAMPLE
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "organisation: Fenbrook Homes", "organisation: \"<script>document.title='PWNED'</script>Fenbrook\""
    )
    text = text.replace(
        "      Our Complaints Policy uses the Code's definition",
        "      " + HOSTILE.replace('"', "'") + " Our Complaints Policy uses the Code's definition",
    )
    path.write_text(text, encoding="utf-8")
    base = base_of(page)
    for address in ("/", f"/edit/{EXAMPLE}?part=details", f"/edit/{EXAMPLE}?part=1", f"/publish/{EXAMPLE}"):
        page.goto(base + address)
        assert page.title() != "PWNED" and page.evaluate("document.body.dataset.pwned") is None, address
        assert page.locator("script:not([src='/static/workspace.js'])").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        assert page.locator("img").count() == 0
    page.goto(base + f"/edit/{EXAMPLE}?part=1")
    assert "<script>document.title='PWNED'</script>Fenbrook" in page.locator("h1").inner_text()
    provision(page, "1.2").get_by_text("How the saved commentary reads when published").click()
    published = provision(page, "1.2").locator(".published")
    assert (
        "<script>document.title='PWNED'</script>" in published.inner_text()
    )  # as words, through safe Markdown
    assert published.locator("a").count() == 0 and "[click me](javascript:" in published.inner_text()
    # typed into the page, checked live: the findings are placed in the page, and still run nothing
    page.goto(base + f"/edit/{EXAMPLE}?part=details")
    page.locator("[name='policy/stage1-response']").fill(
        "<img src=x onerror=\"document.body.dataset.pwned='live'\">"
    )
    page.locator("[id='findings-details']").get_by_text("is not a time limit").wait_for()
    assert page.evaluate("document.body.dataset.pwned") is None and page.locator("img").count() == 0


def test_the_editor_is_usable_with_the_keyboard_alone(page, folder):
    page.goto(base_of(page) + f"/edit/{EXAMPLE}?part=5")
    # Number every control a keyboard should reach (a group of radio buttons is one stop).
    expected = page.evaluate(
        """() => {
            const groups = new Map();
            let count = 0;
            for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
                if (el.type === 'hidden' || el.disabled || el.getClientRects().length === 0) continue;
                if (el.tagName !== 'SUMMARY' && el.closest('details:not([open])')) continue;
                if (el.type === 'radio') {
                    if (!groups.has(el.name)) groups.set(el.name, count++);
                    el.dataset.stop = groups.get(el.name);
                } else {
                    el.dataset.stop = count++;
                }
            }
            return count;
        }"""
    )
    reached: set[str] = set()
    page.locator("body").focus()
    for _ in range(expected * 4):  # a date box is three stops (day, month, year)
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement.dataset.stop || ''"))
        if len(reached - {""}) == expected:
            break
    missing = sorted({str(stop) for stop in range(expected)} - reached, key=int)
    assert not missing, f"Tab never reached controls {missing} of {expected}"
    # answer, type, and save, by keyboard
    radio = provision(page, "5.10").get_by_label("Partial", exact=True)
    radio.focus()
    page.keyboard.press("ArrowLeft")  # Partial -> No
    assert provision(page, "5.10").get_by_label("No", exact=True).is_checked()
    page.keyboard.press("Tab")
    commentary = provision(page, "5.10").get_by_label("Commentary")
    commentary.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Reviewed again in June.")
    page.keyboard.press("Control+s")
    page.get_by_text("Saved: 2 changes").wait_for()
    data = load_yaml_text((folder / EXAMPLE).read_text(encoding="utf-8")).data
    assert data["responses"]["5.10"]["answer"] == "No"
    assert data["responses"]["5.10"]["commentary"].endswith("Reviewed again in June.")


def test_publishing_from_the_page(page, tmp_path):
    base = base_of(page)
    page.goto(base + "/publish/assessments/westminster-2024.yaml")
    assert_accessible(page, "the publish page")
    page.get_by_role("button", name="Publish the form").click()
    page.get_by_text("Not published: the 3 errors below must be fixed first").wait_for()
    assert_accessible(page, "the publish page refusing")
    page.screenshot(path=artifacts(tmp_path) / "workspace-publish-refused.png", full_page=True)
    page.get_by_label("DRAFT: publish even with errors").check()
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Publish the form").click()
    saved = tmp_path / "draft.html"
    downloading.value.save_as(saved)
    assert downloading.value.suggested_filename == "westminster-2024-draft.html"
    assert "Draft: not approved by the governing body for publication" in saved.read_text(encoding="utf-8")
    page.goto(base + f"/publish/{EXAMPLE}")
    page.get_by_label("Word document").first.check()
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Make the board report").click()
    assert downloading.value.suggested_filename == "example-homes-2025-board-report.html"


def test_starting_and_importing_from_the_start_page(page, folder, tmp_path):
    starting = page.locator("form[action='/new']")
    starting.get_by_label("Organisation").fill("Our Homes")
    starting.get_by_label("Assessed on").fill("2026-05-01")
    starting.get_by_role("button", name="Start").click()
    page.get_by_role("heading", name="Details and evidence register").wait_for()
    assert (folder / "assessments/our-homes-2026.yaml").is_file()
    page.get_by_role("link", name="All assessments").click()
    source = write_docx(westminster_form(), tmp_path / "last-year.docx")
    importing = page.locator("form[action='/import']")
    importing.get_by_label("File to import").set_input_files(str(source))
    importing.get_by_label("Organisation").fill("Westminster City Council")
    importing.get_by_label("Assessed on").fill("2025-10-22")
    importing.get_by_label("Save as").fill("assessments/imported-2025")
    importing.get_by_role("button", name="Import", exact=True).click()
    page.get_by_role("heading", name="Imported").wait_for()
    assert "Wrote assessments/imported-2025.yaml: 72 of 72 provisions answered." in page.inner_text("main")
    assert_accessible(page, "the import report")
    page.get_by_role("link", name="Open it in the editor").click()
    page.get_by_role("heading", name="Details and evidence register").wait_for()


def test_a_file_that_does_not_load_is_shown_read_only_with_where_to_fix_it(page, folder):
    (folder / "assessments/broken.yaml").write_text(
        "code: hos-chc-2024\norganisation: [X\n", encoding="utf-8"
    )
    page.goto(base_of(page) + "/edit/assessments/broken.yaml")
    assert "read-only" in page.locator("h1").inner_text()
    assert page.locator("form#editor").count() == 0
    assert_accessible(page, "a file that does not load")


def test_a_tracker_s_pages_and_a_refusal_pass_axe_too(page):
    base = base_of(page)
    for address in (
        "/edit/assessments/wcc-policy-scrutiny-2023.yaml?part=details",
        "/edit/assessments/norwich-housing-improvement-2009.yaml?part=1",
        "/publish/assessments/future-of-westminster-2023.yaml",
        "/edit/assessments/no-such-file.yaml",
    ):
        page.goto(base + address)
        assert_accessible(page, address)
