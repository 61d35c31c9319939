#ifndef CIDN2_SHIM_H
#define CIDN2_SHIM_H
#include <idn2.h>
/* UTS #46 non-transitional processing with NFC input and STD3 rules, as one int Swift can pass. */
static inline int cidn2_uts46_flags(void) {
    return IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL | IDN2_USE_STD3_ASCII_RULES;
}
#endif
