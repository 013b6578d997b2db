extension TransformError {
    /// The kinds of transform failure; a struct rather than an enum so that new kinds do not break callers' switches.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case notANumber = "not a number"
            case outOfRange = "out of range"
            case outsideGreatBritain = "outside Great Britain"
            case invalidPostcode = "invalid postcode"
            case invalidDateTime = "invalid date-time"
            case nonexistentLocalTime = "nonexistent local time"
            case ambiguousLocalTime = "ambiguous local time"
            case unknownTimeZone = "unknown time zone"
            case invalidPattern = "invalid pattern"
            case invalidBoolean = "invalid boolean"
            case invalidArgument = "invalid argument"
        }

        private let code: Code

        private init(_ code: Code) {
            self.code = code
        }

        /// Text that should be a number is not one (`"about 8"`), or a number is not finite.
        public static let notANumber = Kind(.notANumber)
        /// A number or date field is outside what the target can hold (`latitude 91`, `month 13`).
        public static let outOfRange = Kind(.outOfRange)
        /// A valid WGS84 point outside the National Grid's area of use.
        public static let outsideGreatBritain = Kind(.outsideGreatBritain)
        /// Text that is not a UK postcode.
        public static let invalidPostcode = Kind(.invalidPostcode)
        /// Text that does not match the expected date-time syntax, or names a day that does not exist.
        public static let invalidDateTime = Kind(.invalidDateTime)
        /// A wall-clock time skipped when the clocks go forward (`29/03/2026 01:30` in London).
        public static let nonexistentLocalTime = Kind(.nonexistentLocalTime)
        /// A wall-clock time that happens twice when the clocks go back, when the mapping asked to reject those.
        public static let ambiguousLocalTime = Kind(.ambiguousLocalTime)
        /// A time zone name that is not an IANA name this system knows.
        public static let unknownTimeZone = Kind(.unknownTimeZone)
        /// A date-time pattern, regular expression or replacement template that cannot be compiled.
        public static let invalidPattern = Kind(.invalidPattern)
        /// Text that is not one of the words a boolean mapping accepts.
        public static let invalidBoolean = Kind(.invalidBoolean)
        /// A transform setting that makes no sense (`a delimiter of "\""`, a negative number of decimals).
        public static let invalidArgument = Kind(.invalidArgument)

        public var description: String { code.rawValue }
    }
}
