#ifndef XIEZUO_CMALLOC_SHIM_H
#define XIEZUO_CMALLOC_SHIM_H
/* The C library's allocator tuning (mallopt, M_ARENA_MAX), which the Glibc module leaves out. */
#include <malloc.h>
#endif
