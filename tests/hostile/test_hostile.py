"""The hostile corpus: files a linter meets in the wild, each run through `selfassess check` as a user would.

Each case is one small file in `cases/` holding only what differs from
`assessments/example-homes-2025.yaml` (see `splice.py`; expected lines and columns are those of the
case file), or bytes built by `conftest.py` where git cannot sensibly hold them. Every case must
give the exit status and the exact findings in the table below, JSON on stdout, and never a
traceback. A case that shows a defect not yet fixed is marked xfail(strict=True) with its reason.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.hostile.conftest import CASES

CORRECT = None  # "a correct result": exit 0 or 1, valid JSON, no traceback, every finding placed


@dataclass(frozen=True)
class Case:
    """A case and what it must give: exit status and (rule, line, column) of each finding."""

    name: str
    exit: int | None
    findings: list[tuple[str, int, int]] | None
    says: tuple[str, ...] = ()  # words that some finding's message must contain
    defect: str | None = None  # why it fails today: xfail(strict=True)
    timeout: float = 60


TABLE = [
    Case("example-unchanged", 0, []),  # the base every spliced case alters: must be clean itself
    # -- the shape of the file ------------------------------------------------------------------
    Case("empty", 1, [("SA001", 1, 1)], says=("empty",)),
    Case("top-level-list", 1, [("SA001", 2, 1)], says=("not a list",)),
    Case("top-level-scalar", 1, [("SA001", 2, 1)], says=("not a single value",)),
    Case(
        "duplicate-keys",  # organisation, an answer, an action's owner: the second of each
        1,
        [("SA001", 4, 1), ("SA001", 8, 5), ("SA001", 17, 9)],
        says=("'organisation' appears twice", "'answer' appears twice", "'owner' appears twice"),
    ),
    # -- what YAML would silently change ----------------------------------------------------------
    Case("unquoted-yes-no", 0, []),
    Case("unquoted-on", 1, [("SA103", 5, 13)], says=("Answer 'on' is not one of",)),
    Case("tabs-indentation", 1, [("SA001", 5, 1)], says=("tab",)),
    Case("tabs-in-values", 0, []),
    # -- encodings and line endings ------------------------------------------------------------------
    Case("utf8-bom", 0, []),
    Case("crlf-line-endings", 0, []),
    Case(
        "crlf-duplicate-keys",  # the same places as with LF line endings
        1,
        [("SA001", 4, 1), ("SA001", 8, 5), ("SA001", 17, 9)],
    ),
    Case("smart-quotes", 0, []),  # “ ” and – saved as UTF-8
    # the same file saved as Windows-1252: the first quote, byte 0x93, is where reading stops
    Case("windows-1252-smart-quotes", 1, [("SA001", 8, 73)], says=("byte 0x93",)),
    # -- size and structure ----------------------------------------------------------------------------
    Case("five-mb-commentary", 0, [], timeout=120),
    Case("alias-bomb", 1, [("SA001", 23, 23)], says=("more than 200,000 values",)),
    Case("deep-nesting", 1, [("SA001", 6, 64)], says=("more than 50 levels",)),
    Case(
        "recursive-aliases",
        1,
        [("SA001", 6, 41), ("SA001", 12, 17)],
        says=("*loop refers to a value that contains itself", "*self refers to a value that contains itself"),
    ),
    # -- dates -------------------------------------------------------------------------------------------
    Case(
        "impossible-dates",
        1,
        [("SA503", 3, 14), ("SA503", 13, 16), ("SA503", 14, 14)],
        says=("'2025-02-30' does not exist", "'31/11/09' does not exist", "'2025-02-30' does not exist"),
    ),
    # Years outside 1900-2199 are refused as written, never stepped past the ends of the calendar.
    Case(
        "far-future-period",
        1,
        [("SA503", 3, 32)],
        says=("'9999-12-31' is outside the years selfassess works with (1900 to 2199)",),
    ),
    Case(
        "year-one",
        1,
        [("SA503", 3, 14)],
        says=("'0001-05-20' is outside the years selfassess works with (1900 to 2199)",),
    ),
    # -- wrong types ------------------------------------------------------------------------------------
    Case(
        "wrong-types-optional",
        1,
        [
            ("SA001", 5, 21),  # member_responsible: a list where text belongs
            ("SA001", 6, 9),  # period: text where a mapping belongs
            ("SA001", 10, 15),  # evidence: a mapping where a list belongs
            ("SA001", 14, 13),  # answer: a list where text belongs
            ("SA001", 20, 14),  # actions: a number where a list belongs
            ("SA001", 23, 15),  # evidence: null where a list belongs
            ("SA001", 29, 9),  # an action given as text where a mapping belongs
        ],
    ),
    Case("wrong-types-required", 1, [("SA001", 4, 7), ("SA001", 5, 15), ("SA001", 6, 14), ("SA001", 7, 12)]),
    Case("wrong-types-registers", 1, [("SA001", 4, 9), ("SA001", 6, 22), ("SA001", 10, 12)]),
    Case(
        "code-id-too-long",
        1,
        [("SA001", 2, 7)],
        says=("No code",),
    ),
    # -- evidence ------------------------------------------------------------------------------------------
    Case("evidence-urls", 1, [("SA001", 6, 10), ("SA001", 9, 10), ("SA203", 12, 11), ("SA203", 15, 11)]),
    Case(
        "evidence-nul-byte",
        1,
        [("SA203", 6, 11)],
        says=("cannot be the name of a file",),
    ),
    Case(
        "evidence-long-name",
        1,
        [("SA203", 5, 11)],
        says=("cannot be the name of a file",),
    ),
    # -- text that would run if published as written (also rendered: see below) ---------------------------
    Case("script-in-text", 0, []),
    # -- control characters: a warning where each stands; publishing shows a mark (see below) --------------
    Case(
        "control-characters",
        0,
        [("SA005", 5, 15), ("SA005", 8, 12), ("SA005", 15, 17), ("SA005", 18, 16)],
        says=(
            "a bell (U+0007)",
            "a form feed (U+000C) and a non-character (U+FFFE)",
            "a null (U+0000) and an escape",
        ),
    ),
]


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.defect)] if case.defect else []
    return pytest.param(case, id=case.name, marks=marks)


def selfassess(*arguments: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "selfassess", *map(str, arguments)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def _findings(built, run: subprocess.CompletedProcess[str]) -> list[dict]:
    assert "Traceback" not in run.stderr, run.stderr
    document = json.loads(run.stdout)  # stdout is one JSON object and nothing else
    assert document["checked"] == [built.path.as_posix()]
    for finding in document["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1, finding
    return document["findings"]


def test_every_case_file_is_in_the_table():
    named = {case.name for case in TABLE}
    assert {path.stem for path in CASES.glob("*.yaml")} - named == {"evidence-paths"}  # a test of its own


@pytest.mark.parametrize("case", [_param(case) for case in TABLE])
def test_check(case: Case, build_case):
    built = build_case(case.name)
    started = time.perf_counter()
    run = selfassess("check", "--format", "json", built.path, timeout=case.timeout)
    seconds = time.perf_counter() - started
    findings = _findings(built, run)
    if case.name == "five-mb-commentary":
        print(f"\n{built.path.stat().st_size / 1_048_576:.1f} MB commentary checked in {seconds:.1f} s")
    if case.exit is None:
        assert run.returncode in (0, 1), run.stderr
    else:
        assert run.returncode == case.exit, findings
    if case.findings is not None:
        # every finding is placed in the case file's own lines: the example around it is clean
        # (sorted: the example's order of top-level fields need not be the case file's)
        got = sorted((f["rule"], built.case_line(f["line"]), f["column"]) for f in findings)
        assert got == sorted(case.findings), [f["message"] for f in findings]
    messages = [f["message"] for f in findings]
    for words in case.says:
        assert any(words in message for message in messages), (words, messages)


# -- evidence files outside the folder: reported, and never opened ---------------------------------------


def test_evidence_outside_the_folder_is_reported_and_never_opened(build_case, fifo_watch, tmp_path):
    """Each target is a FIFO: opening one to read would block, and the watching writer would see it."""
    folder = tmp_path / "landlord" / "assessments"  # ../../etc/passwd from here is tmp_path/etc/passwd
    climbed_to = tmp_path / "etc" / "passwd"
    absolute = tmp_path / "elsewhere" / "secret.csv"
    linked_to = tmp_path / "outside" / "linked.csv"
    with fifo_watch([climbed_to, absolute, linked_to]) as watch:
        built = build_case("evidence-paths", folder, {"ABSOLUTE-PATH": absolute.as_posix()})
        (folder / "evidence" / "linked-out.csv").symlink_to(linked_to)
        run = selfassess("check", "--format", "json", built.path, timeout=30)
        rendered = selfassess("render", "--draft", "--format", "html", "-o", "-", built.path, timeout=60)
    findings = _findings(built, run)
    assert run.returncode == 1
    assert [(f["rule"], built.case_line(f["line"]), f["column"]) for f in findings] == [
        ("SA203", 7, 11),  # ../../etc/passwd
        ("SA203", 10, 11),  # an absolute path
        ("SA203", 13, 11),  # a link inside the folder to a file outside it
    ]
    assert "outside the assessment's folder" in findings[0]["message"]
    assert "full path" in findings[1]["message"]
    assert rendered.returncode == 0 and "Traceback" not in rendered.stderr
    assert watch.opened == []


def test_the_fifo_watch_itself_sees_a_reader(fifo_watch, tmp_path):
    target = tmp_path / "watched.csv"
    with fifo_watch([target]) as watch:
        run = subprocess.run(
            [sys.executable, "-c", f"open({str(target)!r}, 'rb').read()"], timeout=30, check=True
        )
    assert run.returncode == 0
    assert watch.opened == [target]


# -- published text can run nothing ----------------------------------------------------------------------


class _Tags(HTMLParser):
    """Every element and attribute of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


_UNSAFE_ADDRESS = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


def assert_runs_nothing(html: str) -> None:
    assert "<script" not in html.lower()
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", html, re.IGNORECASE)
    parser = _Tags()
    parser.feed(html)
    for tag, attributes in parser.tags:
        assert tag not in ("script", "iframe", "object", "embed", "svg", "img"), tag
        for name, value in attributes:
            assert not name.lower().startswith("on"), (tag, name, value)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                cleaned = re.sub(r"[\x00-\x20]", "", value or "")
                assert not _UNSAFE_ADDRESS.match(cleaned), (tag, name, value)


@pytest.mark.parametrize("name", ["script-in-text", "evidence-urls"])
def test_published_html_runs_nothing(name, build_case):
    built = build_case(name)
    run = selfassess("render", "--draft", "--format", "html", "-o", "-", built.path)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "DRAFT" in run.stdout
    assert_runs_nothing(run.stdout)
    if name == "script-in-text":  # shown as the words written, not dropped
        assert "alert(&#39;commentary&#39;)" in run.stdout or "alert('commentary')" in run.stdout
        assert "onmouseover" in run.stdout  # as text, in the owner's name


def test_the_html_check_itself_catches_what_it_should():
    for unsafe in (
        "<p><script>alert(1)</script></p>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" java\tscript:alert(1)">x</a>',
        "<a href=data:text/html,x>x</a>",
    ):
        with pytest.raises(AssertionError):
            assert_runs_nothing(unsafe)
    assert_runs_nothing("<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)</p>")


# -- defects found beside the table -----------------------------------------------------------------------


def test_a_wrong_type_message_suggests_what_belongs_there(build_case):
    built = build_case("wrong-types-optional")
    findings = _findings(built, selfassess("check", "--format", "json", built.path))
    period = next(f for f in findings if "'period'" in f["message"])
    assert "title" not in period["message"]
    assert "(like 'from: …')" in period["message"]


def test_text_output_prints_no_terminal_control_characters(build_case, tmp_path):
    folder = tmp_path / "assessment"
    built = build_case("unquoted-on", folder)
    text = built.path.read_text(encoding="utf-8").replace(
        "    answer: on\n", '    answer: "\\e[8m\\e]0;pwned\\aYes\\r"\n'
    )
    built.path.write_text(text, encoding="utf-8")
    run = selfassess("check", built.path)
    assert "SA103" in run.stdout
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", run.stdout), repr(run.stdout)
    assert "\\x1b]0;pwned\\x07Yes\\x0d" in run.stdout  # shown, so a reader sees what the file holds


def test_an_endless_file_is_read_no_further_than_the_size_limit(tmp_path):
    """A FIFO fed 200 MB: a reader that stops at the 20 MB limit breaks the pipe after about 20 MB."""
    folder = tmp_path / "assessments"
    folder.mkdir()
    pipe = folder / "endless.yaml"
    os.mkfifo(pipe)
    written = 0

    def feed() -> None:
        nonlocal written
        line = b"# " + b"x" * 65_533 + b"\n"
        try:
            with open(pipe, "wb", buffering=0) as out:  # waits until selfassess opens it
                while written < 200 * 1_048_576:
                    written += out.write(line)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        run = selfassess("check", "--format", "json", folder, timeout=120)
    finally:
        os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))  # lets a writer still waiting go
        writer.join(10)
    assert "Traceback" not in run.stderr
    assert written <= 24 * 1_048_576, f"{written / 1_048_576:.0f} MB were read"
    assert run.returncode == 1  # too large, or empty if the writer had not begun: SA001 either way
    assert [f["rule"] for f in json.loads(run.stdout)["findings"]] == ["SA001"]


def test_a_device_is_refused_without_being_read(tmp_path):
    folder = tmp_path / "assessments"
    folder.mkdir()
    (folder / "zero.yaml").symlink_to("/dev/zero")
    run = selfassess("check", "--format", "json", folder, timeout=60)
    assert run.returncode == 1, run.stderr
    (finding,) = json.loads(run.stdout)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("SA001", 1, 1)
    assert "not an ordinary file" in finding["message"]


def test_unreadable_entries_cost_time_in_proportion(tmp_path):
    from selfassess.load.documents import read_document

    def seconds(count: int) -> float:
        path = tmp_path / f"many-{count}.yaml"
        lines = ["code: hos-chc-2024", "organisation: X", "assessed_on: 2025-05-20", "responses:"]
        lines += [f'  "r{number}": not a response' for number in range(count)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            document = read_document(path)
            best = min(best, time.perf_counter() - started)
        assert len(document.problems) == count
        return best

    small, large = seconds(2_000), seconds(16_000)
    assert large / small < 16, f"8 times the entries took {large / small:.0f} times as long"


@pytest.mark.parametrize(
    "command",
    [
        ("render", "--draft", "--format", "docx"),
        ("render", "--draft", "--format", "md"),
        ("render", "--draft", "--format", "html"),
        ("report", "--format", "docx"),
    ],
    ids=lambda command: f"{command[0]}-{command[-1]}",
)
def test_control_characters_publish_in_every_format(command, build_case, tmp_path):
    """Word once refused the file ("All strings must be XML compatible") after `check` passed it."""
    built = build_case("control-characters")
    out = tmp_path / f"published.{command[-1]}"
    run = selfassess(*command, "-o", out, built.path)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    published = out.read_bytes()
    assert published
    if command[-1] == "md":
        text = published.decode("utf-8")
        assert "**Fenbrook\ufffdHomes**" in text
        assert not re.search("[\x00-\x08\x0b-\x1f]", text)
