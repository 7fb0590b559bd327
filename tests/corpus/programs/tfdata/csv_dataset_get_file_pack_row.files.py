import gzip

import numpy as np

rng = np.random.default_rng(3)
rows = np.column_stack([rng.integers(0, 2, 300), rng.random((300, 28))])
text = "\n".join(",".join(f"{v:.5f}" for v in row) for row in rows) + "\n"
with gzip.open("HIGGS_small.csv.gz", "wt") as handle:
    handle.write(text)
