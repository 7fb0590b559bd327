from tests.corpus.fixtures import write_png

write_png("test_cat.png", 200, 180)
