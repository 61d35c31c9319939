// jemalloc as the process allocator of the samllint executable (linking it replaces malloc for
// libxml2, xmlsec and Swift alike). See README: glibc's malloc cost 14% more CPU on a folder of
// responses (trimming and consolidating after each freed document tree).
#include <jemalloc/jemalloc.h>
