"""JSON Schema for codes and assessments, generated from the models, for editors.

With a code, the assessment schema also knows that code's vocabulary: the answers it allows
(offered for completion, and accepted in any case and punctuation, as selfassess accepts them),
its provision numbers, and its time limit and deadline keys. An editor with a YAML extension then
completes field names and flags a wrong answer while the complaints manager types.
"""

from __future__ import annotations

import re
from typing import Any

from selfassess.didyoumean import normalise
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def code_schema() -> dict[str, Any]:
    schema = Code.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = DIALECT
    schema["title"] = "selfassess code"
    return schema


def _any_case(written: str) -> str:
    """An ECMA-262 pattern (JSON Schema's dialect has no flags) matching what normalise() equates:
    the same letters and digits in any case, with any punctuation or spaces around them."""
    gap = "[^0-9A-Za-z]*"
    letters = (f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in normalise(written))
    return "^" + gap + gap.join(letters) + gap + "$"


def assessment_schema(code: Code | None = None) -> dict[str, Any]:
    schema = Assessment.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = DIALECT
    schema["title"] = "selfassess assessment" + (f" against {code.id}" if code else "")
    if code is None:
        return schema
    properties = schema["properties"]
    properties["code"] = {"const": code.id, "description": f"This schema is for {code.title} ({code.id})."}
    properties["responses"]["propertyNames"] = {"enum": list(code.provisions)}
    properties["policy"]["propertyNames"] = {"enum": list(code.time_limits)}
    properties["deadlines"]["propertyNames"] = {"enum": [k for k, d in code.deadlines.items() if d.varies]}
    response = schema["$defs"]["Response"]["properties"]
    answers = list(code.answers.values)
    response["answer"] = {
        "description": f"One of {code.answers.listed()} (the column '{code.answers.label}').",
        "anyOf": [
            {"enum": answers},  # what an editor offers
            *({"type": "string", "pattern": _any_case(answer)} for answer in answers),  # 'yes.' is 'Yes'
            {"type": "null"},
        ],
    }
    return schema
