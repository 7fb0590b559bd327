# Reproduces: https://github.com/keras-team/keras/issues/20086
# Style: dict-inputs, many-named-inputs, concatenate, fit-with-dict, wrong-column-count
# Intent: the array for the "gov_sup" input has 4 columns where the Input declares 5; model.fit
#   raises at that input.
import numpy as np
from tensorflow.keras.layers import Input, Dense, concatenate
from tensorflow.keras.models import Model

X_train_dict = {
    "green_fin_const": np.random.rand(120, 3),
    "green_fin_inst": np.random.rand(120, 4),
    "gov_sup": np.random.rand(120, 4),
    "type": np.random.rand(120, 1),
}
Y_train = np.random.rand(120, 2)

inputs_1 = Input(shape=(3,), name="green_fin_const")
inputs_2 = Input(shape=(4,), name="green_fin_inst")
inputs_3 = Input(shape=(5,), name="gov_sup")
inputs_4 = Input(shape=(1,), name="type")
x = concatenate([Dense(4)(inputs_1), Dense(4)(inputs_2), Dense(4)(inputs_3), inputs_4])
out = Dense(2)(x)
model = Model(inputs=[inputs_1, inputs_2, inputs_3, inputs_4], outputs=out)
model.compile(optimizer="adam", loss="mse")
model.fit(X_train_dict, Y_train, epochs=1, batch_size=30)
