/* The libxml2 floor for samllint's benchmark: parse each file with xmlReadMemory (the same safe
 * options samllint uses) and walk every saml:AttributeValue, touching its text. Nothing else.
 * Build: cc -O2 -o floor floor.c $(pkg-config --cflags --libs libxml-2.0)
 * Usage: floor FILE...   (or: floor -l LISTFILE, one path per line) */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
static unsigned long values = 0, bytes = 0;

static void walk(xmlNodePtr node) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (n->ns && strcmp((const char *)n->ns->href, SAML) == 0 && strcmp((const char *)n->name, "AttributeValue") == 0) {
            xmlChar *text = xmlNodeGetContent(n);
            if (text) { bytes += strlen((const char *)text); xmlFree(text); }
            values++;
        }
        walk(n->children);
    }
}

static int lint(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 1;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buffer = malloc(size > 0 ? size : 1);
    size_t got = fread(buffer, 1, size, f);
    fclose(f);
    xmlDocPtr doc = xmlReadMemory(buffer, (int)got, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    free(buffer);
    if (!doc) return 1;
    walk(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return 0;
}

int main(int argc, char **argv) {
    xmlInitParser();
    int failures = 0, files = 0;
    if (argc == 3 && strcmp(argv[1], "-l") == 0) {
        FILE *list = fopen(argv[2], "r");
        char line[4096];
        while (list && fgets(line, sizeof line, list)) {
            line[strcspn(line, "\n")] = 0;
            if (*line) { failures += lint(line); files++; }
        }
        if (list) fclose(list);
    } else {
        for (int i = 1; i < argc; i++) { failures += lint(argv[i]); files++; }
    }
    printf("floor: %d files, %lu attribute values, %lu value bytes, %d failures\n", files, values, bytes, failures);
    return 0;
}
