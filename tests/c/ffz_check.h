/*
 * ffz_check.h: a tiny assertion kit for test_ffz.c.
 *
 * Every CHECK* macro counts one check. A failing check prints where it is,
 * what it compared, the current context label and the library's last error
 * message, and the run goes on. check_summary() prints the final
 * "N passed, M failed" line and gives the process exit code.
 *
 * The counters are not synchronized: call the macros from the main thread
 * only (worker threads record what they saw; the main thread checks it).
 */
#ifndef FFZ_CHECK_H
#define FFZ_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ferrofuzz.h"

static int check_passed_count = 0;
static int check_failed_count = 0;
/* A label printed with failures, set by helpers that loop over cases. */
static const char *check_context = "";

static inline int check_record(int ok, const char *file, int line, const char *what) {
    if (ok) {
        check_passed_count++;
    } else {
        const char *msg = ffz_last_error_message();
        check_failed_count++;
        fprintf(stderr, "FAIL %s:%d: %s [context: %s] [last error: %s]\n", file, line, what,
                check_context, msg ? msg : "(NULL)");
    }
    return ok;
}

static inline int check_size(size_t got, size_t want, const char *expr, const char *file, int line) {
    int ok = check_record(got == want, file, line, expr);
    if (!ok) fprintf(stderr, "    got %zu, expected %zu\n", got, want);
    return ok;
}

static inline int check_double(double got, double want, const char *expr, const char *file, int line) {
    double diff = got > want ? got - want : want - got;
    int ok = check_record(diff <= 1e-12, file, line, expr);
    if (!ok) fprintf(stderr, "    got %.17g, expected %.17g\n", got, want);
    return ok;
}

static inline int check_status(int32_t got, int32_t want, const char *expr, const char *file, int line) {
    int ok = check_record(got == want, file, line, expr);
    if (!ok) fprintf(stderr, "    got status %d, expected %d\n", (int)got, (int)want);
    return ok;
}

static inline int check_summary(void) {
    printf("%d passed, %d failed\n", check_passed_count, check_failed_count);
    fflush(stdout);
    return check_failed_count == 0 && check_passed_count > 0 ? 0 : 1;
}

#define CHECK(cond) check_record((cond) != 0, __FILE__, __LINE__, #cond)
#define CHECK_SIZE(got, want) check_size((size_t)(got), (size_t)(want), #got, __FILE__, __LINE__)
#define CHECK_DOUBLE(got, want) check_double((got), (want), #got, __FILE__, __LINE__)
#define CHECK_STATUS(call, want) check_status((call), (want), #call, __FILE__, __LINE__)
#define CHECK_OK(call) CHECK_STATUS(call, FFZ_OK)

#endif /* FFZ_CHECK_H */
