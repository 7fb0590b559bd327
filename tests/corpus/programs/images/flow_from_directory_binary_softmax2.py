# Reproduces: http://www.kouhan.cn/en/article/00027281
# Style: ImageDataGenerator rescale + flow_from_directory class_mode='binary', Dense(2, softmax)
# Intent: binary labels (batch, ) from class_mode='binary' against a 2-unit softmax with categorical_crossentropy
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

train_dir = "data/train"
IMG_HEIGHT, IMG_WIDTH = 48, 48

train_datagen = ImageDataGenerator(rescale=1.0 / 255, horizontal_flip=True)
train_generator = train_datagen.flow_from_directory(
    train_dir,
    target_size=(IMG_HEIGHT, IMG_WIDTH),
    batch_size=8,
    class_mode="binary",
)

model = Sequential()
model.add(Conv2D(8, (3, 3), activation="relu", input_shape=(IMG_HEIGHT, IMG_WIDTH, 3)))
model.add(MaxPooling2D(2, 2))
model.add(Flatten())
model.add(Dense(2, activation="softmax"))  # angry vs happy
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_generator, epochs=1)
