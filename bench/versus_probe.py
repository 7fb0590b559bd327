"""One measurement of one tree's core, in a fresh process: `python -P bench/versus_probe.py
SERVER_DIR SCRIPT` imports `shapesense` from SERVER_DIR (put first on the path) and prints JSON.

Only API that every version since the incremental analysis has (`analyze`, `Analyzer`,
`Options`), so an old commit is measured by the same code as the current one. Times are CPU
time of this process (`time.process_time`): on a machine busy with other work, wall time
measures the others too; CPU time of a single-threaded computation hardly moves."""

import ast
import json
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


print(
    json.dumps(
        {
            "ast_parse_ms": median_ms(ast.parse, text),
            "analyze_ms": median_ms(analyze, text, options),
            "edit_in_line_ms": incremental(edited),
            "enter_at_top_ms": incremental(entered),
            "import_server_ms": import_server_ms,
        }
    )
)
