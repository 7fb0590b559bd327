from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(80, ["word_1", "word_2"], target=["red", "blue", "green", "yellow"])
write_csv("colors.csv", header, rows)
