"""The data routes of real code: pandas frames (from workspace CSVs read as data), sklearn
scalers and encoders, and what reshape guarantees. Each route is checked on the shape it gives
(as hover shows it) and, where it matters, on the error or the silence at `fit`."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapesense import Options, analyze
from shapesense.findings import Analysis
from shapesense.keras.versions import KERAS_3, KerasVersion
from shapesense.resolve import ProjectResolver

from .helpers import errors, shape_of

IRIS = "sepal_length,sepal_width,petal_length,petal_width,species\n" + "".join(
    f"{i % 7}.1,3.{i % 5},1.{i % 3},0.2,{['setosa', 'versicolor', 'virginica'][i % 3]}\n"
    for i in range(150)
)
HEAD = "import numpy as np\nimport pandas as pd\n"
MODEL = """
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(8, input_shape=({width},)), keras.layers.Dense(1)])
model.compile("adam", "mse")
model.fit({x}, {y})
"""


def check(tmp_path: Path, source: str, files: dict[str, str] | None = None) -> Analysis:
    for name, text in (files if files is not None else {"iris.csv": IRIS}).items():
        (tmp_path / name).write_text(text)
    main = tmp_path / "main.py"
    main.write_text(source)
    return analyze(source, Options(KERAS_3, ProjectResolver(str(main), str(tmp_path))))


def shapes(analysis: Analysis) -> dict[str, str]:
    return {s.name: s.description for s in analysis.symbols}


def error_lines(analysis: Analysis) -> list[int]:
    return [f.span.line for f in analysis.findings if f.severity == "error"]


# --- pandas -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ('pd.read_csv("iris.csv")', "DataFrame(150, 5)"),
        ('pd.read_csv("iris.csv").drop("species", axis=1)', "DataFrame(150, 4)"),
        ('pd.read_csv("iris.csv").drop(columns=["species", "sepal_width"])', "DataFrame(150, 3)"),
        ('pd.read_csv("iris.csv").drop(["species"], axis=1).values', "array(150, 4)"),
        ('pd.read_csv("iris.csv")[["sepal_length", "petal_width"]]', "DataFrame(150, 2)"),
        ('pd.read_csv("iris.csv")["species"]', "Series(150,)"),
        ('pd.read_csv("iris.csv")["species"].values', "array(150,)"),
        ('pd.read_csv("iris.csv").iloc[:, 0:4]', "DataFrame(150, 4)"),
        ('pd.read_csv("iris.csv").iloc[:, :-1].to_numpy()', "array(150, 4)"),
        ('pd.read_csv("iris.csv").iloc[:100, [0, 2]]', "DataFrame(100, 2)"),
        ('pd.read_csv("iris.csv").iloc[:, -1]', "Series(150,)"),
        ('pd.read_csv("iris.csv").loc[:, "sepal_width":"petal_width"]', "DataFrame(150, 3)"),
        ('pd.read_csv("iris.csv").loc[:, ["sepal_length", "species"]]', "DataFrame(150, 2)"),
        ('pd.read_csv("iris.csv").dropna()', "DataFrame(None, 5)"),
        ('pd.read_csv("iris.csv").head(10)', "DataFrame(10, 5)"),
        ('pd.read_csv("iris.csv").reset_index()', "DataFrame(150, 6)"),
        ('pd.read_csv("iris.csv").reset_index(drop=True)', "DataFrame(150, 5)"),
        ('pd.read_csv("iris.csv").shift(1).fillna(0)', "DataFrame(150, 5)"),
        # one column per distinct value, read from the small CSV (pandas 2, measured)
        ('pd.get_dummies(pd.read_csv("iris.csv"), columns=["species"])', "DataFrame(150, 7)"),
        ('pd.get_dummies(pd.read_csv("iris.csv"))', "DataFrame(150, 7)"),
        ('pd.get_dummies(pd.read_csv("iris.csv"), drop_first=True)', "DataFrame(150, 6)"),
        ('pd.get_dummies(pd.read_csv("iris.csv")[["species"]])', "DataFrame(150, 3)"),
        # floats (1.0 and 1 are one value), some of the rows, or changed values: unknown
        (
            'pd.get_dummies(pd.read_csv("iris.csv"), columns=["petal_length"])',
            "DataFrame(150, None)",
        ),
        ('pd.get_dummies(pd.read_csv("iris.csv").head(10))', "DataFrame(10, None)"),
        ('pd.get_dummies(pd.read_csv("iris.csv").shift(1))', "DataFrame(150, None)"),
        ('pd.get_dummies(pd.read_csv("iris.csv"), dummy_na=True)', "DataFrame(150, None)"),
        ('pd.read_csv("iris.csv", index_col=0)', "DataFrame(150, 4)"),
        ('pd.read_csv("iris.csv", usecols=["sepal_length", "species"])', "DataFrame(150, 2)"),
        (
            'pd.read_csv("iris.csv")[pd.read_csv("iris.csv")["sepal_width"] > 3]',
            "DataFrame(None, 5)",
        ),
        ("pd.DataFrame(np.zeros((20, 3)))", "DataFrame(20, 3)"),
        (
            'pd.DataFrame(np.zeros((20, 2)), columns=["a", "b"]).drop("a", axis=1)',
            "DataFrame(20, 1)",
        ),
        ('pd.DataFrame({"a": np.zeros(8), "b": [1, 2, 3, 4, 5, 6, 7, 8]})', "DataFrame(8, 2)"),
        (
            "pd.concat([pd.DataFrame(np.zeros((20, 3))), pd.DataFrame(np.ones((20, 2)))], axis=1)",
            "DataFrame(20, 5)",
        ),
        (
            "pd.concat([pd.DataFrame(np.zeros((20, 3))), pd.DataFrame(np.ones((5, 3)))])",
            "DataFrame(25, 3)",
        ),
        ('pd.read_csv("iris.csv").sample(frac=0.8, random_state=0)', "DataFrame(None, 5)"),
        ('pd.read_csv("iris.csv").sample(frac=1)', "DataFrame(150, 5)"),
        ('pd.read_csv("iris.csv").shape[1]', None),
    ],
)
def test_pandas_routes(tmp_path: Path, expression: str, shape: str | None) -> None:
    found = shapes(check(tmp_path, f"{HEAD}r = {expression}\n")).get("r")
    assert found == shape


def test_width_from_the_header_meets_the_model(tmp_path: Path) -> None:
    source = HEAD + 'df = pd.read_csv("iris.csv")\nX = df.drop("species", axis=1)\n'
    source += 'y = df["sepal_length"].values\n'
    assert error_lines(check(tmp_path, source + MODEL.format(width=3, x="X", y="y"))) == [9]
    assert error_lines(check(tmp_path, source + MODEL.format(width=4, x="X", y="y"))) == []
    # the label column left in the features: 5 columns into a model for 4
    whole = source + MODEL.format(width=4, x="df.values", y="y")
    (error,) = [f for f in check(tmp_path, whole).findings if f.severity == "error"]
    assert "should be 4, got 5" in error.message and "file header" in error.message


def test_header_names_and_row_count_follow_pandas(tmp_path: Path) -> None:
    files = {"t.csv": "a,a,\n1,2,3\n\n4,5,6\n"}  # a repeated name, an empty one, a blank line
    analysis = check(
        tmp_path, HEAD + 'r = pd.read_csv("t.csv")[["a", "a.1", "Unnamed: 2"]]\n', files
    )
    assert shapes(analysis)["r"] == "DataFrame(2, 3)"
    quoted = {"t.csv": 'a,b\n"x, y",1\n'}  # quotes (a field may hold a line break): not counted
    assert shapes(check(tmp_path, HEAD + 'r = pd.read_csv("t.csv")\n', quoted))["r"] == (
        "DataFrame(None, 2)"
    )
    semicolons = {"t.csv": "a;b;c\n1;2;3\n"}
    source = HEAD + 'r = pd.read_csv("t.csv", sep=";")\n'
    assert shapes(check(tmp_path, source, semicolons))["r"] == "DataFrame(1, 3)"
    numbers = {"t.csv": "0.1,0.2,1\n0.3,0.4,0\n"}
    source = HEAD + 'r = pd.read_csv("t.csv", header=None).iloc[:, 0:2]\n'
    assert shapes(check(tmp_path, source, numbers))["r"] == "DataFrame(2, 2)"


@pytest.mark.parametrize(
    "source",
    [
        'df = pd.read_csv("missing.csv")',  # no such file
        "df = pd.read_csv(path)",  # a path chosen at run time
        'df = pd.read_csv("iris.csv", skiprows=3)',  # an option not modelled
        'df = pd.read_csv("iris.csv")\ndf = df[columns_chosen_at_run_time]',
        'df = pd.read_csv("iris.csv")\ndf = df.drop("no_such_column", axis=1)',  # KeyError
        'df = pd.read_csv("iris.csv")\ndf.drop("species", axis=1, inplace=flag)',
        'df = pd.read_csv("iris.csv")\ndf[columns_chosen_at_run_time] = 0',
        'df = pd.read_csv(path)\ndf["ratio"] = 1',  # its columns not known: added or replaced?
        'df = pd.read_csv("iris.csv")\ndf["w"] = np.zeros(10)',  # ValueError: 10 rows, not 150
        'df = pd.read_csv("iris.csv")\ndel df["species"]',
        'df = pd.read_csv("iris.csv")\ndf.pop("no_such_column")',  # KeyError
        'df = pd.read_csv("iris.csv")\ndf.pop(flag)',
    ],
)
def test_unknown_frames_stay_silent(tmp_path: Path, source: str) -> None:
    program = HEAD + "path = input()\nflag = input()\n" + source + "\nr = df\n"
    analysis = check(tmp_path, program + MODEL.format(width=2, x="df", y="df"))
    assert error_lines(analysis) == []
    assert "r" not in shapes(analysis)


def test_a_column_assigned_is_added_or_replaced(tmp_path: Path) -> None:
    """`df["c"] = ...` as pandas 2.3 does it (measured): a new name adds a column at the end,
    a name it has replaces that column's values, for every name that holds the frame."""
    program = HEAD + 'df = pd.read_csv("iris.csv")\nalias = df\n'
    program += 'df["ratio"] = df["sepal_length"] / df["sepal_width"]\nr = alias\n'
    program += 'df[["a", "sepal_width"]] = np.zeros((150, 2))\ns = df\n'
    program += 'df["species"] = 1\nt = df\n'
    found = shapes(check(tmp_path, program))
    assert (found["r"], found["s"], found["t"]) == (
        "DataFrame(150, 6)",
        "DataFrame(150, 7)",
        "DataFrame(150, 7)",
    )
    model = MODEL.format(width=6, x="df.drop(columns=['species'])", y="df['species']")
    assert error_lines(check(tmp_path, program + model)) == []
    model = MODEL.format(width=5, x="df.drop(columns=['species'])", y="df['species']")
    assert error_lines(check(tmp_path, program + model)) == [14]  # fit


def test_a_column_assigned_to_a_frame_of_unknown_columns_says_why(tmp_path: Path) -> None:
    # names read at run time: is "ratio" one of them (replaced) or not (added)?
    program = HEAD + "df = pd.DataFrame(np.zeros((20, 3)), columns=input().split())\n"
    program += 'df["ratio"] = 1\n'
    analysis = check(tmp_path, program + MODEL.format(width=4, x="df", y="np.zeros(20)"))
    (reason,) = [r for call in analysis.calls for r in call.reasons]
    assert (
        reason.message
        == 'x `df` comes from `df["ratio"] = ...`: ShapeSense does not model this call'
    )


def test_pop_takes_the_column_from_that_frame_only(tmp_path: Path) -> None:
    """The TensorFlow regression tutorial's `train_labels = train_features.pop("MPG")` on a
    copy: the copy loses the column, the frame it was copied from keeps it."""
    program = HEAD + 'df = pd.read_csv("iris.csv")\nfeatures = df.copy()\n'
    program += 'labels = features.pop("species")\nr = features\ns = df\n'
    program += "t = pd.DataFrame(np.zeros((20, 3))).pop(0)\n"
    found = shapes(check(tmp_path, program))
    assert (found["r"], found["s"], found["labels"]) == (
        "DataFrame(150, 4)",
        "DataFrame(150, 5)",
        "Series(150,)",
    )
    assert found["t"] == "Series(20,)"
    model = MODEL.format(width=4, x="features", y="labels")
    assert error_lines(check(tmp_path, program + model)) == []
    model = MODEL.format(width=5, x="features", y="labels")
    assert error_lines(check(tmp_path, program + model)) == [12]  # fit


SERIES_ROW = """
from tensorflow import keras
df = pd.DataFrame(np.random.rand(50, 5), columns=list("abcde"))
norm = keras.layers.Normalization(axis=-1)
norm.adapt(np.array(df))
model = keras.Sequential([keras.Input(shape=(5,)), {first}, keras.layers.Dense(1)])
model.compile("adam", "mae")
model.predict({row})
"""


@pytest.mark.parametrize("keras", [3, 2])
def test_a_series_is_fed_as_one_column(keras: int) -> None:
    """Keras's data adapters take a Series of n values as n samples of one value, (n, 1)
    (measured, Keras 3.15 and 2.21: tests/corpus/programs/models_preprocessing/
    normalization_adapt_predict_series_row.py): a row `df.iloc[0]` runs through a
    Normalization adapted to 5 features (broadcasting), where a Dense of 5 inputs refuses it."""
    source = HEAD + SERIES_ROW
    assert errors(source.format(first="norm", row="df.iloc[0]"), keras) == []
    found = errors(source.format(first="keras.layers.Dense(4)", row="df.iloc[0]"), keras)
    assert [f.code for f in found] == ["SS102"] and "(5, 1)" in found[0].message
    # the same row as a numpy array: Keras 3 refuses one sample without its batch axis; Keras
    # 2 takes it as 5 samples of one value, (None,), which the Normalization broadcasts to one
    # sample (1, 5) and a Dense refuses (measured, tf_keras 2.21)
    found = errors(source.format(first="norm", row="np.array(df)[0]"), keras)
    assert [f.code for f in found] == (["SS107"] if keras == 3 else [])
    found = errors(source.format(first="keras.layers.Dense(4)", row="np.array(df)[0]"), keras)
    assert [f.code for f in found] == ["SS107"]


def test_inplace_true_changes_the_frame(tmp_path: Path) -> None:
    program = HEAD + 'df = pd.read_csv("iris.csv")\nother = [df]\n'
    program += 'done = df.drop(columns=["species"], inplace=True)\ndf.dropna(inplace=True)\n'
    program += "r = df\ns = other[0]\n"
    found = shapes(check(tmp_path, program))
    assert found["r"] == "DataFrame(None, 4)"
    assert "s" not in found  # the list holding it: unknown, not the old frame


def test_the_csv_is_recorded_as_read(tmp_path: Path) -> None:
    analysis = check(tmp_path, HEAD + 'df = pd.read_csv("iris.csv")\n')
    assert analysis.files_read == frozenset({str(tmp_path / "iris.csv")})


def test_nothing_is_read_beyond_the_cap(tmp_path: Path) -> None:
    big = "a,b\n" + "1,2\n" * 600_000  # 2.4 MB: columns from the head, rows not counted
    analysis = check(tmp_path, HEAD + 'r = pd.read_csv("big.csv")\n', {"big.csv": big})
    assert shapes(analysis)["r"] == "DataFrame(None, 2)"


# --- sklearn ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("StandardScaler().fit_transform(np.zeros((30, 4)))", "array(30, 4), float64"),
        (
            "MinMaxScaler().fit(np.zeros((30, 4))).transform(np.zeros((5, 4)))",
            "array(5, 4), float64",
        ),
        ("RobustScaler().fit_transform(pd.DataFrame(np.zeros((30, 4))))", "array(30, 4), float64"),
        ("LabelEncoder().fit_transform(pd.Series(np.zeros(30)))", "array(30,), int64"),
        (
            "OneHotEncoder(categories=[['a', 'b', 'c']], sparse_output=False)"
            ".fit_transform(np.zeros((30, 1)))",
            "array(30, 3), float64",
        ),
        ("OneHotEncoder().fit_transform(np.zeros((30, 1))).toarray()", "array(30, None), float64"),
        (
            "OneHotEncoder(sparse_output=False).fit_transform(np.zeros((30, 1)))",
            "array(30, None), float64",
        ),
        ("LabelBinarizer().fit_transform(np.zeros(30))", "array(30, None), int64"),
        # one column per distinct value of a small CSV's text column (scikit-learn 1.7, measured)
        (
            'OneHotEncoder(sparse_output=False).fit_transform(pd.read_csv("iris.csv")[["species"]])',
            "array(150, 3), float64",
        ),
        (
            'OneHotEncoder().fit_transform(pd.read_csv("iris.csv")[["species"]]).toarray()',
            "array(150, 3), float64",
        ),
        (  # petal_length's values are floats: not counted
            "OneHotEncoder(sparse_output=False)"
            '.fit_transform(pd.read_csv("iris.csv")[["species", "petal_length"]])',
            "array(150, None), float64",
        ),
        (  # min_frequency merges rare values: not counted
            "OneHotEncoder(sparse_output=False, min_frequency=60)"
            '.fit_transform(pd.read_csv("iris.csv")[["species"]])',
            "array(150, None), float64",
        ),
        (  # some of the rows: some of the values
            "OneHotEncoder(sparse_output=False)"
            '.fit_transform(train_test_split(pd.read_csv("iris.csv")[["species"]])[0])',
            "array(112, None), float64",
        ),
        (
            "train_test_split(pd.DataFrame(np.zeros((40, 3))), test_size=0.25)[0]",
            "DataFrame(30, 3)",
        ),
    ],
)
def test_sklearn_routes(tmp_path: Path, expression: str, shape: str) -> None:
    source = HEAD + (
        "from sklearn.preprocessing import StandardScaler, MinMaxScaler, RobustScaler\n"
        "from sklearn.preprocessing import LabelEncoder, OneHotEncoder, LabelBinarizer\n"
        "from sklearn.model_selection import train_test_split\n"
        f"r = {expression}\n"
    )
    assert shapes(check(tmp_path, source)).get("r") == shape


def test_label_encoder_labels_against_a_softmax(tmp_path: Path) -> None:
    """Integer labels from LabelEncoder with categorical_crossentropy and a 3-unit output."""
    source = (
        HEAD
        + """from sklearn.preprocessing import LabelEncoder
from tensorflow import keras
df = pd.read_csv("iris.csv")
X = df.drop("species", axis=1).values
y = LabelEncoder().fit_transform(df["species"])
model = keras.Sequential([keras.layers.Dense(3, activation="softmax", input_shape=(4,))])
model.compile("adam", "categorical_crossentropy")
model.fit(X, y)
"""
    )
    assert error_lines(check(tmp_path, source)) == [9]
    fixed = source.replace('"categorical_crossentropy"', '"sparse_categorical_crossentropy"')
    assert error_lines(check(tmp_path, fixed)) == []


# --- what reshape guarantees ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("x.reshape(-1, 28, 28, 1)", "(None, 28, 28, 1)"),
        ("x.reshape((-1, 28, 28))", "(None, 28, 28)"),
        ("np.reshape(x, (10, 20))", "(10, 20)"),
        ("np.reshape(x, newshape=(10, -1))", "(10, None)"),
        ("np.zeros((n, 784)).reshape(-1, 28, 28, 1)", "(None, 28, 28, 1)"),
        ("np.zeros((n, 784)).reshape(n, 28, 28)", "(None, 28, 28)"),  # n: a size not known
        ("x.reshape(len(x), 1, 3)", "(None, 1, 3)"),
        ("x.reshape(-1, -1)", None),  # numpy raises: one unknown dimension only
    ],
)
def test_reshape_guarantees_its_axes(expression: str, shape: str | None) -> None:
    source = f"import numpy as np\nx = load()\nn = len(load())\nr = {expression}\n"
    assert shape_of(source, "r") == shape


def test_guaranteed_shape_meets_the_model() -> None:
    source = """import numpy as np
from tensorflow import keras
x = load_images().reshape(-1, 28, 28)
model = keras.Sequential([keras.layers.Dense(4, input_shape=(784,))])
model.compile("adam", "mse")
model.predict(x)
"""
    (error,) = errors(source)
    assert error.span.line == 5 and "(None, 28, 28)" in error.message
    assert errors(source.replace("(-1, 28, 28)", "(-1, 784)")) == []


# --- ImageDataGenerator and image folders ---------------------------------------------------

FLOWS = """import numpy as np
import pandas as pd
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow import keras
datagen = ImageDataGenerator(rescale=1.0 / 255, horizontal_flip=True)
flow = {flow}
model = keras.Sequential([
    keras.layers.Conv2D(4, 3, input_shape=(32, 32, 3)),
    keras.layers.Flatten(),
    keras.layers.Dense({units}, activation="softmax"),
])
model.compile("adam", "{loss}")
model.fit(flow, epochs=1)
"""


def flow_errors(
    tmp_path: Path, flow: str, units: int, loss: str = "categorical_crossentropy", keras: int = 3
) -> list[str]:
    for name in ("cats", "dogs", "birds", "fish"):
        (tmp_path / "train" / name).mkdir(parents=True, exist_ok=True)
    source = FLOWS.format(flow=flow, units=units, loss=loss)
    main = tmp_path / "main.py"
    main.write_text(source)
    options = Options(KerasVersion(keras), ProjectResolver(str(main), str(tmp_path)))
    return [f.message for f in analyze(source, options).findings if f.severity == "error"]


@pytest.mark.parametrize("keras", [2, 3])
def test_flow_from_directory_counts_the_class_folders(tmp_path: Path, keras: int) -> None:
    flow = 'datagen.flow_from_directory("train", target_size=(32, 32), batch_size=8)'
    (error,) = flow_errors(tmp_path, flow, 3, keras=keras)
    assert "4" in error and "3" in error
    assert flow_errors(tmp_path, flow, 4, keras=keras) == []
    missing = flow.replace('"train"', '"no_such_folder"')  # not there: the width is unknown
    assert flow_errors(tmp_path, missing, 3, keras=keras) == []


def test_flow_from_directory_sizes_and_modes(tmp_path: Path) -> None:
    grayscale = 'datagen.flow_from_directory("train", target_size=(32, 32), color_mode="grayscale")'
    (error,) = flow_errors(tmp_path, grayscale, 4)
    assert "(None, 32, 32, 1)" in error
    default_size = 'datagen.flow_from_directory("train")'  # 256 x 256
    (error,) = flow_errors(tmp_path, default_size, 4)
    assert "256" in error
    binary = 'datagen.flow_from_directory("train", target_size=(32, 32), class_mode="binary")'
    assert len(flow_errors(tmp_path, binary, 2)) == 1  # labels (None,) for a 2-unit softmax
    assert flow_errors(tmp_path, binary, 2, loss="sparse_categorical_crossentropy") == []


def test_flow_of_arrays_and_the_plain_keras_spelling(tmp_path: Path) -> None:
    arrays = "datagen.flow(np.zeros((64, 32, 32, 3)), keras.utils.to_categorical(np.zeros(64), 10))"
    (error,) = flow_errors(tmp_path, arrays, 5)
    assert "10" in error
    rank3 = "datagen.flow(np.zeros((64, 32, 32)), np.zeros((64, 10)))"  # flow itself raises
    (error,) = flow_errors(tmp_path, rank3, 5)
    assert "rank 4" in error and "(64, 32, 32)" in error
    plain = FLOWS.replace("tensorflow.keras.preprocessing", "keras.preprocessing")
    source = plain.format(flow='datagen.flow_from_directory("train")', units=4, loss="mse")
    two = analyze(source, Options(KerasVersion(2)))
    three = analyze(source, Options(KerasVersion(3)))
    assert [f for f in two.findings if f.severity == "error"]  # 256 x 256 into 32 x 32
    assert [f for f in three.findings if f.severity == "error"] == []  # Keras 3: ImportError


@pytest.mark.parametrize("keras", [2, 3])
def test_flow_of_grayscale_images_is_fixed_with_a_channel_axis(keras: int) -> None:
    source = FLOWS.format(
        flow="datagen.flow(np.zeros((64, 32, 32)), np.zeros((64, 10)))", units=10, loss="mse"
    ).replace("(32, 32, 3)", "(32, 32, 1)")
    (finding,) = [f for f in analyze(source, Options(KerasVersion(keras))).findings]
    assert (finding.code, finding.span.line + 1) == ("SS101", 6)
    (fix,) = finding.fixes
    assert "np.expand_dims(np.zeros((64, 32, 32)), -1)" in fix.edits[0].new_text


def test_flow_from_dataframe_raw_labels_are_the_column(tmp_path: Path) -> None:
    (tmp_path / "labels.csv").write_text("filename,label\na.png,0\n")
    base = (
        'datagen.flow_from_dataframe(pd.read_csv("labels.csv"), directory="images",'
        ' x_col="filename", y_col={y_col}, target_size=(32, 32), class_mode="raw")'
    )
    one = base.format(y_col='"label"')
    (error,) = flow_errors(tmp_path, one, 3)
    assert "(None,)" in error  # raw integer labels against a 3-unit categorical output
    assert flow_errors(tmp_path, one, 3, loss="sparse_categorical_crossentropy") == []
    two = base.format(y_col='["a", "b"]')
    (error,) = flow_errors(tmp_path, two, 3, loss="mse")
    assert "(None, 2)" in error


def test_image_dataset_categorical_counts_the_class_folders(tmp_path: Path) -> None:
    flow = (
        'keras.utils.image_dataset_from_directory("train", image_size=(32, 32), '
        'label_mode="categorical")'
    )
    (error,) = flow_errors(tmp_path, flow, 3)
    assert "4" in error
    assert flow_errors(tmp_path, flow, 4) == []


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("tf.one_hot(y, 5)", "(40, 5)"),
        ("tf.one_hot(y, depth=3)", "(40, 3)"),
        ("keras.ops.one_hot(y, 7)", "(40, 7)"),
        ("tf.one_hot(y, 5, axis=0)", None),  # not the last axis: not modelled
        ("tf.one_hot(y, n)", None),
    ],
)
def test_one_hot_labels(expression: str, shape: str | None) -> None:
    source = (
        "import numpy as np\nimport tensorflow as tf\nimport keras\nn = input()\n"
        f"y = np.random.randint(0, 5, 40)\nr = {expression}\n"
    )
    assert shape_of(source, "r") == shape


UNBATCHED = """import numpy as np
import tensorflow as tf
x = np.random.rand(100, {shape})
y = np.random.randint(0, 2, 100)
ds = tf.data.Dataset.from_tensor_slices((x, y))
{batching}
model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(32,))])
model.compile("adam", "mse")
model.fit({fit})
"""


@pytest.mark.parametrize(
    ("shape", "batching", "fit", "lines"),
    [
        ("32", "ds.batch(10)  # result dropped", "ds", [8]),  # each (32,) row is a batch
        ("32", "ds = ds.batch(10)", "ds", []),
        # (5, 32) elements are batches of 5 rows: Keras 3 runs; Keras 2 fails on the scalar
        # label each element carries, which is not checked (silence, never a guess)
        ("5, 32", "", "ds", []),
        ("32", "val = ds\nds = ds.batch(10)", "ds, validation_data=val", [9]),
        ("32", "val = ds.batch(4)\nds = ds.batch(10)", "ds, validation_data=val", []),
    ],
)
def test_an_unbatched_dataset_is_a_batch_per_element(
    shape: str, batching: str, fit: str, lines: list[int]
) -> None:
    source = UNBATCHED.format(shape=shape, batching=batching, fit=fit)
    assert [f.span.line for f in errors(source)] == lines
    assert all(not f.fixes for f in errors(source))  # no data fix is written for a dataset


def test_column_values_read_from_a_small_csv() -> None:
    """tables.py counts each column's distinct values only where pandas reads them as written:
    text and canonical integers (floats are known as floats, uncounted); a missing value, a
    bool or a date column is unknown."""
    from shapesense.tables import Levels, _levels

    rows = [
        "a,1,1.5,,True,2024-01-01,NA",
        "b,2,2.0,x,False,2024-01-02,y",
        "a,1,1.5,y,True,2024-01-01,z",
    ]
    text, ints, floats = Levels("text", 2), Levels("int", 2), Levels("float", None)
    assert _levels(rows, ",", 7) == (text, ints, floats, None, None, None, None)
    assert _levels(["a,1", "b"], ",", 2) == ()  # a short row: pandas fills it; not counted
    assert _levels(["a,1", "b" * 200_000 + ",2"], ",", 2) == ()  # over csv's field limit
    assert _levels(["01", "1"], ",", 1) == (Levels("float", None),)  # one number to pandas


def test_get_dummies_width_meets_the_model(tmp_path: Path) -> None:
    """tests/corpus/programs/tabular/churn_input_dim_counts_target.py in short: input_dim
    counts the columns before get_dummies expanded the text column."""
    source = HEAD + (
        'df = pd.read_csv("iris.csv")\n'
        "X = pd.get_dummies(df.drop('sepal_width', axis=1), columns=['species']).astype('float32')\n"
        "y = np.zeros(150)\n" + MODEL.format(width=4, x="X", y="y")
    )
    assert error_lines(check(tmp_path, source)) == [9]
    assert (
        error_lines(check(tmp_path, source.replace("input_shape=(4,)", "input_shape=(6,)"))) == []
    )
