#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; expose it as a function Swift can call. */
static inline int czlib_inflate_init_raw(z_stream *s) { return inflateInit2(s, -MAX_WBITS); }
static inline int czlib_inflate_init_auto(z_stream *s) { return inflateInit2(s, MAX_WBITS + 32); }
#endif
