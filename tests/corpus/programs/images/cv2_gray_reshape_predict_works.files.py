from tests.corpus.fixtures import write_png

write_png("digit.png", 60, 80)
