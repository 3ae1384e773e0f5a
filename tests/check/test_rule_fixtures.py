"""Every rule has a failing fixture (with the exact findings expected) and a passing one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from selfassess.check.registry import RULES
from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary

FIXTURES = Path(__file__).parent / "fixtures"

#: Rules that run only when asked for.
OPTIONS = {"SA601": CheckOptions(for_publication=True)}


def _files(rule: str, which: str) -> list[Path]:
    single = FIXTURES / rule / f"{which}.yaml"
    return [single] if single.exists() else sorted((FIXTURES / rule / which).glob("*.yaml"))


def findings(path: Path, options: CheckOptions | None = None) -> list[tuple[str, str | None, int, int, str]]:
    """Every finding that counts (waived findings are listed in reports, but do not count)."""
    result = check_files([(path, path.name)], CodeLibrary(), options or CheckOptions())
    return [(f.rule, f.provision, f.line, f.column, f.message) for f in result.findings if f.waived is None]


#: "# expect: SA303 2.5 12:17  (why)" in a failing fixture: a finding it must give.
_EXPECT = re.compile(r"^# expect: (SA\d{3}) (\S+) (\d+):(\d+)\b", re.MULTILINE)
RULE_IDS = sorted(rule.id for rule in RULES)


def expected(path: Path) -> list[tuple[str, str | None, int, int]]:
    """The findings a fixture says it gives, from its own `# expect:` lines."""
    return [
        (rule, None if provision == "-" else provision, int(line), int(column))
        for rule, provision, line, column in _EXPECT.findall(path.read_text(encoding="utf-8"))
    ]


def test_every_registered_rule_has_fixtures():
    for rule in RULE_IDS:
        [failing] = _files(rule, "failing")
        assert expected(failing), f"{failing} has no '# expect:' line"
        assert _files(rule, "passing"), rule


@pytest.mark.parametrize("rule", RULE_IDS)
def test_failing_fixture_gives_exactly_the_expected_findings(rule):
    [path] = _files(rule, "failing")
    found = [item[:4] for item in findings(path, OPTIONS.get(rule)) if item[0] == rule]
    assert found == expected(path)


@pytest.mark.parametrize("rule", RULE_IDS)
def test_passing_fixture_is_clean(rule):
    for path in _files(rule, "passing"):
        assert findings(path, OPTIONS.get(rule)) == [], path


def test_messages_are_single_plain_sentences():
    for rule in RULE_IDS:
        for path in _files(rule, "failing"):
            for *_, message in findings(path, OPTIONS.get(rule)):
                assert message[-1] in ".?", message
                assert "\n" not in message
                for python_word in ("NoneType", "dict", "str ", "Input should", "pydantic", "Traceback"):
                    assert python_word not in message, message
