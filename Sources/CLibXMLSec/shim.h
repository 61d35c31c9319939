#ifndef CLIBXMLSEC_SHIM_H
#define CLIBXMLSEC_SHIM_H

/* One module for libxml2 + xmlsec1 + the OpenSSL headers xmlsec pulls in.
 *
 * SwiftPM drops the -D flags that `pkg-config --cflags xmlsec1-openssl` prints, and they
 * change struct layouts (XMLSEC_NO_SIZE_T makes xmlSecSize an unsigned int), so they are
 * repeated here exactly as Debian 12's xmlsec1 1.2.37 prints them. A test compares this
 * list with pkg-config's output. <xmlsec/app.h> must not be included: it #errors without
 * dynamic crypto loading. */
#ifndef XMLSEC_NO_SIZE_T
#define XMLSEC_NO_SIZE_T 1
#endif
#ifndef XMLSEC_OPENSSL3_ENGINES
#define XMLSEC_OPENSSL3_ENGINES 1
#endif
#ifndef XMLSEC_NO_GOST
#define XMLSEC_NO_GOST 1
#endif
#ifndef XMLSEC_NO_GOST2012
#define XMLSEC_NO_GOST2012 1
#endif
#ifndef XMLSEC_NO_CRYPTO_DYNAMIC_LOADING
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#endif
#ifndef XMLSEC_CRYPTO_OPENSSL
#define XMLSEC_CRYPTO_OPENSSL 1
#endif
#ifndef __XMLSEC_FUNCTION__
#define __XMLSEC_FUNCTION__ __func__
#endif

/* Debian's libxml2 is built with ICU; <libxml/encoding.h> would include the system ICU
 * headers, which clash with Foundation's own ICU module ("'UErrorCode' has different
 * definitions"). encoding.h only needs `UConverter *` and `UChar`: stand in for them. */
#include <libxml/xmlversion.h>
#if defined(LIBXML_ICU_ENABLED) && !defined(UCNV_H)
#define UCNV_H 1
#define UConverter struct clibxml2_UConverter
#define UChar unsigned short
#include <libxml/encoding.h>
#undef UConverter
#undef UChar
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/globals.h>

/* xmlFree is a macro in a thread-alloc build. */
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }

static inline int clibxml2_nodeset_count(const xmlNodeSet *set) { return set ? set->nodeNr : 0; }
static inline xmlNodePtr clibxml2_nodeset_item(const xmlNodeSet *set, int i) {
    return (set && i >= 0 && i < set->nodeNr) ? set->nodeTab[i] : NULL;
}

/* Byte offset of the parser inside the current input (for start-tag locations). */
static inline long clibxml2_input_offset(xmlParserCtxtPtr ctxt) {
    if (!ctxt || !ctxt->input || !ctxt->input->cur || !ctxt->input->base) return -1;
    return (long)ctxt->input->consumed + (long)(ctxt->input->cur - ctxt->input->base);
}
/* The byte at a negative distance from the cursor, or -1 when outside the buffer. */
static inline int clibxml2_input_byte_back(xmlParserCtxtPtr ctxt, long back) {
    if (!ctxt || !ctxt->input || !ctxt->input->cur || !ctxt->input->base) return -1;
    const xmlChar *p = ctxt->input->cur - back;
    if (p < ctxt->input->base) return -1;
    return (int)*p;
}

#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlenc.h>
#include <xmlsec/templates.h>
#include <xmlsec/errors.h>
#include <xmlsec/keysmngr.h>
#include <xmlsec/crypto.h>

typedef xmlSecSize cxmlsec_size_t;
static inline int cxmlsec_size_bytes(void) { return (int)sizeof(xmlSecSize); }
static inline int cxmlsec_check_version(void) { return xmlSecCheckVersion(); }

#endif
