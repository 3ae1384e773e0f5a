"""An assessment made of real sentences: every provision answered "Yes", its commentary one
sentence from the corpus that admits a shortfall, so that `selfassess check` shows what SA303
makes of real text.

    .venv/bin/python -m tools.corpus_assessment OUT.yaml
    .venv/bin/selfassess check OUT.yaml --select SA303

The sentences are taken in the corpus's own order (landlord by landlord), one a provision, until
every provision of the Housing Ombudsman's Code 2024 has one. The file is written with
selfassess's own YAML writer, so any sentence reads back as it was published.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from selfassess.author.yaml_text import YamlText
from tools.corpus import CODE, Sentence, sentences


def admitting() -> list[Sentence]:
    return [item for item in sentences() if item.label.admits]


def assessment_text(chosen: Sequence[Sentence]) -> str:
    out = YamlText()
    out.values(
        {
            "code": CODE.id,
            "organisation": "Corpus Homes (real sentences from landlords' published text)",
            "assessed_on": date(2025, 5, 20),
            "evidence": {"policy": {"title": "Complaints policy", "dated": date(2025, 1, 15)}},
        }
    )
    out.line("responses:")
    for number, item in zip(CODE.provisions, chosen, strict=False):
        out.comment(f"From {item.landlord} ({item.source.url})", indent=2)
        out.values(
            {number: {"answer": "Yes", "evidence": ["policy"], "commentary": item.label.text}}, indent=2
        )
    return out.text()


def main(arguments: Sequence[str]) -> int:
    if len(arguments) != 1:
        print(__doc__)
        return 2
    Path(arguments[0]).write_text(assessment_text(admitting()), encoding="utf-8")
    print(f"Wrote {arguments[0]}: {len(CODE.provisions)} provisions, each a real admitting sentence.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
