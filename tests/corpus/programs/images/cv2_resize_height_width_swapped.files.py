from tests.corpus.fixtures import write_png

write_png("street.png", 150, 200)
