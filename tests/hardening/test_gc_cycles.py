"""An analysis leaves nothing in a reference cycle, so the server never needs a full collection
after an edit (issue 14). Found with gc.DEBUG_SAVEALL on Enter / line deletion near the top of
a 2,000-line file with bad `fit` calls: each edit left ~3,000 objects in cycles (a LayerFailure
cached as a value kept its traceback, whose frames held the checker, its runs and the
journals), and the server's frozen heap was thawed and collected in full on every such edit
(0.6 s of CPU each; `python -m bench.gc_pause`)."""

from __future__ import annotations

import gc
from collections import Counter

from shapesense.analysis import Analyzer

from bench.gc_pause import texts


def test_edits_near_the_top_leave_no_reference_cycles() -> None:
    versions = texts(300)[:6]  # Enter, deletion, Enter... in a file with three bad fits
    analyzer = Analyzer()
    analyzer.analyze(versions[0])
    gc.collect()
    gc.disable()  # nothing is collected behind the test's back
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in versions[1:]:
            analysis = analyzer.analyze(text)
            assert sum(f.code == "SS102" for f in analysis.findings) == 3
            found = gc.collect()
            kinds = Counter(type(o).__name__ for o in gc.garbage).most_common(8)
            gc.garbage.clear()
            assert found == 0, kinds
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
        analyzer.close()
