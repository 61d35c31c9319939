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
/* Offset of the nearest '<' at or before the cursor (the start of the start tag the parser has
 * just read), or -1 when it is not in the buffer: one C loop instead of a call per byte. */
/* glibc's memrchr (declared by <string.h> only under _GNU_SOURCE): searches backwards a word at a
 * time, where a byte loop over every start tag of every document showed in profiles. */
extern void *memrchr(const void *s, int c, size_t n);
static inline long clibxml2_start_tag_offset(xmlParserCtxtPtr ctxt) {
    if (!ctxt || !ctxt->input || !ctxt->input->cur || !ctxt->input->base) return -1;
    const xmlChar *base = ctxt->input->base;
    const xmlChar *cur = ctxt->input->cur;
    if (cur < base) return -1;
    const xmlChar *p = (const xmlChar *)memrchr(base, '<', (size_t)(cur - base) + 1);
    if (!p) return -1;
    return (long)ctxt->input->consumed + (long)(p - base);
}
static inline int clibxml2_input_byte_back(xmlParserCtxtPtr ctxt, long back) {
    if (!ctxt || !ctxt->input || !ctxt->input->cur || !ctxt->input->base) return -1;
    const xmlChar *p = ctxt->input->cur - back;
    if (p < ctxt->input->base) return -1;
    return (int)*p;
}

/* The offset of the '<' of the first start tag with more than `limit` quoted attribute values
 * (namespace declarations included), or -1. libxml2 2.9 checks a start tag's attributes and
 * namespace declarations for duplicates pair by pair: 100,000 attributes on one element (1.2 MB)
 * took 93 s, 200,000 took 6.5 min, so such a tag is refused before libxml2 sees it. Linear: text is
 * skipped with memchr to the next '<', a quoted value with memchr to its closing quote. End tags,
 * comments, CDATA, DOCTYPE and processing instructions are not start tags; a '<' inside one of
 * them that looks like a start tag is scanned as one (a false count only refuses more). */
static inline long clibxml2_crowded_start_tag(const unsigned char *bytes, long count, long limit) {
    const unsigned char *p = bytes, *end = bytes + count;
    while (p < end) {
        const unsigned char *lt = (const unsigned char *)memchr(p, '<', (size_t)(end - p));
        if (!lt) return -1;
        p = lt + 1;
        if (p >= end) return -1;
        if (*p == '/' || *p == '!' || *p == '?') continue;
        long values = 0;
        while (p < end && *p != '>' && *p != '<') {
            if (*p == '"' || *p == '\'') {
                const unsigned char *close = (const unsigned char *)memchr(p + 1, *p, (size_t)(end - p - 1));
                if (!close) return -1;  /* an unterminated value: libxml2 reports it */
                if (++values > limit) return (long)(lt - bytes);
                p = close + 1;
            } else {
                p++;
            }
        }
    }
    return -1;
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

/* ---- Signature verification and decryption helpers (macros Swift cannot import) ---- */
#include <openssl/x509.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

static inline int cxmlsec_transform_uri_same_document(void) { return (int)xmlSecTransformUriTypeSameDocument; }

/* The reference transforms a SAML signature may use: enveloped, exclusive and inclusive c14n (1.0, 1.1, with
 * and without comments), and the digests. HMAC, XPath, XSLT, XPointer and base64 are not enabled, so a
 * reference using them fails. */
static inline int cxmlsec_dsig_enable_allowed(xmlSecDSigCtxPtr ctx) {
    xmlSecTransformId reference[] = {
        xmlSecTransformEnvelopedId, xmlSecTransformExclC14NId, xmlSecTransformExclC14NWithCommentsId,
        xmlSecTransformInclC14NId, xmlSecTransformInclC14NWithCommentsId, xmlSecTransformInclC14N11Id,
        xmlSecTransformInclC14N11WithCommentsId,
        xmlSecOpenSSLTransformSha1Id, xmlSecOpenSSLTransformSha224Id, xmlSecOpenSSLTransformSha256Id,
        xmlSecOpenSSLTransformSha384Id, xmlSecOpenSSLTransformSha512Id,
    };
    xmlSecTransformId signature[] = {
        xmlSecTransformExclC14NId, xmlSecTransformExclC14NWithCommentsId, xmlSecTransformInclC14NId,
        xmlSecTransformInclC14NWithCommentsId, xmlSecTransformInclC14N11Id, xmlSecTransformInclC14N11WithCommentsId,
        xmlSecOpenSSLTransformRsaSha1Id, xmlSecOpenSSLTransformRsaSha224Id, xmlSecOpenSSLTransformRsaSha256Id,
        xmlSecOpenSSLTransformRsaSha384Id, xmlSecOpenSSLTransformRsaSha512Id,
        xmlSecOpenSSLTransformEcdsaSha1Id, xmlSecOpenSSLTransformEcdsaSha224Id, xmlSecOpenSSLTransformEcdsaSha256Id,
        xmlSecOpenSSLTransformEcdsaSha384Id, xmlSecOpenSSLTransformEcdsaSha512Id,
        xmlSecOpenSSLTransformDsaSha1Id, xmlSecOpenSSLTransformDsaSha256Id,
    };
    for (size_t i = 0; i < sizeof(reference) / sizeof(reference[0]); i++) {
        if (xmlSecDSigCtxEnableReferenceTransform(ctx, reference[i]) < 0) return -1;
    }
    for (size_t i = 0; i < sizeof(signature) / sizeof(signature[0]); i++) {
        if (xmlSecDSigCtxEnableSignatureTransform(ctx, signature[i]) < 0) return -1;
    }
    ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument;
    return 0;
}

/* Key transport and block ciphers allowed for EncryptedAssertion. */
static inline int cxmlsec_enc_enable_allowed(xmlSecEncCtxPtr ctx) {
    xmlSecTransformId ids[] = {
        xmlSecOpenSSLTransformRsaOaepId, xmlSecOpenSSLTransformRsaPkcs1Id,
        xmlSecOpenSSLTransformAes128CbcId, xmlSecOpenSSLTransformAes192CbcId, xmlSecOpenSSLTransformAes256CbcId,
        xmlSecOpenSSLTransformAes128GcmId, xmlSecOpenSSLTransformAes192GcmId, xmlSecOpenSSLTransformAes256GcmId,
        xmlSecOpenSSLTransformDes3CbcId, xmlSecTransformBase64Id,
        xmlSecOpenSSLTransformSha1Id, xmlSecOpenSSLTransformSha256Id, xmlSecOpenSSLTransformSha384Id,
        xmlSecOpenSSLTransformSha512Id,
    };
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        if (xmlSecPtrListAdd(&(ctx->transformCtx.enabledTransforms), (void *)ids[i]) < 0) return -1;
    }
    ctx->transformCtx.enabledUris = xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument;
    return 0;
}

static inline xmlSecKeyDataId cxmlsec_key_data_aes(void) { return xmlSecOpenSSLKeyDataAesId; }
static inline xmlSecKeyDataId cxmlsec_key_data_des(void) { return xmlSecOpenSSLKeyDataDesId; }

static inline xmlSecKeyPtr cxmlsec_key_from_memory(const unsigned char *data, unsigned int size, int format) {
    return xmlSecOpenSSLAppKeyLoadMemory(data, (xmlSecSize)size, (xmlSecKeyDataFormat)format, NULL, NULL, NULL);
}
/* A key holding only the value of `key` (its EVP key, shared by reference), without the X509 data a
   key loaded from a certificate carries: duplicating such a key (once per verification) only takes
   a reference, where duplicating the certificates decodes them again. NULL on failure. */
static inline xmlSecKeyPtr cxmlsec_key_value_only(xmlSecKeyPtr key) {
    xmlSecKeyDataPtr value = xmlSecKeyGetValue(key);
    if (!value) return NULL;
    xmlSecKeyDataPtr copy = xmlSecKeyDataDuplicate(value);
    if (!copy) return NULL;
    xmlSecKeyPtr bare = xmlSecKeyCreate();
    if (!bare) { xmlSecKeyDataDestroy(copy); return NULL; }
    if (xmlSecKeySetValue(bare, copy) < 0) { xmlSecKeyDataDestroy(copy); xmlSecKeyDestroy(bare); return NULL; }
    return bare;
}
static inline int cxmlsec_format_pem(void) { return (int)xmlSecKeyDataFormatPem; }
static inline int cxmlsec_format_der(void) { return (int)xmlSecKeyDataFormatDer; }
static inline int cxmlsec_format_cert_der(void) { return (int)xmlSecKeyDataFormatCertDer; }
static inline int cxmlsec_format_cert_pem(void) { return (int)xmlSecKeyDataFormatCertPem; }

static inline const unsigned char *cxmlsec_buffer_data(xmlSecBufferPtr buffer) { return buffer ? xmlSecBufferGetData(buffer) : NULL; }
static inline unsigned int cxmlsec_buffer_size(xmlSecBufferPtr buffer) { return buffer ? (unsigned int)xmlSecBufferGetSize(buffer) : 0; }

static inline unsigned int cxmlsec_list_size(xmlSecPtrListPtr list) { return (unsigned int)xmlSecPtrListGetSize(list); }
static inline const xmlChar *cxmlsec_reference_uri(xmlSecPtrListPtr list, unsigned int i) {
    xmlSecDSigReferenceCtxPtr ref = (xmlSecDSigReferenceCtxPtr)xmlSecPtrListGetItem(list, (xmlSecSize)i);
    return ref ? ref->uri : NULL;
}

/* Facts about a DER certificate: key type (EVP_PKEY base id NID short name), key bits. 0 on failure. */
static inline int cxmlsec_cert_key_facts(const unsigned char *der, long length, int *bits, int *nid) {
    const unsigned char *cursor = der;
    X509 *cert = d2i_X509(NULL, &cursor, length);
    if (!cert) return 0;
    EVP_PKEY *key = X509_get0_pubkey(cert);
    if (!key) { X509_free(cert); return 0; }
    *bits = EVP_PKEY_get_bits(key);
    *nid = EVP_PKEY_get_base_id(key);
    X509_free(cert);
    return 1;
}
static inline int cxmlsec_nid_rsa(void) { return EVP_PKEY_RSA; }
static inline int cxmlsec_nid_ec(void) { return EVP_PKEY_EC; }
static inline int cxmlsec_nid_dsa(void) { return EVP_PKEY_DSA; }

/* Whether two DER certificates carry the same public key (1), different keys (0), or cannot be read (-1). */
static inline int cxmlsec_cert_same_key(const unsigned char *a, long alen, const unsigned char *b, long blen) {
    const unsigned char *ca = a, *cb = b;
    X509 *xa = d2i_X509(NULL, &ca, alen);
    X509 *xb = d2i_X509(NULL, &cb, blen);
    int result = -1;
    if (xa && xb) {
        EVP_PKEY *ka = X509_get0_pubkey(xa), *kb = X509_get0_pubkey(xb);
        if (ka && kb) result = EVP_PKEY_eq(ka, kb) == 1 ? 1 : 0;
    }
    if (xa) X509_free(xa);
    if (xb) X509_free(xb);
    return result;
}

#endif
