"""Calling libferrofuzz.so from ctypes, with no cffi involved.

Any FFI works the same way: load the library, declare ffz_str, call a
function, check the status, read the result from the out-parameter.
"""

import ctypes

import ferrofuzz  # only to find the library; any path to libferrofuzz.so works

lib = ctypes.CDLL(ferrofuzz.get_library())

FFZ_OK, FFZ_KIND_UTF8 = 0, 16


class ffz_str(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("len", ctypes.c_size_t), ("kind", ctypes.c_uint32)]


def utf8(text: str) -> ffz_str:
    raw = text.encode("utf-8")
    s = ffz_str(ctypes.cast(ctypes.c_char_p(raw), ctypes.c_void_p), len(raw), FFZ_KIND_UTF8)
    s._keep = raw  # keep the bytes alive as long as the struct
    return s


lib.ffz_version.restype = ctypes.c_char_p
lib.ffz_last_error_message.restype = ctypes.c_char_p
lib.ffz_levenshtein_distance.argtypes = [ffz_str, ffz_str, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t,
                                         ctypes.POINTER(ctypes.c_size_t)]
lib.ffz_levenshtein_distance.restype = ctypes.c_int32

print("ferrofuzz", lib.ffz_version().decode())
out = ctypes.c_size_t()
SIZE_MAX = ctypes.c_size_t(-1).value
status = lib.ffz_levenshtein_distance(utf8("kitten"), utf8("sitting"), None, SIZE_MAX, SIZE_MAX, ctypes.byref(out))
print("levenshtein(kitten, sitting) =", out.value if status == FFZ_OK else "error")

# Errors come back as a status plus a per-thread message.
bad = ffz_str(ctypes.cast(ctypes.c_char_p(b"\xff\xfe"), ctypes.c_void_p), 2, FFZ_KIND_UTF8)
status = lib.ffz_levenshtein_distance(bad, utf8("x"), None, SIZE_MAX, SIZE_MAX, ctypes.byref(out))
print(f"invalid UTF-8 -> status {status}: {lib.ffz_last_error_message().decode()}")
