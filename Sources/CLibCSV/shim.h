#ifndef XIEZUO_CLIBCSV_SHIM_H
#define XIEZUO_CLIBCSV_SHIM_H
#if __has_include(<csv.h>)
#include <csv.h>
#else
#error "libcsv headers not found: install Debian's libcsv-dev (apt-get install -y libcsv-dev)"
#endif
#endif
