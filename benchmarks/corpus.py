"""A corpus of realistic self-assessments against the Complaint Handling Code 2024, for benchmarks.

    .venv/bin/python benchmarks/corpus.py DIR --count N [--seed S]

Each file is `assessments/example-homes-2025.yaml` made into another landlord's: its own name and
web address, its own figures, dates moved by up to a few weeks, one to three sentences more in
most commentaries, and a few provisions turned into shortfalls with an explanation and an action.
The sentences added are real ones, drawn from the corpus of landlords' published text
(tests/text/corpus/), half of them among those that state a time limit or admit a shortfall, so
the commentary is as varied, and as dense with limits and admissions, as real forms at their
densest. Every provision is answered, the evidence register has about a dozen dated entries, and
a file is 35-45 KB, like a real one. The same seed and count always give the same files. The
shipped code is found by selfassess itself.
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"
TRAINING_FILE = "evidence/complaint-handling-training-2024-25.csv"

_FIRST = ["Fen", "Ash", "Brook", "Elm", "Hart", "Kings", "Oak", "River", "Stone", "Thorn", "Willow", "Wyke"]
_SECOND = ["bury", "field", "ford", "gate", "ham", "leigh", "mere", "stead", "ton", "wood"]
_KIND = ["Homes", "Housing", "Housing Association", "Living", "Housing Trust", "Community Housing"]


def _corpus_sentences() -> tuple[list[str], list[str]]:
    """The corpus's sentences: (those that state a limit or admit a shortfall, all the others)."""
    dense: list[str] = []
    plain: list[str] = []
    for path in sorted((REPO / "tests" / "text" / "corpus").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]:
            (dense if item["admits"] or item["limits"] else plain).append(" ".join(item["text"].split()))
    return dense, plain


_DENSE, _PLAIN = _corpus_sentences()

_SHORTFALL_SENTENCES = [
    "An audit of {count} cases in {year}/{next} found this was not consistently done, and we have "
    "started the actions below.",
    "Performance was below target in {month} and {month2}, when complaint numbers peaked.",
    "We cannot currently show this for every case, because the case management system does not record it.",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_OWNERS = [
    "Complaints Team Leader",
    "Head of Customer Experience",
    "Complaints and Resolution Manager",
    "Director of Customer Services",
    "Head of Housing Services",
    "Head of Property Services",
]
_ACTIONS = [
    "Add a monthly audit of a sample of closed complaints against this provision and report the "
    "results to the Customer Services Committee",
    "Update the complaint handling procedure and brief every complaint handler on the change",
    "Add a mandatory field and a reminder to the case management system so that this is recorded "
    "for every complaint",
]
_DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_RESPONSE = re.compile(r'^  "(\d+\.\d+)":\n', re.MULTILINE)


def _name(rng: random.Random) -> tuple[str, str]:
    place = rng.choice(_FIRST) + rng.choice(_SECOND)
    kind = rng.choice(_KIND)
    return f"{place} {kind}", (place + kind.split()[0]).lower()


def _sentence(rng: random.Random, template: str) -> str:
    year = rng.choice([2023, 2024])
    month, month2 = rng.sample(_MONTHS, 2)
    return template.format(
        pct=rng.randint(71, 99),
        year=year,
        next=(year + 1) % 100,
        next_full=year + 1,
        day=rng.randint(1, 28),
        month=month,
        month2=month2,
        count=rng.randint(120, 900),
        small=rng.randint(10, 90),
    )


def _fold(text: str, indent: str) -> str:
    """Text as the body of a YAML folded scalar, wrapped at about 90 columns."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(indent) + len(line) + 1 + len(word) > 92:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(indent + line)
    return "\n".join(lines)


def _shift_dates(text: str, days: int) -> str:
    def moved(match: re.Match[str]) -> str:
        try:
            return (date(int(match[1]), int(match[2]), int(match[3])) + timedelta(days=days)).isoformat()
        except ValueError:
            return match[0]

    return _DATE.sub(moved, text)


def _split_trailer(chunk: str) -> tuple[str, str]:
    """(the response's own lines, the blank and comment lines after it)."""
    lines = chunk.split("\n")
    cut = len(lines)
    while cut > 0 and (lines[cut - 1] == "" or lines[cut - 1].startswith("  #")):
        cut -= 1
    return "\n".join(lines[:cut]) + "\n", "\n".join(lines[cut:])


def _vary_response(chunk: str, rng: random.Random, shortfall: bool) -> str:
    """One response's text, with a sentence or more added, or turned into a shortfall with an action."""
    body, trailer = _split_trailer(chunk)
    actions = ""
    if shortfall and 'answer: "Yes"' in body and "    actions:\n" not in body:
        body = body.replace('answer: "Yes"', f'answer: "{rng.choice(["Partial", "Partial", "No"])}"', 1)
        extra = _sentence(rng, rng.choice(_SHORTFALL_SENTENCES))
        start = date(2025, rng.randint(1, 6), rng.randint(1, 28))
        actions = (
            "    actions:\n"
            f"      - action: >-\n{_fold(rng.choice(_ACTIONS), ' ' * 10)}\n"
            f"        owner: {rng.choice(_OWNERS)}\n"
            f"        start: {start.isoformat()}\n"
            f"        due: {(start + timedelta(days=rng.randint(60, 300))).isoformat()}\n"
            f"        status: {rng.choice(['not-started', 'in-progress'])}\n"
            f"        rag: {rng.choice(['amber', 'red', 'green'])}\n"
        )
    elif rng.random() < 0.9:
        drawn = (rng.choice(_DENSE if rng.random() < 0.5 else _PLAIN) for _ in range(rng.randint(1, 3)))
        extra = " ".join(drawn)
    else:
        return chunk
    # every commentary is a folded block, the last field before any actions
    fields, has_actions, after = body.partition("    actions:\n")
    fields = fields + _fold(extra, " " * 6) + "\n"
    return fields + has_actions + after + actions + trailer


def assessment(index: int, seed: int = 2025) -> str:
    """The text of assessment number `index` of the corpus drawn with `seed`."""
    rng = random.Random(seed * 1_000_003 + index)
    text = EXAMPLE.read_text(encoding="utf-8")
    name, slug = _name(rng)
    text = text.replace("Fenbrook Homes", name).replace("fenbrookhomes", slug)
    text = text.replace("358 of\n      412", f"{rng.randint(300, 400)} of\n      {rng.randint(401, 480)}")
    text = re.sub(r"\b87%", f"{rng.randint(70, 95)}%", text)
    text = re.sub(r"declined 19 complaints", f"declined {rng.randint(5, 40)} complaints", text)
    text = re.sub(r"remedies in 148 complaints", f"remedies in {rng.randint(60, 300)} complaints", text)
    text = _shift_dates(text, rng.randint(-20, 20))
    head, *rest = _RESPONSE.split(text)
    shortfalls = set(rng.sample(range(len(rest) // 2), rng.randint(0, 3)))
    out = [head]
    for number in range(len(rest) // 2):
        provision, chunk = rest[2 * number], rest[2 * number + 1]
        out.append(f'  "{provision}":\n' + _vary_response(chunk, rng, number in shortfalls))
    return "".join(out)


def generate(folder: Path, count: int, seed: int = 2025) -> list[Path]:
    """Write `count` assessments (and the one evidence file they cite) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    evidence = folder / TRAINING_FILE
    evidence.parent.mkdir(parents=True, exist_ok=True)
    evidence.write_bytes((EXAMPLE.parent / TRAINING_FILE).read_bytes())
    written: list[Path] = []
    for index in range(count):
        path = folder / f"assessment-{index + 1:05d}.yaml"
        path.write_text(assessment(index, seed), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the assessments")
    parser.add_argument("--count", type=int, default=100, help="how many (default 100)")
    parser.add_argument("--seed", type=int, default=2025, help="the same seed gives the same files")
    arguments = parser.parse_args()
    paths = generate(arguments.folder, arguments.count, arguments.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"Wrote {len(paths)} assessments ({size / 1_048_576:.1f} MB) to {arguments.folder}")


if __name__ == "__main__":
    main()
