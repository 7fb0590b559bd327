from tests.corpus.fixtures import image_folder

emotions = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
image_folder("fer2013/train", emotions, per_class=3, size=(48, 48), channels=1)
