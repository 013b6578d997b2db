import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// The update an ack may carry: read by the same field rules as an update body, named as the queue API
/// names its members, and refused as a whole when any receipt's update is at fault.
struct AcknowledgementUpdateTests {
    static let now = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
    static let receipt = QueueReceipt("019ab2c4-1f0e-7c3a-9d51-3e0b7f4a2c11.5f0c2b7e9a4d4c8e8b1f6a2d3c4e5f60")

    static func object(_ text: String) throws -> JSONObject {
        try #require(try JSONValue(parsing: Array(text.utf8)).objectValue)
    }

    func acknowledgement(_ text: String) throws -> Result<CheckedUpdate?, UpdateIntakeError> {
        let object = try Self.object(text)
        do {
            return .success(try UpdateCheck().acknowledgement(object, updateID: "ack:1", now: Self.now))
        } catch {
            return .failure(error)
        }
    }

    @Test func plainAck_CarriesNoUpdate() throws {
        #expect(try acknowledgement("{}") == .success(nil))
    }

    @Test func status_BecomesAnUpdateFromNow() throws {
        let update = try #require(try acknowledgement(#"{"status":"investigating","external_status_code":"PL-OPEN","description":"Filed"}"#).get())
        #expect(update.updateID == "ack:1")
        #expect(update.status == .investigating)
        #expect(update.externalStatusCode == "PL-OPEN")
        #expect(update.updatedAtInstant == Self.now)
        #expect(update.updatedAt == Self.now.description)
    }

    @Test func referenceAlone_MeansOpen() throws {
        let update = try #require(try acknowledgement(#"{"reference":"PL/26/0042","updated_at":"2026-11-23T10:15:00+01:00"}"#).get())
        #expect(update.status == .open)
        #expect(update.reference == "PL/26/0042")
        #expect(update.updatedAt == "2026-11-23T10:15:00+01:00")
    }

    @Test func unknownStatus_Is422NamingStatus() throws {
        guard case .failure(.unknownStatus(let errors)) = try acknowledgement(#"{"status":"done"}"#) else {
            Issue.record("not refused for its status")
            return
        }
        #expect(errors.map(\.field) == ["status"])
        #expect(errors.first?.message.contains("no_further_action") == true)
    }

    @Test func descriptionWithoutStatus_AndBadFields_AreEachNamed() throws {
        guard case .failure(.invalid(let errors)) = try acknowledgement(
            #"{"description":"Filed","updated_at":"yesterday","external_status_code":7}"#) else {
            Issue.record("not refused for its fields")
            return
        }
        #expect(Set(errors.map(\.field)) == ["status", "updated_at", "external_status_code"])
    }

    @Test func batch_ReceiptMembersOverrideTheBodys_AndFaultsNameTheReceipt() throws {
        let body = Array(#"{"receipts":["a.b",{"receipt":"c.d","status":"in_progress","reference":"PL-2"}],"status":"investigating"}"#.utf8)
        let request = try QueueSettleRequest.parse(body, allowed: ["receipts"] + UpdateCheck.acknowledgementFields, required: ["receipts"]).get()
        let acks = try request.acknowledgements([Self.receipt, Self.receipt], check: UpdateCheck(), now: Self.now).get()
        #expect(acks.map { $0?.update?.status } == [.investigating, .inProgress])
        #expect(acks.map { $0?.update?.reference } == [nil, "PL-2"])
        #expect(acks.first??.update?.updateID == QueueAcknowledgement.updateID(try #require(Self.receipt)))

        let bad = Array(#"{"receipts":["a.b",{"receipt":"c.d","status":"sorted"}]}"#.utf8)
        let refused = try QueueSettleRequest.parse(bad, allowed: ["receipts"] + UpdateCheck.acknowledgementFields, required: ["receipts"]).get()
        guard case .failure(.unknownStatus(let errors)) = refused.acknowledgements([Self.receipt, Self.receipt], check: UpdateCheck(), now: Self.now) else {
            Issue.record("not refused for the second receipt's status")
            return
        }
        #expect(errors.map(\.field) == ["receipts/1/status"])
    }

    @Test func batchReceiptObjects_AreForAcksOnly() throws {
        let body = Array(#"{"receipts":[{"receipt":"c.d","status":"open"}]}"#.utf8)
        guard case .failure(let invalid) = QueueSettleRequest.parse(body, allowed: ["receipts", "delay_seconds"], required: ["receipts"]) else {
            Issue.record("a release took a receipt object")
            return
        }
        #expect(invalid.errors.map(\.field) == ["receipts/0"])
    }
}
