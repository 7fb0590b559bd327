"""What a model lists, in Keras's order: `model.layers` (a functional model's layers in the
order Keras's map_graph gives), the rows of its summary and hover (`as_listed`), and the graph
Keras makes of a Sequential model (`model.input`, `model.layers[i].output`)."""

from __future__ import annotations

from ..keras.graph import LayerFailure, Run, Step
from ..keras.layers import Args
from ..keras.ops import OpRule
from ..session import Session
from ..values import UNKNOWN, Layer, Model, Node, Tensor, Value
from . import keras_ops
from .keras_layers import LayerCalls


def as_listed(session: Session, run: Run, placed: dict[int, int]) -> Run:
    """The steps of a model's graph as its rows: in Keras's order; Keras 3 lists no op; the
    layers and ops a user's layer applies in its `call` are that layer's one row."""
    # a step the graph walk did not place (a backbone called on a tensor is held as another
    # value than its graph node's) stays after the step it follows in the run
    keys, last = [], -1
    listed = run.listed()  # a model applied as a layer is one row
    for _, source in listed:
        last = placed.get(id(source), last)
        keys.append(last)
    steps = [listed[i][0] for i in sorted(range(len(keys)), key=keys.__getitem__)]  # stable
    owners = session.state(keras_ops.SymbolicScope).owners
    rows: list[Step] = []
    for step in steps:
        owner = owners.get(step.layer.uid)
        if owner is None:
            if session.version.major == 2 or not isinstance(step.layer.rule, OpRule):
                rows.append(step)
            continue
        class_name = owner.user_class.node.name if owner.user_class is not None else "Layer"
        row = Layer(class_name, None, Args((), [], {}), owner.span, owner.name)
        if rows and rows[-1].layer.name == owner.name and rows[-1].layer.span == owner.span:
            rows[-1] = Step(rows[-1].layer, rows[-1].input_shape, step.output_shape, None)
        else:
            rows.append(Step(row, step.input_shape, step.output_shape, None))
    copy = run.copy()
    copy.steps, copy.nested = rows, []
    return copy


def layers_of(session: Session, model: Model) -> list[Value] | None:
    """`model.layers` as Keras lists them: a Sequential's layers (its InputLayer left out); a
    functional model's layers in the order Keras's map_graph gives (deepest first; at equal
    depth, in the order a walk from the outputs meets them), its InputLayers among them
    (Keras 2 lists the TFOpLambda layers of tf ops, Keras 3 does not list ops). Else None:
    not known (a graph with a part not followed, or a user's layer's insides)."""
    if model.kind == "sequential":
        if model.declared_input is not None and not model.input_from_data:
            sequential_graph(session, model)  # so that `model.layers[i].output` is known
        return list(model.layers)
    if model.kind != "functional" or not model.outputs:
        return None
    ordered = graph_layers(
        [t.node for t in model.outputs], session.state(keras_ops.SymbolicScope).inside_call
    )
    if ordered is None or {id(t.node) for t in model.inputs} != {
        id(item) for item in ordered if isinstance(item, Node)
    }:
        return None
    return [
        UNKNOWN if isinstance(item, Node) else item  # an InputLayer: not modelled as a value
        for item in ordered
        if isinstance(item, Node)
        or session.version.major == 2
        or not isinstance(getattr(item, "rule", None), OpRule)
    ]


def graph_layers(
    outputs: list[Node | None], inside_call: set[int]
) -> list[Layer | Model | Node] | None:
    """Keras's map_graph (keras/src/ops/function.py; tf_keras functional.py) on this graph:
    the layers (an Input as its Node), deepest first, ties in the order of first meeting
    from the outputs. None when a node is not followed."""
    call_keys: dict[int, tuple[object, ...]] = {}

    def key(node: Node) -> tuple[object, ...]:
        """A Keras node is a layer's call: the outputs of one call (split) are one node."""
        found = call_keys.get(id(node))
        if found is None:
            parents = tuple(key(p) for p in node.parents)
            found = ("input", id(node)) if node.layer is None else (id(node.layer), parents)
            call_keys[id(node)] = found
        return found

    indices: dict[int, int] = {}  # layer (or Input node) -> order of first meeting
    owner: dict[int, Layer | Model | Node] = {}
    finished: dict[tuple[object, ...], Node] = {}
    order: list[Node] = []  # nodes, each after its parents

    def visit(node: Node) -> bool:
        if node.layer is None and not node.is_input:
            return False
        if node.layer is not None and node.layer.uid in inside_call:
            return False
        k = key(node)
        if k in finished:
            return True
        item: Layer | Model | Node = node if node.layer is None else node.layer
        indices.setdefault(id(item), len(indices))
        owner[id(item)] = item
        if not all(visit(parent) for parent in node.parents):
            return False
        finished[k] = node
        order.append(node)
        return True

    if any(o is None or not visit(o) for o in outputs):
        return None
    node_depth: dict[tuple[object, ...], int] = {}
    layer_depth: dict[int, int] = {}
    for node in reversed(order):
        k = key(node)
        item_id = id(node if node.layer is None else node.layer)
        depth = max(node_depth.setdefault(k, 0), layer_depth.get(item_id, 0))
        layer_depth[item_id] = depth
        node_depth[k] = depth
        for parent in node.parents:
            pk = key(parent)
            node_depth[pk] = max(depth + 1, node_depth.get(pk, 0))
    by_depth: dict[int, list[int]] = {}
    for item_id, depth in layer_depth.items():
        by_depth.setdefault(depth, []).append(item_id)
    result: list[Layer | Model | Node] = []
    for depth in sorted(by_depth, reverse=True):
        result += [owner[i] for i in sorted(by_depth[depth], key=lambda i: indices[i])]
    return result


def sequential_graph(session: Session, model: Model) -> tuple[Tensor, list[Tensor]] | None:
    """A Sequential model built on a declared input, as the graph Keras makes of it: its input
    tensor and each layer's output (`model.input`, `model.layers[-2].output`)."""
    if (
        model.declared_input is None
        or model.input_from_data
        or model.opaque
        or model.broken
        or not model.layers
        or not all(isinstance(layer, Layer) for layer in model.layers)
    ):
        return None
    calls = session.state(LayerCalls)
    known = calls.sequential_graphs.get(model.uid)
    if known is not None and known[0] == model.version:
        return known[1]
    run = model.built_run.fork() if model.built_run is not None else Run(session.version)
    source = Tensor(model.declared_input, Node(None, is_input=True))
    outputs: list[Tensor] = []
    current = source
    for layer in model.layers:
        try:
            shape = run.apply(layer, current.shape) if current.shape is not None else None
        except LayerFailure:
            return None
        parent = current.node or Node(None)
        out = Tensor(shape if isinstance(shape, tuple) else None, Node(layer, (parent,)))
        calls.in_sequential[layer.uid] = (current, out)
        outputs.append(out)
        current = out
    calls.sequential_graphs[model.uid] = (model.version, (source, outputs))
    return source, outputs
