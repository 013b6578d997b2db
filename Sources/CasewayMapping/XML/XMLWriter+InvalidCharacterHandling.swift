extension XMLWriter {
    /// What happens to a control character (other than tab, LF, CR) or U+FFFE/U+FFFF in output text.
    public enum InvalidCharacterHandling: Sendable, Equatable {
        /// Throw `XMLError.Code.invalidCharacter`, naming the element or attribute: the default,
        /// because silently changing a citizen's text is a decision for the mapping, not the writer.
        case reject
        /// Replace each with U+FFFD (the replacement character) and carry on.
        case replace
    }
}
