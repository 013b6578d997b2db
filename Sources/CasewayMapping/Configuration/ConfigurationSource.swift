import Foundation

/// One configuration file, read and parsed as JSON5 with the location of every value kept.
public struct ConfigurationSource: Sendable {
    /// The path as shown in messages (as the user gave it, or relative to the configuration's folder).
    public let displayPath: String
    public let document: JSONDocument

    public init(displayPath: String, document: JSONDocument) {
        self.displayPath = displayPath
        self.document = document
    }

    /// Reads and parses `url`; reports why not and returns nil when the file is missing, unreadable or not JSON5.
    public static func load(
        url: URL, displayPath: String, diagnostics: ConfigurationDiagnostics
    ) -> ConfigurationSource? {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            diagnostics.report(file: displayPath, Self.readFailure(url: url, error: error))
            return nil
        }
        do {
            let document = try JSONParser(dialect: .json5, recordLocations: true).parse(bytes)
            return ConfigurationSource(displayPath: displayPath, document: document)
        } catch {
            diagnostics.report(file: displayPath, location: error.location, error.message)
            return nil
        }
    }

    /// The root value, ready to be read field by field.
    public func root(reportingTo diagnostics: ConfigurationDiagnostics) -> ConfigurationNode {
        ConfigurationNode(source: self, path: .root, value: document.value, diagnostics: diagnostics)
    }

    private static func readFailure(url: URL, error: any Error) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            return "file not found"
        }
        if isDirectory.boolValue { return "is a directory, expected a JSON5 file" }
        if !FileManager.default.isReadableFile(atPath: url.path) { return "permission denied: cannot read the file" }
        return "cannot read the file: \(error.localizedDescription)"
    }
}
