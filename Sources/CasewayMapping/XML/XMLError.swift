/// A failure to read, query or write XML, with the place in the input it concerns when there is one.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; compare against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case notWellFormed = "not well-formed"
            case doctypeNotAllowed = "DTD not allowed"
            case documentTooLarge = "document too large"
            case nestingTooDeep = "nesting too deep"
            case textTooLong = "text too long"
            case unsupportedEncoding = "unsupported encoding"
            case invalidXPath = "invalid XPath"
            case xpathEvaluation = "XPath evaluation failed"
            case invalidName = "invalid name"
            case invalidCharacter = "invalid character"
            case invalidWriterState = "invalid writer state"
            case notSOAP = "not a SOAP envelope"
            case libxml2Failure = "libxml2 failure"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The input breaks an XML 1.0 or Namespaces in XML well-formedness rule.
        public static let notWellFormed = Code(.notWellFormed)
        /// The input has a DOCTYPE; Caseway refuses every DTD so no entity is ever declared or expanded.
        public static let doctypeNotAllowed = Code(.doctypeNotAllowed)
        /// The input is larger than the configured byte limit.
        public static let documentTooLarge = Code(.documentTooLarge)
        /// Elements are nested deeper than the configured limit.
        public static let nestingTooDeep = Code(.nestingTooDeep)
        /// One run of character data is longer than the configured limit.
        public static let textTooLong = Code(.textTooLong)
        /// The input is in an encoding Caseway does not accept.
        public static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// An XPath expression does not compile.
        public static let invalidXPath = Code(.invalidXPath)
        /// An XPath expression compiled but its evaluation failed (undefined function, limit reached...).
        public static let xpathEvaluation = Code(.xpathEvaluation)
        /// An element, attribute or prefix name is not a valid XML name.
        public static let invalidName = Code(.invalidName)
        /// Text holds a character that XML 1.0 does not allow.
        public static let invalidCharacter = Code(.invalidCharacter)
        /// A writer call came in an order that cannot produce a document (e.g. text outside the root).
        public static let invalidWriterState = Code(.invalidWriterState)
        /// The document is not a SOAP 1.1 or 1.2 envelope.
        public static let notSOAP = Code(.notSOAP)
        /// libxml2 failed for a reason of its own (usually memory exhaustion).
        public static let libxml2Failure = Code(.libxml2Failure)

        public var description: String { value.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// The explanation, without the source name or location.
    public var message: String
    /// The name of the input (a file name or a request id), when it has one.
    public var sourceName: String?
    /// Where in the input the failure was found.
    public var location: SourceLocation?
    /// libxml2's own error number (`xmlParserErrors`), when libxml2 reported the failure.
    public var libxml2Code: Int?
    /// Further errors libxml2 reported after the first, in the order it found them.
    public var laterErrors: [XMLError]

    public init(
        _ code: Code,
        _ message: String,
        sourceName: String? = nil,
        location: SourceLocation? = nil,
        libxml2Code: Int? = nil,
        laterErrors: [XMLError] = []
    ) {
        self.code = code
        self.message = message
        self.sourceName = sourceName
        self.location = location
        self.libxml2Code = libxml2Code
        self.laterErrors = laterErrors
    }

    /// `name:line:column: message`, as compilers and `caseway check` print errors.
    public var description: String {
        var prefix = ""
        if let sourceName { prefix += sourceName + ":" }
        if let location { prefix += "\(location.line):\(location.column):" }
        return prefix.isEmpty ? message : prefix + " " + message
    }
}
