from tests.corpus.fixtures import write_png

for i in range(5):
    write_png(f"to_classify/img_{i}.png", 70, 90, seed=i)
