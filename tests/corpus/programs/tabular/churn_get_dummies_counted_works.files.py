import numpy as np

from tests.corpus.fixtures import write_csv

rng = np.random.default_rng(1)
header = ["RowNumber", "CustomerId", "Surname", "CreditScore", "Geography", "Gender", "Age",
          "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember",
          "EstimatedSalary", "Exited"]
rows = []
for i in range(200):
    rows.append([i + 1, 15600000 + i, f"Name{i}", int(rng.integers(350, 850)),
                 ["France", "Spain", "Germany"][i % 3], ["Male", "Female"][i % 2],
                 int(rng.integers(18, 90)), int(rng.integers(0, 10)),
                 round(float(rng.random() * 1e5), 2), int(rng.integers(1, 4)), i % 2,
                 (i // 2) % 2, round(float(rng.random() * 1e5), 2), int(rng.integers(0, 2))])
write_csv("Churn_Modelling.csv", header, rows)
