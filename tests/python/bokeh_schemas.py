"""Prints src/models/bokeh_schemas.rs: the schema (every property: name, kind, default) of
every Bokeh model type, so a document can validate any Bokeh model's properties.

Run: .venv/bin/python tests/python/bokeh_schemas.py > src/models/bokeh_schemas.rs

One `static` Schema per model type (named `__qualified_model__`, as in document JSON), per
HasProps mixin with properties in a model type's MRO (GridCommon, …; its class name), and
per included mixin shared by two classes or more (`ScalarLineProps`, `border_ScalarLineProps`:
Bokeh's `Include` copies a mixin's properties into each class, so they are not inherited;
see INCLUDES below). A schema lists its bases (the MRO after itself, nearest first, then
the included mixins) and only the properties it defines or whose kind or default differs
from what lookup through those bases gives; the generator checks, for every type and
property, that this lookup gives Bokeh's own kind and default. Kinds are Bokeh's property
descriptors mapped onto `crate::core::Kind`; defaults are Bokeh's own serialized form
(what Python writes into document JSON).

Properties that never appear in document JSON are left out: the `*_units` companions of
unit specs (`NotSerialized`: the units travel inside the spec) and deprecated aliases.
Readonly properties are kept although Python does not write them: BokehJS sends them back
(`value_throttled`, `inner_width`, …).

Checks run on every invocation (a few seconds): the lookup simulation, and a Python copy
of `Kind::accepts` run over the JSON Bokeh writes for every instantiable model type with
its defaults and for a document of models with non-default values. A summary (the kinds
that are Any, the types Kind can only approximate, …) goes to stderr.
"""

import collections
import datetime
import json
import math
import sys
import types
import warnings

import numpy as np

import bokeh
import bokeh.models  # noqa: F401  (registers the model types)
import bokeh.plotting  # noqa: F401  (registers Figure)
from bokeh.core.has_props import HasProps
from bokeh.core import properties as bp
from bokeh.core.property.dataspec import DataSpec, UnitsSpec
from bokeh.core.property.descriptors import AliasPropertyDescriptor, PropertyDescriptor
from bokeh.core.property.singletons import Intrinsic, Undefined
from bokeh.core.serialization import Serializer
from bokeh.model import Model

warnings.simplefilter("ignore")  # deprecated models are instantiated by the checks

TYPES = Model.model_class_reverse_map  # every HasProps subclass with a type name


# ---------------------------------------------------------------------------------------
# Schema names
# ---------------------------------------------------------------------------------------

def is_model(cls):
    return isinstance(cls, type) and issubclass(cls, Model)


def type_name(cls):
    """The name a class goes by: its document type name, or a mixin's class name; for an
    included mixin (a tuple (mixin, prefix), see INCLUDES), the prefix and its name."""
    if isinstance(cls, tuple):
        mixin, prefix = cls
        return prefix + mixin.__name__
    return cls.__qualified_model__ if is_model(cls) else cls.__name__


# ---------------------------------------------------------------------------------------
# Kinds: tuples ("Nullable", k), ("Enum", (names…)), …; plain strings for the simple ones.
# ---------------------------------------------------------------------------------------

_context = []  # reprs of the property types kind_of did not know (made Any)
LOOSE = {}  # Bokeh types Kind can only approximate: repr -> what they became


def instance_name(prop):
    target = prop.instance_type  # resolves a class given as a string or a callable
    if target is HasProps:
        LOOSE["Instance(HasProps)"] = 'Instance("Model"): a reference to any model'
        return "Model"
    return type_name(target)


def kind_of(p):
    """The Kind (as a tuple tree) of Bokeh property type `p`. Subclasses before their bases:
    Enum and the specs are Eithers, Set is a Seq, ColumnData a Dict, Alpha a Float."""
    # Wrappers that do not change what JSON holds.
    if isinstance(p, bp.NonEmpty):
        LOOSE["NonEmpty(…)"] = "its inner kind: emptiness not checked"
    if isinstance(p, (bp.Required, bp.Readonly, bp.NonEmpty, bp.NotSerialized)):
        return kind_of(p.type_param)
    if isinstance(p, DataSpec):  # NumberSpec, ColorSpec, …: the value's kind
        return ("Spec", kind_of(p.value_type))
    if isinstance(p, bp.Nullable):
        return ("Nullable", kind_of(p.type_param))
    if isinstance(p, (bp.Color, bp.RGB)):  # ColorHex too
        return "Color"
    if isinstance(p, bp.Enum):  # Auto, MarkerType too
        names = tuple(p._enum)
        if all(isinstance(n, int) and not isinstance(n, bool) for n in names):
            LOOSE[repr(p)] = "Int: Kind has no enum of ints"
            return "Int"
        assert all(isinstance(n, str) for n in names), p
        return ("Enum", names)
    if isinstance(p, bp.Either):  # DashPattern, HatchPatternType, TextLike, MinMaxBounds
        return either(kind_of(t) for t in p.type_params)
    if isinstance(p, (bp.Factor, bp.FactorSeq)):
        return kind_of(p.type_param)
    if isinstance(p, bp.ColumnData):
        return "ColumnData"
    if isinstance(p, bp.Dict):  # RestrictedDict too
        return ("Dict", kind_of(p.keys_type), kind_of(p.values_type))
    if isinstance(p, bp.Set):
        return ("Set", kind_of(p.item_type))
    if isinstance(p, bp.Seq):  # List, Array
        return ("List", kind_of(p.item_type))
    if isinstance(p, bp.Len):
        LOOSE[repr(p)] = "List: the length is not checked"
        return kind_of(p.type_param)
    if isinstance(p, bp.Tuple):
        return ("Tuple", tuple(kind_of(t) for t in p.type_params))
    if isinstance(p, bp.Struct):
        return ("Struct", tuple((name, kind_of(t), name in p._optional)
                                for name, t in p._fields.items()))
    if isinstance(p, bp.Instance):
        return ("Instance", instance_name(p))
    if isinstance(p, bp.TypeOfAttr):
        LOOSE["TypeOfAttr(Instance(T), attr, …)"] = "Instance(T): the attribute's type is not checked"
        return kind_of(p.type_param)
    if isinstance(p, bp.Interval):  # Byte too
        return ("Between", float(p.start), float(p.end))
    if isinstance(p, bp.Percent):  # Alpha too
        return ("Between", 0.0, 1.0)
    if isinstance(p, bp.Size):
        return ("NonNegative", "Number")
    if isinstance(p, bp.NonNegative):
        return ("NonNegative", kind_of(p.type_param))
    if isinstance(p, bp.Positive):
        return ("Positive", kind_of(p.type_param))
    if isinstance(p, bp.Float):  # Angle too
        return "Number"
    if isinstance(p, bp.Int):
        return "Int"
    if isinstance(p, bp.Bool):
        return "Bool"
    if isinstance(p, bp.String):  # Regex, FontSize, MathString, CSSLength, JSON
        if type(p) is not bp.String and type(p) is not bp.MathString:
            LOOSE[type(p).__name__] = "String: its format (pattern, CSS length, JSON) is not checked"
        return "String"
    if isinstance(p, bp.Bytes):
        return "Bytes"
    if isinstance(p, bp.Null):
        return "Null"
    if isinstance(p, bp.Image):  # written as a data URL
        return "String"
    if isinstance(p, (bp.Datetime, bp.Date, bp.Time)):
        # Python writes datetimes and times as ms numbers, dates as ISO strings; BokehJS
        # takes either (its DateLike).
        LOOSE[type(p).__name__] = "Either(Number, String): an ISO string's format is not checked"
        return ("Either", ("Number", "String"))
    if isinstance(p, bp.TimeDelta):
        return "Number"  # ms
    if isinstance(p, bp.Any):  # AnyRef too
        return "Any"
    _context.append(repr(p))
    return "Any"


def either(arms):
    """Either of `arms`, as accepting but smaller: nested Eithers flattened, repeated arms
    (MinMaxBounds' TimeDelta tuples become Number ones) and Int beside Number dropped."""
    flat = []
    for k in arms:
        for arm in (k[1] if isinstance(k, tuple) and k[0] == "Either" else (k,)):
            if arm not in flat:
                flat.append(arm)
    if "Number" in flat and "Int" in flat:
        flat.remove("Int")
    return flat[0] if len(flat) == 1 else ("Either", tuple(flat))


def prop_kind(cls, name):
    return kind_of(cls.lookup(name).property)


# ---------------------------------------------------------------------------------------
# Defaults
# ---------------------------------------------------------------------------------------

MODEL_LIST_DEFAULTS = []  # "Type.prop" whose default is a container of new models


def encode(value):
    # A new serializer each time: one remembers the id() of every model it wrote, and ids
    # of collected objects are reused.
    return Serializer(deferred=False).encode(value)


def serialized_default(cls, name):
    """Bokeh's default of `cls.name` as a tagged tuple: ("Required",), ("Instance", T),
    ("Null",), ("Bool", b), ("Int", i), ("Float", f), ("Str", s), ("Json", text)."""
    desc = cls.lookup(name)
    prop = desc.property
    overrides = cls._overridden_defaults()
    raw = overrides[name] if name in overrides else prop._default
    assert raw is not Intrinsic, (cls, name)
    if raw is Undefined:
        return ("Required",)
    value = desc.class_default(cls)  # evaluates InstanceDefault / lambda defaults
    if value is Undefined:
        return ("Required",)
    if isinstance(value, HasProps):
        assert PropertyDescriptor.is_unstable(raw), (cls, name)
        return ("Instance", type_name(type(value)))
    if PropertyDescriptor.is_unstable(raw) and '"id"' in json.dumps(encode(value), default=str):
        # New models in a container (DatetimeTicker.tickers: a list of new tickers): no
        # DefaultValue holds that. Python always writes such a default out, as it does an
        # Instance one, so a document has it: Required.
        MODEL_LIST_DEFAULTS.append(f"{type_name(cls)}.{name}")
        return ("Required",)
    if isinstance(prop, DataSpec):
        # As DataSpecPropertyDescriptor.get_value: a value becomes {"type":"value",…}, a
        # column name {"type":"field",…}; unit specs add "units" when not the usual ones.
        units = {}
        if isinstance(prop, UnitsSpec):
            units[name + "_units"] = cls.lookup(name + "_units").class_default(cls)
        value = prop.to_serializable(types.SimpleNamespace(**units), name, value)
    rep = encode(value)
    return default_of_rep(rep, (cls, name))


def default_of_rep(rep, where):
    if rep is None:
        return ("Null",)
    if isinstance(rep, bool):
        return ("Bool", rep)
    if isinstance(rep, int):
        assert -(2**63) <= rep < 2**63, where
        return ("Int", rep)
    if isinstance(rep, float):
        assert math.isfinite(rep), where
        return ("Float", rep)
    if isinstance(rep, str):
        return ("Str", rep)
    text = json.dumps(rep, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    assert '"id"' not in text, f"a default holding a model: {where}: {text}"
    return ("Json", text)


# ---------------------------------------------------------------------------------------
# The classes and their effective properties
# ---------------------------------------------------------------------------------------

def is_emitted(cls, name):
    """Whether property `name` can appear in document JSON."""
    desc = cls.lookup(name)
    if isinstance(desc, AliasPropertyDescriptor):
        return False  # deprecated aliases: Python writes the aliased property
    if isinstance(desc.property, bp.NotSerialized):
        return False  # `*_units`: written inside the unit spec
    assert desc.serialized or desc.property.readonly, (cls, name)
    return True


def effective(cls):
    """{prop: (kind, default)} of every emitted property of `cls`."""
    out = {}
    for name in sorted(cls.properties()):
        if is_emitted(cls, name):
            out[name] = (prop_kind(cls, name), serialized_default(cls, name))
    return out


def hasprops_mro(cls):
    return [c for c in cls.__mro__ if isinstance(c, type) and issubclass(c, HasProps)]


model_types = {name: cls for name, cls in TYPES.items() if is_model(cls)}

# The model types and every class in their MROs. The 18 HasProps entries of the map that
# are not models (LineProps, ScalarFillProps, …, the *Glyph marker classes) are mixins:
# Bokeh's Include copies their properties into each class that includes them, so only the
# few still inherited (GridCommon, ButtonLike, DateCommon, TimeCommon; the *Glyph ones
# define nothing) are bases of a model type.
classes = {}
for cls in model_types.values():
    for c in hasprops_mro(cls):
        classes[c] = None
classes = sorted(classes, key=lambda c: (len(c.__mro__), type_name(c)))
names = [type_name(c) for c in classes]
assert len(set(names)) == len(names), "two classes of one name"
for name, cls in TYPES.items():
    assert type_name(cls) == name, (name, cls)

EFFECTIVE = {c: effective(c) for c in classes}


def lookup(schemas, cls, name):
    """Schema::prop: own props, then each base's own props, in order."""
    own = schemas[cls]["props"]
    if name in own:
        return own[name]
    for base in schemas[cls]["bases"]:
        if name in schemas[base]["props"]:
            return schemas[base]["props"][name]
    return None


# Included mixins. Bokeh's Include(ScalarLineProps, prefix="border") copies the mixin's
# properties into the class (border_line_color, …), so they are not inherited: forty glyphs
# and annotations each define line_color. The table shares them instead: a class whose own
# properties hold all of a mixin's under one prefix, with the mixin's kinds, gets a schema
# of that (mixin, prefix), with the mixin's defaults, as its first base (the defaults it
# overrides stay its own props); its subclasses list it right after the class. Only
# (mixin, prefix) pairs used by two classes or more get one.
MIXINS = [c for c in TYPES.values() if c.__module__ == "bokeh.core.property_mixins"]


def own_includes(c):
    own = c.__dict__.get("__properties__", {})
    found = []
    for mixin in MIXINS:
        mprops = [n for n in sorted(mixin.properties()) if is_emitted(mixin, n)]
        prefixes = {n[: len(n) - len(m)] for n in own for m in mprops
                    if n.endswith(m) and (len(n) == len(m) or n[-len(m) - 1] == "_")}
        for prefix in sorted(prefixes):
            if all(prefix + m in own and is_emitted(c, prefix + m)
                   and prop_kind(c, prefix + m) == prop_kind(mixin, m) for m in mprops):
                found.append((mixin, prefix))
    return found


OWN_INCLUDES = {c: own_includes(c) for c in classes}
_users = collections.Counter(inc for incs in OWN_INCLUDES.values() for inc in incs)
INCLUDES = sorted((inc for inc, n in _users.items() if n >= 2), key=type_name)

SCHEMAS = {}  # class or (mixin, prefix) -> {"bases": [key…], "props": {name: (kind, default)}}
for mixin, prefix in INCLUDES:
    SCHEMAS[(mixin, prefix)] = {"bases": [], "props": {
        prefix + m: (prop_kind(mixin, m), serialized_default(mixin, m))
        for m in mixin.properties() if is_emitted(mixin, m)}}
for c in classes:  # bases (shorter MROs) first
    # Each class's included mixins right after it, as Python resolves a property to the
    # nearest class of the MRO that defines it (an Include defines them in the class).
    bases = []
    for k in hasprops_mro(c):
        if k is not c and k in SCHEMAS:
            bases.append(k)
        bases += [inc for inc in OWN_INCLUDES.get(k, []) if inc in SCHEMAS and inc not in bases]
    SCHEMAS[c] = {"bases": bases, "props": {}}
    SCHEMAS[c]["props"] = {name: kd for name, kd in EFFECTIVE[c].items()
                           if lookup(SCHEMAS, c, name) != kd}
    # A class without properties of its own is left out of its subclasses' bases, unless
    # it is a model type: `Instance("Glyph")` asks whether a model's bases name Glyph.
    if not SCHEMAS[c]["props"] and not is_model(c):
        del SCHEMAS[c]

# The self-check: through the table, every property of every type resolves to Bokeh's.
for c in classes:
    if c not in SCHEMAS:
        assert not is_model(c)  # HasProps and the *Glyph marker mixins: not types
        continue
    for name, kd in EFFECTIVE[c].items():
        assert lookup(SCHEMAS, c, name) == kd, (c, name)
    # and nothing else: every property found through the table is one of the type's
    found = set(SCHEMAS[c]["props"]).union(*(SCHEMAS[b]["props"] for b in SCHEMAS[c]["bases"]))
    assert found == set(EFFECTIVE[c]), (c, found ^ set(EFFECTIVE[c]))
for name, cls in model_types.items():
    assert cls in SCHEMAS, name
    emitted = {p for p in cls.properties() if is_emitted(cls, p)}
    assert emitted == set(EFFECTIVE[cls]), name

# Schema::is_a, which Instance kinds ask, sees every model class of a type's MRO.
for name, cls in model_types.items():
    assert set(SCHEMAS[cls]["bases"]) >= {b for b in hasprops_mro(cls)[1:] if is_model(b)}, name


def walk_kinds(k):
    yield k
    if isinstance(k, tuple):
        tag = k[0]
        if tag in ("Nullable", "Spec", "List", "Set", "NonNegative", "Positive"):
            yield from walk_kinds(k[1])
        elif tag in ("Either", "Tuple"):
            for x in k[1]:
                yield from walk_kinds(x)
        elif tag == "Dict":
            yield from walk_kinds(k[1])
            yield from walk_kinds(k[2])
        elif tag == "Struct":
            for _, x, _ in k[1]:
                yield from walk_kinds(x)


# Every Instance kind names a model type (or "Model": any).
SCHEMA_NAMES = [type_name(c) for c in SCHEMAS]
assert len(set(SCHEMA_NAMES)) == len(SCHEMA_NAMES)
for c, s in SCHEMAS.items():
    for kd in s["props"].values():
        for k in walk_kinds(kd[0]):
            if isinstance(k, tuple) and k[0] == "Instance":
                assert k[1] == "Model" or k[1] in model_types, (c, k)


# ---------------------------------------------------------------------------------------
# Check the kinds against the JSON Bokeh writes: a copy of Kind::accepts (src/core/kind.rs)
# over values read as src/document/json reads them.
# ---------------------------------------------------------------------------------------

def read_json(rep, models):
    """JSON (as the serializer returns it) -> ("tag", …) as rokeh's Value."""
    if rep is None:
        return ("Null",)
    if isinstance(rep, bool):
        return ("Bool", rep)
    if isinstance(rep, int):
        return ("Int", rep)
    if isinstance(rep, float):
        return ("Float", rep)
    if isinstance(rep, str):
        return ("Str", rep)
    if isinstance(rep, (list, tuple)):
        return ("List", [read_json(x, models) for x in rep])
    assert isinstance(rep, dict), rep
    t = rep.get("type")
    if t is None:
        if "id" in rep:
            return ("Ref", rep["id"])
        return ("Object", {k: read_json(v, models) for k, v in rep.items()})
    if t == "number":
        return ("Float", float(rep["value"]))
    if t == "set":
        return ("Set", [read_json(x, models) for x in rep.get("entries", [])])
    if t == "map":
        return ("Map", [(read_json(k, models), read_json(v, models)) for k, v in rep.get("entries", [])])
    if t == "bytes":
        return ("Bytes",)
    if t == "slice":
        return ("Slice",)
    if t == "ndarray":
        return ("Array", rep["shape"], rep["dtype"])
    if t == "ref":
        return ("Ref", rep["id"])
    if t == "object" and "id" in rep:
        models[rep["id"]] = rep
        return ("Ref", rep["id"])
    return ("Object", {k: read_json(v, models) for k, v in rep.items()})


def as_f64(v):
    return float(v[1]) if v[0] in ("Int", "Float") else None


CSS_NAMED = {c.lower() for c in bokeh.core.enums.NamedColor}


def is_color(v):
    if v[0] == "Str":
        s = v[1].strip().lower()
        if s.startswith("#"):
            return len(s) in (4, 5, 7, 9) and all(ch in "0123456789abcdef" for ch in s[1:])
        return s.startswith(("rgb(", "rgba(")) or s in CSS_NAMED
    if v[0] == "List" and len(v[1]) in (3, 4):
        ok = all(x[0] == "Int" and 0 <= x[1] <= 255 for x in v[1][:3])
        return ok and (len(v[1]) == 3 or (as_f64(v[1][3]) is not None and 0 <= as_f64(v[1][3]) <= 1))
    return False


def accepts(k, v, is_instance):
    if k == "Any":
        return True
    if k == "Null":
        return v[0] == "Null"
    if k == "Bool":
        return v[0] == "Bool"
    if k == "Int":
        return v[0] == "Int"
    if k == "Number":
        return v[0] in ("Int", "Float")
    if k == "String":
        return v[0] == "Str"
    if k == "Color":
        return is_color(v)
    if k == "Bytes":
        return v[0] == "Bytes"
    if k == "ColumnData":
        entries = column_data(v)
        return entries is not None and all(
            n is not None and c[0] in ("Array", "List") for n, c in entries)
    tag = k[0]
    if tag == "Between":
        x = as_f64(v)
        return x is not None and k[1] <= x <= k[2]
    if tag in ("NonNegative", "Positive"):
        x = as_f64(v)
        return accepts(k[1], v, is_instance) and (
            x is None or (x >= 0 if tag == "NonNegative" else x > 0))
    if tag == "Enum":
        return v[0] == "Str" and v[1] in k[1]
    if tag == "Nullable":
        return v[0] == "Null" or accepts(k[1], v, is_instance)
    if tag == "Either":
        return any(accepts(x, v, is_instance) for x in k[1])
    if tag == "List":
        if v[0] == "List":
            return all(accepts(k[1], x, is_instance) for x in v[1])
        if v[0] == "Array":
            return len(v[1]) <= 1 and accepts(k[1], sample_of(v[2]), is_instance)
        return False
    if tag == "Set":
        return v[0] in ("Set", "List") and all(accepts(k[1], x, is_instance) for x in v[1])
    if tag == "Tuple":
        return v[0] == "List" and len(v[1]) == len(k[1]) and all(
            accepts(a, b, is_instance) for a, b in zip(k[1], v[1]))
    if tag == "Dict":
        if v[0] == "Map":
            return all(accepts(k[1], a, is_instance) and accepts(k[2], b, is_instance)
                       for a, b in v[1])
        if v[0] == "Object":
            return accepts(k[1], ("Str", ""), is_instance) and all(
                accepts(k[2], b, is_instance) for b in v[1].values())
        return False
    if tag == "Struct":
        entries = column_data(v)
        if entries is None:
            return False
        fields = {name: (fk, opt) for name, fk, opt in k[1]}
        seen = 0
        for n, x in entries:
            if n not in fields or not accepts(fields[n][0], x, is_instance):
                return False
            seen += not fields[n][1]
        return seen == sum(not opt for _, _, opt in k[1])
    if tag == "Instance":
        return v[0] == "Ref" and is_instance(v[1], k[1])
    if tag == "Spec":
        return accepts(k[1], v, is_instance) or spec_accepts(k[1], v, is_instance)
    raise AssertionError(k)


def sample_of(dtype):
    if dtype.startswith(("float",)):
        return ("Float", 0.0)
    if dtype.startswith(("int", "uint")):
        return ("Int", 0)
    if dtype == "bool":
        return ("Bool", False)
    return ("Null",)


def column_data(v):
    if v[0] == "Map":
        return [(k[1] if k[0] == "Str" else None, x) for k, x in v[1]]
    if v[0] == "Object":
        return list(v[1].items())
    return None


def spec_accepts(k, v, is_instance):
    if v[0] != "Object":
        return False
    f = v[1]
    t = f.get("type")
    t = t[1] if t and t[0] == "Str" else None
    if t == "field":
        ok = "field" in f and f["field"][0] == "Str"
    elif t == "value":
        ok = "value" in f and accepts(k, f["value"], is_instance)
    elif t == "expr":
        ok = "expr" in f and f["expr"][0] == "Ref"
    else:
        ok = False
    return ok and all(
        n in ("type", "field", "value", "expr")
        or (n == "transform" and x[0] == "Ref")
        or (n == "units" and x[0] == "Str")
        for n, x in f.items())


SCHEMA_BY_NAME = {type_name(c): c for c in SCHEMAS}


def resolve(type_, name):
    return lookup(SCHEMAS, SCHEMA_BY_NAME[type_], name)


def check_models(reps, where):
    """Checks every attribute of the serialized models `reps` ({id: rep}) against the table.
    Returns the number of attributes checked."""
    models = dict(reps)
    # read everything first, so that nested definitions are known
    attrs = []
    pending = list(reps.values())
    while pending:
        rep = pending.pop()
        for name, val in rep.get("attributes", {}).items():
            before = set(models)
            attrs.append((rep["name"], name, read_json(val, models), val))
            pending.extend(models[i] for i in set(models) - before)

    def is_instance(id_, base):
        cls = TYPES[models[id_]["name"]]
        s = SCHEMA_BY_NAME[type_name(cls)]
        return type_name(cls) == base or any(type_name(b) == base for b in SCHEMAS[s]["bases"])

    for type_, name, v, raw in attrs:
        found = resolve(type_, name)
        assert found is not None, f"{where}: {type_}.{name} is not in the table"
        assert accepts(found[0], v, is_instance), \
            f"{where}: {type_}.{name} = {json.dumps(raw)[:300]} refused by {found[0]}"
    return len(attrs)


def check_defaults():
    """Every instantiable model type, serialized with its defaults: the values match the
    table's defaults (where __init__ did not set them) and its kinds accept them.
    Returns (types instantiated, attribute values checked)."""
    checked = 0
    made = 0
    for name, cls in sorted(model_types.items()):
        try:
            obj = cls()
        except Exception:
            continue  # abstract, or needs arguments
        made += 1
        values = obj.properties_with_values(include_defaults=True, include_undefined=True)
        set_by_init = set(obj._property_values)
        reps = {}
        for prop, val in values.items():
            found = resolve(name, prop)
            assert found is not None, (name, prop)
            kind, default = found
            if val is Undefined:
                assert default == ("Required",) or prop in set_by_init, (name, prop, default)
                continue
            rep = encode(obj.lookup(prop).get_value(obj))
            if prop not in set_by_init:
                if default[0] == "Instance":
                    assert isinstance(val, HasProps) and type_name(type(val)) == default[1], (name, prop)
                elif f"{name}.{prop}" in MODEL_LIST_DEFAULTS:
                    assert default == ("Required",)
                else:
                    assert default == default_of_rep(rep, (name, prop)), (name, prop, default, rep)
            reps[prop] = rep
        # Readonly properties are not serialized: only those the table has must be set.
        doc_rep = {"type": "object", "name": name, "id": str(obj.id), "attributes": reps}
        checked += check_models({str(obj.id): doc_rep}, f"{name}()")
    return made, checked


def sample_document():
    """Models with non-default values of many property types, as Bokeh serializes them."""
    from bokeh import models as m
    from bokeh.document import Document
    from bokeh.layouts import column, row
    from bokeh.plotting import figure
    from bokeh.transform import factor_cmap, jitter, linear_cmap

    doc = Document()
    src = m.ColumnDataSource(data=dict(
        x=np.arange(5.0), y=[1, 2, 3, 4, 5], c=["a", "b", "a", "b", "a"],
        t=np.array(["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04", "2020-01-05"],
                   dtype="datetime64[ms]"),
        img=[np.ones((2, 2))] * 5))
    p = figure(x_axis_type="datetime", tools="pan,wheel_zoom,box_select,tap,hover,crosshair",
               title="t", width=300, height=200, x_range=(0, 10), y_range=m.DataRange1d(bounds=(0, None)))
    p.scatter("x", "y", source=src, marker="triangle", size=jitter("y", 0.5),
              color=factor_cmap("c", "Category10_3", ["a", "b"]), line_dash="dashed", hatch_pattern="/")
    p.line("x", "y", source=src, line_width=2, line_dash=[4, 2], line_color=(10, 20, 30, 0.5))
    p.wedge(x=1, y=1, radius=0.3, start_angle=10, end_angle=90, start_angle_units="deg", end_angle_units="deg")
    p.text(x=[1], y=[2], text=["hi"], text_font_size="12px", angle=0.2, text_align="center")
    p.rect(x=1, y=1, width=2, height=3, width_units="screen", fill_color=linear_cmap("y", "Viridis256", 0, 5))
    p.image(image="img", x=0, y=0, dw=1, dh=1, source=src, palette="Greys9")
    p.hbar(y=[1, 2], right=[3, 4], height=0.5)
    p.add_layout(m.Label(x=1, y=1, text="label", x_units="screen", background_fill_color="red"))
    p.add_layout(m.Span(location=datetime.datetime(2020, 1, 2), dimension="height"))
    p.add_layout(m.BoxAnnotation(left=1, right=2, fill_alpha=0.2))
    p.add_layout(m.Legend(items=[m.LegendItem(label="a", renderers=[p.renderers[0]])]))
    p.add_layout(m.ColorBar(color_mapper=m.LinearColorMapper(palette="Viridis256", low=0, high=1)), "right")
    p.xaxis.formatter = m.DatetimeTickFormatter(days="%d %b", context=m.DatetimeTickFormatter())
    p.select_one(m.TapTool).modifiers = dict(shift=True)
    p.select_one(m.HoverTool).tooltips = [("x", "@x"), ("y", "$y")]
    p.select_one(m.HoverTool).formatters = {"@x": "datetime"}
    p.x_range.bounds = (0, 20)
    p.js_on_event("tap", m.CustomJS(args=dict(s=src, n=1, l=[1, 2]), code="console.log(1)"))
    p.js_on_change("title", m.CustomJS(code=""))
    p.toolbar.active_drag = None

    cat = figure(x_range=m.FactorRange(factors=[("a", "1"), ("a", "2"), ("b", "1")]))
    cat.vbar(x=[("a", "1"), ("b", "1")], top=[1, 2], width=0.9)
    graph = figure()
    graph.renderers.append(m.GraphRenderer(layout_provider=m.StaticLayoutProvider(
        graph_layout={0: [1.0, 2.0], "n": (3.0, 4.0)})))
    widgets = [
        m.Slider(start=0, end=10, value=3, step=0.5, title="s", format="0.0"),
        m.RangeSlider(start=0, end=10, value=(2, 4)),
        m.DateRangeSlider(start=datetime.date(2020, 1, 1), end=datetime.date(2021, 1, 1),
                          value=(datetime.date(2020, 3, 1), datetime.date(2020, 4, 1))),
        m.DateSlider(start=datetime.date(2020, 1, 1), end=datetime.date(2021, 1, 1), value=datetime.date(2020, 3, 1)),
        m.DatePicker(value=datetime.date(2020, 2, 2), min_date="2020-01-01", disabled_dates=[("2020-01-05", "2020-01-07")]),
        m.DatetimePicker(value=datetime.datetime(2020, 2, 2, 12, 30)),
        m.TimePicker(value="12:30", min_time=datetime.time(8, 0)),
        m.Select(options=[("a", "A"), ("b", "B")], value="a"),
        m.Select(options={"g": ["x", "y"]}, value="x"),
        m.MultiChoice(options=["a", "b"], value=["a"]),
        m.CheckboxGroup(labels=["a", "b"], active=[1]),
        m.RadioButtonGroup(labels=["a", "b"], active=0),
        m.Spinner(value=2, step=0.1, low=0),
        m.TextInput(value="v", title="t", max_length=10),
        m.ColorPicker(color="#ff0000"),
        m.Button(label="b", button_type="success", icon=m.BuiltinIcon(icon_name="x")),
        m.Dropdown(label="d", menu=[("a", "A"), None, ("b", m.CustomJS(code=""))]),
        m.Div(text="<b>x</b>", styles={"color": "red"}, css_classes=["c"]),
        m.FileInput(accept=".csv", multiple=True),
        m.DataTable(source=src, columns=[m.TableColumn(field="x", formatter=m.NumberFormatter(format="0.00")),
                                         m.TableColumn(field="c", editor=m.SelectEditor(options=["a", "b"]))]),
        m.Tabs(tabs=[m.TabPanel(child=m.Div(text="x"), title="a")]),
    ]
    others = [
        m.GroupFilter(column_name="c", group="a"),
        m.CDSView(filter=m.IndexFilter(indices=[0, 1]) & m.BooleanFilter(booleans=[True] * 5)),
        m.SetValue(obj=src, attr="data", value={"x": [1]}),
        m.GMapPlot(api_key="key", map_options=m.GMapOptions(lat=1, lng=2)),
        m.CustomJSFilter(args=dict(a=1), code=""),
        m.Examiner(target=src),
    ]
    gp = m.GridPlot(children=[(figure(), 0, 0), (figure(), 0, 1, 1, 1)])
    doc.add_root(column(row(p, cat, graph), gp, *widgets, sizing_mode="stretch_width"))
    for model in others:
        doc.add_root(model)
    return doc.to_json(deferred=False)


def check_sample_document():
    docjson = sample_document()
    reps = {}
    for root in docjson["roots"]:
        reps[root["id"]] = root
    return check_models(reps, "sample document")


N_DEFAULT_TYPES, N_DEFAULT_CHECKS = check_defaults()
N_SAMPLE_CHECKS = check_sample_document()


# ---------------------------------------------------------------------------------------
# Rust
# ---------------------------------------------------------------------------------------

def rust_str(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def rust_f64(x):
    if x == math.inf:
        return "f64::INFINITY"
    if x == -math.inf:
        return "f64::NEG_INFINITY"
    r = repr(float(x))
    return r if ("." in r or "e" in r) else r + ".0"


SIMPLE = {"Any", "Null", "Bool", "Int", "Number", "String", "Color", "Bytes", "ColumnData"}
CONSTS = {}  # kind -> (const name, rust expression)


def count_uses(k, uses):
    """Counts how often each kind occurs (as a property's kind or as a part of another)."""
    uses[k] += 1
    if uses[k] > 1:
        return  # its parts are counted once: they are shared through its const
    for part in parts(k):
        count_uses(part, uses)


def parts(k):
    if isinstance(k, str):
        return []
    tag = k[0]
    if tag in ("Nullable", "Spec", "List", "Set", "NonNegative", "Positive"):
        return [k[1]]
    if tag in ("Either", "Tuple"):
        return list(k[1])
    if tag == "Dict":
        return [k[1], k[2]]
    if tag == "Struct":
        return [fk for _, fk, _ in k[1]]
    return []


def rust_kind(k, top=False):
    """The Rust expression of kind `k`: simple kinds written out, the others by the name of
    the const that holds them (each distinct kind once)."""
    if isinstance(k, str):
        assert k in SIMPLE, k
        return "K::" + k
    tag = k[0]
    if tag == "Instance":
        return f"K::Instance({rust_str(k[1])})"
    if k in CONSTS:
        return CONSTS[k][0]
    if tag == "Between":
        expr = f"K::Between({rust_f64(k[1])}, {rust_f64(k[2])})"
    elif tag == "Enum":
        expr = "K::Enum(&[" + ", ".join(rust_str(n) for n in k[1]) + "])"
    elif tag in ("Nullable", "Spec", "List", "Set", "NonNegative", "Positive"):
        expr = f"K::{tag}(&{rust_kind(k[1])})"
    elif tag in ("Either", "Tuple"):
        expr = f"K::{tag}(&[" + ", ".join(rust_kind(x) for x in k[1]) + "])"
    elif tag == "Dict":
        expr = f"K::Dict(&{rust_kind(k[1])}, &{rust_kind(k[2])})"
    elif tag == "Struct":
        fields = ", ".join(
            f"Field {{ name: {rust_str(n)}, kind: {rust_kind(fk)}, optional: {str(opt).lower()} }}"
            for n, fk, opt in k[1])
        expr = f"K::Struct(&[{fields}])"
    else:
        raise AssertionError(k)
    CONSTS[k] = (None, expr)
    return None  # named later


def rust_default(d):
    tag = d[0]
    if tag in ("Required", "Null"):
        return "D::" + tag
    if tag == "Bool":
        return f"D::Bool({str(d[1]).lower()})"
    if tag == "Int":
        return f"D::Int({d[1]})"
    if tag == "Float":
        return f"D::Float({rust_f64(d[1])})"
    if tag == "Str":
        return f"D::Str({rust_str(d[1])})"
    if tag == "Instance":
        return f"D::Instance(&{ident(d[1])})"
    if tag == "Json":
        return rust_json(json.loads(d[1]))
    raise AssertionError(d)


SPECIAL_FLOATS = {"nan": "f64::NAN", "+inf": "f64::INFINITY", "-inf": "f64::NEG_INFINITY"}


def rust_json(v):
    """A serialized default as a DefaultValue tree, decoded as Value::from_plain_json decodes
    it (Bokeh's typed `map`, `set` and `number` forms), so the page parses no JSON."""
    if v is None:
        return "D::Null"
    if isinstance(v, bool):
        return f"D::Bool({str(v).lower()})"
    if isinstance(v, int):
        return f"D::Int({v})"
    if isinstance(v, float):
        return f"D::Float({rust_f64(v)})"
    if isinstance(v, str):
        return f"D::Str({rust_str(v)})"
    if isinstance(v, list):
        return "D::List(&[" + ", ".join(rust_json(x) for x in v) + "])"
    kind = v.get("type")
    if kind == "map":
        pairs = (f"({rust_json(k)}, {rust_json(x)})" for k, x in v.get("entries", []))
        return "D::Map(&[" + ", ".join(pairs) + "])"
    if kind == "set":
        return "D::Set(&[" + ", ".join(rust_json(x) for x in v.get("entries", [])) + "])"
    if kind == "number":
        return f"D::Float({SPECIAL_FLOATS[v['value']]})"
    # Fields in serde_json's order (sorted by key), as documents are read.
    fields = (f"({rust_str(k)}, {rust_json(x)})" for k, x in sorted(v.items()))
    return "D::Object(&[" + ", ".join(fields) + "])"


def ident(name):
    return "S_" + name.replace(".", "_")


def emit():
    # Name the consts deterministically: every distinct non-simple kind, sorted by its
    # Rust text with parts before wholes.
    all_kinds = set()

    def collect(k):
        if isinstance(k, str) or k[0] == "Instance":
            return
        all_kinds.add(k)
        for part in parts(k):
            collect(part)

    for s in SCHEMAS.values():
        for kind, _ in s["props"].values():
            collect(kind)

    def depth(k):
        return 1 + max((depth(p) for p in parts(k)), default=0)

    order = sorted(all_kinds, key=lambda k: (depth(k), repr(k)))
    for k in order:
        rust_kind(k)  # registers the expression; parts are already named
        CONSTS[k] = (f"K{len([1 for v in CONSTS.values() if v[0]])}", CONSTS[k][1])

    out = []
    w = out.append
    w(f"//! Generated by tests/python/bokeh_schemas.py from Bokeh {bokeh.__version__}: do not edit.")
    w("//! The schema of every Bokeh model type: each property's name, kind and default, as")
    w("//! Bokeh defines them. A schema holds the properties its class defines or overrides;")
    w("//! the others come from its bases (Bokeh's MRO, nearest first), mixins included.")
    w("")
    w("pub(crate) use table::BOKEH_SCHEMAS;")
    w("")
    w("#[rustfmt::skip]")
    w("#[allow(non_upper_case_globals)]")
    w("mod table {")
    w("use crate::core::{DefaultValue as D, Field, Kind as K, PropDef, Schema};")
    w("")
    w("// The kinds, each once.")
    for k in order:
        name, expr = CONSTS[k]
        w(f"const {name}: K = {expr};")
    w("")
    w("// The schemas: mixins and abstract bases too.")
    for c in sorted(SCHEMAS, key=type_name):
        s = SCHEMAS[c]
        bases = ", ".join("&" + ident(type_name(b)) for b in s["bases"])
        w(f"static {ident(type_name(c))}: Schema = Schema {{ name: {rust_str(type_name(c))}, "
          f"bases: &[{bases}], props: &[")
        for pname in sorted(s["props"]):
            kind, default = s["props"][pname]
            w(f"    PropDef {{ name: {rust_str(pname)}, kind: &{rust_kind(kind)}, "
              f"default: &{rust_default(default)} }},")
        w("], check: None, columns: None, bokeh: None };")
    w("")
    models = sorted((type_name(c) for c in SCHEMAS if is_model(c)), key=lambda n: n.encode())
    assert set(models) == set(model_types)
    w("/// Every Bokeh model type's schema (mixins aside), sorted by name for binary search.")
    w("pub(crate) static BOKEH_SCHEMAS: &[&Schema] = &[")
    for n in models:
        w(f"    &{ident(n)},")
    w("];")
    w("}")
    return "\n".join(out) + "\n"


text = emit()
sys.stdout.write(text)

# The report, on stderr.
def report(*lines):
    for line in lines:
        print(line, file=sys.stderr)


n_props = sum(len(s["props"]) for s in SCHEMAS.values())
n_mixins = len(SCHEMAS) - len(model_types)
report(f"bokeh_schemas: Bokeh {bokeh.__version__}: {len(SCHEMAS)} schemas ({len(model_types)} model "
       f"types, {n_mixins} mixins and included mixins), {n_props} own props emitted for "
       f"{sum(len(EFFECTIVE[c]) for c in model_types.values())} (type, prop) pairs, "
       f"{len(CONSTS)} distinct kinds (consts)",
       f"  checked: the lookup of every (type, prop); {N_DEFAULT_CHECKS} attribute values of "
       f"{N_DEFAULT_TYPES} default-constructed model types and {N_SAMPLE_CHECKS} of a sample document, as Bokeh "
       f"serializes them, against the table's kinds and defaults")

top_any = collections.Counter()
nested_any = collections.Counter()
unmapped = collections.Counter()
for t, c in sorted(model_types.items()):
    for n, (k, _) in EFFECTIVE[c].items():
        r = repr(c.lookup(n).property)
        if k == "Any":
            top_any[r] += 1
        elif "Any" in walk_kinds(k):
            nested_any[r] += 1
        _context.clear()
        kind_of(c.lookup(n).property)
        for u in set(_context):
            unmapped[u] += 1
report(f"  (type, prop) pairs whose kind is Any: {sum(top_any.values())}",
       *(f"    {n:4}  {r}" for r, n in top_any.most_common()),
       f"  (type, prop) pairs with Any inside their kind (Bokeh's Any/AnyRef): "
       f"{sum(nested_any.values())}",
       *(f"    {n:4}  {r}" for r, n in nested_any.most_common()),
       f"  (type, prop) pairs with a property type the generator does not know (made Any): "
       f"{sum(unmapped.values())}",
       *(f"    {n:4}  {r}" for r, n in unmapped.most_common()))
if LOOSE:
    report("  approximated (Kind cannot say it exactly):",
           *(f"    {r} -> {k}" for r, k in sorted(LOOSE.items())))
if MODEL_LIST_DEFAULTS:
    report("  defaults that are lists of new models (emitted as Required): "
           + ", ".join(sorted(set(n for n in MODEL_LIST_DEFAULTS if n.split(".")[0] in model_types))))
readonly = sorted(f"{t}.{n}" for t, c in model_types.items() for n in EFFECTIVE[c]
                  if not c.lookup(n).serialized and EFFECTIVE[c][n][1] == ("Required",))
report(f"  readonly properties Python never writes, without a default (Required): {len(readonly)}: "
       + ", ".join(readonly))
