import numpy as np

from tests.corpus.fixtures import write_csv

rng = np.random.default_rng(5)
header = ["label"] + [f"pixel{i}" for i in range(784)]
rows = [[i % 10, *rng.integers(0, 256, 784).tolist()] for i in range(96)]
write_csv("train.csv", header, rows)
