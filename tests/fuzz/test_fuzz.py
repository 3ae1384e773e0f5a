"""Fuzzing: valid assessments drawn for any code, then corrupted; checking and publishing never raise.

Budget: each test below runs `max_examples` examples per code, fixed for CI so that this module
takes well under a minute. Raise it by hand for a long run:

    SELFASSESS_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/fuzz

Nothing is derandomised: each run draws new examples. On a failure Hypothesis prints the
shrunk example, the notes below (the exact text or bytes checked) and a `@reproduce_failure`
line to replay it; a failure it could not reproduce prints `--hypothesis-seed=N` instead.

Each example is checked with `check_files` and published as a draft HTML form with `render`;
both must return a result, and every finding must have a line and a column of 1 or more.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import read_document
from selfassess.model.code import Code
from selfassess.publish.render import render
from tests.fuzz.strategies import assessments, dump, mutated_text, spliced_bytes, wrong_types

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("SELFASSESS_FUZZ_EXAMPLES", "50"))
MINI_CODES = Path(__file__).parents[1] / "check" / "fixtures" / "codes"


def _codes() -> dict[str, tuple[Code, CodeLibrary]]:
    shipped = CodeLibrary()
    hos = shipped.find("hos-chc-2024", Path("."))
    assert hos is not None and hos.code is not None
    mini = read_document(MINI_CODES / "mini-chc.yaml")
    assert mini.code is not None
    return {"hos-chc-2024": (hos.code, shipped), "mini-chc": (mini.code, CodeLibrary([MINI_CODES]))}


CODES = _codes()
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def check_and_render(folder: Path, raw: bytes, library: CodeLibrary) -> list[str]:
    """Check the bytes as a file and publish them as a draft; the rules of every finding."""
    path = folder / "fuzzed.yaml"
    path.write_bytes(raw)
    result = check_files([(path, "fuzzed.yaml")], library, CheckOptions())
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.message
    rendered = render(path, "html", draft=True, library=library)
    if rendered.content is not None:
        assert b"DRAFT" in rendered.content
    return [finding.rule for finding in result.findings]


@pytest.fixture(params=sorted(CODES))
def code(request) -> tuple[Code, CodeLibrary]:
    return CODES[request.param]


@FUZZ
@given(data=st.data())
def test_a_valid_assessment_reads_without_sa001(tmp_path, code, data):
    model, library = code
    document = data.draw(assessments(model), label="assessment")
    text = dump(document)
    note(text)
    rules = check_and_render(tmp_path, text.encode("utf-8"), library)
    assert "SA001" not in rules


@FUZZ
@given(data=st.data())
def test_mutated_yaml_text_never_raises(tmp_path, code, data):
    model, library = code
    text = data.draw(mutated_text(dump(data.draw(assessments(model)))), label="mutated")
    note(repr(text))
    check_and_render(tmp_path, text.encode("utf-8", errors="surrogatepass"), library)


@FUZZ
@given(data=st.data())
def test_wrong_types_anywhere_never_raise(tmp_path, code, data):
    model, library = code
    document = data.draw(wrong_types(data.draw(assessments(model))), label="changed")
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    note(text)
    check_and_render(tmp_path, text.encode("utf-8"), library)


@FUZZ
@given(data=st.data())
def test_random_bytes_spliced_in_never_raise(tmp_path, code, data):
    model, library = code
    raw = data.draw(spliced_bytes(dump(data.draw(assessments(model))).encode("utf-8")), label="bytes")
    note(repr(raw))
    check_and_render(tmp_path, raw, library)
