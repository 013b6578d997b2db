extension JSONValue {
    /// Parses a JSON (or JSON5) text into a value, without recording locations.
    public init(parsing text: String, dialect: JSONParser.Dialect = .json) throws(JSONParseError) {
        self = try JSONParser(dialect: dialect).parse(text).value
    }

    /// Parses UTF-8 bytes into a value, without recording locations.
    public init(parsing bytes: [UInt8], dialect: JSONParser.Dialect = .json) throws(JSONParseError) {
        self = try JSONParser(dialect: dialect).parse(bytes).value
    }

    /// The value as compact JSON text.
    public var jsonText: String {
        JSONWriter().string(self)
    }
}
