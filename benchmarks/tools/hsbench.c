// Hyperscan from C, for peers.sh: the same guardless UK-pack patterns as the Python bindings,
// without the per-match call into Python. Block mode over the whole corpus in memory.
//
//   hsbench PATTERNS.tsv CORPUS RUNS [som|nosom]
//
// PATTERNS.tsv: one rule per line, "<id>\t<caseless 0|1>\t<pattern>". Rules that do not compile
// (alone, with the requested flags) are left out and named on standard error. Prints one JSON
// line: patterns, failed ids, matches (per run; must agree), thread CPU and wall seconds per run.
// Build: gcc -O2 -o hsbench hsbench.c -lhs   (Debian: apt-get install libhyperscan-dev)
#define _GNU_SOURCE
#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags, void *ctx) {
    (void)id; (void)from; (void)to; (void)flags;
    ++*(unsigned long long *)ctx;
    return 0;
}

static char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n + 1);
    if (!buf || fread(buf, 1, n, f) != (size_t)n) { perror(path); exit(2); }
    buf[n] = 0;
    fclose(f);
    *size = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: hsbench PATTERNS.tsv CORPUS RUNS [som|nosom]\n"); return 64; }
    int som = argc < 5 || strcmp(argv[4], "nosom") != 0;
    int runs = atoi(argv[3]);
    size_t psize, size;
    char *ptext = read_file(argv[1], &psize);
    char *data = read_file(argv[2], &size);

    const char *exprs[256];
    unsigned flags[256], ids[256];
    int n = 0;
    printf("{\"peer\": \"hyperscan-c\", \"som\": %s, \"version\": \"%s\", \"failed\": {", som ? "true" : "false", hs_version());
    int first_failure = 1;
    for (char *line = strtok(ptext, "\n"); line && n < 256; line = strtok(NULL, "\n")) {
        char *tab1 = strchr(line, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2) continue;
        *tab1 = 0; *tab2 = 0;
        unsigned f = (tab1[1] == '1' ? HS_FLAG_CASELESS : 0) | (som ? HS_FLAG_SOM_LEFTMOST : 0);
        hs_database_t *db = NULL;
        hs_compile_error_t *err = NULL;
        if (hs_compile(tab2 + 1, f, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
            printf("%s\"%s\": \"%s\"", first_failure ? "" : ", ", line, err->message);
            first_failure = 0;
            hs_free_compile_error(err);
            continue;
        }
        hs_free_database(db);
        exprs[n] = tab2 + 1; flags[n] = f; ids[n] = n; n++;
    }
    printf("}, \"patterns\": %d", n);
    hs_database_t *db = NULL;
    hs_compile_error_t *err = NULL;
    double c0 = now(CLOCK_MONOTONIC);
    if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
        fprintf(stderr, "hs_compile_multi: %s\n", err->message);
        return 1;
    }
    printf(", \"compile_s\": %.2f", now(CLOCK_MONOTONIC) - c0);
    hs_scratch_t *scratch = NULL;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) { fprintf(stderr, "hs_alloc_scratch failed\n"); return 1; }
    printf(", \"bytes\": %zu, \"matches\": [", size);
    double cpu[64], wall[64];
    if (runs > 64) runs = 64;
    for (int r = 0; r < runs; r++) {
        unsigned long long count = 0;
        double t0 = now(CLOCK_THREAD_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC);
        // hs_scan takes an unsigned int length: scan in 1 GiB pieces (matches across a piece
        // boundary are not reported; the corpora here are 256 MiB, one piece).
        for (size_t off = 0; off < size; off += 1u << 30) {
            size_t len = size - off < (1u << 30) ? size - off : (1u << 30);
            if (hs_scan(db, data + off, (unsigned)len, 0, scratch, on_match, &count) != HS_SUCCESS) {
                fprintf(stderr, "hs_scan failed\n");
                return 1;
            }
        }
        cpu[r] = now(CLOCK_THREAD_CPUTIME_ID) - t0;
        wall[r] = now(CLOCK_MONOTONIC) - w0;
        printf("%s%llu", r ? ", " : "", count);
    }
    printf("], \"cpu_s\": [");
    for (int r = 0; r < runs; r++) printf("%s%.4f", r ? ", " : "", cpu[r]);
    printf("], \"wall_s\": [");
    for (int r = 0; r < runs; r++) printf("%s%.4f", r ? ", " : "", wall[r]);
    printf("]}\n");
    hs_free_scratch(scratch);
    hs_free_database(db);
    return 0;
}
