from tests.corpus.fixtures import write_csv, write_png

rows = []
for i in range(12):
    name = f"img_{i}.png"
    write_png(f"images/{name}", 45, 45, seed=i)
    rows.append([name, ["cat", "dog", "bird"][i % 3]])
write_csv("labels.csv", ["filename", "label"], rows)
