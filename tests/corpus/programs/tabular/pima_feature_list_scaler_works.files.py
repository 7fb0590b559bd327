from tests.corpus.fixtures import random_table, write_csv

cols = ["Pregnancies", "Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI",
        "DiabetesPedigreeFunction", "Age"]
header, rows = random_table(120, cols, Outcome=[0, 1])
write_csv("diabetes.csv", header, rows)
