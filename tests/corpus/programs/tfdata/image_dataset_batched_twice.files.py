from tests.corpus.fixtures import image_folder

image_folder("insects/train", ["aphid", "beetle", "moth"], per_class=6, size=(64, 64))
