from tests.corpus.fixtures import write_png

write_png("elephant.png", 120, 100)
