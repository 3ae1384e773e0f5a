"""An assessment written out as YAML a person will edit: values exactly as given, comments where
they help, and nothing the loader would read differently from what was meant.

PyYAML writes each value (so quoting is always right: `"Yes"` stays text, `"6.10"` stays a
string); this module only places those pieces and the comments between them.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from selfassess.timelimits.written_date import WrittenDate

WIDTH = 100


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a `|` block and lists indented under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# Text longer than this is written as a folded block (`>-`), not run on after its key.
_LONG = 80
# Folding keeps single spaces between words only: other spacing would not read back the same.
_FOLDS_SAFELY = re.compile(r"[^\s](?:[^\s]| (?! ))*[^\s]")

# Line breaks YAML knows beyond \n: outside double quotes PyYAML would write them as a plain break.
_OTHER_BREAKS = frozenset("\r\x85\u2028\u2029")


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _OTHER_BREAKS.intersection(value) else "|" if "\n" in value else None
    if style is None and len(value) > _LONG and _FOLDS_SAFELY.fullmatch(value):
        style = ">"  # a long sentence folded onto lines of its own, where any words may be typed
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _nothing(dumper: yaml.SafeDumper, value: None) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:null", "")  # `answer:` left for the user


def _written_date(dumper: yaml.SafeDumper, value: WrittenDate) -> yaml.ScalarNode:
    """A date exactly as it was written: `2024-04-01` as a date, `31/11/09` as the text it is."""
    if value.value is not None and value.text == value.value.isoformat():
        return dumper.represent_date(value.value)
    return _text(dumper, value.text)


class Quoted(str):
    """Text written in double quotes, where the value it replaces was written so (`"Yes"`)."""

    __slots__ = ()


class InlineList(list[Any]):
    """A list written on its key's line (`[policy, training-log]`), as the list it replaces was."""


class InlineMapping(dict[str, Any]):
    """A mapping written on its key's line: `period: {from: 2024-04-01, to: 2025-03-31}`."""


def _quoted(dumper: yaml.SafeDumper, value: Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


def _inline_list(dumper: yaml.SafeDumper, value: InlineList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


class _FieldName(str):
    """A field name written plain even where YAML 1.1 would read it as true or false (`on` in
    `approved: {by: Board, on: 2025-06-12}`): selfassess reads every field name as text."""

    __slots__ = ()


def _field_name(dumper: yaml.SafeDumper, value: _FieldName) -> yaml.ScalarNode:
    # Tagged as what a plain `on` resolves to, so the emitter sees no need for quotes.
    return dumper.represent_scalar("tag:yaml.org,2002:bool", str(value))


def _inline_mapping(dumper: yaml.SafeDumper, value: InlineMapping) -> yaml.MappingNode:
    named = {_FieldName(key) if key == "on" else key: item for key, item in value.items()}
    return dumper.represent_mapping("tag:yaml.org,2002:map", named, flow_style=True)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(InlineMapping, _inline_mapping)
_Dumper.add_representer(_FieldName, _field_name)
_Dumper.add_representer(Quoted, _quoted)
_Dumper.add_representer(InlineList, _inline_list)
_Dumper.add_representer(WrittenDate, _written_date)
_Dumper.add_representer(type(None), _nothing)


def yaml_fragment(mapping: Mapping[str, Any], indent: int = 0) -> list[str]:
    """`mapping` as YAML lines, indented by `indent` spaces."""
    written = yaml.dump(
        dict(mapping),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=WIDTH - indent,
        default_flow_style=False,
    )
    pad = " " * indent
    return [f"{pad}{line}" if line else line for line in written.splitlines()]


def item_lines(value: Any, indent: int = 0) -> list[str]:
    """`value` as one item of a block list (`- action: …`), its dash `indent` spaces in."""
    written = yaml.dump(
        [value],
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=WIDTH - indent,
        default_flow_style=False,
    )
    pad = " " * indent
    return [f"{pad}{line}" if line else line for line in written.splitlines()]


def inline(value: Any) -> str:
    """`value` on one line: `[a, b]`, `{from: 2024-04-01, to: 2025-03-31}`."""
    return yaml.dump(
        value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=True, width=10_000
    ).strip()


def flow(mapping: Mapping[str, Any]) -> str:
    """`{from: 2024-04-01, to: 2025-03-31}`: a short mapping on one line."""
    return yaml.dump(
        dict(mapping),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=True,
        width=10_000,
    ).strip()


def _printable(text: str) -> str:
    """Characters YAML refuses anywhere in a file, comments included, shown as `\\x08`: a comment
    holding one would make the whole file unreadable."""
    return yaml.reader.Reader.NON_PRINTABLE.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


class YamlText:
    """Lines of YAML and comments, built top to bottom."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, text: str, indent: int = 0) -> None:
        """`text` as comment lines, wrapped to the page; blank lines in it kept as bare `#`."""
        pad = " " * indent
        for paragraph in _printable(text).splitlines() or [""]:
            wrapped = textwrap.wrap(
                paragraph, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False
            )
            for line in wrapped or [""]:
                self.lines.append(f"{pad}# {line}".rstrip())

    def values(self, mapping: Mapping[str, Any], indent: int = 0) -> None:
        self.lines.extend(yaml_fragment(mapping, indent))

    def commented_values(self, mapping: Mapping[str, Any], indent: int = 0) -> None:
        """Values kept for a reader but not read: each line behind a `#`."""
        pad = " " * indent
        for line in yaml_fragment(mapping, 0):
            self.lines.append(f"{pad}# {line}".rstrip())

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def schema_line(out: Path, code_id: str) -> str | None:
    """The editor's `$schema` line, where `schemas/<code>-assessment.json` exists at or above `out`.

    The line lets the common YAML extension complete field names and flag wrong answers while
    typing (docs/editors.md says how to make the schema).
    """
    folder = out.parent.resolve()
    name = f"{code_id}-assessment.json"
    for parent in (folder, *folder.parents):
        schema = parent / "schemas" / name
        if schema.is_file():
            relative = Path(os.path.relpath(schema, folder)).as_posix()
            return f"# yaml-language-server: $schema={relative}"
    return None


def schema_advice(out: Path, code_id: str) -> str | None:
    """What to run for the editor's help, where no schema was found to link to but the folder is
    set up for an editor (a git repository with `.vscode/`, or `schemas/` for another code);
    elsewhere the note would only be noise, and docs/editors.md says it once."""
    folder = out.parent.resolve()
    for parent in (folder, *folder.parents):
        if (parent / "schemas").is_dir() or ((parent / ".git").exists() and (parent / ".vscode").is_dir()):
            return (
                "For help while typing in VS Code, make a schema with 'selfassess schema assessment "
                f"--code {code_id} > schemas/{code_id}-assessment.json' at the top of your repository, "
                "and run this command again (docs/editors.md)."
            )
        if (parent / ".git").exists():
            return None
    return None
