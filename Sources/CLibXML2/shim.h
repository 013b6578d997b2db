#ifndef CASEWAY_CLIBXML2_SHIM_H
#define CASEWAY_CLIBXML2_SHIM_H
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
