extension XMLWriter {
    /// How a writer serialises its document.
    public struct Options: Sendable, Equatable {
        /// Indent nested elements (two spaces a level). Elements holding text keep it inline,
        /// because indenting mixed content would change the text.
        public var prettyPrinted: Bool
        /// Start with `<?xml version="1.0" encoding="UTF-8"?>`.
        public var includesDeclaration: Bool
        /// What to do with characters XML 1.0 does not allow in text and attribute values.
        public var invalidCharacters: InvalidCharacterHandling

        public init(
            prettyPrinted: Bool = false,
            includesDeclaration: Bool = true,
            invalidCharacters: InvalidCharacterHandling = .reject
        ) {
            self.prettyPrinted = prettyPrinted
            self.includesDeclaration = includesDeclaration
            self.invalidCharacters = invalidCharacters
        }
    }
}
