/*
 * test_ffz.c: a self-checking C99 test of ferrofuzz's C API (ferrofuzz.h).
 *
 * Exits 0 only if every check passes; the last line of stdout is
 * "N passed, M failed". Failures are described on stderr.
 *
 * Built and run by tests/test_c_api.py (plain, under valgrind, and under
 * AddressSanitizer + UBSan), so it frees everything it allocates and keeps
 * its work small. By hand:
 *
 *   cc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude tests/c/test_ffz.c \
 *      -Lrust/target/release -lferrofuzz -Wl,-rpath,rust/target/release \
 *      -pthread -o test_ffz && ./test_ffz
 *
 * Expected values were cross-checked against rapidfuzz 3.x.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferrofuzz.h"
#include "ffz_check.h"

/* Sentinels that out-params hold before a call that must fail. */
#define SENTINEL_SIZE ((size_t)0x5EED)
#define SENTINEL_DOUBLE (-7.25)

/* ------------------------------------------------------------------------ */
/* Building strings                                                          */

static ffz_str mk(const void *data, size_t len, uint32_t kind) {
    ffz_str s;
    s.data = data;
    s.len = len;
    s.kind = kind;
    return s;
}

static ffz_str u8(const char *text) { return mk(text, strlen(text), FFZ_KIND_U8); }
static ffz_str utf8(const char *text) { return mk(text, strlen(text), FFZ_KIND_UTF8); }

/* How a sequence of code points is handed to the library. */
enum {
    REP_U8,
    REP_UTF8,
    REP_U32,
    REP_U64,
    REP_U32_UNALIGNED, /* data pointer one byte past an 8-aligned address */
    REP_U64_UNALIGNED,
    REP_COUNT
};
static const char *const rep_names[REP_COUNT] = {"U8", "UTF8", "U32", "U64", "U32+1", "U64+1"};

#define REP_MAX_UNITS 32
typedef struct {
    union {
        uint64_t align; /* makes bytes 8-aligned, so bytes + 1 is not */
        unsigned char bytes[1 + 8 * REP_MAX_UNITS];
    } buf;
} rep_storage;

static size_t utf8_encode(uint32_t cp, unsigned char *out) {
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Encodes code points `cps` as representation `rep` inside `st`. REP_U8
 * needs every code point <= 0xFF (Latin-1). */
static ffz_str make_rep(rep_storage *st, const uint32_t *cps, size_t n, int rep) {
    size_t i, off = 0;
    memset(st, 0, sizeof *st);
    switch (rep) {
    case REP_U8:
        for (i = 0; i < n; i++) st->buf.bytes[i] = (unsigned char)cps[i];
        return mk(st->buf.bytes, n, FFZ_KIND_U8);
    case REP_UTF8:
        for (i = 0; i < n; i++) off += utf8_encode(cps[i], st->buf.bytes + off);
        return mk(st->buf.bytes, off, FFZ_KIND_UTF8);
    case REP_U32:
    case REP_U32_UNALIGNED:
        off = rep == REP_U32 ? 0 : 1;
        for (i = 0; i < n; i++) {
            uint32_t v = cps[i];
            memcpy(st->buf.bytes + off + 4 * i, &v, 4);
        }
        return mk(st->buf.bytes + off, n, FFZ_KIND_U32);
    default:
        off = rep == REP_U64 ? 0 : 1;
        for (i = 0; i < n; i++) {
            uint64_t v = cps[i];
            memcpy(st->buf.bytes + off + 8 * i, &v, 8);
        }
        return mk(st->buf.bytes + off, n, FFZ_KIND_U64);
    }
}

static size_t ascii_cps(const char *text, uint32_t *cps) {
    size_t i, n = strlen(text);
    for (i = 0; i < n; i++) cps[i] = (unsigned char)text[i];
    return n;
}

/* ------------------------------------------------------------------------ */
/* Uniform wrappers, so one helper can check the four forms of each metric.   */

typedef int32_t (*int_fn)(ffz_str, ffz_str, size_t, size_t *);
typedef int32_t (*dbl_fn)(ffz_str, ffz_str, double, double *);

typedef struct {
    const char *name;
    int_fn distance, similarity;
    dbl_fn normalized_distance, normalized_similarity;
} metric;

static const ffz_levenshtein_weights weights_112 = {1, 1, 2};

static int32_t lev_d(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_levenshtein_distance(a, b, NULL, c, SIZE_MAX, o); }
static int32_t lev_s(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_levenshtein_similarity(a, b, NULL, c, 0, o); }
static int32_t lev_nd(ffz_str a, ffz_str b, double c, double *o) { return ffz_levenshtein_normalized_distance(a, b, NULL, c, 1.0, o); }
static int32_t lev_ns(ffz_str a, ffz_str b, double c, double *o) { return ffz_levenshtein_normalized_similarity(a, b, NULL, c, 0.0, o); }
static int32_t levw_d(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_levenshtein_distance(a, b, &weights_112, c, SIZE_MAX, o); }
static int32_t levw_s(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_levenshtein_similarity(a, b, &weights_112, c, 0, o); }
static int32_t levw_nd(ffz_str a, ffz_str b, double c, double *o) { return ffz_levenshtein_normalized_distance(a, b, &weights_112, c, 1.0, o); }
static int32_t levw_ns(ffz_str a, ffz_str b, double c, double *o) { return ffz_levenshtein_normalized_similarity(a, b, &weights_112, c, 0.0, o); }
static int32_t ham_d(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_hamming_distance(a, b, false, c, o); }
static int32_t ham_s(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_hamming_similarity(a, b, false, c, o); }
static int32_t ham_nd(ffz_str a, ffz_str b, double c, double *o) { return ffz_hamming_normalized_distance(a, b, false, c, o); }
static int32_t ham_ns(ffz_str a, ffz_str b, double c, double *o) { return ffz_hamming_normalized_similarity(a, b, false, c, o); }
static int32_t hamp_d(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_hamming_distance(a, b, true, c, o); }
static int32_t hamp_s(ffz_str a, ffz_str b, size_t c, size_t *o) { return ffz_hamming_similarity(a, b, true, c, o); }
static int32_t hamp_nd(ffz_str a, ffz_str b, double c, double *o) { return ffz_hamming_normalized_distance(a, b, true, c, o); }
static int32_t hamp_ns(ffz_str a, ffz_str b, double c, double *o) { return ffz_hamming_normalized_similarity(a, b, true, c, o); }

static const metric LEV = {"levenshtein", lev_d, lev_s, lev_nd, lev_ns};
static const metric LEVW = {"levenshtein(1,1,2)", levw_d, levw_s, levw_nd, levw_ns};
static const metric INDEL = {"indel", ffz_indel_distance, ffz_indel_similarity, ffz_indel_normalized_distance,
                             ffz_indel_normalized_similarity};
static const metric HAM = {"hamming", ham_d, ham_s, ham_nd, ham_ns};
static const metric HAMP = {"hamming(pad)", hamp_d, hamp_s, hamp_nd, hamp_ns};

/* Checks all four forms of `m` on (a, b), whose distance is `d` and whose
 * maximum distance is `max` (so the similarity is max - d), with and without
 * cutoffs, following rapidfuzz's rules:
 *   distance   > cutoff -> cutoff + 1     similarity            < cutoff -> 0
 *   normalized distance > cutoff -> 1.0   normalized similarity < cutoff -> 0.0 */
static void check_forms(const metric *m, ffz_str a, ffz_str b, size_t d, size_t max) {
    size_t s = max - d, c, out;
    double nd = max ? (double)d / (double)max : 0.0, ns = 1.0 - nd, dout;
    check_context = m->name;

    out = SENTINEL_SIZE;
    CHECK_OK(m->distance(a, b, SIZE_MAX, &out));
    CHECK_SIZE(out, d);
    out = SENTINEL_SIZE;
    CHECK_OK(m->similarity(a, b, 0, &out));
    CHECK_SIZE(out, s);
    CHECK_OK(m->normalized_distance(a, b, 1.0, &dout));
    CHECK_DOUBLE(dout, nd);
    CHECK_OK(m->normalized_similarity(a, b, 0.0, &dout));
    CHECK_DOUBLE(dout, ns);

    for (c = 0; c <= d + 1; c++) {
        CHECK_OK(m->distance(a, b, c, &out));
        CHECK_SIZE(out, d <= c ? d : c + 1);
    }
    for (c = 0; c <= s + 1; c++) {
        CHECK_OK(m->similarity(a, b, c, &out));
        CHECK_SIZE(out, s >= c ? s : 0);
    }
    CHECK_OK(m->normalized_distance(a, b, nd - 0.01, &dout));
    CHECK_DOUBLE(dout, 1.0);
    CHECK_OK(m->normalized_distance(a, b, nd, &dout)); /* equal passes */
    CHECK_DOUBLE(dout, nd);
    CHECK_OK(m->normalized_distance(a, b, nd + 0.01, &dout));
    CHECK_DOUBLE(dout, nd);
    CHECK_OK(m->normalized_similarity(a, b, ns + 0.01, &dout));
    CHECK_DOUBLE(dout, 0.0);
    CHECK_OK(m->normalized_similarity(a, b, ns, &dout)); /* equal passes */
    CHECK_DOUBLE(dout, ns);
    CHECK_OK(m->normalized_similarity(a, b, ns - 0.01, &dout));
    CHECK_DOUBLE(dout, ns);
    check_context = "";
}

/* ------------------------------------------------------------------------ */

static void test_versions(void) {
    const char *v = ffz_version();
    unsigned major, minor, patch;
    char extra;
    CHECK(v != NULL);
    CHECK(v != NULL && sscanf(v, "%u.%u.%u%c", &major, &minor, &patch, &extra) == 3);
    CHECK(v == ffz_version()); /* static string */
    CHECK_SIZE(ffz_abi_version(), FFZ_ABI_VERSION);
    CHECK_SIZE(FFZ_MAX_LEN, 4294967295u);
    CHECK(FFZ_KIND_U8 == 1 && FFZ_KIND_U32 == 4 && FFZ_KIND_U64 == 8 && FFZ_KIND_UTF8 == 16);
    CHECK(FFZ_OK == 0);
    CHECK(strcmp(ffz_last_error_message(), "") == 0); /* nothing failed yet */
}

static void test_known_values(void) {
    size_t out;
    double dout;
    ffz_levenshtein_weights w111 = {1, 1, 1}, w_ins = {1, 5, 1};

    /* Levenshtein: kitten -> sitting = 3, max 7. */
    check_forms(&LEV, u8("kitten"), u8("sitting"), 3, 7);
    check_forms(&LEV, u8("sitting"), u8("kitten"), 3, 7);
    CHECK_OK(ffz_levenshtein_distance(u8("kitten"), u8("sitting"), &w111, SIZE_MAX, SIZE_MAX, &out));
    CHECK_SIZE(out, 3);
    CHECK_DOUBLE(3.0 / 7.0, 0.42857142857142855);
    /* Weighted (1, 1, 2): 5, max min(6 + 7, 2 * 6 + 1) = 13. */
    check_forms(&LEVW, u8("kitten"), u8("sitting"), 5, 13);
    /* Asymmetric weights: deleting costs 5, inserting 1. */
    CHECK_OK(ffz_levenshtein_distance(u8("ab"), u8("abc"), &w_ins, SIZE_MAX, SIZE_MAX, &out));
    CHECK_SIZE(out, 1);
    CHECK_OK(ffz_levenshtein_distance(u8("abc"), u8("ab"), &w_ins, SIZE_MAX, SIZE_MAX, &out));
    CHECK_SIZE(out, 5);
    /* score_hint never changes the result. */
    for (out = 0; out < 6; out++) {
        size_t hinted = SENTINEL_SIZE;
        CHECK_OK(ffz_levenshtein_distance(u8("kitten"), u8("sitting"), NULL, SIZE_MAX, out, &hinted));
        CHECK_SIZE(hinted, 3);
        CHECK_OK(ffz_levenshtein_distance(u8("kitten"), u8("sitting"), NULL, 4, out, &hinted));
        CHECK_SIZE(hinted, 3);
        CHECK_OK(ffz_levenshtein_similarity(u8("kitten"), u8("sitting"), NULL, 0, out, &hinted));
        CHECK_SIZE(hinted, 4);
    }
    CHECK_OK(ffz_levenshtein_normalized_distance(u8("kitten"), u8("sitting"), NULL, 1.0, 0.1, &dout));
    CHECK_DOUBLE(dout, 3.0 / 7.0);
    CHECK_OK(ffz_levenshtein_normalized_similarity(u8("kitten"), u8("sitting"), NULL, 0.0, 0.9, &dout));
    CHECK_DOUBLE(dout, 4.0 / 7.0);

    /* Indel: kitten -> sitting = 5 (LCS "ittn"), max 13. */
    check_forms(&INDEL, u8("kitten"), u8("sitting"), 5, 13);
    check_forms(&INDEL, u8("abc"), u8("abc"), 0, 6);
    check_forms(&INDEL, u8("abc"), u8("xyz"), 6, 6);

    /* Hamming: karolin / kathrin = 3, max 7; pad: abc / abcde = 2, max 5. */
    check_forms(&HAM, u8("karolin"), u8("kathrin"), 3, 7);
    check_forms(&HAMP, u8("karolin"), u8("kathrin"), 3, 7);
    check_forms(&HAMP, u8("abc"), u8("abcde"), 2, 5);
    check_forms(&HAMP, u8("abcde"), u8("abc"), 2, 5);
    check_forms(&HAMP, u8("kitten"), u8("sitting"), 3, 7);
}

static void test_empty_strings(void) {
    static const uint32_t kinds[4] = {FFZ_KIND_U8, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_UTF8};
    size_t i, j, out;
    double dout;
    for (i = 0; i < 4; i++) {
        ffz_str e1 = mk(NULL, 0, kinds[i]);
        for (j = 0; j < 4; j++) {
            ffz_str e2 = mk(NULL, 0, kinds[j]);
            out = SENTINEL_SIZE;
            CHECK_OK(ffz_levenshtein_distance(e1, e2, NULL, SIZE_MAX, SIZE_MAX, &out));
            CHECK_SIZE(out, 0);
        }
        CHECK_OK(ffz_levenshtein_distance(e1, u8("abc"), NULL, SIZE_MAX, SIZE_MAX, &out));
        CHECK_SIZE(out, 3);
        CHECK_OK(ffz_levenshtein_distance(utf8("a\xC3\xA9"), e1, NULL, SIZE_MAX, SIZE_MAX, &out));
        CHECK_SIZE(out, 2);
        CHECK_OK(ffz_indel_distance(e1, u8("abc"), SIZE_MAX, &out));
        CHECK_SIZE(out, 3);
        CHECK_OK(ffz_hamming_distance(e1, e1, false, SIZE_MAX, &out));
        CHECK_SIZE(out, 0);
        CHECK_OK(ffz_hamming_distance(e1, u8("ab"), true, SIZE_MAX, &out));
        CHECK_SIZE(out, 2);
        /* Both empty: normalized distance 0, normalized similarity 1. */
        CHECK_OK(ffz_levenshtein_normalized_distance(e1, e1, NULL, 1.0, 1.0, &dout));
        CHECK_DOUBLE(dout, 0.0);
        CHECK_OK(ffz_levenshtein_normalized_similarity(e1, e1, NULL, 0.0, 0.0, &dout));
        CHECK_DOUBLE(dout, 1.0);
        CHECK_OK(ffz_indel_normalized_similarity(e1, e1, 0.0, &dout));
        CHECK_DOUBLE(dout, 1.0);
        CHECK_OK(ffz_hamming_normalized_similarity(e1, e1, false, 0.0, &dout));
        CHECK_DOUBLE(dout, 1.0);
    }
    /* len 0 with a non-NULL pointer, and no NUL terminator needed. */
    CHECK_OK(ffz_levenshtein_distance(mk("zzz", 0, FFZ_KIND_U8), mk("kittenXYZ", 6, FFZ_KIND_U8), NULL,
                                      SIZE_MAX, SIZE_MAX, &out));
    CHECK_SIZE(out, 6);
}

#define REPS_ALL ((1u << REP_COUNT) - 1)
#define REPS_NO_U8 (REPS_ALL & ~(1u << REP_U8))                   /* code points > 0xFF */
#define REPS_WIDE (REPS_NO_U8 & ~(1u << REP_UTF8))                /* lone surrogates */

/* Every representation in `reps` (a bit mask of REP_*) of one pair gives the
 * same scores. */
static void check_all_reps(const char *label, const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                           unsigned reps, size_t lev, size_t indel, size_t hamming_pad) {
    static rep_storage sa, sb;
    int ra, rb;
    size_t out;
    char context[96];
    for (ra = 0; ra < REP_COUNT; ra++) {
        for (rb = 0; rb < REP_COUNT; rb++) {
            ffz_str x, y;
            if (!(reps & (1u << ra)) || !(reps & (1u << rb))) continue;
            x = make_rep(&sa, a, na, ra);
            y = make_rep(&sb, b, nb, rb);
            snprintf(context, sizeof context, "%s: %s vs %s", label, rep_names[ra], rep_names[rb]);
            check_context = context;
            out = SENTINEL_SIZE;
            CHECK_OK(ffz_levenshtein_distance(x, y, NULL, SIZE_MAX, SIZE_MAX, &out));
            CHECK_SIZE(out, lev);
            CHECK_OK(ffz_indel_distance(x, y, SIZE_MAX, &out));
            CHECK_SIZE(out, indel);
            CHECK_OK(ffz_hamming_distance(x, y, true, SIZE_MAX, &out));
            CHECK_SIZE(out, hamming_pad);
            CHECK_OK(ffz_levenshtein_distance(x, x, NULL, SIZE_MAX, SIZE_MAX, &out));
            CHECK_SIZE(out, 0);
        }
    }
    check_context = "";
}

static void test_string_kinds(void) {
    /* "naïve café 😀𝄞" and "naive cafe 😁𝄞x": BMP, 2-byte and astral. */
    static const uint32_t multi_a[] = {'n', 'a', 0xEF, 'v', 'e', ' ', 'c', 'a', 'f', 0xE9, ' ', 0x1F600, 0x1D11E};
    static const uint32_t multi_b[] = {'n', 'a', 'i', 'v', 'e', ' ', 'c', 'a', 'f', 'e', ' ', 0x1F601, 0x1D11E, 'x'};
    static const uint32_t surrogates_a[] = {0xD800, 'a', 0xDFFF};
    static const uint32_t surrogates_b[] = {0xD800, 'b', 0xDC00};
    static rep_storage st;
    uint32_t ka[16], kb[16];
    size_t na = ascii_cps("kitten", ka), nb = ascii_cps("sitting", kb), out;
    unsigned char *unaligned;

    /* The unaligned representations really are unaligned. */
    unaligned = (unsigned char *)make_rep(&st, ka, na, REP_U64_UNALIGNED).data;
    CHECK((uintptr_t)unaligned % 4 != 0);

    check_all_reps("kitten/sitting", ka, na, kb, nb, REPS_ALL, 3, 5, 3);
    check_all_reps("latin-1", multi_a, 10, multi_b, 10, REPS_ALL, 2, 4, 2);
    check_all_reps("astral", multi_a, 13, multi_b, 14, REPS_NO_U8, 4, 7, 4);
    /* UTF-32 is not validated: lone surrogates are just numbers. */
    check_all_reps("surrogates", surrogates_a, 3, surrogates_b, 3, REPS_WIDE, 2, 4, 2);

    /* UTF-8 counts code points, not bytes. */
    CHECK_OK(ffz_levenshtein_distance(utf8("a\xF0\x9F\x98\x80" "b"), utf8("ab"), NULL, SIZE_MAX, SIZE_MAX, &out));
    CHECK_SIZE(out, 1);
    CHECK_OK(ffz_levenshtein_distance(utf8("\xF0\x9F\x98\x80"), u8("a"), NULL, SIZE_MAX, SIZE_MAX, &out));
    CHECK_SIZE(out, 1);
    CHECK_OK(ffz_indel_distance(utf8("caf\xC3\xA9"), u8("cafe"), SIZE_MAX, &out));
    CHECK_SIZE(out, 2);
    /* Hamming checks lengths in code points: "é" (2 bytes) vs "e" is fine. */
    CHECK_OK(ffz_hamming_distance(utf8("\xC3\xA9"), u8("e"), false, SIZE_MAX, &out));
    CHECK_SIZE(out, 1);
    /* U8 is Latin-1: byte 0xE9 is U+00E9. */
    CHECK_OK(ffz_levenshtein_distance(mk("caf\xE9", 4, FFZ_KIND_U8), utf8("caf\xC3\xA9"), NULL, SIZE_MAX,
                                      SIZE_MAX, &out));
    CHECK_SIZE(out, 0);
    /* Wide units are compared as whole numbers, never truncated. */
    {
        static const uint64_t wide[] = {0x100000061ull, UINT64_C(0xFFFFFFFFFFFFFFFF)};
        static const uint64_t wide2[] = {0x100000061ull, UINT64_C(0xFFFFFFFFFFFFFFFE)};
        static const uint32_t w32[] = {0x161};
        CHECK_OK(ffz_levenshtein_distance(mk(wide, 1, FFZ_KIND_U64), u8("a"), NULL, SIZE_MAX, SIZE_MAX, &out));
        CHECK_SIZE(out, 1);
        CHECK_OK(ffz_levenshtein_distance(mk(w32, 1, FFZ_KIND_U32), u8("a"), NULL, SIZE_MAX, SIZE_MAX, &out));
        CHECK_SIZE(out, 1);
        CHECK_OK(ffz_hamming_distance(mk(wide, 2, FFZ_KIND_U64), mk(wide2, 2, FFZ_KIND_U64), false, SIZE_MAX,
                                      &out));
        CHECK_SIZE(out, 1);
        CHECK_OK(ffz_indel_distance(mk(wide, 2, FFZ_KIND_U64), mk(wide, 2, FFZ_KIND_U64), SIZE_MAX, &out));
        CHECK_SIZE(out, 0);
    }
}

/* A call that must fail leaves its out-param alone and explains itself. */
#define CHECK_FAILS_SIZE(call_with_out, status)                                                          \
    do {                                                                                                 \
        out = SENTINEL_SIZE;                                                                             \
        CHECK_STATUS(call_with_out, status);                                                             \
        CHECK_SIZE(out, SENTINEL_SIZE);                                                                  \
        CHECK(ffz_last_error_message()[0] != '\0');                                                      \
    } while (0)
#define CHECK_FAILS_DOUBLE(call_with_out, status)                                                        \
    do {                                                                                                 \
        dout = SENTINEL_DOUBLE;                                                                          \
        CHECK_STATUS(call_with_out, status);                                                             \
        CHECK(dout == SENTINEL_DOUBLE);                                                                  \
        CHECK(ffz_last_error_message()[0] != '\0');                                                      \
    } while (0)

/* All twelve pairwise functions fail with `status` on (a, b). */
static void check_all_fail(ffz_str a, ffz_str b, int32_t status, const char *label) {
    size_t out;
    double dout;
    check_context = label;
    CHECK_FAILS_SIZE(ffz_levenshtein_distance(a, b, NULL, SIZE_MAX, SIZE_MAX, &out), status);
    CHECK_FAILS_SIZE(ffz_levenshtein_similarity(a, b, &weights_112, 0, 0, &out), status);
    CHECK_FAILS_DOUBLE(ffz_levenshtein_normalized_distance(a, b, NULL, 1.0, 1.0, &dout), status);
    CHECK_FAILS_DOUBLE(ffz_levenshtein_normalized_similarity(a, b, NULL, 0.0, 0.0, &dout), status);
    CHECK_FAILS_SIZE(ffz_indel_distance(a, b, SIZE_MAX, &out), status);
    CHECK_FAILS_SIZE(ffz_indel_similarity(a, b, 0, &out), status);
    CHECK_FAILS_DOUBLE(ffz_indel_normalized_distance(a, b, 1.0, &dout), status);
    CHECK_FAILS_DOUBLE(ffz_indel_normalized_similarity(a, b, 0.0, &dout), status);
    CHECK_FAILS_SIZE(ffz_hamming_distance(a, b, true, SIZE_MAX, &out), status);
    CHECK_FAILS_SIZE(ffz_hamming_similarity(a, b, true, 0, &out), status);
    CHECK_FAILS_DOUBLE(ffz_hamming_normalized_distance(a, b, true, 1.0, &dout), status);
    CHECK_FAILS_DOUBLE(ffz_hamming_normalized_similarity(a, b, true, 0.0, &dout), status);
    check_context = "";
}

static void test_errors(void) {
    static const char *const bad_utf8[] = {
        "\xFF",                /* never valid */
        "abc\x80",             /* lone continuation byte */
        "\xC3",                /* truncated 2-byte sequence */
        "\xE2\x82",            /* truncated 3-byte sequence */
        "\xC0\xAF",            /* overlong '/' */
        "\xED\xA0\x80",        /* encoded surrogate U+D800 */
        "\xF4\x90\x80\x80",    /* U+110000, above the Unicode range */
        "ok\xF0\x9F\x98" "x",  /* astral sequence cut short */
    };
    static const uint32_t bad_kinds[] = {0, 2, 3, 5, 17, 32, 0xFFFFFFFFu};
    char label[64];
    size_t i, out = 0;
    double dout = 0.0;

    /* NULL out-param. */
    check_context = "NULL out";
    CHECK_STATUS(ffz_levenshtein_distance(u8("a"), u8("b"), NULL, SIZE_MAX, SIZE_MAX, NULL), FFZ_NULL_POINTER);
    CHECK(strstr(ffz_last_error_message(), "out") != NULL);
    CHECK_STATUS(ffz_levenshtein_similarity(u8("a"), u8("b"), NULL, 0, 0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_levenshtein_normalized_distance(u8("a"), u8("b"), NULL, 1.0, 1.0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_levenshtein_normalized_similarity(u8("a"), u8("b"), NULL, 0.0, 0.0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_indel_distance(u8("a"), u8("b"), SIZE_MAX, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_indel_similarity(u8("a"), u8("b"), 0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_indel_normalized_distance(u8("a"), u8("b"), 1.0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_indel_normalized_similarity(u8("a"), u8("b"), 0.0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_hamming_distance(u8("a"), u8("b"), false, SIZE_MAX, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_hamming_similarity(u8("a"), u8("b"), false, 0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_hamming_normalized_distance(u8("a"), u8("b"), false, 1.0, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_hamming_normalized_similarity(u8("a"), u8("b"), false, 0.0, NULL), FFZ_NULL_POINTER);
    check_context = "";

    /* NULL data with a nonzero length, in either position. */
    check_all_fail(mk(NULL, 3, FFZ_KIND_U8), u8("abc"), FFZ_NULL_POINTER, "NULL s1 data");
    check_all_fail(u8("abc"), mk(NULL, 1, FFZ_KIND_U32), FFZ_NULL_POINTER, "NULL s2 data");

    /* Invalid UTF-8, in either position. */
    for (i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
        snprintf(label, sizeof label, "bad UTF-8 #%zu as s1", i);
        check_all_fail(utf8(bad_utf8[i]), u8("abc"), FFZ_INVALID_UTF8, label);
        snprintf(label, sizeof label, "bad UTF-8 #%zu as s2", i);
        check_all_fail(u8("abc"), utf8(bad_utf8[i]), FFZ_INVALID_UTF8, label);
        /* The same bytes are fine as U8 (Latin-1 / raw bytes). */
        CHECK_OK(ffz_levenshtein_distance(u8(bad_utf8[i]), u8("abc"), NULL, SIZE_MAX, SIZE_MAX, &out));
    }
    CHECK_STATUS(ffz_levenshtein_distance(utf8("\xFF"), u8("a"), NULL, SIZE_MAX, SIZE_MAX, &out),
                 FFZ_INVALID_UTF8);
    CHECK(strstr(ffz_last_error_message(), "UTF-8") != NULL);

    /* Unknown kinds, even for an empty string. */
    for (i = 0; i < sizeof bad_kinds / sizeof bad_kinds[0]; i++) {
        snprintf(label, sizeof label, "kind %lu", (unsigned long)bad_kinds[i]);
        check_all_fail(mk("abcd", 4, bad_kinds[i]), u8("abc"), FFZ_UNKNOWN_KIND, label);
        check_all_fail(u8("abc"), mk(NULL, 0, bad_kinds[i]), FFZ_UNKNOWN_KIND, label);
    }

    /* Hamming without padding on unequal lengths (in code points). */
    check_context = "hamming mismatch";
    CHECK_FAILS_SIZE(ffz_hamming_distance(u8("abc"), u8("abcd"), false, SIZE_MAX, &out), FFZ_LENGTH_MISMATCH);
    CHECK_FAILS_SIZE(ffz_hamming_similarity(u8("abcd"), u8("abc"), false, 0, &out), FFZ_LENGTH_MISMATCH);
    CHECK_FAILS_DOUBLE(ffz_hamming_normalized_distance(u8("abc"), mk(NULL, 0, FFZ_KIND_U8), false, 1.0, &dout),
                       FFZ_LENGTH_MISMATCH);
    CHECK_FAILS_DOUBLE(ffz_hamming_normalized_similarity(utf8("\xC3\xA9" "a"), u8("e"), false, 0.0, &dout),
                       FFZ_LENGTH_MISMATCH);
    check_context = "";

    /* Longer than FFZ_MAX_LEN: refused before the data is read. */
#if SIZE_MAX > 4294967295u
    check_all_fail(mk("x", (size_t)FFZ_MAX_LEN + 1, FFZ_KIND_U8), u8("abc"), FFZ_TOO_LARGE, "too large U8");
    check_all_fail(u8("abc"), mk("x", (size_t)FFZ_MAX_LEN + 1, FFZ_KIND_U64), FFZ_TOO_LARGE, "too large U64");
    check_all_fail(mk("x", SIZE_MAX, FFZ_KIND_UTF8), u8("abc"), FFZ_TOO_LARGE, "too large SIZE_MAX");
#endif

    /* A failure is explained; a later success keeps the message. */
    CHECK_STATUS(ffz_indel_distance(mk("a", 1, 2), u8("a"), SIZE_MAX, &out), FFZ_UNKNOWN_KIND);
    {
        const char *msg = ffz_last_error_message();
        char copy[256];
        CHECK(msg != NULL && msg[0] != '\0');
        snprintf(copy, sizeof copy, "%s", msg);
        CHECK_OK(ffz_indel_distance(u8("a"), u8("b"), SIZE_MAX, &out));
        CHECK(strcmp(ffz_last_error_message(), copy) == 0);
    }
}

static void test_panic(void) {
    size_t out;
    int round;
    for (round = 0; round < 2; round++) {
        CHECK_STATUS(ffz_test_panic(), FFZ_PANIC);
        CHECK(strstr(ffz_last_error_message(), "ffz_test_panic") != NULL);
    }
    /* The library still works after a caught panic. */
    CHECK_OK(ffz_levenshtein_distance(u8("kitten"), u8("sitting"), NULL, SIZE_MAX, SIZE_MAX, &out));
    CHECK_SIZE(out, 3);
}

/* ------------------------------------------------------------------------ */
/* Per-thread error messages                                                 */

typedef struct {
    char initial[256];      /* message before this thread failed anything */
    int32_t kind_status;    /* status of a call with an unknown kind */
    char after_kind[256];   /* message after it */
    int32_t panic_status;   /* status of ffz_test_panic() */
    char after_panic[256];  /* message after it */
} error_thread_result;

static void *error_thread(void *arg) {
    error_thread_result *r = arg;
    size_t out;
    snprintf(r->initial, sizeof r->initial, "%s", ffz_last_error_message());
    r->kind_status = ffz_levenshtein_distance(mk("abc", 3, 99), u8("abc"), NULL, SIZE_MAX, SIZE_MAX, &out);
    snprintf(r->after_kind, sizeof r->after_kind, "%s", ffz_last_error_message());
    r->panic_status = ffz_test_panic();
    snprintf(r->after_panic, sizeof r->after_panic, "%s", ffz_last_error_message());
    return NULL;
}

static void test_error_message_per_thread(void) {
    pthread_t thread;
    error_thread_result r;
    const char *mine;
    char copy[256];
    size_t out;

    CHECK_STATUS(ffz_levenshtein_distance(utf8("\xFF"), u8("a"), NULL, SIZE_MAX, SIZE_MAX, &out),
                 FFZ_INVALID_UTF8);
    mine = ffz_last_error_message();
    snprintf(copy, sizeof copy, "%s", mine);
    CHECK(copy[0] != '\0');

    memset(&r, 0, sizeof r);
    CHECK(pthread_create(&thread, NULL, error_thread, &r) == 0);
    CHECK(pthread_join(thread, NULL) == 0);

    CHECK(strcmp(r.initial, "") == 0); /* a fresh thread has no message */
    CHECK_STATUS(r.kind_status, FFZ_UNKNOWN_KIND);
    CHECK(r.after_kind[0] != '\0' && strcmp(r.after_kind, copy) != 0);
    CHECK_STATUS(r.panic_status, FFZ_PANIC);
    CHECK(strstr(r.after_panic, "ffz_test_panic") != NULL);
    /* This thread's message, and the pointer to it, are unchanged. */
    CHECK(strcmp(ffz_last_error_message(), copy) == 0);
    CHECK(strcmp(mine, copy) == 0);
}

/* ------------------------------------------------------------------------ */
/* Index                                                                     */

static ffz_scorer make_scorer(uint32_t metric_id, uint32_t form) {
    ffz_scorer s;
    memset(&s, 0, sizeof s);
    s.metric = metric_id;
    s.form = form;
    s.weights.insertion = s.weights.deletion = s.weights.substitution = 1;
    s.pad = false;
    return s;
}

#define MAX_RESULTS 16

typedef struct {
    size_t count;
    size_t indices[MAX_RESULTS];
    double scores[MAX_RESULTS];
} results;

/* Runs a search into `r`, filling unused slots with sentinels. */
static int32_t search(const ffz_index *index, ffz_str query, const ffz_scorer *scorer, size_t limit,
                      const double *cutoff, results *r) {
    size_t i;
    for (i = 0; i < MAX_RESULTS; i++) {
        r->indices[i] = SENTINEL_SIZE;
        r->scores[i] = SENTINEL_DOUBLE;
    }
    r->count = SENTINEL_SIZE;
    return ffz_index_search(index, query, scorer, limit, cutoff, r->indices, r->scores, &r->count);
}

static void check_results(const results *r, size_t n, const size_t *indices, const double *scores) {
    size_t i;
    CHECK_SIZE(r->count, n);
    for (i = 0; i < n && i < r->count; i++) {
        CHECK_SIZE(r->indices[i], indices[i]);
        CHECK_DOUBLE(r->scores[i], scores[i]);
    }
    for (i = n; i < MAX_RESULTS; i++) { /* nothing written past the count */
        CHECK_SIZE(r->indices[i], SENTINEL_SIZE);
    }
}

static void test_index_basics(void) {
    /* Copies of the choices live in a buffer that is wiped after
     * ffz_index_new, proving that the index copied them. */
    char buffer[64];
    ffz_str choices[5];
    const char *words[5] = {"abc", "abd", "xyz", "abc", "ab"};
    ffz_index *index = NULL, *untouched;
    ffz_scorer scorer;
    results r;
    size_t i, pos = 0, n = SENTINEL_SIZE;
    double cutoff;

    for (i = 0; i < 5; i++) {
        size_t len = strlen(words[i]);
        memcpy(buffer + pos, words[i], len);
        choices[i] = mk(buffer + pos, len, FFZ_KIND_U8);
        pos += len;
    }
    choices[2] = utf8("xyz"); /* kinds may be mixed */
    CHECK_OK(ffz_index_new(choices, 5, &index));
    CHECK(index != NULL);
    memset(buffer, '#', sizeof buffer);
    if (index == NULL) return;

    CHECK_OK(ffz_index_len(index, &n));
    CHECK_SIZE(n, 5);

    /* Levenshtein distance: best first, ties in index order. */
    scorer = make_scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_DISTANCE);
    CHECK_OK(search(index, u8("abc"), &scorer, 3, NULL, &r));
    {
        const size_t idx[] = {0, 3, 1};
        const double sc[] = {0, 0, 1};
        check_results(&r, 3, idx, sc);
    }
    CHECK_OK(search(index, u8("abc"), &scorer, 10, NULL, &r));
    {
        const size_t idx[] = {0, 3, 1, 4, 2};
        const double sc[] = {0, 0, 1, 1, 3};
        check_results(&r, 5, idx, sc);
    }
    /* A distance cutoff keeps scores <= cutoff. */
    cutoff = 0.0;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    {
        const size_t idx[] = {0, 3};
        const double sc[] = {0, 0};
        check_results(&r, 2, idx, sc);
    }
    cutoff = 1.0;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    {
        const size_t idx[] = {0, 3, 1, 4};
        const double sc[] = {0, 0, 1, 1};
        check_results(&r, 4, idx, sc);
    }
    /* Fractional cutoffs on integral forms: distances must be <= cutoff. */
    cutoff = 1.5;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    CHECK_SIZE(r.count, 4);
    cutoff = 0.5;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    CHECK_SIZE(r.count, 2);
    /* The query may be any kind. */
    {
        static const uint32_t abc32[] = {'a', 'b', 'c'};
        CHECK_OK(search(index, mk(abc32, 3, FFZ_KIND_U32), &scorer, 3, NULL, &r));
        {
            const size_t idx[] = {0, 3, 1};
            const double sc[] = {0, 0, 1};
            check_results(&r, 3, idx, sc);
        }
    }

    /* Similarity forms: highest first; a cutoff keeps scores >= cutoff. */
    scorer = make_scorer(FFZ_METRIC_INDEL, FFZ_FORM_NORMALIZED_SIMILARITY);
    cutoff = 0.5;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    {
        const size_t idx[] = {0, 3, 4, 1};
        const double sc[] = {1.0, 1.0, 0.8, 4.0 / 6.0};
        check_results(&r, 4, idx, sc);
    }
    scorer = make_scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_SIMILARITY);
    scorer.weights.substitution = 2;
    CHECK_OK(search(index, u8("abc"), &scorer, 2, NULL, &r));
    {
        const size_t idx[] = {0, 3};
        const double sc[] = {6, 6};
        check_results(&r, 2, idx, sc);
    }
    /* ... and similarities must be >= cutoff. */
    cutoff = 4.0;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    {
        const size_t idx[] = {0, 3, 1, 4};
        const double sc[] = {6, 6, 4, 4};
        check_results(&r, 4, idx, sc);
    }
    /* A fractional cutoff of an integer form is truncated, as rapidfuzz's
       process.extract does: 4.5 keeps the similarities of 4. */
    cutoff = 4.5;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    CHECK_SIZE(r.count, 4);
    cutoff = 5.0;
    CHECK_OK(search(index, u8("abc"), &scorer, 10, &cutoff, &r));
    CHECK_SIZE(r.count, 2);
    scorer = make_scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_NORMALIZED_DISTANCE);
    CHECK_OK(search(index, u8("xbc"), &scorer, 1, NULL, &r));
    {
        const size_t idx[] = {0};
        const double sc[] = {1.0 / 3.0};
        check_results(&r, 1, idx, sc);
    }

    /* Hamming: without padding, a choice of another length fails. */
    scorer = make_scorer(FFZ_METRIC_HAMMING, FFZ_FORM_DISTANCE);
    r.count = SENTINEL_SIZE;
    CHECK_STATUS(search(index, u8("abc"), &scorer, 3, NULL, &r), FFZ_LENGTH_MISMATCH);
    CHECK_SIZE(r.count, SENTINEL_SIZE);
    CHECK(ffz_last_error_message()[0] != '\0');
    scorer.pad = true;
    CHECK_OK(search(index, u8("abc"), &scorer, 3, NULL, &r));
    {
        const size_t idx[] = {0, 3, 1};
        const double sc[] = {0, 0, 1};
        check_results(&r, 3, idx, sc);
    }

    /* limit 0 with NULL arrays. */
    scorer = make_scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_DISTANCE);
    n = SENTINEL_SIZE;
    CHECK_OK(ffz_index_search(index, u8("abc"), &scorer, 0, NULL, NULL, NULL, &n));
    CHECK_SIZE(n, 0);

    /* Bad arguments leave out_count alone. */
    check_context = "index errors";
    scorer = make_scorer(99, FFZ_FORM_DISTANCE);
    CHECK_STATUS(search(index, u8("abc"), &scorer, 3, NULL, &r), FFZ_INVALID_ARGUMENT);
    CHECK_SIZE(r.count, SENTINEL_SIZE);
    CHECK(ffz_last_error_message()[0] != '\0');
    scorer = make_scorer(0, FFZ_FORM_DISTANCE);
    CHECK_STATUS(search(index, u8("abc"), &scorer, 3, NULL, &r), FFZ_INVALID_ARGUMENT);
    scorer = make_scorer(FFZ_METRIC_INDEL, 4);
    CHECK_STATUS(search(index, u8("abc"), &scorer, 3, NULL, &r), FFZ_INVALID_ARGUMENT);
    CHECK_SIZE(r.count, SENTINEL_SIZE);
    scorer = make_scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_DISTANCE);
    CHECK_STATUS(search(index, utf8("\xC3"), &scorer, 3, NULL, &r), FFZ_INVALID_UTF8);
    CHECK_SIZE(r.count, SENTINEL_SIZE);
    CHECK_STATUS(search(index, mk("abc", 3, 7), &scorer, 3, NULL, &r), FFZ_UNKNOWN_KIND);
    CHECK_STATUS(search(index, mk(NULL, 3, FFZ_KIND_U8), &scorer, 3, NULL, &r), FFZ_NULL_POINTER);
#if SIZE_MAX > 4294967295u
    CHECK_STATUS(search(index, mk("x", (size_t)FFZ_MAX_LEN + 1, FFZ_KIND_U8), &scorer, 3, NULL, &r),
                 FFZ_TOO_LARGE);
#endif
    CHECK_STATUS(search(NULL, u8("abc"), &scorer, 3, NULL, &r), FFZ_NULL_POINTER);
    CHECK_STATUS(search(index, u8("abc"), NULL, 3, NULL, &r), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_search(index, u8("abc"), &scorer, 3, NULL, r.indices, r.scores, NULL),
                 FFZ_NULL_POINTER);
    n = SENTINEL_SIZE;
    CHECK_STATUS(ffz_index_search(index, u8("abc"), &scorer, 1, NULL, NULL, r.scores, &n), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_search(index, u8("abc"), &scorer, 1, NULL, r.indices, NULL, &n), FFZ_NULL_POINTER);
    CHECK_SIZE(n, SENTINEL_SIZE);
    CHECK_STATUS(ffz_index_len(NULL, &n), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_len(index, NULL), FFZ_NULL_POINTER);
    CHECK_SIZE(n, SENTINEL_SIZE);

    /* ffz_index_new failures leave *out alone and name the element. */
    untouched = (ffz_index *)(void *)&r;
    {
        ffz_index *out_index = untouched;
        choices[0] = u8("fine");
        choices[1] = u8("also fine");
        choices[2] = utf8("bad \xFF");
        CHECK_STATUS(ffz_index_new(choices, 3, &out_index), FFZ_INVALID_UTF8);
        CHECK(out_index == untouched);
        CHECK(strstr(ffz_last_error_message(), "[2]") != NULL);
        choices[2] = mk("abc", 3, 12);
        CHECK_STATUS(ffz_index_new(choices, 3, &out_index), FFZ_UNKNOWN_KIND);
        choices[2] = mk(NULL, 2, FFZ_KIND_U32);
        CHECK_STATUS(ffz_index_new(choices, 3, &out_index), FFZ_NULL_POINTER);
#if SIZE_MAX > 4294967295u
        choices[2] = mk("x", (size_t)FFZ_MAX_LEN + 1, FFZ_KIND_U32);
        CHECK_STATUS(ffz_index_new(choices, 3, &out_index), FFZ_TOO_LARGE);
#endif
        CHECK_STATUS(ffz_index_new(NULL, 3, &out_index), FFZ_NULL_POINTER);
        CHECK(out_index == untouched);
        CHECK_STATUS(ffz_index_new(choices, 2, NULL), FFZ_NULL_POINTER);
    }
    check_context = "";

    ffz_index_free(index);
    ffz_index_free(NULL); /* a no-op */

    /* An empty index: NULL choices are fine with count 0. */
    index = NULL;
    CHECK_OK(ffz_index_new(NULL, 0, &index));
    CHECK(index != NULL);
    CHECK_OK(ffz_index_len(index, &n));
    CHECK_SIZE(n, 0);
    scorer = make_scorer(FFZ_METRIC_INDEL, FFZ_FORM_SIMILARITY);
    CHECK_OK(search(index, u8("abc"), &scorer, 5, NULL, &r));
    CHECK_SIZE(r.count, 0);
    ffz_index_free(index);
}

/* ------------------------------------------------------------------------ */
/* Concurrent searches over a multi-chunk index                              */

#define CORPUS 9000 /* > 2 * 4096, the library's chunk size */
#define POOL 700    /* distinct words: every word repeats, so ties abound */
#define SEARCHES 4
#define THREADS 4
#define ROUNDS 2

typedef struct {
    ffz_scorer scorer;
    const char *query;
    size_t limit;
    bool has_cutoff;
    double cutoff;
} search_case;

static search_case cases[SEARCHES];

static void init_cases(void) {
    cases[0].scorer = make_scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_DISTANCE);
    cases[0].query = "qwerty";
    cases[0].limit = 12;
    cases[1].scorer = make_scorer(FFZ_METRIC_INDEL, FFZ_FORM_NORMALIZED_SIMILARITY);
    cases[1].query = "asdfgh";
    cases[1].limit = 16;
    cases[1].has_cutoff = true;
    cases[1].cutoff = 0.5;
    cases[2].scorer = make_scorer(FFZ_METRIC_HAMMING, FFZ_FORM_SIMILARITY);
    cases[2].scorer.pad = true;
    cases[2].query = "zxcvb";
    cases[2].limit = 5;
    cases[3].scorer = make_scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_NORMALIZED_DISTANCE);
    cases[3].scorer.weights.substitution = 2;
    cases[3].query = "poiuyt";
    cases[3].limit = 7;
    cases[3].has_cutoff = true;
    cases[3].cutoff = 0.6;
}

static char corpus_text[CORPUS][12];
static ffz_str corpus[CORPUS];

static void build_corpus(void) {
    static const char letters[] = "qwertyuiopasdfghjklzxcvbnm";
    size_t i, j;
    uint32_t state = 12345u;
    char pool[POOL][12];
    for (i = 0; i < POOL; i++) {
        size_t len = 3 + i % 6;
        for (j = 0; j < len; j++) {
            state = state * 1103515245u + 12345u;
            pool[i][j] = letters[(state >> 16) % 26];
        }
        pool[i][len] = '\0';
    }
    for (i = 0; i < CORPUS; i++) {
        memcpy(corpus_text[i], pool[(i * 7919u) % POOL], sizeof corpus_text[i]);
        corpus[i] = u8(corpus_text[i]);
    }
}

/* The score of one pair through the pairwise functions. */
static double pair_score(const search_case *c, ffz_str q, ffz_str choice) {
    const ffz_levenshtein_weights *w = &c->scorer.weights;
    size_t out = 0;
    double dout = 0.0;
    int32_t st = FFZ_OK;
    switch (c->scorer.metric * 10 + c->scorer.form) {
    case FFZ_METRIC_LEVENSHTEIN * 10 + FFZ_FORM_DISTANCE:
        st = ffz_levenshtein_distance(q, choice, w, SIZE_MAX, SIZE_MAX, &out);
        dout = (double)out;
        break;
    case FFZ_METRIC_LEVENSHTEIN * 10 + FFZ_FORM_NORMALIZED_DISTANCE:
        st = ffz_levenshtein_normalized_distance(q, choice, w, 1.0, 1.0, &dout);
        break;
    case FFZ_METRIC_INDEL * 10 + FFZ_FORM_NORMALIZED_SIMILARITY:
        st = ffz_indel_normalized_similarity(q, choice, 0.0, &dout);
        break;
    case FFZ_METRIC_HAMMING * 10 + FFZ_FORM_SIMILARITY:
        st = ffz_hamming_similarity(q, choice, c->scorer.pad, 0, &out);
        dout = (double)out;
        break;
    default:
        st = -1;
    }
    return st == FFZ_OK ? dout : -1.0;
}

/* The expected top-k by brute force: best score first, then lowest index. */
static void brute_force(const search_case *c, results *r) {
    static double scores[CORPUS];
    static bool taken[CORPUS];
    bool higher = c->scorer.form == FFZ_FORM_SIMILARITY || c->scorer.form == FFZ_FORM_NORMALIZED_SIMILARITY;
    ffz_str q = u8(c->query);
    size_t i, k;
    for (i = 0; i < CORPUS; i++) {
        scores[i] = pair_score(c, q, corpus[i]);
        taken[i] = c->has_cutoff && (higher ? scores[i] < c->cutoff : scores[i] > c->cutoff);
    }
    r->count = 0;
    for (k = 0; k < c->limit; k++) {
        size_t best = CORPUS;
        for (i = 0; i < CORPUS; i++) {
            if (taken[i]) continue;
            if (best == CORPUS || (higher ? scores[i] > scores[best] : scores[i] < scores[best])) best = i;
        }
        if (best == CORPUS) break;
        taken[best] = true;
        r->indices[k] = best;
        r->scores[k] = scores[best];
        r->count++;
    }
}

typedef struct {
    const ffz_index *index;
    int32_t status[ROUNDS][SEARCHES];
    results got[ROUNDS][SEARCHES];
} search_thread_arg;

static void *search_thread(void *p) {
    search_thread_arg *a = p;
    int round, s;
    for (round = 0; round < ROUNDS; round++) {
        for (s = 0; s < SEARCHES; s++) {
            const search_case *c = &cases[(s + round) % SEARCHES];
            a->status[round][s] = search(a->index, u8(c->query), &c->scorer, c->limit,
                                         c->has_cutoff ? &c->cutoff : NULL, &a->got[round][s]);
        }
    }
    return NULL;
}

static bool same_results(const results *x, const results *y) {
    size_t i;
    if (x->count != y->count) return false;
    for (i = 0; i < x->count; i++) {
        if (x->indices[i] != y->indices[i] || x->scores[i] != y->scores[i]) return false;
    }
    return true;
}

static void test_concurrent_search(void) {
    /* Locals, not statics: a leaked index must not stay reachable. */
    search_thread_arg args[THREADS];
    results expected[SEARCHES];
    pthread_t threads[THREADS];
    ffz_index *index = NULL;
    size_t n = 0, i;
    int t, round, s;
    char context[64];

    build_corpus();
    init_cases();
    CHECK_OK(ffz_index_new(corpus, CORPUS, &index));
    if (index == NULL) return;
    CHECK_OK(ffz_index_len(index, &n));
    CHECK_SIZE(n, CORPUS);

    /* Single-threaded search agrees with brute force over pair scores. */
    for (s = 0; s < SEARCHES; s++) {
        results want;
        const search_case *c = &cases[s];
        snprintf(context, sizeof context, "search case %d", s);
        check_context = context;
        brute_force(c, &want);
        CHECK_OK(search(index, u8(c->query), &c->scorer, c->limit, c->has_cutoff ? &c->cutoff : NULL,
                        &expected[s]));
        CHECK(expected[s].count > 1);
        CHECK_SIZE(expected[s].count, want.count);
        for (i = 0; i < want.count && i < expected[s].count; i++) {
            CHECK_SIZE(expected[s].indices[i], want.indices[i]);
            CHECK_DOUBLE(expected[s].scores[i], want.scores[i]);
        }
    }
    /* Ties across chunks resolve to the lowest index. */
    CHECK(expected[0].count >= 2 && expected[0].scores[0] == expected[0].scores[1] &&
          expected[0].indices[0] < expected[0].indices[1]);
    check_context = "";

    for (t = 0; t < THREADS; t++) {
        args[t].index = index;
        CHECK(pthread_create(&threads[t], NULL, search_thread, &args[t]) == 0);
    }
    for (t = 0; t < THREADS; t++) CHECK(pthread_join(threads[t], NULL) == 0);
    for (t = 0; t < THREADS; t++) {
        for (round = 0; round < ROUNDS; round++) {
            for (s = 0; s < SEARCHES; s++) {
                snprintf(context, sizeof context, "thread %d round %d search %d", t, round, s);
                check_context = context;
                CHECK_OK(args[t].status[round][s]);
                CHECK(same_results(&args[t].got[round][s], &expected[(s + round) % SEARCHES]));
            }
        }
    }
    check_context = "";
    ffz_index_free(index);
}

int main(void) {
    test_versions();
    test_known_values();
    test_empty_strings();
    test_string_kinds();
    test_errors();
    test_panic();
    test_error_message_per_thread();
    test_index_basics();
    test_concurrent_search();
    return check_summary();
}
