"""One file as the workspace opens it: its bytes, its text, its data as written, and what the checks
found; whether the page can edit it, and if not, why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfassess.files import read_bounded
from selfassess.load.yaml_source import DEFAULT_LIMITS
from selfassess.model.code import Code
from selfassess.workspace.edits import Edit
from selfassess.workspace.live import Checked, Codes, check_raw
from selfassess.workspace.splice import apply_edits, read_yaml

_BOM = "\ufeff"


@dataclass(frozen=True)
class Opened:
    path: Path
    relative: str
    checked: Checked
    text: str | None  # None: not UTF-8, so the page cannot change it
    data: Any  # as written (text as typed), None when the YAML cannot be read
    code: Code | None  # the code it answers, or the code it is

    @property
    def editable(self) -> bool:
        """An assessment whose YAML can be read and whose code is found is edited, even with a
        field missing or wrong (the page is where it gets fixed); anything else opens read-only,
        with its findings and where to fix them."""
        return (
            self.text is not None
            and isinstance(self.data, dict)
            and self.checked.loaded.document.kind == "assessment"
            and self.code is not None
        )

    @property
    def is_code(self) -> bool:
        return self.checked.loaded.document.kind == "code"


def text_of(raw: bytes) -> str | None:
    """The text of a UTF-8 file (with or without the byte-order mark Windows adds)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def bytes_of(text: str) -> bytes:
    return text.encode("utf-8")


def edited(text: str, edits: list[Edit]) -> str:
    """`text` with `edits` made (raises CannotEdit); a byte-order mark at its start kept there."""
    mark = _BOM if text.startswith(_BOM) else ""
    return mark + apply_edits(text.removeprefix(_BOM), edits)


def data_of(text: str | None) -> Any:
    if text is None:
        return None
    return read_yaml(text.removeprefix(_BOM)).data


def read(path: Path) -> bytes:
    return read_bounded(path, DEFAULT_LIMITS.max_bytes)


def opened(path: Path, relative: str, raw: bytes, codes: Codes) -> Opened:
    """`raw` read as the file at `path` would be."""
    library = codes.library(path.parent)
    checked = check_raw(raw, path, relative, library)
    text = text_of(raw)
    data = data_of(text)
    code = checked.loaded.code
    if code is None and isinstance(data, dict) and isinstance(data.get("code"), str):
        found = library.find(data["code"], path.parent)  # an assessment with a field to fix
        code = found.code if found is not None else None
    return Opened(path, relative, checked, text, data, code)
