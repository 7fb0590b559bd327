"""Why a call was not fully checked: each reason names its cause in the user's code."""

from __future__ import annotations

import textwrap

import pytest
from shapesense import analyze
from shapesense.findings import CallInfo


def calls(*parts: str) -> list[CallInfo]:
    return analyze("".join(textwrap.dedent(part) for part in parts)).calls


def only(*parts: str) -> CallInfo:
    found = calls(*parts)
    assert len(found) == 1, found
    return found[0]


MODEL = """
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(8, input_shape=(4,)), keras.layers.Dense(1)])
model.compile(loss="mse")
"""


def test_a_fully_checked_call_has_no_reason() -> None:
    call = only(MODEL + "import numpy as np\nmodel.fit(np.zeros((10, 4)), np.zeros((10, 1)))\n")
    assert call.status == "checked"
    assert call.reasons == ()


def test_data_read_from_a_file_through_pandas_sklearn_and_a_split() -> None:
    call = only(
        """
        import pandas as pd
        from sklearn.preprocessing import StandardScaler
        from sklearn.model_selection import train_test_split
        df = pd.read_csv("data.csv")
        X = df.drop("y", axis=1).values
        y = df["y"].values
        X = StandardScaler().fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, y)
        """,
        MODEL,
        "model.fit(X_train, y_train)\n",
    )
    assert call.status == "unchecked"
    (reason,) = call.reasons
    assert reason.code == "data-from-file"
    assert reason.key == "pandas.read_csv"
    assert reason.message == (
        'x `X_train` comes from `pd.read_csv("data.csv")`: its shape depends on the file'
    )
    assert reason.span is not None and reason.span.line == 4  # where read_csv is


def test_a_subclassed_model_whose_call_cannot_be_followed() -> None:
    call = only(
        """
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        class Net(keras.Model):
            def call(self, x):
                return tf.gather(x, [0, 1], axis=1)
        net = Net()
        net.compile(loss="mse")
        net.fit(np.zeros((4, 3)), np.zeros((4, 1)))
        """
    )
    assert call.status == "unchecked"
    assert call.name == "net.fit"
    assert call.reasons[0].code == "subclassed-model"
    assert call.reasons[0].message == (
        "model `net` is an instance of class `Net`, a subclassed model whose `call` could not"
        " be followed (line 7: `tf.gather(x, [0, 1], axis=1)`)"
    )
    assert call.reasons[0].span is not None and call.reasons[0].span.line == 4  # class Net


def test_a_subclassed_model_run_on_unknown_data_names_both() -> None:
    call = only(
        """
        import pandas as pd
        from tensorflow import keras
        class Net(keras.Model):
            def __init__(self):
                super().__init__()
                self.out = keras.layers.Dense(1)
            def call(self, x):
                return self.out(x)
        net = Net()
        net.compile(loss="mse")
        net.predict(pd.read_csv("data.csv").values)
        """
    )
    assert call.status == "unchecked"
    assert [r.code for r in call.reasons] == ["subclassed-model", "data-from-file"]


def test_a_subclassed_model_with_its_own_train_step_is_recorded() -> None:
    call = only(
        """
        import numpy as np
        from tensorflow import keras
        class Net(keras.Model):
            def call(self, x):
                return x
            def train_step(self, data):
                return {}
        net = Net()
        net.fit(np.zeros((4, 3)), np.zeros((4, 1)))
        """
    )
    assert call.status == "unchecked"
    assert call.reasons[0].code == "subclassed-model"


def test_a_scaler_fit_is_not_a_keras_call() -> None:
    assert calls(
        """
        from sklearn.preprocessing import StandardScaler
        import numpy as np
        StandardScaler().fit(np.zeros((4, 3)))
        scaler = StandardScaler()
        scaler.fit(np.zeros((4, 3)))
        """
    ) == []


def test_labels_from_to_categorical_without_num_classes() -> None:
    call = only(
        MODEL.replace("Dense(1)", "Dense(3)")
        + """
import numpy as np
from tensorflow.keras.utils import to_categorical
y = to_categorical(np.zeros(10))
model.fit(np.zeros((10, 4)), y)
"""
    )
    assert call.status == "partial"
    assert [r.code for r in call.reasons] == ["labels-from-data"]


def test_a_custom_layer_makes_the_model_unknown() -> None:
    call = only(
        """
        import numpy as np
        from tensorflow import keras
        class Block(keras.layers.Layer):
            def call(self, x):
                return keras.ops.take(x, [0, 1], axis=1)
        inputs = keras.Input(shape=(4,))
        outputs = keras.layers.Dense(1)(Block()(inputs))
        model = keras.Model(inputs, outputs)
        model.compile(loss="mse")
        model.fit(np.zeros((4, 4)), np.zeros((4, 1)))
        """
    )
    assert call.status == "unchecked"
    assert call.reasons[0].code == "custom-layer"
    assert "class `Block`" in call.reasons[0].message
    assert "(line 6: `keras.ops.take(x, [0, 1], axis=1)`)" in call.reasons[0].message


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("gen = keras.preprocessing.image.ImageDataGenerator().flow(x)", "data-generator"),
        ("gen = tf.data.Dataset.from_tensor_slices((x, y)).map(f).batch(4)", "dataset-transform"),
    ],
)
def test_generators_and_pipelines(data: str, code: str) -> None:
    call = only(
        MODEL
        + "import numpy as np\nimport tensorflow as tf\nx = np.zeros((8, 4))\ny = np.zeros((8, 1))\n"
        + data
        + "\nmodel.fit(gen)\n"
    )
    assert call.status == "unchecked"
    assert call.reasons[0].code == code


def test_a_model_built_in_a_branch() -> None:
    call = only(
        MODEL
        + """
import numpy as np
import sys
if len(sys.argv) > 1:
    model.add(keras.layers.Dense(2))
model.predict(np.zeros((2, 4)))
"""
    )
    assert call.reasons[0].code == "model-changed-on-some-paths"


def test_a_parameter_no_caller_fills() -> None:
    call = only(
        MODEL
        + """
def train(data):
    model.predict(data)
"""
    )
    assert call.reasons[0].code == "function-parameter"
    assert "parameter `data` of `train`" in call.reasons[0].message


def test_an_unknown_output_layer_leaves_the_labels_unchecked() -> None:
    call = only(
        """
        import numpy as np
        from tensorflow import keras
        model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Lambda(lambda t: keras.ops.sort(t) * 2)])
        model.compile(loss="mse")
        model.fit(np.zeros((4, 4)), np.zeros((4, 4)))
        """
    )
    assert call.status == "partial"
    assert call.reasons[0].code == "unknown-layer-output"
    assert "Lambda" in call.reasons[0].message


def test_an_error_is_a_check() -> None:
    call = only(MODEL + "import numpy as np\nmodel.fit(np.zeros((10, 5)), np.zeros((10, 1)))\n")
    assert call.status == "checked"
