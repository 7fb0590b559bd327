from tests.corpus.fixtures import image_folder

image_folder("data/train", ["angry", "happy"], per_class=8, size=(60, 60))
