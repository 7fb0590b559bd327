import numpy as np

rng = np.random.default_rng(0)
rows = np.column_stack([rng.integers(0, 2, 120), rng.random((120, 30))])
np.savetxt("CancerAdapter.csv", rows, delimiter=",", fmt="%.4f")
