# Reproduces: https://github.com/keras-team/keras/issues/10955
# Style: Sequential CNN with input_shape=(128, 128, 3), image.load_img with another target_size, img_to_array, np.expand_dims, predict
# Intent: the test image is loaded at 150 x 150 while the network was built for 128 x 128
import numpy as np
from tensorflow import keras
from tensorflow.keras.preprocessing import image

model = keras.Sequential()
model.add(keras.layers.Conv2D(8, (3, 3), input_shape=(128, 128, 3)))
model.add(keras.layers.Activation("relu"))
model.add(keras.layers.MaxPooling2D(pool_size=(2, 2)))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

test_image = image.load_img("test_cat.png", target_size=(150, 150))
test_image = image.img_to_array(test_image)
test_image = np.expand_dims(test_image, axis=0)
result = model.predict(test_image)
print("dog" if result[0][0] > 0.5 else "cat")
