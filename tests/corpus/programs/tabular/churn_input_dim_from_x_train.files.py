from tests.corpus.fixtures import churn_modelling_csv

churn_modelling_csv()
