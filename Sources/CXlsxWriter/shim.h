#ifndef XIEZUO_CXLSXWRITER_SHIM_H
#define XIEZUO_CXLSXWRITER_SHIM_H
#if __has_include(<xlsxwriter.h>)
#include <xlsxwriter.h>
#else
#error "libxlsxwriter headers not found: install Debian's libxlsxwriter-dev (apt-get install -y libxlsxwriter-dev)"
#endif
#endif
