"""The layer each ShapeSense error's Keras line names, against the layer Keras's own message
names (truth.json), for every corpus program and version where both report an error.

    python -m tests.corpus.names        # prints each mismatch and the counts

Keras 2 wraps an error raised inside a model in "Exception encountered when calling layer
'model' (type Functional). Input 0 of layer "dense" ...": the layer compared is the one that
refused (the first named after the wrapper). Errors whose words name no layer on one side or
both are counted apart.
"""

from __future__ import annotations

import re
from collections import Counter

from .corpus import judge, load_programs, load_truth

NAMED = re.compile(r"""of layer ["']([^"']+)["']""")  # "Input 0 ... of layer 'dense'"


def refused(message: str) -> str | None:
    """The layer that refused the input, in Keras's words or ShapeSense's Keras line."""
    found = NAMED.findall(message or "")
    return found[0] if found else None


def compare() -> Counter[str]:
    counts: Counter[str] = Counter()
    truth = load_truth()["programs"]
    for program in load_programs():
        for keras in (3, 2):
            expected = truth.get(program.name, {}).get(str(keras), {})
            if not expected.get("raised"):
                continue
            judgement = judge(program, keras, expected)
            keras_layer = refused(expected.get("message", ""))
            for (line, _, _), keras_line in zip(
                judgement.errors, judgement.keras_lines, strict=True
            ):
                ours = refused(keras_line)
                if ours is None or keras_layer is None:
                    counts["no layer named"] += 1
                elif ours == keras_layer:
                    counts["same"] += 1
                else:
                    counts["mismatch"] += 1
                    print(
                        f"Keras {keras} {program.name}:{line}: ShapeSense names {ours!r}, Keras {keras_layer!r}"
                    )
    return counts


if __name__ == "__main__":
    print(dict(compare()))
