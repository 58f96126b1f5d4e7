"""The names the generated code binds and reads by itself, scope by scope, and the scopes built from them:
what an identifier from a page must not take where it is bound.

Runtime names are read from the runtime's source (`runtime_names.py`); the names the templates write
themselves (imports, the class bodies' annotations and decorators) are listed here, and the tests hold
these lists against the modules the templates render (`tests/support/python_scopes.py`)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from .annotations import RESPELLABLE
from .naming import ARGUMENT_RESERVED, CLIENT_RESERVED, MODEL_RESERVED, RESOURCE_RESERVED
from .runtime_names import RUNTIME, class_attributes, module_exports
from .scopes import Scope

# What generated modules import from outside the runtime (a module imports the ones it uses).
LIBRARY_IMPORTS = {
    "__future__": ("annotations",),
    "builtins": ("builtins",),  # `import builtins`, to spell a builtin that a page's name hides
    "collections.abc": ("Mapping",),
    "decimal": ("Decimal",),
    "functools": ("cached_property",),
    "importlib": ("import_module",),
    "typing": ("TYPE_CHECKING", "Any", "Dict", "List", "Literal", "Required", "TypedDict"),
    "httpx": ("httpx",),
    "pydantic": ("Field",),
}
# What generated modules define or read at their top level besides imports and the pages' classes.
MODULE_NAMES = ("__all__", "__getattr__", "__version__", "_MODULES", "ThreeCommas", "AsyncThreeCommas")
MODULE_BUILTINS = ("AttributeError", "dict", "getattr", "globals", "object", "str")  # models/__init__.py
# What models/__init__.py binds: a model module must not be imported over one of them (importing
# `models.import_module` would replace the function its lazy loader calls).
MODELS_PACKAGE_NAMES = ("annotations", "import_module", "TYPE_CHECKING", "__getattr__", "_MODULES")
# What the class bodies the templates write read by themselves: annotations, defaults, decorators.
CLIENT_CLASS_READS = (
    "Mapping",
    "Mode",
    "bool",
    "bytes",
    "cached_property",
    "float",
    "httpx",
    "int",
    "str",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
)
RESOURCE_CLASS_READS = (
    "Mapping",
    "NOT_GIVEN",
    "NotGiven",
    "bool",
    "cached_property",
    "float",
    "httpx",
    "int",
    "object",
    "str",
)
METHOD_BODY_READS = ("RequestOptions",)
# Read wherever the view spells a hidden builtin as `builtins.<name>`.
BUILTINS_MODULE = "builtins"


def _reserved(names: Iterable[str], what: str) -> dict[str, str]:
    return {name: what for name in names}


@functools.cache
def module_level() -> Mapping[str, str]:
    """Every name some generated module binds or reads at its top level whatever the pages say: the
    runtime's exports, the library imports, the templates' own names. Page classes meet in modules
    (a model class is imported by resource modules and `models/__init__.py`), so they avoid them all."""
    reserved: dict[str, str] = {}
    for source, names in LIBRARY_IMPORTS.items():
        reserved |= _reserved(names, f"{{}} imported from {source}")
    for path in sorted(RUNTIME.glob("*.py")):
        reserved |= _reserved(module_exports(path.stem), f"the runtime's {{}} ({path.stem}.py)")
    reserved |= _reserved(MODULE_NAMES, "{}, which the generated modules define")
    reserved |= _reserved(MODULE_BUILTINS, "the builtin {}, which the generated modules read")
    return MappingProxyType(reserved)


def package_classes() -> Scope:
    """The classes of the package (models, request TypedDicts, resources): unique across it."""
    return Scope(module_level())


def models_package() -> Scope:
    """The module names of `models/`."""
    return Scope(_reserved(MODELS_PACKAGE_NAMES, "{}, which models/__init__.py binds"))


def resources_package() -> Scope:
    """The module names of `resources/` (its `__init__.py` binds only the resource classes)."""
    return Scope()


def resource_module() -> Scope:
    """One resource module's top level, for its spec constants (its classes are package classes)."""
    return Scope(module_level())


def client_class() -> Scope:
    """`ThreeCommas` and `AsyncThreeCommas`: their top-level resource attributes."""
    reserved = _reserved(CLIENT_RESERVED, "the client's own attribute {}")
    reserved |= _reserved(CLIENT_CLASS_READS, "{}, which the client class body reads")
    return Scope(reserved | {BUILTINS_MODULE: "the builtins module"})


def resource_class() -> Scope:
    """A resource class (sync and async alike): its sub-resource attributes and methods. The builtins
    the view spells may be hidden; those the template writes itself may not."""
    reserved = _reserved(RESOURCE_RESERVED, "the resource's own attribute {}")
    reserved |= _reserved(RESOURCE_CLASS_READS, "{}, which the resource class body reads")
    respellable = RESPELLABLE - set(RESOURCE_CLASS_READS)
    return Scope(reserved | {BUILTINS_MODULE: "the builtins module"}, respellable)


def method_body() -> Scope:
    """A method's arguments: they are the body's locals, read by its `cast_to`."""
    reserved = _reserved(sorted(ARGUMENT_RESERVED - {"self"}), "the option {} every method takes")
    reserved |= {"self": "the method's own {}"} | _reserved(
        METHOD_BODY_READS, "{}, which the method body reads"
    )
    return Scope(reserved | {BUILTINS_MODULE: "the builtins module"}, RESPELLABLE)


def model_class(wire_names: Iterable[str]) -> Scope:
    """A response model's attributes. A field's wire name is reserved for that field: pydantic reads a
    key by alias or by attribute name, so an attribute spelled like another field's wire name would
    take that key too."""
    reserved = _reserved(sorted(MODEL_RESERVED), "pydantic's BaseModel attribute {}")
    reserved |= _reserved(class_attributes("_models", "BaseModel"), "the runtime BaseModel's attribute {}")
    reserved |= {BUILTINS_MODULE: "the builtins module"}
    reserved |= _reserved(wire_names, "the wire name {} of another field (pydantic reads a key by either)")
    return Scope(reserved, RESPELLABLE, {"model_": "pydantic's namespace {}"})


def typed_dict_reads(nested: Iterable[str]) -> frozenset[str]:
    """What a request TypedDict's annotations read besides the builtins the view spells: a key named
    like one of these cannot be written in class syntax."""
    return frozenset({"Decimal", "Dict", "List", "Literal", "Mapping", "Required", BUILTINS_MODULE, *nested})
