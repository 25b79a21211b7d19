/*
 * The single-call fast path of the API-mode module (CPython only).
 *
 * build.py puts this file in the C source of ``ferrofuzz._ffz_api``, after
 * the generated flat shims and before the generated pair adapters and
 * their table (``ffzfc_find_pair``, from the shims with a fast twin). It is
 * a client of the library's C ABI like the rest of that module: it calls
 * the same exported functions. Its only state is interned keyword names
 * and the registered ``utils.default_process``.
 *
 * Why: cffi converts each argument of a call and releases and retakes the
 * GIL around it, about 150 ns for a pair of strings, which is more than
 * rapidfuzz's whole call. A single short pair is the one job where that
 * floor shows. So the common call is served here by a vectorcall object:
 * positional ``str`` arguments, with ``score_cutoff``, ``processor``
 * (None, or ``utils.default_process`` on ASCII text) and the scorer's
 * other options (``score_hint``, ``weights``, ``pad``, ``prefix_weight``)
 * as keywords, in the forms read below. It reads the strings' code points
 * in place (PEP 393: 1-byte strings are ``FFZ_KIND_U8``, 4-byte ones
 * ``FFZ_KIND_U32``, 2-byte ones are widened) and calls the library
 * directly. Any other call (other
 * keywords or values, other types, a library error, a result the flat
 * shims cannot carry) goes unchanged to the Python function it wraps,
 * ``__wrapped__``, which does what the function always did. So the
 * results, errors and rules are those of the Python functions by
 * construction; tests/test_fastcall.py compares the two paths.
 *
 * The GIL: a call on short strings keeps it, as rapidfuzz does; from
 * FFZFC_RELEASE_UNITS units in all it is released around the library
 * call, which reads only the immutable str data the caller holds.
 *
 * The same holds for process.extract and extractOne over a short list of
 * str (``fastcall_extract``), and the two functions are wrapped too
 * (``fastcall_wrap_extract``), so that their common call skips the Python
 * frames that would lead to it. The list is packed here, in one pass over
 * the str objects, instead of being joined and encoded in Python and
 * passed as fourteen cffi arguments. Longer lists, and cdist, have their
 * ``default_process`` applied and packed here too
 * (``fastcall_pack_processed``).
 *
 * Entry: ``ffzfc_install(module)`` (declared in the cdef, so Python calls
 * it through cffi, which has released the GIL; it takes it back) adds the
 * builtins ``fastcall_wrap(table, name, fallback)``, ``fastcall_extract(...)``,
 * ``fastcall_wrap_extract(...)``, ``fastcall_default_process(fn)`` and
 * ``fastcall_pack_processed(items)`` to the named module.
 */

#define FFZFC_RELEASE_UNITS 512
#define FFZFC_SMALL_UNITS 64

/* A str's code points as an ffz_str, without copying 1- and 4-byte
 * strings; 2-byte strings are widened into `small` or a PyMem buffer. */
typedef struct {
    ffz_str str;
    uint32_t *owned;
    uint32_t small[FFZFC_SMALL_UNITS];
} ffzfc_view;

/* 1 with `view` set, 0 for anything else (not an exact str, no memory). */
static int ffzfc_view_init(ffzfc_view *view, PyObject *obj) {
    view->owned = NULL;
    if (!PyUnicode_CheckExact(obj)) return 0;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(obj) < 0) {
        PyErr_Clear();
        return 0;
    }
#endif
    Py_ssize_t len = PyUnicode_GET_LENGTH(obj);
    const void *data = PyUnicode_DATA(obj);
    switch (PyUnicode_KIND(obj)) {
    case PyUnicode_1BYTE_KIND:
        view->str.data = data;
        view->str.len = (size_t)len;
        view->str.kind = FFZ_KIND_U8;
        return 1;
    case PyUnicode_4BYTE_KIND:
        view->str.data = data;
        view->str.len = (size_t)len;
        view->str.kind = FFZ_KIND_U32;
        return 1;
    default: {
        uint32_t *units = view->small;
        if (len > FFZFC_SMALL_UNITS) {
            units = view->owned = PyMem_Malloc((size_t)len * sizeof(uint32_t));
            if (units == NULL) return 0;
        }
        const Py_UCS2 *wide = data;
        for (Py_ssize_t i = 0; i < len; i++) units[i] = wide[i];
        view->str.data = units;
        view->str.len = (size_t)len;
        view->str.kind = FFZ_KIND_U32;
        return 1;
    }
    }
}

static void ffzfc_view_free(ffzfc_view *view) {
    PyMem_Free(view->owned);
}

/* A score_cutoff as the library takes it; which field is read depends on
 * the scorer's FFZFC_CUT_* kind. */
typedef struct {
    size_t size;
    double real;
} ffzfc_cutoff;

/* How a scorer's Python function reads score_cutoff (distance/_params.py,
 * distance/_generate.py), for the values this file converts itself: */
enum {
    /* int_cutoff: a non-negative int or finite float, truncated, at most
     * SIZE_MAX (distance and similarity of the integer metrics). */
    FFZFC_CUT_SIZE,
    /* normalized_cutoff: a number in [0, 1], rounded to float32 (the
     * normalized forms, and every form of Jaro and JaroWinkler). */
    FFZFC_CUT_NORMALIZED,
    /* A number, passed as a double as given (the fuzz scorers). */
    FFZFC_CUT_SCORE,
};

/* The keyword options of a pair call, as the library takes them. A
 * score_cutoff or score_hint the call did not give (or gave as None) has
 * its flag 0 and the adapter passes the form's default; the others hold
 * their defaults until a keyword sets them. */
typedef struct {
    int has_cut, has_hint;
    ffzfc_cutoff cut, hint;
    const ffz_levenshtein_weights *weights; /* NULL: (1, 1, 1) */
    ffz_levenshtein_weights weight_values;  /* what `weights` points to otherwise */
    bool pad;
    double prefix_weight;
} ffzfc_options;

/* The keywords beyond score_cutoff and processor that a pair scorer takes. */
enum {
    FFZFC_KW_HINT = 1,
    FFZFC_KW_WEIGHTS = 2,
    FFZFC_KW_PAD = 4,
    FFZFC_KW_PREFIX_WEIGHT = 8,
};

/* A pair scorer with the options of `opt`: the result, or a negative value
 * (an error, or a value past int64) for the slow path. */
typedef struct {
    const char *name;
    int cutoff_kind;
    unsigned keywords; /* FFZFC_KW_* */
    int64_t (*integer)(ffz_str, ffz_str, const ffzfc_options *opt);
    double (*real)(ffz_str, ffz_str, const ffzfc_options *opt);
} ffzfc_pair;

/* 1 with `*real` set for an exact float, or an exact int as float()
 * converts it; 0 for anything else, and for an int past a double's range. */
static int ffzfc_read_real(PyObject *value, double *real) {
    if (PyFloat_CheckExact(value)) {
        *real = PyFloat_AS_DOUBLE(value);
        return 1;
    }
    if (!PyLong_CheckExact(value)) return 0;
    *real = PyLong_AsDouble(value);
    if (*real == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return 1;
}

/* 1 with `cut` set when this file reads `value` as the Python function
 * would; 0 for anything else (other types, out of range, NaN), which the
 * Python function then accepts or rejects itself. */
static int ffzfc_read_cutoff(int kind, PyObject *value, ffzfc_cutoff *cut) {
    if (kind == FFZFC_CUT_SIZE && PyLong_CheckExact(value)) {
        int overflow = 0;
        long long small = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (overflow < 0 || (overflow == 0 && small < 0)) return 0; /* negative */
        unsigned long long big = (unsigned long long)small;
        if (overflow > 0) {
            big = PyLong_AsUnsignedLongLong(value);
            if (big == (unsigned long long)-1 && PyErr_Occurred()) {
                PyErr_Clear(); /* past 64 bits: min(value, SIZE_MAX) */
                big = SIZE_MAX;
            }
        }
        cut->size = big > SIZE_MAX ? SIZE_MAX : (size_t)big;
        return 1;
    }
    double real;
    if (!ffzfc_read_real(value, &real)) return 0;
    switch (kind) {
    case FFZFC_CUT_SIZE:
        if (!(real >= 0.0) || real > 1e300) return 0; /* NaN, negative, inf */
        cut->size = real >= 18446744073709551616.0 ? SIZE_MAX : (size_t)real;
        return 1;
    case FFZFC_CUT_NORMALIZED:
        if (!(real >= 0.0 && real <= 1.0)) return 0;
        cut->real = (double)(float)real;
        return 1;
    default:
        cut->real = real;
        return 1;
    }
}

/* 1 with `opt->weights` set when this file reads `value` as
 * distance/_params.py's weights_pointer would: None, or an exact tuple of
 * three exact non-negative ints up to SIZE_MAX ((1, 1, 1) is the default,
 * NULL); 0 for anything else, which the Python function handles. */
static int ffzfc_read_weights(PyObject *value, ffzfc_options *opt) {
    if (value == Py_None) return 1;
    if (!PyTuple_CheckExact(value) || PyTuple_GET_SIZE(value) != 3) return 0;
    size_t costs[3];
    for (Py_ssize_t i = 0; i < 3; i++) {
        PyObject *item = PyTuple_GET_ITEM(value, i);
        if (!PyLong_CheckExact(item)) return 0;
        unsigned long long cost = PyLong_AsUnsignedLongLong(item);
        if (cost == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear(); /* negative, or past 64 bits */
            return 0;
        }
        if (cost > SIZE_MAX) return 0;
        costs[i] = (size_t)cost;
    }
    if (costs[0] == 1 && costs[1] == 1 && costs[2] == 1) return 1;
    opt->weight_values.insertion = costs[0];
    opt->weight_values.deletion = costs[1];
    opt->weight_values.substitution = costs[2];
    opt->weights = &opt->weight_values;
    return 1;
}

/* 1 with `opt->prefix_weight` set for an exact float or int (as
 * prefix_weight_value's float()); the library checks the range and fails
 * the call, which then goes to the Python function to raise. */
static int ffzfc_read_prefix_weight(PyObject *value, ffzfc_options *opt) {
    return ffzfc_read_real(value, &opt->prefix_weight);
}

/* A single-string phonetic code, by ffz_phonetic_into's algorithm. */
typedef struct {
    const char *name;
    uint32_t algorithm;
} ffzfc_phonetic;

/* The pair scorer called `name` (``levenshtein_distance``, ``fuzz_ratio``,
 * ...), or NULL; generated by build.py after this file. */
static const ffzfc_pair *ffzfc_find_pair(const char *name);

/* ffzfc_phonetic.algorithm of match_rating_comparison (two strings, a
 * bool or None), which is not an FFZ_PHONETIC_* value. */
#define FFZFC_MRA_COMPARISON 0

static const ffzfc_phonetic ffzfc_phonetics[] = {
    {"soundex", FFZ_PHONETIC_SOUNDEX},
    {"metaphone", FFZ_PHONETIC_METAPHONE},
    {"nysiis", FFZ_PHONETIC_NYSIIS},
    {"match_rating_codex", FFZ_PHONETIC_MATCH_RATING_CODEX},
    {"double_metaphone", FFZ_PHONETIC_DOUBLE_METAPHONE},
    {"match_rating_comparison", FFZFC_MRA_COMPARISON},
    {NULL, 0},
};

/* The function object: a Python function with a native fast path. */
typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyObject *fallback;
    PyObject *dict;
    const ffzfc_pair *pair;
    const ffzfc_phonetic *phonetic;
    /* process.extract / extractOne: {scorer: (ffz_scorer address, integral)}
     * of the scorers the process module has made ready, and the call's
     * shape. */
    PyObject *scorers;
    int one;
    Py_ssize_t default_limit;
} ffzfc_function;

static PyObject *ffzfc_fallback(ffzfc_function *self, PyObject *const *args, size_t nargsf,
                                PyObject *kwnames) {
    return PyObject_Vectorcall(self->fallback, args, nargsf, kwnames);
}

static PyObject *ffzfc_score_cutoff; /* "score_cutoff", interned */
static PyObject *ffzfc_processor;    /* "processor", interned */
/* The other keywords of process.extract and of the pair scorers, interned. */
static PyObject *ffzfc_scorer, *ffzfc_limit, *ffzfc_score_hint, *ffzfc_scorer_kwargs;
static PyObject *ffzfc_weights, *ffzfc_pad, *ffzfc_prefix_weight;
/* ferrofuzz.utils.default_process, once utils has registered it. */
static PyObject *ffzfc_default_process;

/* Whether `key` (a keyword name) is `name` (interned). */
static int ffzfc_is_key(PyObject *key, PyObject *name) {
    return key == name || PyUnicode_Compare(key, name) == 0;
}

/* The text of an exact, ASCII str (NULL for anything else). */
static const char *ffzfc_ascii(PyObject *obj, size_t *len) {
    if (!PyUnicode_CheckExact(obj)) return NULL;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(obj) < 0) {
        PyErr_Clear();
        return NULL;
    }
#endif
    if (!PyUnicode_IS_ASCII(obj)) return NULL;
    *len = (size_t)PyUnicode_GET_LENGTH(obj);
    return (const char *)PyUnicode_DATA(obj);
}

/* default_process of the ASCII text `data[0..len]` into `buf` (room for
 * `len` bytes): ASCII letters lowercased, digits kept, every other char a
 * space, as utils.default_process does; the processed text, its spaces
 * trimmed from both ends, is `buf[*start..*end]`. */
static void ffzfc_process_bytes(const unsigned char *data, size_t len, char *buf, size_t *start,
                                size_t *end) {
    *start = *end = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = data[i];
        if (c >= 'A' && c <= 'Z') {
            c += 32;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            c = ' ';
        }
        buf[i] = (char)c;
        if (c != ' ') {
            if (*end == 0) *start = i;
            *end = i + 1;
        }
    }
}

/* default_process of `text` into `buf` (FFZFC_PROCESS_CAP bytes) as an
 * ffz_str; 0 when `text` is not an exact ASCII str or is longer than the
 * buffer (the Python function then). */
#define FFZFC_PROCESS_CAP 256

static int ffzfc_process_ascii(PyObject *text, char *buf, ffz_str *out) {
    size_t len = 0, start, end;
    const char *data = ffzfc_ascii(text, &len);
    if (data == NULL || len > FFZFC_PROCESS_CAP) return 0;
    ffzfc_process_bytes((const unsigned char *)data, len, buf, &start, &end);
    out->data = buf + start;
    out->len = end - start;
    out->kind = FFZ_KIND_U8;
    return 1;
}

/* Checks that every item of the list `items` is an exact str (ASCII ones
 * when `ascii_only`) and finds their total length and whether any is wider
 * than 1 byte a code point. 1 if so, 0 if not, -1 on a Python error. */
static int ffzfc_scan_strs(PyObject *items, int ascii_only, size_t *total, int *wide) {
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        if (!PyUnicode_CheckExact(item)) return 0;
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(item) < 0) return -1;
#endif
        if (ascii_only && !PyUnicode_IS_ASCII(item)) return 0;
        *total += (size_t)PyUnicode_GET_LENGTH(item);
        *wide |= PyUnicode_KIND(item) != PyUnicode_1BYTE_KIND;
    }
    return 1;
}

/* fastcall_pack_processed(items): default_process of every item of the
 * list `items`, packed for an ffz_strs of kind FFZ_KIND_U8, as
 * (data: bytes, lengths: bytes of size_t, units): what the process
 * functions build in Python for processor=utils.default_process, without a
 * Python call and a str object per item. None unless every item is an
 * exact ASCII str. */
static PyObject *ffzfc_pack_processed(PyObject *module, PyObject *items) {
    (void)module;
    if (!PyList_CheckExact(items)) Py_RETURN_NONE;
    Py_ssize_t count = PyList_GET_SIZE(items);
    size_t total = 0;
    int wide = 0;
    int scanned = ffzfc_scan_strs(items, 1, &total, &wide);
    if (scanned <= 0) {
        if (scanned < 0) return NULL;
        Py_RETURN_NONE;
    }
    PyObject *lengths = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(size_t));
    char *data = PyMem_Malloc(total + 1);
    if (lengths == NULL || data == NULL) {
        Py_XDECREF(lengths);
        PyMem_Free(data);
        return PyErr_NoMemory();
    }
    size_t *lens = (size_t *)PyBytes_AS_STRING(lengths);
    size_t used = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        size_t len = (size_t)PyUnicode_GET_LENGTH(item), start, end;
        ffzfc_process_bytes(PyUnicode_DATA(item), len, data + used, &start, &end);
        memmove(data + used, data + used + start, end - start);
        used += end - start;
        lens[i] = end - start;
    }
    PyObject *packed = PyBytes_FromStringAndSize(data, (Py_ssize_t)used);
    PyMem_Free(data);
    if (packed == NULL) {
        Py_DECREF(lengths);
        return NULL;
    }
    PyObject *units = PyLong_FromSize_t(used);
    PyObject *result = units == NULL ? NULL : PyTuple_Pack(3, packed, lengths, units);
    Py_DECREF(packed);
    Py_DECREF(lengths);
    Py_XDECREF(units);
    return result;
}

static PyMethodDef ffzfc_pack_processed_def = {"fastcall_pack_processed", ffzfc_pack_processed, METH_O, NULL};

static PyObject *ffzfc_score(ffzfc_function *self, ffzfc_view *a_view, ffzfc_view *b_view,
                             const ffzfc_options *opt, PyObject *const *args, size_t nargsf,
                             PyObject *kwnames);

/* Serves f(s1, s2) for exact str, with any of these keywords: score_cutoff,
 * processor (None or utils.default_process), and, where the scorer takes
 * them, score_hint, weights, pad and prefix_weight, each read only in the
 * forms this file converts as the Python function does. */
static PyObject *ffzfc_pair_call(PyObject *callable, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames) {
    ffzfc_function *self = (ffzfc_function *)callable;
    const ffzfc_pair *pair = self->pair;
    if (PyVectorcall_NARGS(nargsf) != 2) return ffzfc_fallback(self, args, nargsf, kwnames);
    ffzfc_options opt;
    opt.has_cut = opt.has_hint = 0;
    opt.weights = NULL;
    opt.pad = true;
    opt.prefix_weight = 0.1;
    int process = 0;
    if (kwnames != NULL) {
        Py_ssize_t keywords = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t k = 0; k < keywords; k++) {
            PyObject *key = PyTuple_GET_ITEM(kwnames, k), *value = args[2 + k];
            int read;
            if (ffzfc_is_key(key, ffzfc_score_cutoff)) {
                read = value == Py_None || (opt.has_cut = ffzfc_read_cutoff(pair->cutoff_kind, value, &opt.cut));
            } else if (ffzfc_is_key(key, ffzfc_processor)) {
                read = value == Py_None || (ffzfc_default_process != NULL && value == ffzfc_default_process);
                process = value != Py_None;
            } else if ((pair->keywords & FFZFC_KW_HINT) && ffzfc_is_key(key, ffzfc_score_hint)) {
                read = value == Py_None || (opt.has_hint = ffzfc_read_cutoff(pair->cutoff_kind, value, &opt.hint));
            } else if ((pair->keywords & FFZFC_KW_WEIGHTS) && ffzfc_is_key(key, ffzfc_weights)) {
                read = ffzfc_read_weights(value, &opt);
            } else if ((pair->keywords & FFZFC_KW_PAD) && ffzfc_is_key(key, ffzfc_pad)) {
                /* pad_flag is bool(pad); only the two bools are read here */
                read = value == Py_True || value == Py_False;
                opt.pad = value == Py_True;
            } else if ((pair->keywords & FFZFC_KW_PREFIX_WEIGHT) && ffzfc_is_key(key, ffzfc_prefix_weight)) {
                read = ffzfc_read_prefix_weight(value, &opt);
            } else {
                read = 0;
            }
            if (!read) return ffzfc_fallback(self, args, nargsf, kwnames);
        }
    }
    if (process) {
        char buf_a[FFZFC_PROCESS_CAP], buf_b[FFZFC_PROCESS_CAP];
        ffzfc_view a, b;
        a.owned = b.owned = NULL;
        if (!ffzfc_process_ascii(args[0], buf_a, &a.str) || !ffzfc_process_ascii(args[1], buf_b, &b.str)) {
            return ffzfc_fallback(self, args, nargsf, kwnames);
        }
        return ffzfc_score(self, &a, &b, &opt, args, nargsf, kwnames);
    }
    ffzfc_view a, b;
    if (!ffzfc_view_init(&a, args[0])) return ffzfc_fallback(self, args, nargsf, kwnames);
    if (!ffzfc_view_init(&b, args[1])) {
        ffzfc_view_free(&a);
        return ffzfc_fallback(self, args, nargsf, kwnames);
    }
    return ffzfc_score(self, &a, &b, &opt, args, nargsf, kwnames);
}

/* Scores the views (and frees them); the Python function for results the
 * flat shims cannot carry. */
static PyObject *ffzfc_score(ffzfc_function *self, ffzfc_view *a_view, ffzfc_view *b_view,
                             const ffzfc_options *opt, PyObject *const *args, size_t nargsf,
                             PyObject *kwnames) {
    const ffzfc_pair *pair = self->pair;
    ffz_str a = a_view->str, b = b_view->str;
    PyThreadState *released = NULL;
    if (a.len + b.len >= FFZFC_RELEASE_UNITS) released = PyEval_SaveThread();
    int64_t integer = 0;
    double real = 0.0;
    if (pair->integer != NULL) {
        integer = pair->integer(a, b, opt);
    } else {
        real = pair->real(a, b, opt);
    }
    if (released != NULL) PyEval_RestoreThread(released);
    ffzfc_view_free(a_view);
    ffzfc_view_free(b_view);
    if (pair->integer != NULL) {
        if (integer >= 0) return PyLong_FromLongLong(integer);
    } else if (real >= 0.0) {
        return PyFloat_FromDouble(real);
    }
    return ffzfc_fallback(self, args, nargsf, kwnames);
}

/* Codes of ASCII text fit this buffer but for long texts (FFZ_TOO_LARGE
 * then), which go to the Python function, as non-ASCII text and errors do.
 * A NUL in the text may be copied into the code; `written` counts it, and
 * Double Metaphone's codes never hold one, so the NUL between them splits
 * them. */
#define FFZFC_CODE_CAP 128

/* The str of the UTF-8 code `code[0..len]`. Codes of ASCII text are ASCII,
 * which is copied straight into a new compact str; anything else (a NUL is
 * ASCII too) is decoded. */
static PyObject *ffzfc_code_str(const char *code, size_t len) {
    unsigned char high = 0;
    for (size_t i = 0; i < len; i++) high |= (unsigned char)code[i];
    if (high >= 0x80) return PyUnicode_DecodeUTF8(code, (Py_ssize_t)len, NULL);
    PyObject *str = PyUnicode_New((Py_ssize_t)len, 127);
    if (str != NULL) memcpy(PyUnicode_1BYTE_DATA(str), code, len);
    return str;
}

static PyObject *ffzfc_code(const ffzfc_phonetic *phonetic, const char *text, size_t len) {
    char code[FFZFC_CODE_CAP];
    size_t written = 0;
    if (ffz_phonetic_into(phonetic->algorithm, text, len, code, sizeof code, &written) != FFZ_OK) {
        return NULL;
    }
    if (phonetic->algorithm != FFZ_PHONETIC_DOUBLE_METAPHONE) {
        return ffzfc_code_str(code, written);
    }
    /* primary, NUL, alternate, NUL */
    size_t primary_len = strlen(code);
    PyObject *primary = ffzfc_code_str(code, primary_len);
    PyObject *alternate = primary == NULL ? NULL
        : ffzfc_code_str(code + primary_len + 1, written - primary_len - 1);
    PyObject *pair = alternate == NULL ? NULL : PyTuple_Pack(2, primary, alternate);
    Py_XDECREF(primary);
    Py_XDECREF(alternate);
    return pair;
}

static PyObject *ffzfc_compare(const char *a, size_t a_len, const char *b, size_t b_len) {
    int32_t value = 0;
    int32_t status = ffz_match_rating_comparison_utf8(a, a_len, b, b_len, &value);
    if (status == FFZ_NOT_ALPHABETIC || (status == FFZ_OK && value < 0)) Py_RETURN_NONE;
    if (status != FFZ_OK) return NULL;
    return PyBool_FromLong(value == 1);
}

static PyObject *ffzfc_phonetic_call(PyObject *callable, PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames) {
    ffzfc_function *self = (ffzfc_function *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    int comparison = self->phonetic->algorithm == FFZFC_MRA_COMPARISON;
    if (kwnames == NULL && nargs == 1 + comparison) {
        size_t a_len = 0, b_len = 0;
        const char *a = ffzfc_ascii(args[0], &a_len);
        const char *b = comparison ? ffzfc_ascii(args[1], &b_len) : NULL;
        PyObject *result = NULL;
        if (a != NULL && !comparison) {
            result = ffzfc_code(self->phonetic, a, a_len);
        } else if (a != NULL && b != NULL) {
            result = ffzfc_compare(a, a_len, b, b_len);
        }
        if (result != NULL || PyErr_Occurred()) return result;
    }
    return ffzfc_fallback(self, args, nargsf, kwnames);
}

static int ffzfc_traverse(PyObject *obj, visitproc visit, void *arg) {
    ffzfc_function *self = (ffzfc_function *)obj;
    Py_VISIT(self->fallback);
    Py_VISIT(self->dict);
    Py_VISIT(self->scorers);
    return 0;
}

static int ffzfc_clear(PyObject *obj) {
    ffzfc_function *self = (ffzfc_function *)obj;
    Py_CLEAR(self->fallback);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->scorers);
    return 0;
}

static void ffzfc_dealloc(PyObject *obj) {
    PyObject_GC_UnTrack(obj);
    ffzfc_clear(obj);
    PyObject_GC_Del(obj);
}

/* Bound as a method when it is a class attribute, as a Python function is. */
static PyObject *ffzfc_descr_get(PyObject *func, PyObject *obj, PyObject *type) {
    (void)type;
    if (obj == NULL || obj == Py_None) {
        Py_INCREF(func);
        return func;
    }
    return PyMethod_New(func, obj);
}

static PyObject *ffzfc_repr(PyObject *obj) {
    PyObject *name = PyObject_GetAttrString(obj, "__qualname__");
    if (name == NULL) return NULL;
    PyObject *repr = PyUnicode_FromFormat("<function %S at %p>", name, (void *)obj);
    Py_DECREF(name);
    return repr;
}

/* Pickled by reference, as a Python function is: module plus qualname. */
static PyObject *ffzfc_reduce(PyObject *obj, PyObject *unused) {
    (void)unused;
    return PyObject_GetAttrString(obj, "__qualname__");
}

static PyMethodDef ffzfc_methods[] = {
    {"__reduce__", ffzfc_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef ffzfc_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject ffzfc_function_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ferrofuzz.function",
    .tp_doc = "A ferrofuzz function whose common call runs natively; "
              "__wrapped__ is the Python function that serves every other call.",
    .tp_basicsize = sizeof(ffzfc_function),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_vectorcall_offset = offsetof(ffzfc_function, vectorcall),
    .tp_dictoffset = offsetof(ffzfc_function, dict),
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_descr_get = ffzfc_descr_get,
    .tp_repr = ffzfc_repr,
    .tp_methods = ffzfc_methods,
    .tp_getset = ffzfc_getset,
    .tp_traverse = ffzfc_traverse,
    .tp_clear = ffzfc_clear,
    .tp_dealloc = ffzfc_dealloc,
};

/* Lists up to this long go through fastcall_extract, which holds the GIL
 * (about a millisecond at most with the slowest scorers); longer ones take
 * the cffi path, which releases it and can use every core. */
#define FFZFC_EXTRACT_MAX 1024

/* fastcall_extract(query, choices, scorer_address, limit, integral, cutoff,
 * process): process.extract's results for the common call, a str query
 * against a list of at most FFZFC_EXTRACT_MAX exact str, with no hint or
 * scorer_kwargs, no processor or (`process` true) utils.default_process on
 * ASCII text only, `limit` in 1..=len(choices) and `cutoff` a float, already
 * converted as the library takes it, or NaN for none: a list of (choice,
 * score, index), best first, with int scores when `integral`.
 * `scorer_address` is the address of a live ffz_scorer. None when the call
 * is not of that form or the library fails, for the general path to repeat
 * it. */
static PyObject *ffzfc_extract_list(PyObject *query_obj, PyObject *choices, const ffz_scorer *scorer,
                                    Py_ssize_t limit, int integral, double cutoff, int process);

static PyObject *ffzfc_extract(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 7 || !PyList_CheckExact(args[1]) || !PyFloat_CheckExact(args[5])) Py_RETURN_NONE;
    Py_ssize_t limit = PyLong_AsSsize_t(args[3]);
    const ffz_scorer *scorer = PyLong_AsVoidPtr(args[2]);
    int integral = PyObject_IsTrue(args[4]);
    double cutoff = PyFloat_AS_DOUBLE(args[5]);
    int process = PyObject_IsTrue(args[6]);
    if (PyErr_Occurred()) return NULL;
    return ffzfc_extract_list(args[0], args[1], scorer, limit, integral, cutoff, process);
}

/* The body of fastcall_extract, on its converted arguments. */
static PyObject *ffzfc_extract_list(PyObject *query_obj, PyObject *choices, const ffz_scorer *scorer,
                                    Py_ssize_t limit, int integral, double cutoff, int process) {
    Py_ssize_t count = PyList_GET_SIZE(choices);
    if (count == 0 || count > FFZFC_EXTRACT_MAX || limit < 1 || limit > count || scorer == NULL) {
        Py_RETURN_NONE;
    }
    size_t total = 0;
    int wide = 0;
    int scanned = ffzfc_scan_strs(choices, process, &total, &wide);
    if (scanned <= 0) {
        if (scanned < 0) return NULL;
        Py_RETURN_NONE;
    }
    ffzfc_view query;
    if (!ffzfc_view_init(&query, query_obj)) Py_RETURN_NONE;
    if (process && !PyUnicode_IS_ASCII(query_obj)) {
        ffzfc_view_free(&query);
        Py_RETURN_NONE;
    }
    /* One block: lengths, positions and scores, then the units, then the
     * processed query. */
    size_t unit = wide ? sizeof(uint32_t) : 1;
    size_t head = (size_t)count * sizeof(size_t) + (size_t)limit * (sizeof(size_t) + sizeof(double));
    size_t query_room = process ? query.str.len : 0;
    char *block = PyMem_Malloc(head + total * unit + query_room + 1);
    if (block == NULL) {
        ffzfc_view_free(&query);
        return PyErr_NoMemory();
    }
    if (process) {
        /* utils.default_process of the query and of each choice below */
        char *processed = block + head + total;
        size_t start, end;
        ffzfc_process_bytes(query.str.data, query.str.len, processed, &start, &end);
        query.str.data = processed + start;
        query.str.len = end - start;
    }
    size_t *lengths = (size_t *)block;
    size_t *positions = lengths + count;
    double *scores = (double *)(positions + limit);
    char *units = block + head;
    size_t at = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PyList_GET_ITEM(choices, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(item);
        const void *data = PyUnicode_DATA(item);
        int kind = PyUnicode_KIND(item);
        lengths[i] = (size_t)len;
        if (process) {
            size_t start, end;
            ffzfc_process_bytes(data, (size_t)len, units + at, &start, &end);
            memmove(units + at, units + at + start, end - start);
            lengths[i] = end - start;
            at += end - start;
            continue;
        } else if (!wide) {
            memcpy(units + at, data, (size_t)len);
        } else if (kind == PyUnicode_4BYTE_KIND) {
            memcpy(units + at * 4, data, (size_t)len * 4);
        } else {
            uint32_t *out = (uint32_t *)(units + at * 4);
            for (Py_ssize_t j = 0; j < len; j++) out[j] = PyUnicode_READ(kind, data, j);
        }
        at += (size_t)len;
    }
    ffz_strs list = {units, at, lengths, (size_t)count, wide ? FFZ_KIND_U32 : FFZ_KIND_U8};
    size_t written = 0;
    int32_t status = ffz_process_extract(query.str, &list, scorer, (size_t)limit,
                                         cutoff == cutoff ? &cutoff : NULL, NULL, 1, NULL,
                                         positions, scores, &written);
    ffzfc_view_free(&query);
    PyObject *found = NULL;
    if (status != FFZ_OK) {
        Py_INCREF(Py_None);
        found = Py_None;
        goto done;
    }
    found = PyList_New((Py_ssize_t)written);
    if (found == NULL) goto done;
    for (size_t i = 0; i < written; i++) {
        size_t p = positions[i];
        PyObject *score = integral ? PyLong_FromDouble(scores[i]) : PyFloat_FromDouble(scores[i]);
        PyObject *index = score == NULL ? NULL : PyLong_FromSize_t(p);
        PyObject *row = index == NULL ? NULL
            : PyTuple_Pack(3, PyList_GET_ITEM(choices, (Py_ssize_t)p), score, index);
        Py_XDECREF(score);
        Py_XDECREF(index);
        if (row == NULL) {
            Py_CLEAR(found);
            goto done;
        }
        PyList_SET_ITEM(found, (Py_ssize_t)i, row);
    }
done:
    PyMem_Free(block);
    return found;
}

static PyMethodDef ffzfc_extract_def = {"fastcall_extract", (PyCFunction)(void (*)(void))ffzfc_extract,
                                        METH_FASTCALL, NULL};

/* fastcall_wrap(table, name, fallback): a function object serving the
 * common call of table "pair" or "phonetic"'s entry `name` natively and
 * every other call through `fallback`. KeyError for an unknown entry. */
static PyObject *ffzfc_wrap(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1]) ||
        !PyCallable_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "fastcall_wrap(table: str, name: str, fallback: callable)");
        return NULL;
    }
    const char *table = PyUnicode_AsUTF8(args[0]);
    const char *name = PyUnicode_AsUTF8(args[1]);
    if (table == NULL || name == NULL) return NULL;
    const ffzfc_pair *pair = NULL;
    const ffzfc_phonetic *phonetic = NULL;
    if (strcmp(table, "pair") == 0) {
        pair = ffzfc_find_pair(name);
    } else if (strcmp(table, "phonetic") == 0) {
        for (const ffzfc_phonetic *p = ffzfc_phonetics; p->name != NULL; p++) {
            if (strcmp(p->name, name) == 0) phonetic = p;
        }
    }
    if (pair == NULL && phonetic == NULL) {
        PyErr_Format(PyExc_KeyError, "no fast path %s/%s", table, name);
        return NULL;
    }
    ffzfc_function *self = PyObject_GC_New(ffzfc_function, &ffzfc_function_type);
    if (self == NULL) return NULL;
    self->vectorcall = pair != NULL ? ffzfc_pair_call : ffzfc_phonetic_call;
    Py_INCREF(args[2]);
    self->fallback = args[2];
    self->dict = NULL;
    self->pair = pair;
    self->phonetic = phonetic;
    self->scorers = NULL;
    self->one = 0;
    self->default_limit = 0;
    PyObject_GC_Track((PyObject *)self);
    return (PyObject *)self;
}

/* The common call of process.extract (or extractOne): a str query and a
 * list of choices as the two positional arguments, `scorer=` one of
 * self->scorers, and otherwise at most `limit` (extract: an int or None),
 * `processor` (None or utils.default_process) and `score_cutoff`,
 * `score_hint`, `scorer_kwargs` left None. Served by ffzfc_extract_list,
 * which declines what it does not serve; every other call, and every
 * declined one, goes to the Python function. */
static PyObject *ffzfc_extract_call(PyObject *callable, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames) {
    ffzfc_function *self = (ffzfc_function *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    PyObject *scorer = NULL, *limit_obj = NULL;
    int process = 0;
    if (nargs != 2 || !PyUnicode_CheckExact(args[0]) || !PyList_CheckExact(args[1])) goto fallback;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k), *value = args[nargs + k];
        if (ffzfc_is_key(key, ffzfc_scorer)) {
            scorer = value;
        } else if (!self->one && ffzfc_is_key(key, ffzfc_limit)) {
            limit_obj = value;
        } else if (ffzfc_is_key(key, ffzfc_processor)) {
            if (value != Py_None && value != ffzfc_default_process) goto fallback;
            process = value != Py_None;
        } else if (value != Py_None || !(ffzfc_is_key(key, ffzfc_score_cutoff) || ffzfc_is_key(key, ffzfc_score_hint)
                                         || ffzfc_is_key(key, ffzfc_scorer_kwargs))) {
            goto fallback;
        }
    }
    if (scorer == NULL) goto fallback;
    PyObject *entry = PyDict_GetItemWithError(self->scorers, scorer); /* borrowed */
    if (entry == NULL) {
        PyErr_Clear(); /* unhashable: the Python function says what it says */
        goto fallback;
    }
    if (!PyTuple_CheckExact(entry) || PyTuple_GET_SIZE(entry) != 2) goto fallback;
    const ffz_scorer *address = PyLong_AsVoidPtr(PyTuple_GET_ITEM(entry, 0));
    int integral = PyObject_IsTrue(PyTuple_GET_ITEM(entry, 1));
    if (address == NULL || integral < 0) {
        PyErr_Clear();
        goto fallback;
    }
    Py_ssize_t count = PyList_GET_SIZE(args[1]);
    Py_ssize_t limit = self->one ? 1 : self->default_limit;
    if (limit_obj == Py_None) {
        limit = count;
    } else if (limit_obj != NULL) {
        if (!PyLong_CheckExact(limit_obj)) goto fallback;
        int overflow = 0;
        long long value = PyLong_AsLongLongAndOverflow(limit_obj, &overflow);
        if (overflow < 0 || (value == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            goto fallback;
        }
        limit = overflow > 0 || value > (long long)count ? count : (Py_ssize_t)value;
    }
    if (limit > count) limit = count;
    PyObject *found = ffzfc_extract_list(args[0], args[1], address, limit, integral, Py_NAN, process);
    if (found == NULL) return NULL;
    if (found == Py_None) {
        Py_DECREF(found);
        goto fallback;
    }
    if (!self->one) return found;
    PyObject *best = PyList_GET_SIZE(found) > 0 ? PyList_GET_ITEM(found, 0) : Py_None;
    Py_INCREF(best);
    Py_DECREF(found);
    return best;
fallback:
    return ffzfc_fallback(self, args, nargsf, kwnames);
}

/* fastcall_wrap_extract(fallback, scorers, one, default_limit): the
 * function object serving process.extract's (extractOne's, when `one`)
 * common call natively (ffzfc_extract_call) and every other call through
 * `fallback`. `scorers` is the dict {scorer: (address, integral)} that the
 * process module fills as it makes scorers ready; it is read at each call. */
static PyObject *ffzfc_wrap_extract(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 4 || !PyCallable_Check(args[0]) || !PyDict_CheckExact(args[1]) || !PyLong_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError,
                        "fastcall_wrap_extract(fallback: callable, scorers: dict, one: bool, default_limit: int)");
        return NULL;
    }
    int one = PyObject_IsTrue(args[2]);
    Py_ssize_t default_limit = PyLong_AsSsize_t(args[3]);
    if (one < 0 || (default_limit == -1 && PyErr_Occurred())) return NULL;
    ffzfc_function *self = PyObject_GC_New(ffzfc_function, &ffzfc_function_type);
    if (self == NULL) return NULL;
    self->vectorcall = ffzfc_extract_call;
    Py_INCREF(args[0]);
    self->fallback = args[0];
    self->dict = NULL;
    self->pair = NULL;
    self->phonetic = NULL;
    Py_INCREF(args[1]);
    self->scorers = args[1];
    self->one = one;
    self->default_limit = default_limit;
    PyObject_GC_Track((PyObject *)self);
    return (PyObject *)self;
}

static PyMethodDef ffzfc_wrap_extract_def = {"fastcall_wrap_extract", (PyCFunction)(void (*)(void))ffzfc_wrap_extract,
                                             METH_FASTCALL, NULL};

/* fastcall_default_process(fn): the object that processor=fn means
 * utils.default_process for (the pair functions then process ASCII text
 * here). */
static PyObject *ffzfc_set_default_process(PyObject *module, PyObject *fn) {
    (void)module;
    Py_INCREF(fn);
    Py_XSETREF(ffzfc_default_process, fn);
    Py_RETURN_NONE;
}

static PyMethodDef ffzfc_default_process_def = {"fastcall_default_process", ffzfc_set_default_process, METH_O,
                                                NULL};

static PyMethodDef ffzfc_wrap_def = {"fastcall_wrap", (PyCFunction)(void (*)(void))ffzfc_wrap,
                                     METH_FASTCALL, NULL};

/* Adds fastcall_wrap to the (imported) module `module_name`. Returns 0, or
 * -1 with the Python error printed to stderr as unraisable. */
static int ffzfc_install(const char *module_name) {
    PyGILState_STATE gil = PyGILState_Ensure();
    int result = -1;
    PyObject *module = NULL, *wrap = NULL, *extract = NULL, *processor = NULL, *pack = NULL, *wrap_extract = NULL;
    if (PyType_Ready(&ffzfc_function_type) < 0) goto done;
    if (ffzfc_score_cutoff == NULL) {
        ffzfc_score_cutoff = PyUnicode_InternFromString("score_cutoff");
        if (ffzfc_score_cutoff == NULL) goto done;
    }
    if (ffzfc_processor == NULL) {
        ffzfc_processor = PyUnicode_InternFromString("processor");
        if (ffzfc_processor == NULL) goto done;
    }
    if (ffzfc_scorer == NULL) {
        ffzfc_scorer = PyUnicode_InternFromString("scorer");
        ffzfc_limit = PyUnicode_InternFromString("limit");
        ffzfc_score_hint = PyUnicode_InternFromString("score_hint");
        ffzfc_scorer_kwargs = PyUnicode_InternFromString("scorer_kwargs");
        ffzfc_weights = PyUnicode_InternFromString("weights");
        ffzfc_pad = PyUnicode_InternFromString("pad");
        ffzfc_prefix_weight = PyUnicode_InternFromString("prefix_weight");
        if (ffzfc_scorer == NULL || ffzfc_limit == NULL || ffzfc_score_hint == NULL || ffzfc_scorer_kwargs == NULL ||
            ffzfc_weights == NULL || ffzfc_pad == NULL || ffzfc_prefix_weight == NULL) {
            goto done;
        }
    }
    module = PyImport_ImportModule(module_name);
    if (module == NULL) goto done;
    wrap = PyCFunction_NewEx(&ffzfc_wrap_def, NULL, NULL);
    extract = PyCFunction_NewEx(&ffzfc_extract_def, NULL, NULL);
    processor = PyCFunction_NewEx(&ffzfc_default_process_def, NULL, NULL);
    pack = PyCFunction_NewEx(&ffzfc_pack_processed_def, NULL, NULL);
    wrap_extract = PyCFunction_NewEx(&ffzfc_wrap_extract_def, NULL, NULL);
    if (wrap == NULL || extract == NULL || processor == NULL || pack == NULL || wrap_extract == NULL) goto done;
    if (PyObject_SetAttrString(module, "fastcall_wrap_extract", wrap_extract) < 0) goto done;
    if (PyObject_SetAttrString(module, "fastcall_pack_processed", pack) < 0) goto done;
    if (PyObject_SetAttrString(module, "fastcall_wrap", wrap) < 0) goto done;
    if (PyObject_SetAttrString(module, "fastcall_extract", extract) < 0) goto done;
    if (PyObject_SetAttrString(module, "fastcall_default_process", processor) < 0) goto done;
    result = 0;
done:
    if (result < 0) PyErr_WriteUnraisable(NULL);
    Py_XDECREF(wrap);
    Py_XDECREF(extract);
    Py_XDECREF(processor);
    Py_XDECREF(pack);
    Py_XDECREF(wrap_extract);
    Py_XDECREF(module);
    PyGILState_Release(gil);
    return result;
}
