from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(150, ["Open", "High", "Low", "Close", "Volume"])
write_csv("stock.csv", header, rows)
