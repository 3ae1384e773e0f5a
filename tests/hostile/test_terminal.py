"""What reaches the terminal: UTF-8 whatever the locale, control characters shown and never
obeyed, and one JSON object when JSON is asked for, even when an input cannot be read."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "assessments" / "example-homes-2025.yaml"
#: What a terminal would obey: an escape sequence, a bell, a carriage return.
OBEYED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def selfassess(
    *arguments: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "selfassess", *map(str, arguments)],
        capture_output=True,
        timeout=120,
        env=env,
    )


def test_an_ascii_locale_still_gets_every_letter_and_the_ellipsis(tmp_path):
    """LC_ALL=C without Python's UTF-8 mode once printed 'Answer '????''."""
    path = tmp_path / "ναι.yaml"
    path.write_text(
        'code: hos-chc-2024\norganisation: "Κατοικίες"\nassessed_on: 2025-05-20\nresponses:\n'
        '  "1.2": {answer: "Ναι…"}\n',
        encoding="utf-8",
    )
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0")
    run = selfassess("check", path, env=env)
    assert run.returncode == 1
    assert "Answer 'Ναι…' is not one of Yes, No, Partial, N/A." in run.stdout.decode("utf-8")
    missing = selfassess("check", tmp_path / "λείπει.yaml", env=env)
    assert missing.returncode == 2
    assert "λείπει.yaml" in missing.stderr.decode("utf-8")
    assert b"?" not in missing.stderr


def test_import_shows_a_spreadsheets_headings_without_obeying_them(tmp_path):
    """A CSV heading holding escape sequences once retitled and recoloured the terminal."""
    source = tmp_path / "form.csv"
    source.write_text(
        "Provision,Requirement\x1b]0;pwned\x07,Answer\x1b[31m\x08Gone\n1.1,Complaints are defined,Yes\n",
        encoding="utf-8",
        newline="",
    )
    run = selfassess("import", source, "--code", "hos-chc-2024", "-o", tmp_path / "out.yaml")
    stderr = run.stderr.decode("utf-8")
    assert run.returncode == 1
    assert "Traceback" not in stderr
    assert not OBEYED.search(stderr), repr(stderr)
    assert "Requirement\\x1b]0;pwned\\x07" in stderr and "Answer\\x1b[31m\\x08Gone" in stderr


def test_diff_as_json_is_json_when_an_input_cannot_be_read(tmp_path):
    broken = tmp_path / "last-year.yaml"
    broken.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("responses:", "responses: [", 1), encoding="utf-8"
    )
    run = selfassess("diff", "--format", "json", broken, EXAMPLE)
    assert run.returncode == 1
    document = json.loads(run.stdout)  # one JSON object and nothing else
    assert document["checked"] == [broken.as_posix(), EXAMPLE.as_posix()]
    assert {finding["rule"] for finding in document["findings"]} == {"SA001"}
    assert all(finding["path"] == broken.as_posix() for finding in document["findings"])
    assert (
        run.stderr.decode()
        == "No comparison: an assessment above cannot be read; fix what is listed first.\n"
    )
