from tests.corpus.fixtures import image_folder

image_folder("flowers", ["daisy", "rose", "tulip"], per_class=4, size=(40, 40))
