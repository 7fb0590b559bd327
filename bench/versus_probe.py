"""One measurement of one tree's core, in a fresh process: `python -P bench/versus_probe.py
SERVER_DIR SCRIPT [REPEAT [KEYS_JSON]]` imports `shapesense` from SERVER_DIR (put first on the
path) and prints JSON.

Only API that every version since the incremental analysis has (`analyze`, `Analyzer`,
`Options`), so an old commit is measured by the same code as the current one. Times are CPU
time of this process (`time.process_time`): on a machine busy with other work, wall time
measures the others too; CPU time of a single-threaded computation hardly moves.

KEYS_JSON (written by versus.py): the typing session's versions, `[[kind, text], ...]`. Each is
analysed by one incremental Analyzer, as the analysis process does; after each, the heap is
settled as the analysis process settles it (young objects collected, the rest frozen), outside
the timing and the same for every tree, so every tree meets the same heap."""

import ast
import gc
import json
import math
import statistics
import sys
import time

server_dir, script_path = sys.argv[1], sys.argv[2]
sys.path.insert(0, server_dir)
start = time.process_time()
import shapesense.lsp.server  # noqa: E402  (the server's import chain, as at start-up)

import_server_ms = (time.process_time() - start) * 1e3
from shapesense.analysis import Analyzer, Options, analyze  # noqa: E402

assert shapesense.__file__.startswith(server_dir), shapesense.__file__
with open(script_path, encoding="utf-8") as source:
    text = source.read()
repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 5
keys_path = sys.argv[4] if len(sys.argv) > 4 else None


def median_ms(fn, *args):
    times = []
    for _ in range(repeat):
        begin = time.process_time()
        fn(*args)
        times.append(time.process_time() - begin)
    return statistics.median(times) * 1e3


options = Options()  # each version's defaults: what its users got
digit = text.index("np.random.rand(") + len("np.random.rand(")
eol = text.index("\n", digit)
edited = [text[:digit] + str(1 + i % 9) + text[digit + 1 :] for i in range(repeat + 1)]
entered = [text[:eol] + "\n" * (i % 2) + text[eol:] for i in range(repeat + 1)]


def incremental(versions: list[str]) -> float:
    analyzer = Analyzer(options)
    analyzer.analyze(text)
    analyzer.analyze(versions[0])  # the first edit builds the journals
    times = []
    for version in versions[1:]:
        begin = time.process_time()
        analyzer.analyze(version)
        times.append(time.process_time() - begin)
    return statistics.median(times) * 1e3


def nearest_rank(ordered, q):
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else float("nan")


def typing(path):
    """Per kind of key (in-line, and line-moving: Enter and line deletions): CPU ms."""
    with open(path, encoding="utf-8") as keys:
        versions = json.load(keys)
    analyzer = Analyzer(options)
    analyzer.analyze(text)
    times = {"in-line": [], "moving lines": []}
    for index, (kind, version) in enumerate(versions):
        begin = time.process_time()
        analyzer.analyze(version)
        took = (time.process_time() - begin) * 1e3
        gc.collect(1)
        gc.freeze()
        if index:  # the first edit builds the journals
            moving = kind in ("enter", "line deletion")
            times["moving lines" if moving else "in-line"].append(took)
    figures = {}
    for name, values in times.items():
        ordered = sorted(values)
        key = "typing_in_line" if name == "in-line" else "typing_moving_lines"
        figures[key + "_p50_ms"] = nearest_rank(ordered, 0.5)
        figures[key + "_p95_ms"] = nearest_rank(ordered, 0.95)
        figures[key + "_max_ms"] = ordered[-1] if ordered else float("nan")
    return figures


figures = {
    "ast_parse_ms": median_ms(ast.parse, text),
    "analyze_ms": median_ms(analyze, text, options),
    "edit_in_line_ms": incremental(edited),
    "enter_at_top_ms": incremental(entered),
    "import_server_ms": import_server_ms,
}
if keys_path:
    figures.update(typing(keys_path))
print(json.dumps(figures))
