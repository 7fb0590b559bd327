"""Python's classes, as the interpreter follows them: a class whose bases are all known is a
UserClass; calling it makes an instance and runs `__init__`; `self.x = ...` sets a member;
`obj.method(...)` runs the method with `obj` as `self`.

A class extending a library class (`keras.Model`, `keras.layers.Layer`) is instantiated by that
library's model (REGISTRY.classes), which decides when the user's methods run (Keras runs
`call` when data first reaches the model). Anything not followed is unknown: a decorated or
metaclassed class, a base we do not know, a member set on only some paths.
"""

from __future__ import annotations

import ast

from .expressions import Env, Expressions, _mutable
from .libraries import MODEL_ERRORS, REGISTRY
from .values import (
    UNKNOWN,
    BoundMethod,
    Function,
    Instance,
    Model,
    Ref,
    Seq,
    UserClass,
    Value,
    class_of,
    members_of,
)


class Classes(Expressions):
    """Classes and instances of the user's code (mixed into the Interpreter)."""

    depth: int
    instances: list[Value]  # every instance made in this analysis (for aliasing of members)

    def define_class(self, stmt: ast.ClassDef, env: Env) -> Value:
        bases = [self.eval(base, env) for base in stmt.bases]
        if stmt.keywords or stmt.decorator_list:
            return UNKNOWN  # a metaclass or a decorator may make it anything
        methods: dict[str, Function] = {}
        unknown: set[str] = set()
        library_base: str | None = None
        for base in bases:
            if isinstance(base, UserClass):
                for name, method in base.methods.items():
                    methods.setdefault(name, method)
                unknown |= base.unknown_attributes
                library_base = library_base or base.library_base
            elif isinstance(base, Ref) and REGISTRY.canonical(base.name) in REGISTRY.classes:
                library_base = library_base or REGISTRY.canonical(base.name)
            elif not (isinstance(base, Ref) and base.name == "builtins.object"):
                return UNKNOWN
        own: dict[str, Function] = {}
        for item in stmt.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if item.decorator_list or isinstance(item, ast.AsyncFunctionDef):
                    unknown.add(item.name)
                    methods.pop(item.name, None)
                else:
                    own[item.name] = Function(item, self)
                    unknown.discard(item.name)
            else:
                for node in ast.walk(item):
                    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                        unknown.add(node.id)
                        methods.pop(node.id, None)
        return UserClass(stmt, {**methods, **own}, library_base, frozenset(unknown))

    def instantiate(self, cls: UserClass, node: ast.Call, env: Env) -> Value:
        self.not_replayable()  # instances change in place: their statements are always redone
        args, kwargs = self._eval_args(node, env)
        instance: Value
        if cls.library_base is not None:
            try:
                instance = REGISTRY.classes[cls.library_base](self, cls, node)
            except MODEL_ERRORS:
                return UNKNOWN
        else:
            instance = Instance(cls, created_depth=self.uncertain)
        if "__init__" in cls.unknown_attributes:
            return self._unknown_instance(instance)
        self.instances.append(instance)
        init = cls.methods.get("__init__")
        if init is not None:
            self.run_method(init, instance, args, kwargs)
        return instance

    def _unknown_instance(self, instance: Value) -> Value:
        if isinstance(instance, Model):
            self.touch(instance)
            instance.opaque = True
            return instance
        return UNKNOWN

    def call_method(
        self, receiver: Value, name: str, args: list[Value], kwargs: dict[str, Value]
    ) -> Value | None:
        cls = class_of(receiver)
        method = cls.methods.get(name) if cls is not None else None
        if method is None:
            return None
        self.not_replayable()
        return self.run_method(method, receiver, args, kwargs)

    def run_method(
        self, method: Function, receiver: Value, args: list[Value], kwargs: dict[str, Value]
    ) -> Value:
        owner = method.owner if isinstance(method.owner, Classes) else self
        return owner.invoke(method, [receiver, *args], kwargs, self.depth)

    def member(self, value: Value, attr: str) -> Value | None:
        """`obj.attr` for an instance of a user's class; None: ask the library."""
        members = members_of(value)
        if members is None:  # most values: no instance of a user's class
            return None
        cls = class_of(value)
        if cls is None:
            return None
        if attr in members:
            return members[attr]
        method = cls.methods.get(attr)
        if method is not None:
            return BoundMethod(method, value)
        if isinstance(value, Instance) or attr in cls.unknown_attributes:
            return UNKNOWN
        return None

    def set_member(self, owner: Value, attr: str, value: Value) -> None:
        """`obj.attr = value`: on a path taken for sure, or else unknown from here on."""
        members = members_of(owner)
        if members is None:
            return
        self.not_replayable()
        created = owner.created_depth if isinstance(owner, (Model, Instance)) else 0
        if isinstance(owner, Model):
            self.touch(owner)
        members[attr] = value if self.uncertain <= created else UNKNOWN

    def member_changed(self, target: ast.Attribute, env: Env, method: str, item: Value) -> bool:
        """`self.blocks.append(x)` and other changes of a list or dict held by a member. True
        when `target` is such a member."""
        owner = self.eval(target.value, env)
        members = members_of(owner)
        if members is None:
            return False
        current = members.get(target.attr)
        after: Value = UNKNOWN
        if (
            method == "append"
            and isinstance(current, Seq)
            and current.is_list
            and self.uncertain <= getattr(owner, "created_depth", 0)
        ):
            after = Seq((*current.items, item), True)
        self.set_member(owner, target.attr, after)
        return True

    def forget_members_holding(self, container: Value) -> None:
        """A list or dict changed through a name: members holding it are unknown now."""
        if not _mutable(container):
            return
        for instance in self.instances:
            members = members_of(instance)
            if members is None:
                continue
            for name, value in list(members.items()):
                if value is container:
                    members[name] = UNKNOWN

    # --- what the interpreter provides ---------------------------------------------------

    def invoke(
        self, fn: Function, args: list[Value], kwargs: dict[str, Value], caller_depth: int
    ) -> Value:
        raise NotImplementedError


__all__ = ["Classes"]
