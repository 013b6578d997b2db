import CasewayMapping

// PLACEHOLDER written by the lead to fix the interface; the file-kind helper replaces this whole file.
public struct FileConnectorSettings: ConnectorKindSettings {
    public static var kind: ConnectorKindName { .file }
    public static var fields: [String] { [] }
    public static var requiredFields: [String] { [] }
    public static func read(_ object: ConfigurationObject, context: ConnectorContext) -> Self? { Self() }
    public func makeTransport(connector: String) throws -> any DeliveryTransport { UnimplementedFile() }
}

private struct UnimplementedFile: DeliveryTransport {
    func send(_ parcel: Parcel) async -> DeliveryResult { .failed(DeliveryFailure(.transient, "not built")) }
}
