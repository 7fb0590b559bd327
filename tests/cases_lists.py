"""Program cases for a Python list of arrays given as x to a model of one input (images
appended in a loop, never stacked). Same form as `PROGRAM_CASES` (which includes these): (name,
body after PROGRAM_HEAD, Keras 3 raises, Keras 2 raises, code); the oracle holds every row to
real Keras (keras 3.15.1, tf_keras 2.21)."""

_IMAGES = "images = []\nfor i in range(40):\n    images.append(np.random.rand(8, 8, 3))\n"
_CONV = (
    "model = keras.Sequential([keras.Input(shape=(8, 8, 3)), L.Conv2D(4, 3), L.Flatten(), L.Dense(5)])\n"
    "model.compile('adam', 'mse')\n"
)
_FUNCTIONAL = (
    "a = keras.Input(shape=(8, 3))\nmodel = keras.Model(a, L.Dense(5)(L.Flatten()(a)))\n"
    "model.compile('adam', 'mse')\n"
)

_TARGETS = "targets = []\nfor i in range(40):\n    targets.append(list(np.random.rand(5)))\n"

LIST_CASES: list[tuple[str, str, bool, bool, str | None]] = [
    (
        "list_of_images_counts_each_image_as_an_input",
        _IMAGES + _CONV + "model.fit(images, np.random.rand(40, 5), batch_size=8, verbose=0)\n",
        True,
        True,
        "SS201",
    ),
    (
        "list_of_images_stacked_works",
        _IMAGES + _CONV + "model.fit(np.array(images), np.random.rand(40, 5), verbose=0)\n",
        False,
        False,
        None,
    ),
    (
        "list_of_images_evaluate_counts_each_image",
        _IMAGES + _CONV + "model.evaluate(images, np.random.rand(40, 5), verbose=0)\n",
        True,
        True,
        "SS201",
    ),
    (
        "list_of_two_sequences_functional",
        _FUNCTIONAL + "xs = [np.zeros((8, 3)), np.zeros((8, 3))]\n"
        "model.fit(xs, np.zeros((2, 5)), verbose=0)\n",
        True,
        True,
        "SS201",
    ),
    (
        "list_of_three_vectors_sequential",
        "model = keras.Sequential([keras.Input(shape=(4,)), L.Dense(5)])\nmodel.compile('adam', 'mse')\n"
        "model.fit([np.zeros(4), np.zeros(4), np.zeros(4)], np.zeros((3, 5)), verbose=0)\n",
        True,
        True,
        "SS201",
    ),
    (
        "list_of_one_image_batch_is_that_array",
        _CONV + "model.fit([np.random.rand(40, 8, 8, 3)], np.random.rand(40, 5), verbose=0)\n",
        False,
        False,
        None,
    ),
    # labels as lists of numpy floats: Keras 3 IndexError, Keras 2 no data adapter (SS206)
    (
        "labels_as_lists_of_numpy_floats_with_a_list_of_images",
        _IMAGES + _TARGETS + _CONV + "model.fit(images, targets, batch_size=8, verbose=0)\n",
        True,
        True,
        "SS206",
    ),
    (
        "labels_as_lists_of_numpy_floats_with_an_array",
        _TARGETS + _CONV + "model.evaluate(np.random.rand(40, 8, 8, 3), targets, verbose=0)\n",
        True,
        True,
        "SS206",
    ),
    (
        "labels_as_lists_of_numpy_floats_stacked_works",
        _IMAGES
        + _TARGETS
        + _CONV
        + "model.fit(np.array(images), np.array(targets), batch_size=8, verbose=0)\n",
        False,
        False,
        None,
    ),
]
