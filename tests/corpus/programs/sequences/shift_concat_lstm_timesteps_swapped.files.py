import numpy as np

from tests.corpus.fixtures import write_csv

values = np.sin(np.arange(80) / 5.0)
write_csv("series.csv", ["value"], [[round(float(v), 5)] for v in values])
