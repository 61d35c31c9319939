/* The libxml2 floor for samllint's benchmark: parse each file with xmlReadMemory (the same safe
 * options samllint uses) and walk every saml:AttributeValue, touching its text. Nothing else.
 * Build: cc -O2 -o floor floor.c $(pkg-config --cflags --libs libxml-2.0)
 * Usage: floor FILE...   (or: floor -l LISTFILE, one path per line) */
#include "floor-inputs.h"

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
    xmlDocPtr doc = parse_input(path);
    if (!doc) return 1;
    walk(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return 0;
}

int main(int argc, char **argv) {
    xmlInitParser();
    int files = 0;
    int failures = for_each_input(argc, argv, lint, &files);
    printf("floor: %d files, %lu attribute values, %lu value bytes, %d failures\n", files, values, bytes, failures);
    return 0;
}
