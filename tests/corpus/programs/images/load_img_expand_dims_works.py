# Reproduces: https://ppratikcr7.github.io/2015-02-28-test-markdown
# Style: keras.applications MobileNetV2 (imagenet), load_img, img_to_array, expand_dims, preprocess_input, decode-free
# Intent: works
import numpy as np
from tensorflow.keras.applications.mobilenet_v2 import MobileNetV2, preprocess_input
from tensorflow.keras.preprocessing import image

model = MobileNetV2(weights="imagenet", input_shape=(96, 96, 3), include_top=False, pooling="avg")

img_path = "elephant.png"
img = image.load_img(img_path, target_size=(96, 96))
x = image.img_to_array(img)  # (96, 96, 3)
x = np.expand_dims(x, axis=0)  # (1, 96, 96, 3)
x = preprocess_input(x)

features = model.predict(x)
print("features:", features.shape)
