/* The signature floor for samllint's benchmark: what parsing each file and verifying its signatures
 * with xmlsec1 costs in C, nothing else (no rules, no report). Every ds:Signature is verified with
 * the key of the certificate in its own KeyInfo, loaded once per distinct certificate text, IDs
 * registered as samllint registers them. One core.
 * Build: cc -O2 -o floor-verify floor-verify.c $(pkg-config --cflags --libs xmlsec1-openssl)
 * Usage: floor-verify FILE...   (or: floor-verify -l LISTFILE, one path per line) */
#include <xmlsec/xmlsec.h>
#include <xmlsec/base64.h>
#include <xmlsec/errors.h>
#include <xmlsec/keys.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/crypto.h>
#include <xmlsec/openssl/app.h>
#include "floor-inputs.h"

static const char *DSIG = "http://www.w3.org/2000/09/xmldsig#";
static unsigned long signatures = 0, valid = 0;

/* One key per distinct certificate text (the benchmark's IdPs have a handful). */
#define MAX_KEYS 64
static struct { xmlChar *text; xmlSecKeyPtr key; } keys[MAX_KEYS];
static int key_count = 0;

static xmlSecKeyPtr key_for(xmlNodePtr certificate) {
    xmlChar *text = xmlNodeGetContent(certificate);
    if (!text) return NULL;
    for (int i = 0; i < key_count; i++) {
        if (xmlStrEqual(keys[i].text, text)) { xmlFree(text); return keys[i].key; }
    }
    xmlSecByte der[8192];
    xmlSecSize size = 0;
    int decoded = xmlSecBase64Decode_ex(text, der, sizeof der, &size);
    xmlSecKeyPtr loaded = decoded >= 0 && size > 0 ? xmlSecOpenSSLAppKeyLoadMemory(der, size, xmlSecKeyDataFormatCertDer, NULL, NULL, NULL) : NULL;
    /* Keep the key value only: duplicating a key that still holds its certificate decodes the
       certificate again, behind OpenSSL 3's locks, for every signature. */
    xmlSecKeyPtr key = NULL;
    if (loaded) {
        key = xmlSecKeyCreate();
        if (key && xmlSecKeySetValue(key, xmlSecKeyDataDuplicate(xmlSecKeyGetValue(loaded))) < 0) { xmlSecKeyDestroy(key); key = NULL; }
        xmlSecKeyDestroy(loaded);
    }
    if (key && key_count < MAX_KEYS) { keys[key_count].text = text; keys[key_count].key = key; key_count++; }
    else xmlFree(text);
    return key;
}

static xmlNodePtr find(xmlNodePtr node, const char *name, const char *ns) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (n->ns && strcmp((const char *)n->ns->href, ns) == 0 && strcmp((const char *)n->name, name) == 0) return n;
        xmlNodePtr hit = find(n->children, name, ns);
        if (hit) return hit;
    }
    return NULL;
}

static void register_ids(xmlDocPtr doc, xmlNodePtr node) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        xmlAttrPtr id = xmlHasProp(n, BAD_CAST "ID");
        if (id) {
            xmlChar *value = xmlNodeListGetString(doc, id->children, 1);
            if (value && xmlGetID(doc, value) == NULL) xmlAddID(NULL, doc, value, id);
            xmlFree(value);
        }
        register_ids(doc, n->children);
    }
}

static void verify_all(xmlNodePtr node) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (n->ns && strcmp((const char *)n->ns->href, DSIG) == 0 && strcmp((const char *)n->name, "Signature") == 0) {
            signatures++;
            xmlNodePtr certificate = find(n->children, "X509Certificate", DSIG);
            xmlSecKeyPtr key = certificate ? key_for(certificate) : NULL;
            xmlSecDSigCtxPtr ctx = key ? xmlSecDSigCtxCreate(NULL) : NULL;
            if (ctx) {
                ctx->signKey = xmlSecKeyDuplicate(key);
                if (xmlSecDSigCtxVerify(ctx, n) >= 0 && ctx->status == xmlSecDSigStatusSucceeded) valid++;
                xmlSecDSigCtxDestroy(ctx);
            }
            continue;
        }
        verify_all(n->children);
    }
}

static int lint(const char *path) {
    xmlDocPtr doc = parse_input(path);
    if (!doc) return 1;
    register_ids(doc, xmlDocGetRootElement(doc));
    verify_all(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return 0;
}

static void quiet(const char *file, int line, const char *func, const char *object, const char *subject, int reason, const char *msg) {
    (void)file; (void)line; (void)func; (void)object; (void)subject; (void)reason; (void)msg;
}

int main(int argc, char **argv) {
    xmlInitParser();
    if (xmlSecInit() < 0 || xmlSecCryptoAppInit(NULL) < 0 || xmlSecCryptoInit() < 0) {
        fprintf(stderr, "floor-verify: xmlsec could not be initialised\n");
        return 2;
    }
    xmlSecErrorsSetCallback(quiet);
    int files = 0;
    int failures = for_each_input(argc, argv, lint, &files);
    printf("floor-verify: %d files, %lu signatures, %lu valid, %d failures\n", files, signatures, valid, failures);
    return 0;
}
