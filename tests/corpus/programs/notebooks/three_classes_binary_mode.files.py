from tests.corpus.fixtures import image_folder

image_folder("data/train", ["cats", "dogs", "horses"], per_class=4, size=(50, 50))
