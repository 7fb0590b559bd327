from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(
    60, ["weight", "length", "sweetness"], kind=["apple", "pear", "plum", "fig", "kiwi"]
)
write_csv("fruit.csv", header, rows)
