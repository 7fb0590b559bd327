from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(120, ["open", "close"])
write_csv("candles.csv", header, rows)
