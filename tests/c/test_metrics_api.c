/*
 * test_metrics_api.c: the LCSseq, OSA, Damerau-Levenshtein, Prefix,
 * Postfix, Jaro and Jaro-Winkler exports from C.
 *
 * Every export (ffz_{lcs_seq,osa,damerau_levenshtein,prefix,postfix,jaro,
 * jaro_winkler}_{distance,similarity,normalized_distance,
 * normalized_similarity}) on values computed with rapidfuzz 3.14.6, in the
 * UTF-8, UTF-32 and (where the text allows) 1-byte kinds, including a
 * 100-unit pair for the multi-word kernels; the cutoff rules; and every
 * error path: NULL out-params and data, invalid UTF-8, unknown kinds, NaN
 * cutoffs, bad prefix_weight (also through ffz_scorer in
 * ffz_process_cdist). Prints "N passed, M failed" last.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ffz_check.h"

typedef int32_t (*int_fn)(ffz_str, ffz_str, size_t, size_t *);
typedef int32_t (*norm_fn)(ffz_str, ffz_str, double, double *);
typedef int32_t (*jw_fn)(ffz_str, ffz_str, double, double, double *);

struct int_metric {
    const char *name;
    uint32_t id;
    int_fn distance, similarity;
    norm_fn normalized_distance, normalized_similarity;
};

static const struct int_metric INT_METRICS[] = {
    {"lcs_seq", FFZ_METRIC_LCS_SEQ, ffz_lcs_seq_distance, ffz_lcs_seq_similarity, ffz_lcs_seq_normalized_distance,
     ffz_lcs_seq_normalized_similarity},
    {"osa", FFZ_METRIC_OSA, ffz_osa_distance, ffz_osa_similarity, ffz_osa_normalized_distance,
     ffz_osa_normalized_similarity},
    {"damerau_levenshtein", FFZ_METRIC_DAMERAU_LEVENSHTEIN, ffz_damerau_levenshtein_distance,
     ffz_damerau_levenshtein_similarity, ffz_damerau_levenshtein_normalized_distance,
     ffz_damerau_levenshtein_normalized_similarity},
    {"prefix", FFZ_METRIC_PREFIX, ffz_prefix_distance, ffz_prefix_similarity, ffz_prefix_normalized_distance,
     ffz_prefix_normalized_similarity},
    {"postfix", FFZ_METRIC_POSTFIX, ffz_postfix_distance, ffz_postfix_similarity, ffz_postfix_normalized_distance,
     ffz_postfix_normalized_similarity},
};
#define N_INT_METRICS (sizeof INT_METRICS / sizeof INT_METRICS[0])

static const norm_fn JARO[4] = {ffz_jaro_distance, ffz_jaro_similarity, ffz_jaro_normalized_distance,
                                ffz_jaro_normalized_similarity};
static const jw_fn JARO_WINKLER[4] = {ffz_jaro_winkler_distance, ffz_jaro_winkler_similarity,
                                      ffz_jaro_winkler_normalized_distance,
                                      ffz_jaro_winkler_normalized_similarity};

/* Per metric: distance, similarity, normalized distance and similarity. */
struct int_expect {
    size_t distance, similarity;
    double normalized_distance, normalized_similarity;
};

struct pair_case {
    const char *s1, *s2; /* UTF-8 */
    struct int_expect ints[5];
    double jaro[4], jaro_winkler[4], jaro_winkler_25[4]; /* the last with prefix_weight 0.25 */
};

/* Values from rapidfuzz 3.14.6 (rapidfuzz.distance.*). */
static const struct pair_case CASES[] = {
    {"", "",
     {{0, 0, 0.0, 1.0}, {0, 0, 0.0, 1.0}, {0, 0, 0.0, 1.0}, {0, 0, 0.0, 1.0}, {0, 0, 0.0, 1.0}},
     {0, 1, 0, 1}, {0, 1, 0, 1}, {0, 1, 0, 1}},
    {"abc", "",
     {{3, 0, 1.0, 0.0}, {3, 0, 1.0, 0.0}, {3, 0, 1.0, 0.0}, {3, 0, 1.0, 0.0}, {3, 0, 1.0, 0.0}},
     {1, 0, 1, 0}, {1, 0, 1, 0}, {1, 0, 1, 0}},
    {"ca", "abc",
     {{2, 1, 0.6666666666666666, 0.33333333333333337}, {3, 0, 1.0, 0.0}, {2, 1, 0.6666666666666666, 0.33333333333333337}, {3, 0, 1.0, 0.0}, {3, 0, 1.0, 0.0}},
     {1, 0, 1, 0}, {1, 0, 1, 0}, {1, 0, 1, 0}},
    {"abcd", "acbd",
     {{1, 3, 0.25, 0.75}, {1, 3, 0.25, 0.75}, {1, 3, 0.25, 0.75}, {3, 1, 0.75, 0.25}, {3, 1, 0.75, 0.25}},
     {0.08333333333333337, 0.91666666666666663, 0.08333333333333337, 0.91666666666666663}, {0.075000000000000067, 0.92499999999999993, 0.075000000000000067, 0.92499999999999993}, {0.0625, 0.9375, 0.0625, 0.9375}},
    {"MARTHA", "MARHTA",
     {{1, 5, 0.16666666666666666, 0.8333333333333334}, {1, 5, 0.16666666666666666, 0.8333333333333334}, {1, 5, 0.16666666666666666, 0.8333333333333334}, {3, 3, 0.5, 0.5}, {5, 1, 0.8333333333333334, 0.16666666666666663}},
     {0.055555555555555469, 0.94444444444444453, 0.055555555555555469, 0.94444444444444453}, {0.038888888888888862, 0.96111111111111114, 0.038888888888888862, 0.96111111111111114}, {0.01388888888888884, 0.98611111111111116, 0.01388888888888884, 0.98611111111111116}},
    {"DIXON", "DICKSONX",
     {{4, 4, 0.5, 0.5}, {4, 4, 0.5, 0.5}, {4, 4, 0.5, 0.5}, {6, 2, 0.75, 0.25}, {8, 0, 1.0, 0.0}},
     {0.23333333333333339, 0.76666666666666661, 0.23333333333333339, 0.76666666666666661}, {0.18666666666666676, 0.81333333333333324, 0.18666666666666676, 0.81333333333333324}, {0.1166666666666667, 0.8833333333333333, 0.1166666666666667, 0.8833333333333333}},
    {"caf\xc3\xa9""s", "cafe\xc3\xa9""",
     {{1, 4, 0.2, 0.8}, {2, 3, 0.4, 0.6}, {2, 3, 0.4, 0.6}, {2, 3, 0.4, 0.6}, {5, 0, 1.0, 0.0}},
     {0.1333333333333333, 0.8666666666666667, 0.1333333333333333, 0.8666666666666667}, {0.093333333333333268, 0.90666666666666673, 0.093333333333333268, 0.90666666666666673}, {0.033333333333333326, 0.96666666666666667, 0.033333333333333326, 0.96666666666666667}},
    {"\xf0\x9f\x98\x80""ab\xf0\x9f\x98\x81""", "\xf0\x9f\x98\x80""ba\xf0\x9f\x98\x81""",
     {{1, 3, 0.25, 0.75}, {1, 3, 0.25, 0.75}, {1, 3, 0.25, 0.75}, {3, 1, 0.75, 0.25}, {3, 1, 0.75, 0.25}},
     {0.08333333333333337, 0.91666666666666663, 0.08333333333333337, 0.91666666666666663}, {0.075000000000000067, 0.92499999999999993, 0.075000000000000067, 0.92499999999999993}, {0.0625, 0.9375, 0.0625, 0.9375}},
    {"prefix_same", "prefix_diff",
     {{4, 7, 0.36363636363636365, 0.6363636363636364}, {4, 7, 0.36363636363636365, 0.6363636363636364}, {4, 7, 0.36363636363636365, 0.6363636363636364}, {4, 7, 0.36363636363636365, 0.6363636363636364}, {11, 0, 1.0, 0.0}},
     {0.24242424242424254, 0.75757575757575746, 0.24242424242424254, 0.75757575757575746}, {0.1454545454545455, 0.8545454545454545, 0.1454545454545455, 0.8545454545454545}, {0, 1, 0, 1}},
    {"ababababababababababababababababababababcdefghcdefghcdefghcdefghcdefghcdefghcdefghcdefghcdefghcdefghxyz", "babababababababababababababababababababacdfeghcdfeghcdfeghcdfeghcdfeghcdfeghcdfeghcdfeghcdfeghcdfeghxz",
     {{12, 91, 0.11650485436893204, 0.883495145631068}, {13, 90, 0.1262135922330097, 0.8737864077669903}, {13, 90, 0.1262135922330097, 0.8737864077669903}, {103, 0, 1.0, 0.0}, {102, 1, 0.9902912621359223, 0.009708737864077666}},
     {0.10127546164096701, 0.89872453835903299, 0.10127546164096701, 0.89872453835903299}, {0.10127546164096701, 0.89872453835903299, 0.10127546164096701, 0.89872453835903299}, {0.10127546164096701, 0.89872453835903299, 0.10127546164096701, 0.89872453835903299}},

};
#define N_CASES (sizeof CASES / sizeof CASES[0])

static ffz_str make_str(const void *data, size_t len, uint32_t kind) {
    ffz_str out;
    out.data = data;
    out.len = len;
    out.kind = kind;
    return out;
}

/* Decodes valid UTF-8 into code points; returns the count. */
static size_t utf8_to_u32(const char *s, uint32_t *out) {
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        uint32_t c = *p;
        int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        if (extra) c &= 0x3f >> extra;
        p++;
        for (; extra > 0; extra--, p++) c = (c << 6) | (*p & 0x3f);
        out[n++] = c;
    }
    return n;
}

/* The same text in the three kinds; `has_u8` when every code point < 256. */
struct texts {
    ffz_str utf8, u32, u8;
    int has_u8;
    uint32_t cps[256];
    unsigned char bytes[256];
};

static void make_texts(const char *s, struct texts *t) {
    size_t n = utf8_to_u32(s, t->cps), i;
    t->utf8 = make_str(s, strlen(s), FFZ_KIND_UTF8);
    t->u32 = make_str(t->cps, n, FFZ_KIND_U32);
    t->has_u8 = 1;
    for (i = 0; i < n; i++) {
        if (t->cps[i] > 255) t->has_u8 = 0;
        t->bytes[i] = (unsigned char)t->cps[i];
    }
    t->u8 = make_str(t->bytes, n, FFZ_KIND_U8);
}

static void check_int_metric(const struct int_metric *m, ffz_str a, ffz_str b, const struct int_expect *e) {
    size_t got = 12345;
    double f = -1.0;
    CHECK_OK(m->distance(a, b, SIZE_MAX, &got));
    CHECK_SIZE(got, e->distance);
    CHECK_OK(m->similarity(a, b, 0, &got));
    CHECK_SIZE(got, e->similarity);
    CHECK_OK(m->normalized_distance(a, b, 1.0, &f));
    CHECK(f == e->normalized_distance);
    CHECK_OK(m->normalized_similarity(a, b, 0.0, &f));
    CHECK(f == e->normalized_similarity);
    /* cutoffs: exactly at the score passes */
    CHECK_OK(m->distance(a, b, e->distance, &got));
    CHECK_SIZE(got, e->distance);
    CHECK_OK(m->similarity(a, b, e->similarity, &got));
    CHECK_SIZE(got, e->similarity);
    CHECK_OK(m->normalized_distance(a, b, e->normalized_distance, &f));
    CHECK(f == e->normalized_distance);
    CHECK_OK(m->normalized_similarity(a, b, e->normalized_similarity, &f));
    CHECK(f == e->normalized_similarity);
    /* just past the score: distance cutoff + 1, similarity 0, 1.0, 0.0 */
    if (e->distance > 0) {
        CHECK_OK(m->distance(a, b, e->distance - 1, &got));
        CHECK_SIZE(got, e->distance);
        CHECK_OK(m->distance(a, b, 0, &got));
        CHECK_SIZE(got, 1);
        CHECK_OK(m->normalized_distance(a, b, e->normalized_distance / 2, &f));
        CHECK(f == 1.0);
    }
    CHECK_OK(m->similarity(a, b, e->similarity + 1, &got));
    CHECK_SIZE(got, 0);
    if (e->normalized_similarity < 0.9) {
        CHECK_OK(m->normalized_similarity(a, b, e->normalized_similarity + 0.1, &f));
        CHECK(f == 0.0);
    }
}

static void check_jaro(ffz_str a, ffz_str b, const double want[4], int winkler, double weight) {
    int form;
    for (form = 0; form < 4; form++) {
        double f = -1.0, none = (form % 2 == 0) ? 1.0 : 0.0;
        int higher = form % 2 == 1;
        if (winkler) {
            CHECK_OK(JARO_WINKLER[form](a, b, weight, none, &f));
        } else {
            CHECK_OK(JARO[form](a, b, none, &f));
        }
        CHECK(f == want[form]);
        if (f != want[form]) fprintf(stderr, "    form %d: got %.17g, expected %.17g\n", form, f, want[form]);
        /* a cutoff the score misses: distances become 1.0, similarities 0.0 */
        if (higher ? want[form] < 0.95 : want[form] > 0.05) {
            double cutoff = higher ? want[form] + 0.05 : want[form] - 0.05;
            if (winkler) {
                CHECK_OK(JARO_WINKLER[form](a, b, weight, cutoff, &f));
            } else {
                CHECK_OK(JARO[form](a, b, cutoff, &f));
            }
            CHECK(f == (higher ? 0.0 : 1.0));
        }
    }
}

static void test_values(void) {
    size_t c, m;
    for (c = 0; c < N_CASES; c++) {
        static struct texts ta, tb;
        ffz_str as[3], bs[3];
        int kinds, k;
        make_texts(CASES[c].s1, &ta);
        make_texts(CASES[c].s2, &tb);
        as[0] = ta.utf8, as[1] = ta.u32, as[2] = ta.u8;
        bs[0] = tb.utf8, bs[1] = tb.u32, bs[2] = tb.u8;
        kinds = ta.has_u8 && tb.has_u8 ? 3 : 2;
        for (k = 0; k < kinds; k++) {
            /* mixed kinds too: s1 in kind k, s2 in kind (k + 1) % kinds */
            ffz_str b_other = bs[(k + 1) % kinds];
            check_context = CASES[c].s1;
            for (m = 0; m < N_INT_METRICS; m++) {
                check_int_metric(&INT_METRICS[m], as[k], bs[k], &CASES[c].ints[m]);
                check_int_metric(&INT_METRICS[m], as[k], b_other, &CASES[c].ints[m]);
            }
            check_jaro(as[k], bs[k], CASES[c].jaro, 0, 0.0);
            check_jaro(as[k], b_other, CASES[c].jaro, 0, 0.0);
            check_jaro(as[k], bs[k], CASES[c].jaro_winkler, 1, 0.1);
            check_jaro(as[k], bs[k], CASES[c].jaro_winkler_25, 1, 0.25);
        }
    }
    check_context = "";
}

/* Every export: NULL out, NULL data with a length, invalid UTF-8, unknown
 * kind; the out-param is left alone on failure. */
static void test_errors(void) {
    static const char bad_utf8[] = {'a', (char)0xc3, 'b'};
    ffz_str ok = make_str("abc", 3, FFZ_KIND_U8);
    ffz_str bad[3];
    size_t m;
    int form, i;
    bad[0] = make_str(NULL, 3, FFZ_KIND_U8);
    bad[1] = make_str(bad_utf8, sizeof bad_utf8, FFZ_KIND_UTF8);
    bad[2] = make_str("abc", 3, 3);
    {
        const int32_t want[3] = {FFZ_NULL_POINTER, FFZ_INVALID_UTF8, FFZ_UNKNOWN_KIND};
        for (m = 0; m < N_INT_METRICS; m++) {
            const struct int_metric *im = &INT_METRICS[m];
            size_t got = 77;
            double f = 7.0;
            check_context = im->name;
            CHECK_STATUS(im->distance(ok, ok, SIZE_MAX, NULL), FFZ_NULL_POINTER);
            CHECK_STATUS(im->similarity(ok, ok, 0, NULL), FFZ_NULL_POINTER);
            CHECK_STATUS(im->normalized_distance(ok, ok, 1.0, NULL), FFZ_NULL_POINTER);
            CHECK_STATUS(im->normalized_similarity(ok, ok, 0.0, NULL), FFZ_NULL_POINTER);
            CHECK_STATUS(im->normalized_distance(ok, ok, NAN, &f), FFZ_INVALID_ARGUMENT);
            CHECK_STATUS(im->normalized_similarity(ok, ok, NAN, &f), FFZ_INVALID_ARGUMENT);
            for (i = 0; i < 3; i++) {
                CHECK_STATUS(im->distance(bad[i], ok, SIZE_MAX, &got), want[i]);
                CHECK_STATUS(im->similarity(ok, bad[i], 0, &got), want[i]);
                CHECK_STATUS(im->normalized_distance(bad[i], ok, 1.0, &f), want[i]);
                CHECK_STATUS(im->normalized_similarity(ok, bad[i], 0.0, &f), want[i]);
            }
            CHECK_SIZE(got, 77);
            CHECK(f == 7.0);
            CHECK(strlen(ffz_last_error_message()) > 0);
        }
        for (form = 0; form < 4; form++) {
            double f = 7.0;
            check_context = "jaro";
            CHECK_STATUS(JARO[form](ok, ok, 0.5, NULL), FFZ_NULL_POINTER);
            CHECK_STATUS(JARO_WINKLER[form](ok, ok, 0.1, 0.5, NULL), FFZ_NULL_POINTER);
            CHECK_STATUS(JARO[form](ok, ok, NAN, &f), FFZ_INVALID_ARGUMENT);
            CHECK_STATUS(JARO_WINKLER[form](ok, ok, 0.1, NAN, &f), FFZ_INVALID_ARGUMENT);
            for (i = 0; i < 3; i++) {
                CHECK_STATUS(JARO[form](bad[i], ok, 0.5, &f), want[i]);
                CHECK_STATUS(JARO_WINKLER[form](ok, bad[i], 0.1, 0.5, &f), want[i]);
            }
            /* prefix_weight outside [0, 1] */
            CHECK_STATUS(JARO_WINKLER[form](ok, ok, 1.5, 0.0, &f), FFZ_INVALID_ARGUMENT);
            CHECK(strstr(ffz_last_error_message(), "prefix_weight") != NULL);
            CHECK_STATUS(JARO_WINKLER[form](ok, ok, -0.1, 0.0, &f), FFZ_INVALID_ARGUMENT);
            CHECK_STATUS(JARO_WINKLER[form](ok, ok, INFINITY, 0.0, &f), FFZ_INVALID_ARGUMENT);
            CHECK(f == 7.0);
            /* the ends of the range are fine; NaN passes as in rapidfuzz */
            CHECK_OK(JARO_WINKLER[form](ok, ok, 0.0, form % 2 ? 0.0 : 1.0, &f));
            CHECK(f == (form % 2 ? 1.0 : 0.0));
            CHECK_OK(JARO_WINKLER[form](ok, ok, 1.0, form % 2 ? 0.0 : 1.0, &f));
            CHECK(f == (form % 2 ? 1.0 : 0.0));
            CHECK_OK(JARO_WINKLER[form](ok, ok, NAN, form % 2 ? 0.0 : 1.0, &f));
            CHECK(f == (form % 2 ? 0.0 : 1.0));
            /* empty strings may have NULL data */
            CHECK_OK(JARO[form](make_str(NULL, 0, FFZ_KIND_U8), make_str(NULL, 0, FFZ_KIND_U64), form % 2 ? 0.0 : 1.0, &f));
            CHECK(f == (form % 2 ? 1.0 : 0.0));
        }
    }
    check_context = "";
}

/* The metrics through ffz_scorer: cdist of a few words equals the pairwise
 * exports; a bad prefix_weight or form is rejected. */
static void test_scorer(void) {
    static const char data[] = "MARTHAMARHTAcafecafeDIXONDICKSONX";
    static const size_t lengths[] = {6, 6, 4, 4, 5, 8};
    const size_t n = sizeof lengths / sizeof lengths[0];
    ffz_strs list;
    const uint32_t metrics[] = {FFZ_METRIC_LCS_SEQ, FFZ_METRIC_OSA, FFZ_METRIC_DAMERAU_LEVENSHTEIN,
                                FFZ_METRIC_PREFIX, FFZ_METRIC_POSTFIX, FFZ_METRIC_JARO, FFZ_METRIC_JARO_WINKLER};
    size_t mi, i, j;
    uint32_t form;
    double out[36];
    list.data = data;
    list.data_len = sizeof data - 1;
    list.lengths = lengths;
    list.count = n;
    list.kind = FFZ_KIND_U8;
    for (mi = 0; mi < sizeof metrics / sizeof metrics[0]; mi++) {
        for (form = 0; form < 4; form++) {
            ffz_scorer sc;
            memset(&sc, 0, sizeof sc);
            sc.metric = metrics[mi];
            sc.form = form;
            sc.prefix_weight = 0.2;
            if (!CHECK_OK(ffz_process_cdist(&list, &list, &sc, NULL, NULL, 1.0, FFZ_DTYPE_FLOAT64, 1, NULL, out,
                                            n * n)))
                continue;
            for (i = 0; i < n; i++) {
                size_t off_i = 0, off_j = 0, k;
                for (k = 0; k < i; k++) off_i += lengths[k];
                for (j = 0; j < n; j++) {
                    ffz_str a = make_str(data + off_i, lengths[i], FFZ_KIND_U8);
                    ffz_str b = make_str(data + off_j, lengths[j], FFZ_KIND_U8);
                    double want = -1.0;
                    size_t w = 0;
                    if (metrics[mi] == FFZ_METRIC_JARO) {
                        /* batch normalized similarity is the similarity, as in rapidfuzz.process */
                        CHECK_OK(JARO[form == 3 ? 1 : form](a, b, form % 2 ? 0.0 : 1.0, &want));
                    } else if (metrics[mi] == FFZ_METRIC_JARO_WINKLER) {
                        CHECK_OK(JARO_WINKLER[form == 3 ? 1 : form](a, b, 0.2, form % 2 ? 0.0 : 1.0, &want));
                    } else {
                        const struct int_metric *im = &INT_METRICS[mi];
                        if (form == 0) {
                            CHECK_OK(im->distance(a, b, SIZE_MAX, &w));
                            want = (double)w;
                        } else if (form == 1) {
                            CHECK_OK(im->similarity(a, b, 0, &w));
                            want = (double)w;
                        } else if (form == 2) {
                            CHECK_OK(im->normalized_distance(a, b, 1.0, &want));
                        } else {
                            CHECK_OK(im->normalized_similarity(a, b, 0.0, &want));
                        }
                    }
                    CHECK_DOUBLE(out[i * n + j], want);
                    off_j += lengths[j];
                }
            }
        }
    }
    {
        ffz_scorer sc;
        memset(&sc, 0, sizeof sc);
        sc.metric = FFZ_METRIC_JARO_WINKLER;
        sc.form = FFZ_FORM_SIMILARITY;
        sc.prefix_weight = 1.5;
        CHECK_STATUS(ffz_process_cdist(&list, &list, &sc, NULL, NULL, 1.0, FFZ_DTYPE_FLOAT64, 1, NULL, out, n * n),
                     FFZ_INVALID_ARGUMENT);
        CHECK(strstr(ffz_last_error_message(), "prefix_weight") != NULL);
        sc.prefix_weight = -0.5;
        CHECK_STATUS(ffz_process_cdist(&list, &list, &sc, NULL, NULL, 1.0, FFZ_DTYPE_FLOAT64, 1, NULL, out, n * n),
                     FFZ_INVALID_ARGUMENT);
        sc.metric = FFZ_METRIC_OSA;
        sc.form = 9;
        CHECK_STATUS(ffz_process_cdist(&list, &list, &sc, NULL, NULL, 1.0, FFZ_DTYPE_FLOAT64, 1, NULL, out, n * n),
                     FFZ_INVALID_ARGUMENT);
    }
}

/* A panic on a batch worker thread (armed by the test hook) reaches the
 * caller as FFZ_PANIC with its message, with workers=2 (a pool made for the
 * call) and workers=0 (the global pool); the library keeps working. */
static void test_worker_panic(void) {
    /* 300 x 300 cells: cdist splits the rows into several work units */
    enum { N = 300 };
    static const char words[] = "MARTHAMARHTAcafe";
    static const size_t word_lengths[] = {6, 6, 4};
    char data[N * 6];
    size_t lengths[N], offsets[3] = {0, 6, 12}, data_len = 0, i, w;
    const size_t workers[] = {2, 0};
    ffz_strs list;
    ffz_scorer sc;
    double *out = malloc(sizeof(double) * N * N);
    if (!CHECK(out != NULL))
        return;
    for (i = 0; i < N; i++) {
        memcpy(data + data_len, words + offsets[i % 3], word_lengths[i % 3]);
        lengths[i] = word_lengths[i % 3];
        data_len += lengths[i];
    }
    list.data = data;
    list.data_len = data_len;
    list.lengths = lengths;
    list.count = N;
    list.kind = FFZ_KIND_U8;
    memset(&sc, 0, sizeof sc);
    sc.metric = FFZ_METRIC_OSA;
    sc.form = FFZ_FORM_DISTANCE;
    for (w = 0; w < 2; w++) {
        ffz_test_arm_worker_panic(1);
        CHECK_STATUS(ffz_process_cdist(&list, &list, &sc, NULL, NULL, 1.0, FFZ_DTYPE_FLOAT64, workers[w], NULL, out,
                                       N * N),
                     FFZ_PANIC);
        CHECK(strstr(ffz_last_error_message(), "test hook: panic on worker thread") != NULL);
        /* one-shot: the next call succeeds */
        CHECK_OK(ffz_process_cdist(&list, &list, &sc, NULL, NULL, 1.0, FFZ_DTYPE_FLOAT64, workers[w], NULL, out, N * N));
        CHECK_DOUBLE(out[1], 1.0);           /* OSA("MARTHA", "MARHTA"): one transposition */
        CHECK_DOUBLE(out[297 * N], 0.0);     /* row 297 is "MARTHA" again */
    }
    /* Disarmed, no batch panics. */
    ffz_test_arm_worker_panic(1);
    ffz_test_arm_worker_panic(0);
    CHECK_OK(ffz_process_cdist(&list, &list, &sc, NULL, NULL, 1.0, FFZ_DTYPE_FLOAT64, 2, NULL, out, N * N));
    free(out);
}

int main(void) {
    test_values();
    test_errors();
    test_scorer();
    test_worker_panic();
    return check_summary();
}
