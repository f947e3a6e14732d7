#ifndef XIEZUO_CZSTD_SHIM_H
#define XIEZUO_CZSTD_SHIM_H
#if __has_include(<zstd.h>)
#include <zstd.h>
#else
#error "zstd headers not found: install Debian's libzstd-dev (apt-get install -y libzstd-dev)"
#endif
#endif
