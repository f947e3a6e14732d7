#ifndef XIEZUO_CLIBPQ_SHIM_H
#define XIEZUO_CLIBPQ_SHIM_H
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#error "libpq headers not found: install Debian's libpq-dev (apt-get install -y libpq-dev)"
#endif
#endif
