from tests.corpus.fixtures import image_folder

flowers = ["daisy", "dandelion", "roses", "sunflowers", "tulips"]
image_folder("flower_photos", flowers, per_class=4, size=(72, 72))
