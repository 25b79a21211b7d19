/*
 * example.c: using ferrofuzz from C.
 *
 * Build and run it against the Python package's copy of the library (after
 * `python3 build.py` or `pip install .`):
 *
 *   INCDIR=$(python3 -c 'import ferrofuzz; print(ferrofuzz.get_include())')
 *   LIBDIR=$(python3 -c 'import ferrofuzz, os; print(os.path.dirname(ferrofuzz.get_library()))')
 *   cc -std=c99 -Wall -Wextra example.c -I"$INCDIR" -L"$LIBDIR" -lferrofuzz -Wl,-rpath,"$LIBDIR" -o example
 *   ./example
 *
 * or against a cargo build, from the repository root:
 *
 *   cc -std=c99 examples/c/example.c -Iinclude -Lrust/target/release -lferrofuzz \
 *      -Wl,-rpath,"$PWD/rust/target/release" -o example
 *
 * (`make -C examples/c` does the first.)
 */
#include <stdio.h>
#include <string.h>

#include "ferrofuzz.h"

/* A UTF-8 string, as ferrofuzz sees it: no NUL terminator needed. */
static ffz_str text(const char *s) {
    ffz_str str;
    str.data = s;
    str.len = strlen(s);
    str.kind = FFZ_KIND_UTF8;
    return str;
}

int main(void) {
    static const char *const names[] = {
        "John Smith", "Jane Smyth", "Jon Smythe", "Joan Smith", "Johann Schmidt", "Zoë Smith",
    };
    enum { COUNT = sizeof names / sizeof names[0], LIMIT = 3 };
    ffz_str choices[COUNT];
    ffz_index *index = NULL;
    ffz_scorer scorer;
    size_t i, found = 0, indices[LIMIT], distance = 0;
    double scores[LIMIT], cutoff = 0.5;
    int32_t status;

    printf("ferrofuzz %s (ABI %u)\n", ffz_version(), (unsigned)ffz_abi_version());

    /* 1. Build an index. It copies the strings, so `choices` may go away. */
    for (i = 0; i < COUNT; i++) choices[i] = text(names[i]);
    status = ffz_index_new(choices, COUNT, &index);
    if (status != FFZ_OK) {
        fprintf(stderr, "ffz_index_new failed (%d): %s\n", (int)status, ffz_last_error_message());
        return 1;
    }

    /* 2. Search it: the 3 best names by normalized Levenshtein similarity,
     *    keeping only scores >= 0.5. */
    memset(&scorer, 0, sizeof scorer);
    scorer.metric = FFZ_METRIC_LEVENSHTEIN;
    scorer.form = FFZ_FORM_NORMALIZED_SIMILARITY;
    scorer.weights.insertion = scorer.weights.deletion = scorer.weights.substitution = 1;
    status = ffz_index_search(index, text("Jon Smith"), &scorer, LIMIT, &cutoff, indices, scores, &found);
    if (status != FFZ_OK) {
        fprintf(stderr, "ffz_index_search failed (%d): %s\n", (int)status, ffz_last_error_message());
        ffz_index_free(index);
        return 1;
    }
    printf("best matches for \"Jon Smith\":\n");
    for (i = 0; i < found; i++) printf("  %zu. %s (%.3f)\n", i + 1, names[indices[i]], scores[i]);
    ffz_index_free(index);

    /* 3. Score one pair: NULL weights mean (1, 1, 1); SIZE_MAX means no
     *    cutoff and no hint. */
    status = ffz_levenshtein_distance(text("kitten"), text("sitting"), NULL, SIZE_MAX, SIZE_MAX, &distance);
    if (status == FFZ_OK) printf("levenshtein(\"kitten\", \"sitting\") = %zu\n", distance);

    /* 4. Errors: a status code plus a per-thread message. */
    status = ffz_levenshtein_distance(text("caf\xC3"), text("cafe"), NULL, SIZE_MAX, SIZE_MAX, &distance);
    if (status == FFZ_INVALID_UTF8) printf("expected error %d: %s\n", (int)status, ffz_last_error_message());

    return 0;
}
