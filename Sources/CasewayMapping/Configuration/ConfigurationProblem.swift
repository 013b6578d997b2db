
/// One thing wrong with a configuration file, printed as `file:line:column: path: message`.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (relative paths stay relative, so messages match what they typed).
    public var file: String
    /// Where in the file; nil when the problem is about the file as a whole (missing, unreadable).
    public var location: SourceLocation?
    /// The field at fault; nil when the problem is about the whole file.
    public var path: ValuePath?
    public var message: String

    public init(file: String, location: SourceLocation?, path: ValuePath?, message: String) {
        self.file = file
        self.location = location
        self.path = path
        self.message = message
    }

    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": "
        if let path, !path.components.isEmpty { text += "\(path): " }
        return text + message
    }
}
