/// Why a request could not be read; each maps to the status sent back (always with `Connection: close`).
public struct HTTPParseError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case malformedRequestLine
        case malformedHeader
        case headerSectionTooLarge
        case tooManyHeaders
        case invalidFraming
        case unsupportedTransferCoding
        case malformedChunk
        case contentTooLarge
        case unsupportedVersion
        case unsupportedExpectation
    }

    private let code: Code
    /// A sentence for the problem's `detail` naming what was wrong.
    public let detail: String

    private init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The response status for this error.
    public var status: HTTPStatus {
        switch code {
        case .malformedRequestLine, .malformedHeader, .invalidFraming, .malformedChunk: .badRequest
        case .headerSectionTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .unsupportedTransferCoding: .notImplemented
        case .contentTooLarge: .contentTooLarge
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedExpectation: .expectationFailed
        }
    }

    public var description: String { "\(status.code) \(status.reasonPhrase): \(detail)" }

    /// Errors compare by kind, not by wording.
    public static func == (lhs: HTTPParseError, rhs: HTTPParseError) -> Bool { lhs.code == rhs.code }

    static func malformedRequestLine(_ detail: String) -> HTTPParseError { .init(.malformedRequestLine, detail) }
    static func malformedHeader(_ detail: String) -> HTTPParseError { .init(.malformedHeader, detail) }
    static func headerSectionTooLarge(_ detail: String) -> HTTPParseError { .init(.headerSectionTooLarge, detail) }
    static func tooManyHeaders(_ detail: String) -> HTTPParseError { .init(.tooManyHeaders, detail) }
    static func invalidFraming(_ detail: String) -> HTTPParseError { .init(.invalidFraming, detail) }
    static func unsupportedTransferCoding(_ detail: String) -> HTTPParseError { .init(.unsupportedTransferCoding, detail) }
    static func malformedChunk(_ detail: String) -> HTTPParseError { .init(.malformedChunk, detail) }
    static func contentTooLarge(_ detail: String) -> HTTPParseError { .init(.contentTooLarge, detail) }
    static func unsupportedVersion(_ detail: String) -> HTTPParseError { .init(.unsupportedVersion, detail) }
    static func unsupportedExpectation(_ detail: String) -> HTTPParseError { .init(.unsupportedExpectation, detail) }

    /// Templates to compare thrown errors with (`error == .contentTooLarge`).
    public static let malformedRequestLine = HTTPParseError(.malformedRequestLine, "")
    public static let malformedHeader = HTTPParseError(.malformedHeader, "")
    public static let headerSectionTooLarge = HTTPParseError(.headerSectionTooLarge, "")
    public static let tooManyHeaders = HTTPParseError(.tooManyHeaders, "")
    public static let invalidFraming = HTTPParseError(.invalidFraming, "")
    public static let unsupportedTransferCoding = HTTPParseError(.unsupportedTransferCoding, "")
    public static let malformedChunk = HTTPParseError(.malformedChunk, "")
    public static let contentTooLarge = HTTPParseError(.contentTooLarge, "")
    public static let unsupportedVersion = HTTPParseError(.unsupportedVersion, "")
    public static let unsupportedExpectation = HTTPParseError(.unsupportedExpectation, "")
}
