#ifndef XIEZUO_COPENCC_SHIM_H
#define XIEZUO_COPENCC_SHIM_H
#if __has_include(<opencc/opencc.h>)
#include <opencc/opencc.h>
#else
#error "OpenCC headers not found: install Debian's libopencc-dev (apt-get install -y libopencc-dev)"
#endif
#endif
