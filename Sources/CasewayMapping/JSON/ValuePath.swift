/// The path of a value inside a JSON document, printed the way configuration errors name fields:
/// `clients[1].scopes[0]`.
public struct ValuePath: Sendable, Hashable, CustomStringConvertible {
    /// One step from a container into one of its members.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The root of the document.
    public static let root = ValuePath()

    public func appending(key: String) -> ValuePath {
        ValuePath(components + [.key(key)])
    }

    public func appending(index: Int) -> ValuePath {
        ValuePath(components + [.index(index)])
    }

    public static func / (lhs: ValuePath, key: String) -> ValuePath { lhs.appending(key: key) }
    public static func / (lhs: ValuePath, index: Int) -> ValuePath { lhs.appending(index: index) }

    public var description: String {
        if components.isEmpty { return "(root)" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if Self.isPlainIdentifier(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\"" + key.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\\"") + "\"]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    private static func isPlainIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !key.isEmpty else { return false }
        let isStart = (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") || first == "_" || first == "$"
        return isStart && key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_" || scalar == "-" || scalar == "$"
        }
    }
}
