#ifndef CASEWAY_CLIBXML2_SHIM_H
#define CASEWAY_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so encoding.h would include the system's <unicode/ucnv.h>.
   Foundation ships its own ICU headers (_FoundationICU) with different enums, and a module that
   imports both fails to build. Caseway never uses libxml2's ICU converters (it accepts UTF-8,
   ISO-8859-1 and US-ASCII only, see XMLEncodingCheck), and only ever holds
   xmlCharEncodingHandler by pointer, so the ICU-only fields are left out of what Swift sees. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlstring.h>

/* xmlFree is a macro over a per-thread function pointer when libxml2 is built with
   thread-local allocators (Debian's is), so Swift cannot call it directly. */
static inline void caseway_xml_free(void *pointer) { xmlFree(pointer); }

/* Every libxml2 node-like struct (xmlNode, xmlAttr, xmlDoc, and xmlNs in XPath node-sets)
   keeps its type at the same offset; reading it through this helper never reads past the
   end of a smaller struct, which a Swift `pointee` copy of the wrong struct could. */
static inline xmlElementType caseway_node_type(const void *node) {
    return ((const xmlNode *)node)->type;
}
#endif
