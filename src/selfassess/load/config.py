"""Configuration: `selfassess.toml`, or `[tool.selfassess]` in `pyproject.toml`, beside the files.

The nearest configuration above a checked file applies to it (a `selfassess.toml` wins over a
`pyproject.toml` in the same folder). A configuration that cannot be used stops the command with
status 2, as a wrong option would: checking with settings the user did not mean is worse.

    select = ["SA1", "SA201"]        # only these rules (a prefix selects a family)
    ignore = ["SA202"]               # never these
    [severity]                       # change a rule's severity: error, warning or info
    SA303 = "error"
    [rules.SA505]                    # a rule's own options
    days = 120
    [complaints.columns]             # a complaints log's headings, where they are not the usual ones
    received = "Date Logged"
    [limits]
    max-file-megabytes = 20
    max-depth = 50
    max-values = 200000
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfassess.complaints.fields import FIELDS
from selfassess.didyoumean import end_with_hint
from selfassess.load.yaml_source import DEFAULT_LIMITS, Limits

_TOP_KEYS = ("select", "ignore", "severity", "limits", "rules", "complaints")
_LIMIT_KEYS = {"max-file-megabytes": "max_bytes", "max-depth": "max_depth", "max-values": "max_values"}
SEVERITY_NAMES = ("error", "warning", "info")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the setting."""


@dataclass(frozen=True)
class RawConfig:
    """The configuration as written, checked for shape; rule ids are checked by the engine."""

    path: Path | None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    limits: Limits = DEFAULT_LIMITS
    rule_options: tuple[tuple[str, str, Any], ...] = ()  # (rule id, option, value), from [rules.SA505]
    complaint_columns: tuple[tuple[str, str], ...] = ()  # (field, heading), from [complaints.columns]


def _table(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: cannot be read as TOML ({error})") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("selfassess")
        return table if isinstance(table, dict) else None
    return data


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: '{key}' should be a list of rule ids, like [\"SA202\"]")
    return tuple(item.strip().upper() for item in value)


def parse_config(path: Path, table: dict[str, Any]) -> RawConfig:
    for key in table:
        if key not in _TOP_KEYS:
            raise ConfigError(
                f"{path}: '{key}' is not a setting selfassess knows{end_with_hint(key, _TOP_KEYS)}"
            )
    select = _strings(path, "select", table["select"]) if "select" in table else None
    ignore = _strings(path, "ignore", table.get("ignore", []))
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{path}: 'severity' should be a table, like [severity] SA303 = \"error\"")
    for rule, level in severity.items():
        if level not in SEVERITY_NAMES:
            raise ConfigError(f"{path}: severity of {rule} is '{level}'; use error, warning or info")
    limits_table = table.get("limits", {})
    if not isinstance(limits_table, dict):
        raise ConfigError(f"{path}: 'limits' should be a table")
    limits: dict[str, int] = {}
    for key, value in limits_table.items():
        field = _LIMIT_KEYS.get(key)
        if field is None:
            raise ConfigError(
                f"{path}: '{key}' is not a limit selfassess knows{end_with_hint(key, _LIMIT_KEYS)}"
            )
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"{path}: the limit '{key}' should be a whole number above 0")
        limits[field] = value * 1_048_576 if field == "max_bytes" else value
    rules_table = table.get("rules", {})
    if not isinstance(rules_table, dict) or not all(isinstance(v, dict) for v in rules_table.values()):
        raise ConfigError(f"{path}: 'rules' should hold a table per rule, like [rules.SA505] days = 120")
    rule_options = tuple(
        (rule.strip().upper(), name, value)
        for rule, options in rules_table.items()
        for name, value in options.items()
    )
    return RawConfig(
        path,
        select,
        ignore,
        tuple((rule.strip().upper(), level) for rule, level in severity.items()),
        Limits(**limits),
        rule_options,
        _complaint_columns(path, table.get("complaints", {})),
    )


def _complaint_columns(path: Path, table: Any) -> tuple[tuple[str, str], ...]:
    """[complaints.columns] received = "Date Logged": each field the log is read by, and its heading."""
    if not isinstance(table, dict) or set(table) - {"columns"}:
        raise ConfigError(f"{path}: 'complaints' should hold one table, like [complaints.columns]")
    columns = table.get("columns", {})
    if not isinstance(columns, dict):
        raise ConfigError(f'{path}: [complaints.columns] should name headings, like received = "Date Logged"')
    for field, heading in columns.items():
        if field not in FIELDS:
            raise ConfigError(
                f"{path}: [complaints.columns] '{field}' is not a column selfassess reads"
                f"{end_with_hint(field, FIELDS)}"
            )
        if not isinstance(heading, str) or not heading.strip():
            raise ConfigError(
                f"{path}: [complaints.columns] {field} should be the column's heading, in quotes"
            )
    return tuple((field, heading) for field, heading in columns.items())


def find_config(folder: Path) -> Path | None:
    """The nearest configuration file at or above `folder`."""
    for candidate_folder in (folder, *folder.parents):
        own = candidate_folder / "selfassess.toml"
        if own.is_file():
            return own
        project = candidate_folder / "pyproject.toml"
        if project.is_file() and _table(project) is not None:
            return project
    return None


def read_config(path: Path | None) -> RawConfig:
    if path is None:
        return RawConfig(None)
    table = _table(path)
    return parse_config(path, table or {})
