from tests.corpus.fixtures import image_folder

image_folder("eyes", ["closed", "open"], per_class=6, size=(40, 30))
