import CLibXML2

extension XMLNode {
    /// What a node is, in XPath's terms.
    public enum Kind: Sendable, Hashable {
        case document
        case element
        case attribute
        case text
        case cdata
        case comment
        case processingInstruction
        /// Something Caseway's input never holds (entity references, DTD nodes...).
        case other

        init(_ type: xmlElementType) {
            switch type {
            case XML_DOCUMENT_NODE: self = .document
            case XML_ELEMENT_NODE: self = .element
            case XML_ATTRIBUTE_NODE: self = .attribute
            case XML_TEXT_NODE: self = .text
            case XML_CDATA_SECTION_NODE: self = .cdata
            case XML_COMMENT_NODE: self = .comment
            case XML_PI_NODE: self = .processingInstruction
            default: self = .other
            }
        }
    }
}
