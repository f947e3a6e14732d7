#ifndef XIEZUO_CLIBXML2_SHIM_H
#define XIEZUO_CLIBXML2_SHIM_H
#if __has_include(<libxml/xmlversion.h>)
#include <libxml/xmlversion.h>
/* Debian's libxml2 pulls in system ICU headers, whose UErrorCode clashes with Foundation's
   bundled ICU in the same module. xiezuo needs none of libxml2's ICU support. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#else
#error "libxml2 headers not found: install Debian's libxml2-dev (apt-get install -y libxml2-dev)"
#endif
#endif
