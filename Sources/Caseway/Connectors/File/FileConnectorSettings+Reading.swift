import CasewayMapping
import Foundation

extension FileConnectorSettings {
    /// Longest extension accepted; a longer one is a typo, and it eats into the name's byte budget.
    static let extensionByteLimit = 16

    public static func read(_ object: ConfigurationObject, context: ConnectorContext) -> Self? {
        var valid = true
        /// The field's value, or `fallback` when it is absent or wrong (then `valid` turns false).
        func field<Value>(_ key: String, _ fallback: Value, _ reader: (ConfigurationNode) -> Value?) -> Value {
            guard let node = object[key] else { return fallback }
            guard let value = reader(node) else {
                valid = false
                return fallback
            }
            return value
        }

        // A missing `directory` was reported by the caller, from `requiredFields`.
        let directory = field("directory", nil) { readDirectory($0, base: context.baseDirectory).map(Optional.some) }
        let fileExtension = field("extension", nil) { readExtension($0).map(Optional.some) }
        let fileName = field("file_name", defaultFileName) {
            // A derived extension is at most "json" (four bytes).
            readFileName($0, extensionBytes: fileExtension?.utf8.count ?? 4, context: context)
        }
        let zone = field("time_zone", try? TimeZoneRules(identifier: defaultTimeZoneIdentifier)) {
            readTimeZone($0).map(Optional.some)
        }
        let marker = field("marker", FileMarker.none) { $0.oneOf(FileMarker.self, what: "marker") }
        let createDirectory = field("create_directory", false) { $0.bool() }
        let fileMode = field("file_mode", defaultFileMode) { readFileMode($0) }

        // The default zone comes from the system's tz database; a name dated in the wrong zone would be
        // wrong for an hour every summer night, so a missing database is a problem, not a silent UTC.
        if zone == nil, fileName.writesDates, let node = object["file_name"] {
            node.problem(
                "{date:…} needs time_zone: the default \(defaultTimeZoneIdentifier) is not in this system's time zone"
                    + " database (install tzdata, or set time_zone)")
            valid = false
        }
        guard valid, let directory else { return nil }
        return FileConnectorSettings(
            directory: directory, fileName: fileName, fileExtension: fileExtension, timeZone: zone ?? .utc,
            marker: marker, createDirectory: createDirectory, fileMode: fileMode)
    }

    private static func readDirectory(_ node: ConfigurationNode, base: URL) -> URL? {
        guard let path = node.nonEmptyString() else { return nil }
        if path.contains("\u{0}") {
            node.problem("must not contain a NUL character")
            return nil
        }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        return url.standardizedFileURL
    }

    private static func readFileName(_ node: ConfigurationNode, extensionBytes: Int, context: ConnectorContext) -> FileNameTemplate? {
        guard let text = node.nonEmptyString() else { return nil }
        let template: FileNameTemplate
        do {
            template = try FileNameTemplate(text, namespaces: context.namespaces)
        } catch {
            for problem in error.problems { node.problem(problem) }
            return nil
        }
        // Literal text and ids are never cut, so they must leave room for the extension within the cap.
        let fixed = template.fixedByteCount + (extensionBytes > 0 ? extensionBytes + 1 : 0)
        guard fixed <= FileNameSanitiser.nameByteLimit else {
            node.problem(
                "the template's literal text, ids and extension take \(fixed) bytes;"
                    + " file names are limited to \(FileNameSanitiser.nameByteLimit)")
            return nil
        }
        return template
    }

    private static func readExtension(_ node: ConfigurationNode) -> String? {
        guard let text = node.string() else { return nil }
        if text.hasPrefix(".") {
            node.problem("write the extension without its dot: \"\(text.drop { $0 == "." })\"")
            return nil
        }
        let allowed = text.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" || $0 == "_")
        }
        guard allowed, !text.contains(".."), !text.hasSuffix(".") else {
            node.problem("\"\(text)\" is not a file extension (letters, digits, \"-\", \"_\" and single inner dots, such as \"csv\" or \"xml.gz\")")
            return nil
        }
        guard text.utf8.count <= extensionByteLimit else {
            node.problem("is longer than \(extensionByteLimit) characters")
            return nil
        }
        return text
    }

    private static func readTimeZone(_ node: ConfigurationNode) -> TimeZoneRules? {
        guard let text = node.nonEmptyString() else { return nil }
        do {
            return try TimeZoneRules(identifier: text)
        } catch {
            node.problem("\(error)")
            return nil
        }
    }

    /// Octal text only: `644` as a JSON number would be read as decimal 644 (octal 1204), a wrong mode.
    private static func readFileMode(_ node: ConfigurationNode) -> UInt32? {
        guard case .string(let text) = node.value else {
            node.problem("write the mode as octal text in quotes, such as \"0640\"")
            return nil
        }
        guard (3...4).contains(text.count), text.allSatisfy({ ("0"..."7").contains($0) }),
            let mode = UInt32(text, radix: 8)
        else {
            node.problem("\"\(text)\" is not an octal file mode such as \"0640\"")
            return nil
        }
        guard mode <= 0o777 else {
            node.problem("\"\(text)\" sets setuid, setgid or sticky bits; a dropped file needs permission bits only (up to \"0777\")")
            return nil
        }
        // A temporary file left by a crash is reopened for writing on the next try; without the owner's write
        // bit that fails for ever (unless the hub runs as root).
        guard mode & 0o200 != 0 else {
            node.problem("\"\(text)\" does not let the owner write the file; give at least \"0200\", such as \"0640\"")
            return nil
        }
        return mode
    }
}
