from tests.corpus.fixtures import image_folder

image_folder("places/train", ["beach", "forest", "street"], per_class=6, size=(70, 70))
