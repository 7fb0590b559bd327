import numpy as np

from tests.corpus.fixtures import write_csv

rng = np.random.default_rng(7)
header = ["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket",
          "Fare", "Cabin", "Embarked"]
rows = []
for i in range(90):
    age = "" if i % 9 == 0 else int(rng.integers(1, 80))  # some ages missing
    rows.append([i + 1, i % 2, 1 + i % 3, f"Surname{i}, Mr. Given{i}", ["male", "female"][i % 2],
                 age, i % 3, i % 2, f"A/{1000 + i}", round(float(rng.random() * 100), 2),
                 "" if i % 4 else f"C{i}", "SCQ"[i % 3]])
write_csv("train.csv", header, rows)
