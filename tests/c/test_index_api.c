/*
 * test_index_api.c: the index functions beyond new/len/search, from C.
 *
 * Adds with keys, choice and key lookup, search_many and its matches object,
 * threshold searches through the trie against pairwise distances, dedupe
 * and its groups object, serialisation to bytes and files, and every error
 * path of those functions. Prints "N passed, M failed" last.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ffz_check.h"

static ffz_str utf8(const char *s) {
    ffz_str out;
    out.data = s;
    out.len = strlen(s);
    out.kind = FFZ_KIND_UTF8;
    return out;
}

static ffz_scorer scorer(uint32_t metric, uint32_t form) {
    ffz_scorer sc;
    memset(&sc, 0, sizeof sc);
    sc.metric = metric;
    sc.form = form;
    sc.weights.insertion = sc.weights.deletion = sc.weights.substitution = 1;
    sc.pad = true;
    return sc;
}

static const char *WORDS[] = {"apple", "apply", "ample", "maple", "apple", "applet", "banana", "bandana", "cabana",
                              "\xc3\xa4pple", "\xf0\x9f\x98\x80" "apple", ""};
#define N_WORDS (sizeof WORDS / sizeof WORDS[0])

static ffz_index *make_index(void) {
    ffz_str choices[N_WORDS];
    ffz_index *index = NULL;
    size_t i;
    for (i = 0; i < N_WORDS; i++) choices[i] = utf8(WORDS[i]);
    CHECK_OK(ffz_index_new(choices, N_WORDS, &index));
    return index;
}

static size_t distance(const char *a, const char *b) {
    size_t out = SIZE_MAX;
    CHECK_OK(ffz_levenshtein_distance(utf8(a), utf8(b), NULL, SIZE_MAX, SIZE_MAX, &out));
    return out;
}

static void test_add_and_lookup(void) {
    ffz_index *index = make_index();
    ffz_str more[2];
    ffz_key keys[2];
    size_t first = 0, len = 0, n = 0, mem = 0, text_len = 0;
    uint32_t kind = 0, key_kind = 99;
    int64_t int_value = 7;
    char text[16];
    uint32_t wide[8];
    check_context = "add and lookup";

    more[0] = utf8("grape");
    more[1] = utf8("\xce\xb1\xce\xb2\xce\xb3"); /* Greek alpha beta gamma */
    keys[0].kind = FFZ_KEY_TEXT;
    keys[0].text = "fruit-7";
    keys[0].text_len = 7;
    keys[0].int_value = 0;
    keys[1].kind = FFZ_KEY_INT;
    keys[1].int_value = -42;
    keys[1].text = NULL;
    keys[1].text_len = 0;
    CHECK_OK(ffz_index_add(index, more, keys, 2, &first));
    CHECK_SIZE(first, N_WORDS);
    CHECK_OK(ffz_index_len(index, &n));
    CHECK_SIZE(n, N_WORDS + 2);
    CHECK_OK(ffz_index_add(index, more, NULL, 1, NULL)); /* no keys, no first */
    CHECK_OK(ffz_index_memory(index, &mem));
    CHECK(mem > 0);

    /* A byte choice: length first, then the units. */
    CHECK_OK(ffz_index_choice(index, 0, NULL, 0, &len, &kind));
    CHECK_SIZE(len, 5);
    CHECK(kind == FFZ_KIND_U8);
    memset(text, 0, sizeof text);
    CHECK_OK(ffz_index_choice(index, 0, text, 3, &len, &kind));
    CHECK(memcmp(text, "app\0", 4) == 0); /* only capacity units copied */
    CHECK_SIZE(len, 5);
    /* A wide choice comes back as code points. */
    CHECK_OK(ffz_index_choice(index, N_WORDS + 1, wide, 8, &len, &kind));
    CHECK(kind == FFZ_KIND_U32);
    CHECK_SIZE(len, 3);
    CHECK(wide[0] == 0x3B1 && wide[1] == 0x3B2 && wide[2] == 0x3B3);
    /* Latin-1 range narrows to bytes; astral stays wide. */
    CHECK_OK(ffz_index_choice(index, 9, NULL, 0, &len, &kind));
    CHECK(kind == FFZ_KIND_U8 && len == 5);
    CHECK_OK(ffz_index_choice(index, 10, NULL, 0, &len, &kind));
    CHECK(kind == FFZ_KIND_U32 && len == 6);

    /* Keys: none, text (with truncation), integer. */
    CHECK_OK(ffz_index_key(index, 0, &key_kind, &int_value, NULL, 0, &text_len));
    CHECK(key_kind == FFZ_KEY_NONE && int_value == 0 && text_len == 0);
    CHECK_OK(ffz_index_key(index, N_WORDS, &key_kind, &int_value, text, 4, &text_len));
    CHECK(key_kind == FFZ_KEY_TEXT && text_len == 7 && memcmp(text, "frui", 4) == 0);
    CHECK_OK(ffz_index_key(index, N_WORDS + 1, &key_kind, &int_value, NULL, 0, &text_len));
    CHECK(key_kind == FFZ_KEY_INT && int_value == -42);
    CHECK_OK(ffz_index_key(index, N_WORDS + 2, &key_kind, &int_value, NULL, 0, &text_len));
    CHECK(key_kind == FFZ_KEY_NONE);

    /* Errors leave the outputs alone. */
    len = 12345;
    CHECK_STATUS(ffz_index_choice(index, 999, NULL, 0, &len, &kind), FFZ_INVALID_ARGUMENT);
    CHECK_SIZE(len, 12345);
    CHECK_STATUS(ffz_index_choice(index, 0, NULL, 4, &len, &kind), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_choice(NULL, 0, NULL, 0, &len, &kind), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_key(index, 999, &key_kind, &int_value, NULL, 0, &text_len), FFZ_INVALID_ARGUMENT);
    CHECK_STATUS(ffz_index_key(index, 0, NULL, &int_value, NULL, 0, &text_len), FFZ_NULL_POINTER);
    keys[0].kind = 77;
    CHECK_STATUS(ffz_index_add(index, more, keys, 1, &first), FFZ_INVALID_ARGUMENT);
    keys[0].kind = FFZ_KEY_TEXT;
    keys[0].text = "\xff\xfe";
    keys[0].text_len = 2;
    CHECK_STATUS(ffz_index_add(index, more, keys, 1, &first), FFZ_INVALID_UTF8);
    CHECK_STATUS(ffz_index_add(index, NULL, NULL, 1, &first), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_add(NULL, more, NULL, 1, &first), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_memory(index, NULL), FFZ_NULL_POINTER);
    CHECK_OK(ffz_index_len(index, &n));
    CHECK_SIZE(n, N_WORDS + 3); /* failed adds added nothing */
    ffz_index_free(index);
}

static void test_threshold_search_equals_pairwise(void) {
    ffz_index *index = make_index();
    ffz_scorer sc = scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_DISTANCE);
    const char *queries[] = {"apple", "aple", "bannana", "xyz", "", "\xc3\xa4pfel"};
    size_t q, i, k, count, positions[N_WORDS];
    double scores[N_WORDS];
    check_context = "threshold search";
    for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        for (k = 0; k <= 3; k++) {
            double cutoff = (double)k;
            size_t expected = 0, previous_score = 0;
            CHECK_OK(ffz_index_search(index, utf8(queries[q]), &sc, N_WORDS, &cutoff, positions, scores, &count));
            for (i = 0; i < N_WORDS; i++) expected += distance(queries[q], WORDS[i]) <= k;
            CHECK_SIZE(count, expected);
            for (i = 0; i < count; i++) {
                size_t d = distance(queries[q], WORDS[positions[i]]);
                CHECK_DOUBLE(scores[i], (double)d);
                CHECK(d >= previous_score); /* ascending distance */
                previous_score = d;
            }
        }
    }
    ffz_index_free(index);
}

static void test_search_many(void) {
    ffz_index *index = make_index();
    ffz_scorer sc = scorer(FFZ_METRIC_INDEL, FFZ_FORM_NORMALIZED_SIMILARITY);
    ffz_str queries[3];
    ffz_matches *matches = NULL;
    size_t q, i, n = 0, count = 0, written = 0, positions[4], one_positions[4];
    double scores[4], one_scores[4];
    size_t workers[] = {0, 1, 3};
    size_t w;
    check_context = "search_many";
    queries[0] = utf8("apple");
    queries[1] = utf8("banan");
    queries[2] = utf8("");
    for (w = 0; w < 3; w++) {
        CHECK_OK(ffz_index_search_many(index, queries, 3, &sc, 4, NULL, workers[w], &matches));
        CHECK_OK(ffz_matches_len(matches, &n));
        CHECK_SIZE(n, 3);
        for (q = 0; q < 3; q++) {
            CHECK_OK(ffz_index_search(index, queries[q], &sc, 4, NULL, one_positions, one_scores, &count));
            CHECK_OK(ffz_matches_count(matches, q, &n));
            CHECK_SIZE(n, count);
            CHECK_OK(ffz_matches_copy(matches, q, positions, scores, 4, &written));
            CHECK_SIZE(written, count);
            for (i = 0; i < written; i++) {
                CHECK_SIZE(positions[i], one_positions[i]);
                CHECK_DOUBLE(scores[i], one_scores[i]);
            }
            /* Either array may be skipped, and capacity limits the copy. */
            CHECK_OK(ffz_matches_copy(matches, q, NULL, scores, 1, &written));
            CHECK_SIZE(written, count < 1 ? count : 1);
        }
        n = 777;
        CHECK_STATUS(ffz_matches_count(matches, 3, &n), FFZ_INVALID_ARGUMENT);
        CHECK_SIZE(n, 777);
        CHECK_STATUS(ffz_matches_copy(matches, 9, positions, scores, 4, &written), FFZ_INVALID_ARGUMENT);
        CHECK_STATUS(ffz_matches_len(NULL, &n), FFZ_NULL_POINTER);
        ffz_matches_free(matches);
        matches = NULL;
    }
    CHECK_STATUS(ffz_index_search_many(index, queries, 3, &sc, 4, NULL, 5000, &matches), FFZ_INVALID_ARGUMENT);
    CHECK(matches == NULL);
    CHECK_STATUS(ffz_index_search_many(index, NULL, 3, &sc, 4, NULL, 1, &matches), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_search_many(index, queries, 3, NULL, 4, NULL, 1, &matches), FFZ_NULL_POINTER);
    CHECK_OK(ffz_index_search_many(index, NULL, 0, &sc, 4, NULL, 1, &matches)); /* no queries */
    CHECK_OK(ffz_matches_len(matches, &n));
    CHECK_SIZE(n, 0);
    ffz_matches_free(matches);
    ffz_matches_free(NULL);
    ffz_index_free(index);
}

static void test_dedupe(void) {
    ffz_index *index = make_index();
    ffz_scorer sc = scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_DISTANCE);
    ffz_groups *groups = NULL;
    size_t n = 0, size = 0, written = 0, members[N_WORDS];
    check_context = "dedupe";
    /* Within distance 1: {apple, apply, ample, apple, applet, äpple, 😀apple} and {banana, bandana}. */
    CHECK_OK(ffz_index_dedupe(index, &sc, 1.0, 2, &groups));
    CHECK_OK(ffz_groups_len(groups, &n));
    CHECK_SIZE(n, 2);
    CHECK_OK(ffz_groups_size(groups, 0, &size));
    CHECK_SIZE(size, 7);
    CHECK_OK(ffz_groups_copy(groups, 0, members, N_WORDS, &written));
    CHECK_SIZE(written, 7);
    CHECK(members[0] == 0 && members[1] == 1 && members[2] == 2 && members[3] == 4 && members[4] == 5 &&
          members[5] == 9 && members[6] == 10);
    CHECK_OK(ffz_groups_copy(groups, 1, members, N_WORDS, &written));
    CHECK(written == 2 && members[0] == 6 && members[1] == 7);
    CHECK_OK(ffz_groups_copy(groups, 1, members, 1, &written));
    CHECK_SIZE(written, 1);
    CHECK_STATUS(ffz_groups_size(groups, 2, &size), FFZ_INVALID_ARGUMENT);
    CHECK_STATUS(ffz_groups_copy(groups, 0, NULL, 3, &written), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_groups_len(NULL, &n), FFZ_NULL_POINTER);
    ffz_groups_free(groups);
    ffz_groups_free(NULL);
    groups = NULL;
    CHECK_STATUS(ffz_index_dedupe(index, &sc, NAN, 1, &groups), FFZ_INVALID_ARGUMENT);
    sc.metric = 999;
    CHECK_STATUS(ffz_index_dedupe(index, &sc, 1.0, 1, &groups), FFZ_INVALID_ARGUMENT);
    CHECK(groups == NULL);
    ffz_index_free(index);
}

static void test_bytes_and_files(void) {
    ffz_index *index = make_index(), *copy = NULL, *loaded = NULL;
    ffz_bytes *bytes = NULL;
    ffz_scorer sc = scorer(FFZ_METRIC_LEVENSHTEIN, FFZ_FORM_NORMALIZED_SIMILARITY);
    const uint8_t *data = NULL;
    size_t len = 0, n = 0, count_a = 0, count_b = 0, pos_a[N_WORDS], pos_b[N_WORDS], i;
    double sc_a[N_WORDS], sc_b[N_WORDS];
    uint8_t *damaged;
    char path[] = "/tmp/ffz_index_XXXXXX";
    char missing[] = "/nonexistent-dir/ffz.idx";
    int fd;
    FILE *f;
    check_context = "bytes and files";

    CHECK_OK(ffz_index_to_bytes(index, &bytes));
    CHECK_OK(ffz_bytes_data(bytes, &data, &len));
    CHECK(len > 64 && memcmp(data, "FFZINDEX", 8) == 0);
    CHECK_OK(ffz_index_from_bytes(data, len, &copy));
    CHECK_OK(ffz_index_len(copy, &n));
    CHECK_SIZE(n, N_WORDS);
    CHECK_OK(ffz_index_search(index, utf8("appel"), &sc, N_WORDS, NULL, pos_a, sc_a, &count_a));
    CHECK_OK(ffz_index_search(copy, utf8("appel"), &sc, N_WORDS, NULL, pos_b, sc_b, &count_b));
    CHECK_SIZE(count_b, count_a);
    for (i = 0; i < count_a && i < count_b; i++) {
        CHECK_SIZE(pos_b[i], pos_a[i]);
        CHECK_DOUBLE(sc_b[i], sc_a[i]);
    }
    ffz_index_free(copy);
    copy = NULL;

    /* Every truncation, and a flipped byte anywhere, is FFZ_BAD_FILE. */
    for (i = 0; i < len; i += 7) CHECK_STATUS(ffz_index_from_bytes(data, i, &copy), FFZ_BAD_FILE);
    damaged = malloc(len);
    CHECK(damaged != NULL);
    if (damaged) {
        for (i = 0; i < len; i += 5) {
            memcpy(damaged, data, len);
            damaged[i] ^= 0x5A;
            CHECK_STATUS(ffz_index_from_bytes(damaged, len, &copy), FFZ_BAD_FILE);
        }
        free(damaged);
    }
    CHECK(copy == NULL);
    CHECK(strlen(ffz_last_error_message()) > 0);
    CHECK_STATUS(ffz_index_from_bytes(NULL, 4, &copy), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_from_bytes(NULL, 0, &copy), FFZ_BAD_FILE);
    CHECK_STATUS(ffz_bytes_data(NULL, &data, &len), FFZ_NULL_POINTER);
    ffz_bytes_free(bytes);
    ffz_bytes_free(NULL);

    /* Files. */
    fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) close(fd);
    CHECK_OK(ffz_index_save(index, path, strlen(path)));
    CHECK_OK(ffz_index_load(path, strlen(path), &loaded));
    CHECK_OK(ffz_index_len(loaded, &n));
    CHECK_SIZE(n, N_WORDS);
    ffz_index_free(loaded);
    loaded = NULL;
    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("definitely not an index", f);
        fclose(f);
    }
    CHECK_STATUS(ffz_index_load(path, strlen(path), &loaded), FFZ_BAD_FILE);
    CHECK(strstr(ffz_last_error_message(), "not a ferrofuzz index") != NULL);
    unlink(path);
    CHECK_STATUS(ffz_index_load(path, strlen(path), &loaded), FFZ_IO_ERROR);
    CHECK_STATUS(ffz_index_save(index, missing, strlen(missing)), FFZ_IO_ERROR);
    CHECK_STATUS(ffz_index_save(index, NULL, 3), FFZ_NULL_POINTER);
    CHECK_STATUS(ffz_index_load(path, strlen(path), NULL), FFZ_NULL_POINTER);
    CHECK(loaded == NULL);
    ffz_index_free(index);
}

int main(void) {
    test_add_and_lookup();
    test_threshold_search_equals_pairwise();
    test_search_many();
    test_dedupe();
    test_bytes_and_files();
    return check_summary();
}
