import CasewayMapping
import Foundation

/// A `file` connector: drops each delivery as one file in a folder a back office imports from.
public struct FileConnectorSettings: ConnectorKindSettings {
    public static var kind: ConnectorKindName { .file }
    public static var fields: [String] {
        ["directory", "file_name", "extension", "time_zone", "marker", "create_directory", "file_mode"]
    }
    public static var requiredFields: [String] { ["directory"] }

    /// The drop folder, absolute (`directory`, relative to the configuration's folder).
    public var directory: URL
    /// How each file is named (`file_name`); defaults to `{delivery.id}`.
    public var fileName: FileNameTemplate
    /// The extension without its dot (`extension`); nil derives it from the payload's media type,
    /// `""` writes names without one.
    public var fileExtension: String?
    /// The zone `{date:…}` shows the time in (`time_zone`); defaults to Europe/London.
    public var timeZone: TimeZoneRules
    /// The marker written after each file (`marker`); defaults to none.
    public var marker: FileMarker
    /// Whether a missing drop folder is created (`create_directory`); by default it is a transient failure,
    /// because a vanished drop folder is usually an unmounted share, and a local folder would hide that.
    public var createDirectory: Bool
    /// The permission bits of each file (`file_mode`); defaults to 0644.
    public var fileMode: UInt32

    /// The template used when `file_name` is not given.
    public static let defaultFileName = FileNameTemplate(checked: "{delivery.id}", parts: [.deliveryID])
    /// The zone used when `time_zone` is not given.
    public static let defaultTimeZoneIdentifier = "Europe/London"
    /// The permission bits used when `file_mode` is not given.
    public static let defaultFileMode: UInt32 = 0o644

    public init(
        directory: URL, fileName: FileNameTemplate = Self.defaultFileName, fileExtension: String? = nil,
        timeZone: TimeZoneRules, marker: FileMarker = .none, createDirectory: Bool = false,
        fileMode: UInt32 = Self.defaultFileMode
    ) {
        self.directory = directory
        self.fileName = fileName
        self.fileExtension = fileExtension
        self.timeZone = timeZone
        self.marker = marker
        self.createDirectory = createDirectory
        self.fileMode = fileMode
    }

    public func makeTransport(connector: String) throws -> (any DeliveryTransport)? {
        FileDropTransport(settings: self, connector: connector)
    }
}
