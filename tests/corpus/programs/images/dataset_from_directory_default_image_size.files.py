from tests.corpus.fixtures import image_folder

image_folder("mushroom_dataset", ["edible", "poisonous"], per_class=4, size=(40, 40))
