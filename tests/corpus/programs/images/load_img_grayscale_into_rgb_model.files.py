from tests.corpus.fixtures import write_png

write_png("frog.png", 40, 40)
