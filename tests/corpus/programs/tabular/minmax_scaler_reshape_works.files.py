from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(100, ["rooms", "area", "age", "price"])
write_csv("housing.csv", header, rows)
