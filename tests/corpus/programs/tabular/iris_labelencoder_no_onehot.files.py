from tests.corpus.fixtures import random_table, write_csv

header, rows = random_table(
    150,
    ["sepal_length", "sepal_width", "petal_length", "petal_width"],
    species=["setosa", "versicolor", "virginica"],
)
write_csv("iris.csv", header, rows)
