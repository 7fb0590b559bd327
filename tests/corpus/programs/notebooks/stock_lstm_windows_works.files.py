from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(120, ["Open", "High", "Low", "Close", "Volume"])
write_csv("prices.csv", header, rows)
