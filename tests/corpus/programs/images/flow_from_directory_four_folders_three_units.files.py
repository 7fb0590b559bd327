from tests.corpus.fixtures import image_folder

image_folder("places/train", ["beach", "forest", "street", "kitchen"], per_class=3, size=(40, 40))
