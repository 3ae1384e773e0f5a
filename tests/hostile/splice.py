"""Build a whole assessment from the example and one small case file, so only the hostile part differs.

A case file holds the blocks it changes, written as they would stand in an assessment: top-level
fields (`organisation:`), and entries of `responses:` and `evidence:` (`  "6.3":`). Each block
replaces the example's block of the same name where that one stands (a name written twice in the
case file stands twice there), or is added at the end of its mapping. Comment lines before the
first block describe the case and are left out. A `responses:` or `evidence:` line that carries
a value itself (`responses: some text`) replaces the example's whole block.

The text is spliced line by line, never parsed, so tabs, duplicate keys and broken syntax arrive
exactly as written; `Spliced.case_line` maps a line of the built file back to the case file's
line, so expected findings are written against the small file a reader can open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOP = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_ENTRY = re.compile(r"^  (\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.-]+)\s*:")
_MAPPINGS = ("responses", "evidence")  # blocks whose entries are spliced one by one


@dataclass
class _Block:
    name: str
    lines: list[tuple[str, int | None]]  # (text, line in the case file or None for the example's)


@dataclass
class Spliced:
    text: str
    origin: list[int | None]  # for each built line (0-based), its 1-based line in the case file

    def case_line(self, built_line: int) -> int | None:
        return self.origin[built_line - 1] if 0 < built_line <= len(self.origin) else None


def _opens_mapping(line: str) -> bool:
    match = _TOP.match(line)
    if not match or match[1] not in _MAPPINGS:
        return False
    rest = line[match.end() :].split("#", 1)[0].strip()
    return rest == ""


def _top_blocks(lines: list[tuple[str, int | None]]) -> tuple[list[tuple[str, int | None]], list[_Block]]:
    """(the lines before the first block, the top-level blocks in order)."""
    head: list[tuple[str, int | None]] = []
    blocks: list[_Block] = []
    for text, number in lines:
        match = _TOP.match(text)
        if match:
            blocks.append(_Block(match[1], [(text, number)]))
        elif blocks:
            blocks[-1].lines.append((text, number))
        else:
            head.append((text, number))
    return head, blocks


def _entries(block: _Block) -> tuple[list[tuple[str, int | None]], list[_Block]]:
    """(the block's first line and anything before its first entry, its entries in order)."""
    head: list[tuple[str, int | None]] = []
    entries: list[_Block] = []
    for index, (text, number) in enumerate(block.lines):
        match = _ENTRY.match(text) if index else None
        if match:
            entries.append(_Block(match[1].strip("\"'"), [(text, number)]))
        elif entries:
            entries[-1].lines.append((text, number))
        else:
            head.append((text, number))
    return head, entries


def _replace(base: list[_Block], changes: list[_Block]) -> list[_Block]:
    """`base` with each name `changes` has replaced (in place) by all of its blocks of that name."""
    by_name: dict[str, list[_Block]] = {}
    for change in changes:
        by_name.setdefault(change.name, []).append(change)
    result: list[_Block] = []
    used: set[str] = set()
    for block in base:
        if block.name in by_name:
            if block.name not in used:
                result.extend(by_name[block.name])
                used.add(block.name)
        else:
            result.append(block)
    known = {block.name for block in base}
    result.extend(change for change in changes if change.name not in known)
    return result


def splice(example: str, case: str) -> Spliced:
    example_lines = [(line, None) for line in example.split("\n")]
    case_lines = [(line, number) for number, line in enumerate(case.split("\n"), start=1)]
    if case_lines and case_lines[-1][0] == "":
        case_lines.pop()
    example_head, example_blocks = _top_blocks(example_lines)
    _, case_blocks = _top_blocks(case_lines)

    merged_case: list[_Block] = []
    for block in case_blocks:
        if _opens_mapping(block.lines[0][0]):
            original = next((b for b in example_blocks if b.name == block.name), None)
            if original is not None and _opens_mapping(original.lines[0][0]):
                case_head, case_entries = _entries(block)
                base_head, base_entries = _entries(original)
                # the case's header line stands where the example's did, so a finding on it maps back
                head = [case_head[0], *base_head[1:], *case_head[1:]]
                entries = _replace(base_entries, case_entries)
                lines = [*head, *(line for entry in entries for line in entry.lines)]
                merged_case.append(_Block(block.name, lines))
                continue
        merged_case.append(block)

    blocks = _replace(example_blocks, merged_case)
    built = [*example_head, *(line for block in blocks for line in block.lines)]
    return Spliced("\n".join(text for text, _ in built) + "\n", [number for _, number in built])
