from tests.corpus.fixtures import image_folder

image_folder("data", ["cats", "dogs"], per_class=6, size=(40, 40), channels=1)
