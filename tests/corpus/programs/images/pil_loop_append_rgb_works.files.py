from tests.corpus.fixtures import image_folder

image_folder("faces", ["angry", "happy", "sad"], per_class=5, size=(50, 50))
