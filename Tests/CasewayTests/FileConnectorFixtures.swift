import CasewayMapping
import CasewayStore
import Foundation

@testable import Caseway

/// Parcels, settings and folder listings shared by the file connector's tests.
enum FileConnectorFixtures {
    static let generator = RecordIDGenerator()
    /// 2026-06-30T23:30:00Z: already 1 July in London (BST), still 30 June in UTC.
    static let lateJune = Timestamp(millisecondsSinceEpoch: 1_782_862_200_000)

    /// A folder for tests that only name files and never write them.
    static let lateJuneFolder = URL(fileURLWithPath: "/nonexistent/caseway-drop")

    static func parcel(
        body: String = #"{"service_code":"WASTE-01","ward":"North"}"#, contentType: String = "text/csv",
        caseContentType: String = "application/json", caseBody: String? = nil, senderReference: String? = "FMS-1234",
        client: String = "webforms", now: Timestamp = lateJune
    ) -> Parcel {
        let caseRecord = CaseRecord(
            id: generator.next(at: now), receivedAt: now, client: client, contentType: caseContentType,
            senderReference: senderReference, body: Array((caseBody ?? #"{"service_code":"WASTE-01","ward":"North"}"#).utf8))
        return Parcel(
            deliveryID: generator.next(at: now), attempt: 1, caseRecord: caseRecord, body: Array(body.utf8),
            contentType: contentType, now: now)
    }

    static func settings(
        directory: URL, fileName: String = "{delivery.id}", fileExtension: String? = nil, marker: FileMarker = .none,
        createDirectory: Bool = false, fileMode: UInt32 = 0o644, timeZone: String = "Europe/London"
    ) throws -> FileConnectorSettings {
        FileConnectorSettings(
            directory: directory, fileName: try FileNameTemplate(fileName, namespaces: ["crm": "urn:example:crm"]),
            fileExtension: fileExtension, timeZone: try TimeZoneRules(identifier: timeZone), marker: marker,
            createDirectory: createDirectory, fileMode: fileMode)
    }

    /// Every entry in `directory`, hidden ones included, sorted.
    static func listing(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }
}
