import CasewayHTTP
import CasewayMapping
import Foundation

/// `caseway.json5`: how the hub listens, where it keeps its data and configuration, and who may call it.
public struct HubConfiguration: Sendable {
    /// The file it was read from, as given.
    public var file: String
    public var listen: ListenAddress
    public var dataDirectory: URL
    public var mappingsDirectory: URL
    public var connectorsDirectory: URL
    public var clients: [ClientConfiguration]
    public var limits: HubLimits
    public var intake: IntakeSettings

    public init(
        file: String, listen: ListenAddress, dataDirectory: URL, mappingsDirectory: URL, connectorsDirectory: URL,
        clients: [ClientConfiguration], limits: HubLimits, intake: IntakeSettings = IntakeSettings()
    ) {
        self.file = file
        self.listen = listen
        self.dataDirectory = dataDirectory
        self.mappingsDirectory = mappingsDirectory
        self.connectorsDirectory = connectorsDirectory
        self.clients = clients
        self.limits = limits
        self.intake = intake
    }
}
