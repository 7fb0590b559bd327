"""Same findings before and after a refactoring: dump everything the checker says, then diff.

    python -m tests.oracle.same_findings --count 2000 --out /tmp/before.json   # on the old commit
    python -m tests.oracle.same_findings --count 2000 --compare /tmp/before.json  # on the new one

Each generated program (tests/oracle/generator.py, fixed seed) is analysed under Keras 2 and 3,
and so is each real-style corpus program (tests/corpus/programs, in a folder made by its files
script, as the corpus judge does). The dump holds every finding (code, severity, span, message,
Keras's message, related places, each fix's title and edits) and the tables hover and inlay hints
read (layers, symbols, checked calls, model summaries). `--compare` exits 1 and prints the first
differences when any program's dump differs. No Keras is needed: only ShapeSense runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from shapesense import Options, analyze
from shapesense.findings import Analysis
from shapesense.keras.versions import KerasVersion
from shapesense.resolve import ProjectResolver

from .generator import generate

KERAS_VERSIONS = (2, 3)


def dump(analysis: Analysis) -> dict[str, Any]:
    """Everything a user can see of one analysis, as JSON-able data."""
    return {
        "findings": [
            [
                f.code,
                f.severity,
                list(f.span),
                f.message,
                f.keras_message,
                [[list(r.span), r.message, r.cell] for r in f.related],
                [
                    [fix.title, fix.preferred, [[list(e.span), e.new_text] for e in fix.edits]]
                    for fix in f.fixes
                ],
            ]
            for f in analysis.findings
        ],
        "layers": [[list(i.span), *map(str, i[1:])] for i in analysis.layers],
        "symbols": [[list(s.span), s.name, s.description, list(s.trace)] for s in analysis.symbols],
        "calls": [[list(s.span), s.name, s.description, list(s.trace)] for s in analysis.calls],
        "models": [[list(m.span), m.name, m.text()] for m in analysis.models],
        "syntax_ok": analysis.syntax_ok,
    }


def generated(count: int, seed: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for index in range(count):
        program = generate(seed, index)
        for keras in KERAS_VERSIONS:
            out[f"gen/{seed}/{index}/keras{keras}"] = dump(
                analyze(program.source, Options(KerasVersion(keras)))
            )
    return out


def corpus() -> dict[str, Any]:
    from tests.corpus.corpus import load_programs, make_files

    out: dict[str, Any] = {}
    for program in load_programs():
        for keras in KERAS_VERSIONS:
            with tempfile.TemporaryDirectory(prefix="same-findings-") as tmp:
                folder = Path(tmp)
                make_files(program, folder)
                copy = folder / program.path.name
                copy.write_text(program.path.read_text(encoding="utf-8"), encoding="utf-8")
                resolver = ProjectResolver(str(copy), str(folder))
                analysis = analyze(program.source, Options(KerasVersion(keras), resolver))
            out[f"corpus/{program.name}/keras{keras}"] = dump(analysis)
    return out


def digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="generated programs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-corpus", action="store_true", help="generated programs only")
    parser.add_argument("--out", type=Path, help="write the dump here")
    parser.add_argument("--compare", type=Path, help="diff against an earlier dump")
    args = parser.parse_args(argv)
    data = generated(args.count, args.seed)
    if not args.no_corpus:
        data.update(corpus())
    print(f"{len(data)} analyses, digest {digest(data)}")
    if args.out:
        args.out.write_text(json.dumps(data, sort_keys=True, indent=0), encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = sorted(k for k in before.keys() | data.keys() if before.get(k) != data.get(k))
        for key in differ[:10]:
            print(f"DIFFERS {key}\n  before: {before.get(key)}\n  after:  {data.get(key)}")
        print(f"{len(differ)} of {len(before.keys() | data.keys())} analyses differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
