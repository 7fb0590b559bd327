import numpy as np

from tests.corpus.fixtures import write_csv

rng = np.random.default_rng(3)
header = ["label"] + [f"pixel{i}" for i in range(784)]
rows = [[i % 10] + [int(v) for v in rng.integers(0, 256, 784)] for i in range(30)]
write_csv("train.csv", header, rows)
