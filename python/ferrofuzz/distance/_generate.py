"""Builds the four scoring functions of each metric from one template.

Every metric has ``distance``, ``similarity``, ``normalized_distance`` and
``normalized_similarity`` with rapidfuzz's signatures. They differ only in
the metric's own keyword parameters, the shim they call and how the cutoff
is read, so they are generated from one template (as ``dataclasses``
generates methods) instead of being written out 4 x N times. The template
keeps the common case, an ASCII ``str``, free of extra Python calls.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

from .. import _native
from .._convert import to_units
from .._errors import raise_status
from . import _params

# Turns s1 and s2 into the shim's (bytes, length, kind) arguments, with an
# inline fast path for ASCII ``str``.
_CONVERT_PAIR = '''
    if s1.__class__ is str and s1.isascii():
        p1 = s1.encode()
        n1 = len(p1)
        k1 = 1
    elif s1 is None:
        raise TypeError("s1 and s2 must not be None")
    else:
        p1, n1, k1 = to_units(s1, "s1")
    if s2.__class__ is str and s2.isascii():
        p2 = s2.encode()
        n2 = len(p2)
        k2 = 1
    elif s2 is None:
        raise TypeError("s1 and s2 must not be None")
    else:
        p2, n2, k2 = to_units(s2, "s2")
'''

# rapidfuzz checks for None before the processor runs (the normalized forms
# then return their worst score); None produced by the processor, or given
# to a distance or similarity, is a TypeError.
_TEMPLATE = '''
def {name}(s1, s2, *, {keywords}processor=None, score_cutoff=None{hint_keyword}):
{fast_path}{none_check}    if processor is not None:
        s1 = processor(s1)
        s2 = processor(s2)''' + _CONVERT_PAIR + '''{param_lines}    cutoff = {cutoff_default} if score_cutoff is None else read_cutoff(score_cutoff)
{hint_line}    result = shim(p1, n1, k1, p2, n2, k2, {shim_args})
    if result < 0:
        return exact(p1, n1, k1, p2, n2, k2, {shim_args})
    return result
'''

# The common call, two exact ``str`` and every option at its default, goes
# straight to the four-argument shim (see build.py's fast_shims) with the
# strings as UTF-8, which the library decodes to code points (ASCII stays
# bytes). A lone surrogate cannot be encoded: such strings take the general
# path (UTF-32 with surrogatepass). A negative result (an error, or a value
# past int64) also does, which raises or returns the exact value. Measured
# under CPython 3.11: ``x.__class__ is str`` costs far less here than
# ``type(x) is str``, and the option checks come first, as one chained
# ``is``; encoding without an ``isascii()`` check first saves two method
# calls (callgrind, 15-char ASCII pair: 6,784 -> 6,580 instructions a call).
_FAST_PATH = '''    if (processor is score_cutoff is None{defaults_check}
            and s1.__class__ is str and s2.__class__ is str):
        try:
            p1 = s1.encode()
            p2 = s2.encode()
        except UnicodeEncodeError:
            pass
        else:
            result = fast(p1, len(p1), p2, len(p2))
            if result >= 0:
                return result
'''

# How each form reads its cutoff and hint, and what it returns for None.
_FORMS: Dict[str, Dict[str, Any]] = {
    "distance": dict(
        cutoff_default="_SIZE_MAX", read_cutoff=_params.int_cutoff, hint_default="_SIZE_MAX",
        on_none='raise TypeError("s1 and s2 must not be None")',
    ),
    "similarity": dict(
        cutoff_default="0", read_cutoff=_params.int_cutoff, hint_default="0",
        on_none='raise TypeError("s1 and s2 must not be None")',
    ),
    "normalized_distance": dict(
        cutoff_default="1.0", read_cutoff=_params.normalized_cutoff, hint_default="1.0",
        on_none="return 1.0",
    ),
    "normalized_similarity": dict(
        cutoff_default="0.0", read_cutoff=_params.normalized_cutoff, hint_default="0.0",
        on_none="return 0.0",
    ),
}

# Metrics whose distance and similarity are floats too (Jaro, JaroWinkler):
# every form reads its cutoff as a normalized one (in [0, 1], rounded to
# float32 as rapidfuzz does), and None in gives the worst score.
_FLOAT_FORMS: Dict[str, Dict[str, Any]] = {
    "distance": dict(_FORMS["normalized_distance"]),
    "similarity": dict(_FORMS["normalized_similarity"]),
    "normalized_distance": _FORMS["normalized_distance"],
    "normalized_similarity": _FORMS["normalized_similarity"],
}


def metric_functions(
    metric: str,
    doc: str,
    keywords: List[Tuple[str, str, str, str]] = (),  # type: ignore[assignment]
    has_hint: bool = False,
    module: str = "",
    float_valued: bool = False,
) -> List[Callable[..., Any]]:
    """The four functions of ``metric`` (the ``ffz_<metric>_*`` name stem).

    ``keywords``: the metric's own keyword-only parameters, as
    (name, default expression, conversion line producing the shim argument,
    test that the argument is at its default).
    ``float_valued``: the distance and similarity are floats in [0, 1]
    (Jaro, JaroWinkler), with the normalized forms' cutoff rules.
    """
    functions = []
    for form, spec in (_FLOAT_FORMS if float_valued else _FORMS).items():
        shim = getattr(_native.flat, f"ffzpy_{metric}_{form}")
        fast = getattr(_native.flat, f"ffzpy_a_{metric}_{form}", None)
        kw_text = "".join(f"{name}={default}, " for name, default, _, _ in keywords)
        param_lines = "".join(f"    {line}\n" for _, _, line, _ in keywords)
        shim_args = [name for name, _, _, _ in keywords] + ["cutoff"]
        fast_path = ""
        if fast is not None:
            checks = "".join(f" and {is_default}" for _, _, _, is_default in keywords)
            if has_hint:
                checks += " and score_hint is None"
            fast_path = _FAST_PATH.format(defaults_check=checks)
        hint_line = ""
        if has_hint:
            hint_line = (
                f"    hint = {spec['hint_default']} if score_hint is None else read_cutoff(score_hint)\n"
            )
            shim_args.append("hint")
        source = _TEMPLATE.format(
            name=form,
            fast_path=fast_path,
            keywords=kw_text,
            hint_keyword=", score_hint=None" if has_hint else "",
            none_check=(
                f"    if s1 is None or s2 is None:\n        {spec['on_none']}\n"
                if spec["on_none"].startswith("return") else ""
            ),
            param_lines=param_lines,
            cutoff_default=spec["cutoff_default"],
            hint_line=hint_line,
            shim_args=", ".join(shim_args),
        )
        namespace: Dict[str, Any] = {
            "shim": shim,
            "fast": fast,
            "exact": getattr(_native.exact, f"ffzx_{metric}_{form}"),
            "to_units": to_units,
            "read_cutoff": spec["read_cutoff"],
            "_SIZE_MAX": _params.SIZE_MAX,
            **_params.KEYWORD_HELPERS,
        }
        exec(compile(source, f"<ferrofuzz {metric}.{form}>", "exec"), namespace)
        fn = namespace[form]
        fn.__doc__ = doc.format(form=form.replace("_", " "))
        fn.__module__ = module or __name__
        fn.__qualname__ = form
        if fast is not None:
            fn = _native.native_fast_path("pair", f"{metric}_{form}", fn)
        functions.append(fn)
    return functions


# A scorer with one form (the ``fuzz`` scorers): None in gives ``on_none``
# before the processor runs, as in rapidfuzz; None from the processor is a
# TypeError. ``score_cutoff`` goes to the shim's ``double`` as given (None
# means ``cutoff_default``), so cffi raises TypeError for non-numbers.
_PAIR_TEMPLATE = '''
def {name}(s1, s2, *, processor=None, score_cutoff=None):
{fast_path}    if s1 is None or s2 is None:
        {on_none}
    if processor is not None:
        s1 = processor(s1)
        s2 = processor(s2)''' + _CONVERT_PAIR.replace("{on_none}", "{on_processed_none}") + '''    result = shim(p1, n1, k1, p2, n2, k2, {cutoff_default} if score_cutoff is None else score_cutoff)
    if result < 0:
        raise_status(result)
    return result
'''


def pair_function(
    name: str,
    shim_name: str,
    doc: str,
    on_none: str = "return 0.0",
    cutoff_default: str = "0.0",
    module: str = "",
) -> Callable[..., Any]:
    """A scorer ``name(s1, s2, *, processor=None, score_cutoff=None)`` that
    calls the flat shim ``ffzpy_<shim_name>`` (see build.py)."""
    fast = getattr(_native.flat, f"ffzpy_a_{shim_name}", None)
    source = _PAIR_TEMPLATE.format(
        name=name,
        fast_path="" if fast is None else _FAST_PATH.format(defaults_check=""),
        on_none=on_none,
        cutoff_default=cutoff_default,
        on_processed_none="raise TypeError(\"object of type 'NoneType' has no len()\")",
    )
    namespace: Dict[str, Any] = {
        "shim": getattr(_native.flat, f"ffzpy_{shim_name}"),
        "fast": fast,
        "to_units": to_units,
        "raise_status": raise_status,
    }
    exec(compile(source, f"<ferrofuzz {name}>", "exec"), namespace)
    fn = namespace[name]
    fn.__doc__ = doc
    fn.__module__ = module or __name__
    fn.__qualname__ = name
    if fast is not None:
        fn = _native.native_fast_path("pair", shim_name, fn)
    return fn
