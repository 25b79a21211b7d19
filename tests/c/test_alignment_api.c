/*
 * test_alignment_api.c: the alignment exports from C.
 *
 * ffz_levenshtein_editops, ffz_indel_editops, ffz_editops_info,
 * ffz_editops_copy, ffz_editops_to_opcodes, ffz_opcodes_info,
 * ffz_opcodes_copy and the two *_free functions, on values computed with
 * rapidfuzz 3.14.6 in the UTF-8, UTF-32 and 1-byte kinds; a 200-unit pair
 * (multi-word kernel) whose editops are applied here and must rebuild the
 * destination; partial copies and NULL arrays; and every error path: NULL
 * out-params, objects and data, invalid UTF-8, unknown kinds, free(NULL).
 * Prints "N passed, M failed" last.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ffz_check.h"

static ffz_str make_str(const void *data, size_t len, uint32_t kind) {
    ffz_str s;
    s.data = data;
    s.len = len;
    s.kind = kind;
    return s;
}

static ffz_str utf8(const char *s) { return make_str(s, strlen(s), FFZ_KIND_UTF8); }

struct edit { uint8_t tag; size_t src, dest; };
struct block { uint8_t tag; size_t s0, s1, d0, d1; };

#define R FFZ_EDIT_REPLACE
#define I FFZ_EDIT_INSERT
#define D FFZ_EDIT_DELETE
#define E FFZ_EDIT_EQUAL

/* Checks that `e` holds exactly want[0..n) for lengths (n1, n2); frees it. */
static void expect_editops(ffz_editops *e, const struct edit *want, size_t n, size_t n1, size_t n2) {
    size_t count = 99, src_len = 99, dest_len = 99, written = 99, i;
    uint8_t tags[16];
    size_t src[16], dest[16];
    if (!CHECK(e != NULL)) return;
    CHECK_OK(ffz_editops_info(e, &count, &src_len, &dest_len));
    CHECK_SIZE(count, n);
    CHECK_SIZE(src_len, n1);
    CHECK_SIZE(dest_len, n2);
    CHECK_OK(ffz_editops_copy(e, tags, src, dest, 16, &written));
    CHECK_SIZE(written, n);
    for (i = 0; i < n && i < written; i++) {
        CHECK_SIZE(tags[i], want[i].tag);
        CHECK_SIZE(src[i], want[i].src);
        CHECK_SIZE(dest[i], want[i].dest);
    }
    ffz_editops_free(e);
}

static void expect_opcodes(ffz_opcodes *o, const struct block *want, size_t n, size_t n1, size_t n2) {
    size_t count = 99, src_len = 99, dest_len = 99, written = 99, i;
    uint8_t tags[16];
    size_t s0[16], s1[16], d0[16], d1[16];
    if (!CHECK(o != NULL)) return;
    CHECK_OK(ffz_opcodes_info(o, &count, &src_len, &dest_len));
    CHECK_SIZE(count, n);
    CHECK_SIZE(src_len, n1);
    CHECK_SIZE(dest_len, n2);
    CHECK_OK(ffz_opcodes_copy(o, tags, s0, s1, d0, d1, 16, &written));
    CHECK_SIZE(written, n);
    for (i = 0; i < n && i < written; i++) {
        CHECK_SIZE(tags[i], want[i].tag);
        CHECK_SIZE(s0[i], want[i].s0);
        CHECK_SIZE(s1[i], want[i].s1);
        CHECK_SIZE(d0[i], want[i].d0);
        CHECK_SIZE(d1[i], want[i].d1);
    }
    ffz_opcodes_free(o);
}

static void test_known_values(void) {
    static const struct edit lev_spam[] = {{D, 0, 0}, {I, 3, 2}, {R, 3, 3}};
    static const struct edit indel_spam[] = {{D, 0, 0}, {I, 3, 2}, {I, 3, 3}, {D, 3, 4}};
    static const struct block lev_spam_ops[] = {{D, 0, 1, 0, 0}, {E, 1, 3, 0, 2}, {I, 3, 3, 2, 3}, {R, 3, 4, 3, 4}};
    static const struct edit lev_q[] = {{D, 0, 0}, {R, 3, 2}, {I, 6, 5}};
    static const struct block lev_q_ops[] = {
        {D, 0, 1, 0, 0}, {E, 1, 3, 0, 2}, {R, 3, 4, 2, 3}, {E, 4, 6, 3, 5}, {I, 6, 6, 5, 6}};
    static const struct edit astral[] = {{I, 0, 0}, {D, 1, 2}, {D, 2, 2}};
    static const struct block astral_ops[] = {{I, 0, 0, 0, 1}, {E, 0, 1, 1, 2}, {D, 1, 3, 2, 2}, {E, 3, 4, 2, 3}};
    static const uint32_t a32[] = {'a', 0xE9, 0x1F600, 'b'};
    static const uint32_t b32[] = {0x1F600, 'a', 'b'};
    ffz_editops *e = NULL;
    ffz_opcodes *o = NULL;

    check_context = "spam/park";
    CHECK_OK(ffz_levenshtein_editops(utf8("spam"), utf8("park"), SIZE_MAX, &e));
    expect_editops(e, lev_spam, 3, 4, 4);
    CHECK_OK(ffz_levenshtein_editops(make_str("spam", 4, FFZ_KIND_U8), make_str("park", 4, FFZ_KIND_U8), 2, &e));
    expect_editops(e, lev_spam, 3, 4, 4);
    CHECK_OK(ffz_indel_editops(utf8("spam"), utf8("park"), &e));
    expect_editops(e, indel_spam, 4, 4, 4);
    CHECK_OK(ffz_levenshtein_editops(utf8("spam"), utf8("park"), SIZE_MAX, &e));
    CHECK_OK(ffz_editops_to_opcodes(e, &o));
    expect_opcodes(o, lev_spam_ops, 4, 4, 4);
    expect_editops(e, lev_spam, 3, 4, 4); /* still valid after the conversion */

    check_context = "qabxcd/abycdf";
    CHECK_OK(ffz_levenshtein_editops(utf8("qabxcd"), utf8("abycdf"), 0, &e));
    CHECK_OK(ffz_editops_to_opcodes(e, &o));
    expect_editops(e, lev_q, 3, 6, 6);
    expect_opcodes(o, lev_q_ops, 5, 6, 6);

    check_context = "astral";
    CHECK_OK(ffz_levenshtein_editops(utf8("a\xc3\xa9\xf0\x9f\x98\x80" "b"), utf8("\xf0\x9f\x98\x80" "ab"), SIZE_MAX, &e));
    CHECK_OK(ffz_editops_to_opcodes(e, &o));
    expect_editops(e, astral, 3, 4, 3);
    expect_opcodes(o, astral_ops, 4, 4, 3);
    CHECK_OK(ffz_indel_editops(make_str(a32, 4, FFZ_KIND_U32), make_str(b32, 3, FFZ_KIND_U32), &e));
    expect_editops(e, astral, 3, 4, 3);

    check_context = "empty";
    CHECK_OK(ffz_levenshtein_editops(make_str(NULL, 0, FFZ_KIND_U8), make_str(NULL, 0, FFZ_KIND_U32), SIZE_MAX, &e));
    CHECK_OK(ffz_editops_to_opcodes(e, &o));
    expect_editops(e, NULL, 0, 0, 0);
    expect_opcodes(o, NULL, 0, 0, 0);
    check_context = "";
}

/* Applies editops (copied into arrays) to a and compares with b. */
static void check_apply(const char *a, const char *b, size_t want_count, int indel) {
    ffz_editops *e = NULL;
    size_t count = 0, written = 0, i, pos = 0, out_len = 0;
    uint8_t *tags;
    size_t *src, *dest;
    char *out;
    if (indel)
        CHECK_OK(ffz_indel_editops(utf8(a), utf8(b), &e));
    else
        CHECK_OK(ffz_levenshtein_editops(utf8(a), utf8(b), SIZE_MAX, &e));
    CHECK_OK(ffz_editops_info(e, &count, NULL, NULL));
    CHECK_SIZE(count, want_count);
    tags = malloc(count + 1);
    src = malloc((count + 1) * sizeof *src);
    dest = malloc((count + 1) * sizeof *dest);
    out = malloc(strlen(a) + count + 1);
    CHECK_OK(ffz_editops_copy(e, tags, src, dest, count, &written));
    CHECK_SIZE(written, count);
    for (i = 0; i < written; i++) {
        while (pos < src[i]) out[out_len++] = a[pos++];
        if (tags[i] == FFZ_EDIT_DELETE) {
            pos++;
        } else {
            out[out_len++] = b[dest[i]];
            if (tags[i] == FFZ_EDIT_REPLACE) pos++;
        }
    }
    while (a[pos]) out[out_len++] = a[pos++];
    out[out_len] = 0;
    CHECK(strcmp(out, b) == 0);
    /* A partial copy with some arrays skipped. */
    CHECK_OK(ffz_editops_copy(e, NULL, src, NULL, 5, &written));
    CHECK_SIZE(written, count < 5 ? count : 5);
    free(tags);
    free(src);
    free(dest);
    free(out);
    ffz_editops_free(e);
}

static void test_long_pair(void) {
    const char *a =
        "bbcdaadcbbdddbbbdaabacacdddddbcaabdbcdcddcdbcacbcabccaaddacadbacddaaadccbacaaaabdccbacccbddddacdbcdcccadcadba"
        "cdcccdaaaccdccbcbccccdaabcbcbcbdaaccbdbacbdcbaabcbccacbdccdcdcddadbbaddbadccbacabaabdaadabc";
    const char *b =
        "badaacbcdacbbaabbcbaddacbcdadcaabaaaadaadcbcacddcccbcdabadabacddadacdcdddabbcadbdbacccadadacaadbbdaaadbacaaa"
        "dccaabaaacbabbbddccdcdadbdbddbdbbadddbbcbbcbcdcbcacddbbcbcdbddbdadadadbb";
    ffz_editops *e = NULL;
    ffz_opcodes *o = NULL;
    size_t count = 0;
    check_context = "200 units";
    check_apply(a, b, 104, 0);
    check_apply(a, b, 146, 1);
    CHECK_OK(ffz_levenshtein_editops(utf8(a), utf8(b), SIZE_MAX, &e));
    CHECK_OK(ffz_editops_to_opcodes(e, &o));
    CHECK_OK(ffz_opcodes_info(o, &count, NULL, NULL));
    CHECK_SIZE(count, 135);
    ffz_opcodes_free(o);
    ffz_editops_free(e);
    check_context = "";
}

static void test_errors(void) {
    static const unsigned char bad[] = {0xff, 0xfe};
    ffz_editops *e = (ffz_editops *)&e; /* a sentinel that must stay untouched */
    ffz_editops *sentinel = e;
    ffz_opcodes *o = NULL;
    size_t n = 0;
    uint8_t tag;

    CHECK_STATUS(ffz_levenshtein_editops(utf8("a"), utf8("b"), SIZE_MAX, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_indel_editops(utf8("a"), utf8("b"), NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_levenshtein_editops(make_str(bad, 2, FFZ_KIND_UTF8), utf8("b"), SIZE_MAX, &e), FFZ_INVALID_UTF8);
    CHECK(strstr(ffz_last_error_message(), "s1") != NULL);
    CHECK_STATUS(ffz_indel_editops(utf8("a"), make_str(bad, 2, FFZ_KIND_UTF8), &e), FFZ_INVALID_UTF8);
    CHECK(strstr(ffz_last_error_message(), "s2") != NULL);
    CHECK_STATUS(ffz_levenshtein_editops(make_str("a", 1, 3), utf8("b"), SIZE_MAX, &e), FFZ_UNKNOWN_KIND);
    CHECK_STATUS(ffz_indel_editops(utf8("a"), make_str("a", 1, 2), &e), FFZ_UNKNOWN_KIND);
    CHECK_STATUS(ffz_levenshtein_editops(make_str(NULL, 3, FFZ_KIND_U8), utf8("b"), SIZE_MAX, &e), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_indel_editops(utf8("b"), make_str(NULL, 1, FFZ_KIND_U32), &e), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_levenshtein_editops(make_str("a", (size_t)1 << 40, FFZ_KIND_U8), utf8("b"), SIZE_MAX, &e),
                 FFZ_TOO_LARGE);
    CHECK(e == sentinel);

    CHECK_STATUS(ffz_editops_info(NULL, &n, &n, &n), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_editops_copy(NULL, &tag, &n, &n, 1, &n), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_editops_to_opcodes(NULL, &o), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_opcodes_info(NULL, &n, &n, &n), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_opcodes_copy(NULL, &tag, &n, &n, &n, &n, 1, &n), FFZ_NULL_POINTER);

    e = NULL;
    CHECK_OK(ffz_levenshtein_editops(utf8("ab"), utf8("b"), SIZE_MAX, &e));
    CHECK_STATUS(ffz_editops_copy(e, &tag, &n, &n, 1, NULL), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_editops_to_opcodes(e, NULL), FFZ_NULL_POINTER);
    CHECK_OK(ffz_editops_info(e, NULL, NULL, NULL));
    CHECK_OK(ffz_editops_copy(e, NULL, NULL, NULL, 0, &n));
    CHECK_SIZE(n, 0);
    CHECK_OK(ffz_editops_to_opcodes(e, &o));
    CHECK_STATUS(ffz_opcodes_copy(o, &tag, &n, &n, &n, &n, 1, NULL), FFZ_NULL_POINTER);
    CHECK_OK(ffz_opcodes_info(o, NULL, NULL, NULL));
    CHECK_OK(ffz_opcodes_copy(o, NULL, NULL, NULL, NULL, NULL, 100, &n));
    CHECK_SIZE(n, 2);
    ffz_opcodes_free(o);
    ffz_editops_free(e);

    ffz_editops_free(NULL);
    ffz_opcodes_free(NULL);
    CHECK(1); /* free(NULL) returned */
}

int main(void) {
    test_known_values();
    test_long_pair();
    test_errors();
    return check_summary();
}
