/// What a mapping's XML output is written through: libxml2's `XMLWriter`, or `XMLTextWriter` for the
/// plain documents it can write byte for byte the same, faster.
protocol XMLOutputWriter: ~Copyable {
    mutating func startElement(_ localName: String, namespace: String?, prefix: String?) throws
    mutating func endElement() throws
    mutating func element(_ localName: String, namespace: String?, prefix: String?, text: String) throws
    mutating func attribute(_ localName: String, _ value: String, namespace: String?, prefix: String?) throws
    mutating func text(_ text: String) throws
    mutating func cdata(_ text: String) throws
    mutating func declareNamespace(_ uri: String, prefix: String?) throws
    mutating func finish() throws -> [UInt8]
}
