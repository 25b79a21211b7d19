/*
 * test_phonetic_api.c: the phonetic functions from C.
 *
 * Every export (ffz_soundex, ffz_metaphone, ffz_nysiis,
 * ffz_match_rating_codex, ffz_double_metaphone, ffz_match_rating_comparison,
 * ffz_phonetic_into, ffz_match_rating_comparison_utf8, ffz_phonetic_batch)
 * on known values in every text kind, and every error path: NULL
 * out-params and data, invalid UTF-8, unknown and 64-bit kinds, surrogates,
 * non-alphabetic MRA input, unknown algorithms, small buffers. Everything
 * the library allocates is freed, so valgrind and ASan runs are clean.
 * Prints "N passed, M failed" last.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ffz_check.h"

static ffz_str utf8(const char *s) {
    ffz_str out;
    out.data = s;
    out.len = strlen(s);
    out.kind = FFZ_KIND_UTF8;
    return out;
}

static ffz_str make_str(const void *data, size_t len, uint32_t kind) {
    ffz_str out;
    out.data = data;
    out.len = len;
    out.kind = kind;
    return out;
}

/* Checks that `bytes` holds exactly `want` (`want_len` bytes), then frees it. */
static void check_bytes(ffz_bytes *bytes, const char *want, size_t want_len, const char *label) {
    const uint8_t *data = NULL;
    size_t len = 0;
    check_context = label;
    if (!CHECK(bytes != NULL)) return;
    CHECK_OK(ffz_bytes_data(bytes, &data, &len));
    CHECK_SIZE(len, want_len);
    if (!CHECK(len == want_len && memcmp(data, want, len) == 0)) {
        fprintf(stderr, "    got \"%.*s\", expected \"%s\"\n", (int)len, (const char *)data, want);
    }
    ffz_bytes_free(bytes);
    check_context = "";
}

typedef int32_t (*code_fn)(ffz_str, ffz_bytes **);

struct code_case {
    const char *name;
    code_fn fn;
    uint32_t algorithm;
    const char *input;
    const char *want;
};

/* Values from jellyfish 1.3.0's own test tables (and its results for the
 * non-ASCII ones). */
static const struct code_case CASES[] = {
    {"soundex", ffz_soundex, FFZ_PHONETIC_SOUNDEX, "Robert", "R163"},
    {"soundex", ffz_soundex, FFZ_PHONETIC_SOUNDEX, "Tymczak", "T522"},
    {"soundex", ffz_soundex, FFZ_PHONETIC_SOUNDEX, "Pfister", "P236"},
    {"soundex", ffz_soundex, FFZ_PHONETIC_SOUNDEX, "", ""},
    {"soundex", ffz_soundex, FFZ_PHONETIC_SOUNDEX, "\xc2\xbf", "\xc2\xbf" "000"},          /* ¿ */
    {"soundex", ffz_soundex, FFZ_PHONETIC_SOUNDEX, "\xc3\x87\xc3\xa1\xc5\x95\xe1\xba\x97\xc3\xa9\xc5\x99", "C636"},
    {"metaphone", ffz_metaphone, FFZ_PHONETIC_METAPHONE, "metaphone", "MTFN"},
    {"metaphone", ffz_metaphone, FFZ_PHONETIC_METAPHONE, "this is a difficult string", "0S IS A TFKLT STRNK"},
    {"metaphone", ffz_metaphone, FFZ_PHONETIC_METAPHONE, "Antidisestablishmentarianism", "ANTTSSTBLXMNTRNSM"},
    {"metaphone", ffz_metaphone, FFZ_PHONETIC_METAPHONE, "", ""},
    {"nysiis", ffz_nysiis, FFZ_PHONETIC_NYSIIS, "Macintosh", "MCANT"},
    {"nysiis", ffz_nysiis, FFZ_PHONETIC_NYSIIS, "montgomery", "MANTGANARY"},
    {"nysiis", ffz_nysiis, FFZ_PHONETIC_NYSIIS, "Knaqze", "NAGS"},
    {"nysiis", ffz_nysiis, FFZ_PHONETIC_NYSIIS, "\xc3\xa7", "\xc3\x87"},                     /* ç -> Ç */
    {"match_rating_codex", ffz_match_rating_codex, FFZ_PHONETIC_MATCH_RATING_CODEX, "Byrne", "BYRN"},
    {"match_rating_codex", ffz_match_rating_codex, FFZ_PHONETIC_MATCH_RATING_CODEX, "Kathrynoglin", "KTHGLN"},
    {"match_rating_codex", ffz_match_rating_codex, FFZ_PHONETIC_MATCH_RATING_CODEX, "Fr\xc3\xa9" "d\xc3\xa9ric",
     "FR\xc3\x89\xc3\x89RC"},                                                                /* Frédéric */
    {"match_rating_codex", ffz_match_rating_codex, FFZ_PHONETIC_MATCH_RATING_CODEX, "", ""},
};
#define N_CASES (sizeof CASES / sizeof CASES[0])

static void test_codes(void) {
    size_t i;
    for (i = 0; i < N_CASES; i++) {
        const struct code_case *c = &CASES[i];
        ffz_bytes *out = NULL;
        char buf[64];
        size_t written = 0;
        check_context = c->input;
        CHECK_OK(c->fn(utf8(c->input), &out));
        check_bytes(out, c->want, strlen(c->want), c->input);
        /* The caller-buffer form gives the same code, NUL-terminated. */
        memset(buf, 'Z', sizeof buf);
        CHECK_OK(ffz_phonetic_into(c->algorithm, c->input, strlen(c->input), buf, sizeof buf, &written));
        CHECK_SIZE(written, strlen(c->want));
        CHECK(strcmp(buf, c->want) == 0);
        CHECK_OK(ffz_phonetic_into(c->algorithm, c->input, strlen(c->input), buf, sizeof buf, NULL));
        CHECK(strcmp(buf, c->want) == 0);
    }
    check_context = "";
}

static void test_kinds(void) {
    /* "Émile" as Latin-1 bytes, code points, and UTF-8: the same codes. */
    const uint8_t latin1[] = {0xC9, 'm', 'i', 'l', 'e'};
    const uint32_t cps[] = {0xC9, 'm', 'i', 'l', 'e'};
    const char *u8 = "\xc3\x89mile";
    ffz_str forms[3];
    code_fn fns[] = {ffz_soundex, ffz_metaphone, ffz_nysiis, ffz_match_rating_codex};
    const char *want[] = {"E540", "EML", "\xc3\x89NAL", "\xc3\x89ML"};
    size_t f, k;
    forms[0] = make_str(latin1, 5, FFZ_KIND_U8);
    forms[1] = make_str(cps, 5, FFZ_KIND_U32);
    forms[2] = utf8(u8);
    for (k = 0; k < 3; k++) {
        for (f = 0; f < 4; f++) {
            ffz_bytes *out = NULL;
            CHECK_OK(fns[f](forms[k], &out));
            check_bytes(out, want[f], strlen(want[f]), "kinds");
        }
    }
    /* An astral char given as one code point. */
    {
        const uint32_t astral[] = {0x1D400, 'b', 'c'}; /* MATHEMATICAL BOLD CAPITAL A */
        ffz_bytes *out = NULL;
        CHECK_OK(ffz_soundex(make_str(astral, 3, FFZ_KIND_U32), &out));
        check_bytes(out, "A120", 4, "astral");
    }
    /* Empty input of every kind, with NULL data. */
    for (k = 0; k < 3; k++) {
        uint32_t kinds[] = {FFZ_KIND_U8, FFZ_KIND_U32, FFZ_KIND_UTF8};
        ffz_bytes *out = NULL;
        CHECK_OK(ffz_metaphone(make_str(NULL, 0, kinds[k]), &out));
        check_bytes(out, "", 0, "empty");
    }
}

static void test_double_metaphone(void) {
    static const char *const cases[][3] = {
        {"Smith", "SM0", "XMT"},    {"Schmidt", "XMT", "SMT"}, {"Thompson", "TMPS", "TMPS"},
        {"Xavier", "SF", "SFR"},    {"Jose", "HS", "HS"},      {"Jos\xc3\xa9", "HS", "HS"},
        {"Gallegos", "KLKS", "KKS"}, {"", "", ""},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ffz_bytes *p = NULL, *a = NULL;
        char buf[16];
        size_t written = 0, plen = strlen(cases[i][1]), alen = strlen(cases[i][2]);
        CHECK_OK(ffz_double_metaphone(utf8(cases[i][0]), &p, &a));
        check_bytes(p, cases[i][1], plen, cases[i][0]);
        check_bytes(a, cases[i][2], alen, cases[i][0]);
        CHECK_OK(ffz_phonetic_into(FFZ_PHONETIC_DOUBLE_METAPHONE, cases[i][0], strlen(cases[i][0]), buf, sizeof buf,
                                   &written));
        CHECK_SIZE(written, plen + 1 + alen);
        CHECK(strcmp(buf, cases[i][1]) == 0);
        CHECK(strcmp(buf + plen + 1, cases[i][2]) == 0);
    }
}

static void test_comparison(void) {
    struct {
        const char *a, *b;
        int32_t want;
    } cases[] = {
        {"Bryne", "Boern", 1}, {"Smith", "Smyth", 1}, {"Catherine", "Kathryn", 1}, {"Michael", "Mike", 0},
        {"Tim", "Timothy", -1}, {"Ed", "Ad", 1},      {"Marie Helene", "Maria Rio", 1}, {"", "", 1},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t out = 99;
        check_context = cases[i].a;
        CHECK_OK(ffz_match_rating_comparison(utf8(cases[i].a), utf8(cases[i].b), &out));
        CHECK(out == cases[i].want);
        out = 99;
        CHECK_OK(ffz_match_rating_comparison_utf8(cases[i].a, strlen(cases[i].a), cases[i].b, strlen(cases[i].b),
                                                  &out));
        CHECK(out == cases[i].want);
    }
    check_context = "";
}

static void test_batch(void) {
    ffz_bytes *out = NULL;
    /* Three pieces (the middle one empty), joined and split by NUL. */
    static const char text[] = "Robert\0\0Rupert";
    static const char want[] = "R163\0\0R163";
    static const char dm_want[] = "XMT\0SMT\0\0";
    CHECK_OK(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, make_str(text, sizeof text - 1, FFZ_KIND_UTF8), 0, &out));
    check_bytes(out, want, sizeof want - 1, "batch soundex");
    out = NULL;
    CHECK_OK(ffz_phonetic_batch(FFZ_PHONETIC_DOUBLE_METAPHONE, make_str("Schmidt\0", 8, FFZ_KIND_UTF8), 0, &out));
    check_bytes(out, dm_want, sizeof dm_want - 1, "batch double metaphone");
    out = NULL;
    CHECK_OK(ffz_phonetic_batch(FFZ_PHONETIC_METAPHONE, utf8("Thompson|Knight"), '|', &out));
    check_bytes(out, "0MPSN|NT", 8, "batch metaphone");
    out = NULL;
    CHECK_OK(ffz_phonetic_batch(FFZ_PHONETIC_NYSIIS, make_str(NULL, 0, FFZ_KIND_UTF8), 0, &out));
    check_bytes(out, "", 0, "batch empty");

    /* Errors; out stays untouched. */
    out = NULL;
    CHECK_STATUS(ffz_phonetic_batch(FFZ_PHONETIC_MATCH_RATING_CODEX, utf8("Smith|a1"), '|', &out),
                 FFZ_NOT_ALPHABETIC);
    CHECK(strstr(ffz_last_error_message(), "piece 1") != NULL);
    /* Soundex copies the uppercased first char: "x" with separator 'X'. */
    CHECK_STATUS(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8("x"), 'X', &out), FFZ_INVALID_ARGUMENT);
    CHECK_STATUS(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8("x"), 0xD800, &out), FFZ_INVALID_ARGUMENT);
    CHECK_STATUS(ffz_phonetic_batch(0, utf8("x"), 0, &out), FFZ_INVALID_ARGUMENT);
    CHECK_STATUS(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8("x"), 0, NULL), FFZ_NULL_POINTER);
    CHECK(out == NULL);
}

static void test_errors(void) {
    code_fn fns[] = {ffz_soundex, ffz_metaphone, ffz_nysiis, ffz_match_rating_codex};
    const char bad_utf8[] = {'a', (char)0xC3, '(', 0};
    const uint32_t surrogate[] = {'a', 0xD800};
    const uint32_t too_big[] = {0x110000};
    const uint64_t hashes[] = {1, 2};
    ffz_bytes *sentinel = (ffz_bytes *)&sentinel; /* must stay unchanged on failure */
    ffz_bytes *out;
    ffz_bytes *p, *a;
    int32_t cmp;
    char buf[8];
    size_t written;
    size_t f;

    for (f = 0; f < 4; f++) {
        out = sentinel;
        CHECK_STATUS(fns[f](utf8("Robert"), NULL), FFZ_NULL_POINTER);
        CHECK(strstr(ffz_last_error_message(), "out") != NULL);
        CHECK_STATUS(fns[f](make_str(bad_utf8, 3, FFZ_KIND_UTF8), &out), FFZ_INVALID_UTF8);
        CHECK_STATUS(fns[f](make_str(NULL, 3, FFZ_KIND_UTF8), &out), FFZ_NULL_POINTER);
        CHECK_STATUS(fns[f](make_str("abc", 3, 2), &out), FFZ_UNKNOWN_KIND);
        CHECK_STATUS(fns[f](make_str(surrogate, 2, FFZ_KIND_U32), &out), FFZ_INVALID_ARGUMENT);
        CHECK(strstr(ffz_last_error_message(), "lone surrogate") != NULL);
        CHECK_STATUS(fns[f](make_str(too_big, 1, FFZ_KIND_U32), &out), FFZ_INVALID_ARGUMENT);
        CHECK_STATUS(fns[f](make_str(hashes, 2, FFZ_KIND_U64), &out), FFZ_INVALID_ARGUMENT);
        CHECK_STATUS(fns[f](make_str("abc", (size_t)UINT32_MAX + 1, FFZ_KIND_UTF8), &out), FFZ_TOO_LARGE);
        CHECK(out == sentinel);
    }

    out = sentinel;
    CHECK_STATUS(ffz_match_rating_codex(utf8("a1"), &out), FFZ_NOT_ALPHABETIC);
    CHECK(strcmp(ffz_last_error_message(), "Strings must only contain alphabetical characters") == 0);
    CHECK_STATUS(ffz_match_rating_codex(utf8("O'Hara"), &out), FFZ_NOT_ALPHABETIC);
    CHECK(out == sentinel);

    p = a = sentinel;
    CHECK_STATUS(ffz_double_metaphone(utf8("Smith"), NULL, &a), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_double_metaphone(utf8("Smith"), &p, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_double_metaphone(make_str(bad_utf8, 3, FFZ_KIND_UTF8), &p, &a), FFZ_INVALID_UTF8);
    CHECK_STATUS(ffz_double_metaphone(make_str(surrogate, 2, FFZ_KIND_U32), &p, &a), FFZ_INVALID_ARGUMENT);
    CHECK(p == sentinel && a == sentinel);

    cmp = 99;
    CHECK_STATUS(ffz_match_rating_comparison(utf8("a"), utf8("b"), NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_match_rating_comparison(utf8("a1"), utf8("b"), &cmp), FFZ_NOT_ALPHABETIC);
    CHECK_STATUS(ffz_match_rating_comparison(utf8("a"), make_str(bad_utf8, 3, FFZ_KIND_UTF8), &cmp),
                 FFZ_INVALID_UTF8);
    CHECK(strstr(ffz_last_error_message(), "b:") != NULL);
    CHECK_STATUS(ffz_match_rating_comparison(utf8("a"), make_str("x", 1, 99), &cmp), FFZ_UNKNOWN_KIND);
    CHECK_STATUS(ffz_match_rating_comparison_utf8("a", 1, "b", 1, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_match_rating_comparison_utf8(NULL, 1, "b", 1, &cmp), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_match_rating_comparison_utf8(bad_utf8, 3, "b", 1, &cmp), FFZ_INVALID_UTF8);
    CHECK_STATUS(ffz_match_rating_comparison_utf8("1", 1, "b", 1, &cmp), FFZ_NOT_ALPHABETIC);
    CHECK(cmp == 99);
    CHECK_OK(ffz_match_rating_comparison_utf8(NULL, 0, NULL, 0, &cmp));
    CHECK(cmp == 1);

    /* ffz_phonetic_into: the buffer must hold the code and its NUL. */
    memset(buf, 'Z', sizeof buf);
    written = 77;
    CHECK_STATUS(ffz_phonetic_into(FFZ_PHONETIC_SOUNDEX, "Robert", 6, buf, 4, &written), FFZ_TOO_LARGE);
    CHECK(buf[0] == 'Z' && written == 77);
    CHECK_OK(ffz_phonetic_into(FFZ_PHONETIC_SOUNDEX, "Robert", 6, buf, 5, &written));
    CHECK(strcmp(buf, "R163") == 0 && written == 4);
    CHECK_STATUS(ffz_phonetic_into(FFZ_PHONETIC_DOUBLE_METAPHONE, "Schmidt", 7, buf, 7, &written), FFZ_TOO_LARGE);
    CHECK_OK(ffz_phonetic_into(FFZ_PHONETIC_DOUBLE_METAPHONE, "Schmidt", 7, buf, 8, &written)); /* exactly */
    CHECK(memcmp(buf, "XMT\0SMT", 8) == 0 && written == 7);
    CHECK_STATUS(ffz_phonetic_into(FFZ_PHONETIC_SOUNDEX, "Robert", 6, NULL, 5, &written), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_phonetic_into(FFZ_PHONETIC_SOUNDEX, NULL, 6, buf, 5, &written), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_phonetic_into(FFZ_PHONETIC_SOUNDEX, bad_utf8, 3, buf, 5, &written), FFZ_INVALID_UTF8);
    CHECK_STATUS(ffz_phonetic_into(6, "Robert", 6, buf, 5, &written), FFZ_INVALID_ARGUMENT);
    CHECK(strstr(ffz_last_error_message(), "algorithm") != NULL);
    CHECK_STATUS(ffz_phonetic_into(FFZ_PHONETIC_MATCH_RATING_CODEX, "a-b", 3, buf, 5, &written),
                 FFZ_NOT_ALPHABETIC);
    CHECK_OK(ffz_phonetic_into(FFZ_PHONETIC_NYSIIS, NULL, 0, buf, 1, &written));
    CHECK(buf[0] == 0 && written == 0);

    /* A long input: the codes grow with it, and nothing leaks. */
    {
        size_t n = 100000, i;
        char *long_text = malloc(n + 1);
        if (CHECK(long_text != NULL)) {
            for (i = 0; i < n; i++) long_text[i] = "Xavier Knight "[i % 14];
            long_text[n] = 0;
            out = NULL;
            CHECK_OK(ffz_metaphone(utf8(long_text), &out));
            {
                const uint8_t *data = NULL;
                size_t len = 0;
                CHECK_OK(ffz_bytes_data(out, &data, &len));
                CHECK(len > n / 3);
            }
            ffz_bytes_free(out);
            p = a = NULL;
            CHECK_OK(ffz_double_metaphone(utf8(long_text), &p, &a));
            ffz_bytes_free(p);
            ffz_bytes_free(a);
            free(long_text);
        }
    }
    ffz_bytes_free(NULL);
}

int main(void) {
    test_codes();
    test_kinds();
    test_double_metaphone();
    test_comparison();
    test_batch();
    test_errors();
    return check_summary();
}
