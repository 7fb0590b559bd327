from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(120, ["variance", "skewness", "curtosis", "entropy"], **{"class": [0, 1]})
write_csv("banknote.csv", header, rows)
