from tests.corpus.fixtures import write_png

write_png("modi.png", 120, 90)
