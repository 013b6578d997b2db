/// The words a back office uses for yes and no (`Y`/`N`, `Yes`/`No`, `1`/`0`), written and read back.
public struct BooleanWords: Sendable, Hashable {
    /// Written for `true` (`Y`).
    public let whenTrue: String
    /// Written for `false` (`N`).
    public let whenFalse: String

    /// Creates a mapping; the two words must differ when case is ignored, or reading would be a guess.
    public init(whenTrue: String, whenFalse: String) throws(TransformError) {
        guard whenTrue.lowercased() != whenFalse.lowercased() else {
            throw TransformError(.invalidArgument, text: whenTrue, reason: "cannot stand for both true and false")
        }
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
    }

    /// `Y` and `N`, as most council back offices write flags.
    public static let yesNoLetters = BooleanWords(checkedTrue: "Y", checkedFalse: "N")

    private init(checkedTrue: String, checkedFalse: String) {
        whenTrue = checkedTrue
        whenFalse = checkedFalse
    }

    /// The word for `value`.
    public func format(_ value: Bool) -> String {
        value ? whenTrue : whenFalse
    }

    /// Reads one of the two words, or `true` / `false` (sent as strings by some Open311 servers), ignoring case
    /// and surrounding white space; anything else is an error naming the text and the accepted words.
    public func parse(_ text: some StringProtocol) throws(TransformError) -> Bool {
        let word = TextTransforms.trim(text).lowercased()
        if word == whenTrue.lowercased() || word == "true" { return true }
        if word == whenFalse.lowercased() || word == "false" { return false }
        throw TransformError(
            .invalidBoolean, text: text,
            reason: "is not \(TransformError.quoted(whenTrue)), \(TransformError.quoted(whenFalse)), \"true\" or \"false\"")
    }
}
