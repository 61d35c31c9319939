/* What both floor programs share: reading and parsing a file with the safe options samllint uses,
 * and running a function over the inputs given as arguments or listed one per line in a file
 * (-l LISTFILE). */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file's bytes (malloc'd; the caller frees them), or NULL. */
static char *read_input(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long length = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buffer = malloc(length > 0 ? (size_t)length : 1);
    *size = fread(buffer, 1, length > 0 ? (size_t)length : 0, f);
    fclose(f);
    return buffer;
}

/* The file parsed (the caller frees it with xmlFreeDoc), or NULL when unreadable or not XML. */
static xmlDocPtr parse_input(const char *path) {
    size_t size = 0;
    char *buffer = read_input(path, &size);
    if (!buffer) return NULL;
    xmlDocPtr doc = xmlReadMemory(buffer, (int)size, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    free(buffer);
    return doc;
}

/* Runs `lint` on every input; returns how many failed, and counts the inputs in *files. */
static int for_each_input(int argc, char **argv, int (*lint)(const char *), int *files) {
    int failures = 0;
    *files = 0;
    if (argc == 3 && strcmp(argv[1], "-l") == 0) {
        FILE *list = fopen(argv[2], "r");
        char line[4096];
        while (list && fgets(line, sizeof line, list)) {
            line[strcspn(line, "\n")] = 0;
            if (*line) { failures += lint(line); (*files)++; }
        }
        if (list) fclose(list);
    } else {
        for (int i = 1; i < argc; i++) { failures += lint(argv[i]); (*files)++; }
    }
    return failures;
}
