import CasewayMapping
import CasewayStore
import Foundation
import Testing

@testable import Caseway

/// Status updates without HTTP in the way: every field's check, the vocabulary, dedupe and ordering.
struct UpdateIntakeTests {
    let folder: TemporaryDirectory
    let store: Store
    let clock = ManualClock(Timestamp(millisecondsSinceEpoch: 1_795_000_000_000))
    let updates: UpdateIntake

    init() throws {
        folder = try TemporaryDirectory()
        store = try Store(directory: folder.path + "/data")
        updates = UpdateIntake(store: store, clock: clock)
    }

    /// A stored case of `client`, as the case intake would leave it.
    func storedCase(client: String = "webforms") async throws -> CaseRecord {
        let record = CaseRecord(
            id: RecordIDGenerator.shared.next(at: clock.now()), receivedAt: clock.now(), client: client,
            contentType: "application/json", body: Array(#"{"service_code":"HW_POT"}"#.utf8))
        try await store.write { try $0.insertCase(record) }
        return record
    }

    static func body(_ fields: [String: Any]) -> [UInt8] {
        // Sorted keys: the same fields give the same bytes, so a repeat hashes the same.
        Array((try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data())
    }

    /// Computed: `Any` is not Sendable, so a stored static could not be shared between tests.
    static var valid: [String: Any] {
        [
        "update_id": "HW-UPD-0001", "status": "investigating", "external_status_code": "INSP",
        "description": "An inspector will visit within 5 working days", "updated_at": "2026-11-23T10:15:00+01:00",
        "reference": "HW/2026/004211",
        ]
    }

    func submit(_ caseID: RecordID, _ body: [UInt8], client: String = "highways", type: String? = "application/json")
        async throws(UpdateIntakeError) -> UpdateIntakeOutcome
    {
        try await updates.submit(UpdateSubmission(client: client, caseID: caseID, contentType: type, body: body))
    }

    func refusal(_ caseID: RecordID, _ body: [UInt8], type: String? = "application/json") async -> UpdateIntakeError? {
        do {
            _ = try await submit(caseID, body, type: type)
            return nil
        } catch {
            return error
        }
    }

    /// The fields named by an `.invalid` refusal of `fields`.
    func invalidFields(_ caseID: RecordID, _ fields: [String: Any]) async -> [String] {
        guard case .invalid(let errors) = await refusal(caseID, Self.body(fields)) else { return [] }
        return errors.map(\.field)
    }

    @Test func newUpdate_IsStoredWithItsFieldsSenderTimeAndFeedPosition() async throws {
        let record = try await storedCase()
        guard case .accepted(let update) = try await submit(record.id, Self.body(Self.valid)) else {
            Issue.record("not accepted")
            return
        }
        #expect(update.seq == 1)
        #expect(update.status == "investigating")
        #expect(update.updatedAt == "2026-11-23T10:15:00+01:00", "the sender's text is kept as written")
        // 10:15 at +01:00 is 09:15 UTC.
        #expect(update.updatedAtInstant.description == "2026-11-23T09:15:00.000Z")
        #expect(update.receivedAt == clock.now())
        let stored = try await store.read { try $0.updates(caseID: record.id) }
        #expect(stored == [update])
        #expect(stored.first?.reference == "HW/2026/004211")
        #expect(stored.first?.externalStatusCode == "INSP")
    }

    @Test func requiredFields_AreEachNamedWhenMissing() async throws {
        let record = try await storedCase()
        #expect(await invalidFields(record.id, [:]).sorted() == ["/status", "/update_id", "/updated_at"])
    }

    @Test func eachFieldsTypeAndLength_AreCheckedAndNamed() async throws {
        let record = try await storedCase()
        let cases: [(String, Any)] = [
            ("update_id", 42), ("update_id", ""), ("update_id", String(repeating: "u", count: 256)), ("update_id", "é-1"),
            ("status", true), ("external_status_code", String(repeating: "x", count: 101)),
            ("description", String(repeating: "d", count: 4001)), ("reference", String(repeating: "r", count: 256)),
            ("reference", "HW\u{1}1"), ("updated_at", "2026-11-23T10:15:00"), ("updated_at", "23/11/2026 10:15"),
            ("updated_at", "2026-02-30T10:15:00Z"), ("updated_at", 1_795_000_000),
        ]
        for (field, value) in cases {
            var fields = Self.valid
            fields[field] = value
            #expect(await invalidFields(record.id, fields) == ["/" + field], "\(field) = \(value)")
        }
        var longest = Self.valid
        longest["update_id"] = String(repeating: "u", count: 255)
        longest["description"] = String(repeating: "é", count: 4000)
        #expect(await refusal(record.id, Self.body(longest)) == nil, "the limits themselves are allowed")
    }

    @Test func emptyOptionalFields_AreAbsent_butEmptyRequiredOnesAreNamed() async throws {
        let record = try await storedCase()
        var fields = Self.valid
        fields["description"] = ""
        fields["reference"] = ""
        fields["external_status_code"] = NSNull()
        let stored = try await submit(record.id, Self.body(fields)).record
        #expect(stored.description == nil)
        #expect(stored.reference == nil)
        #expect(stored.externalStatusCode == nil)
        fields["update_id"] = "HW-UPD-0002"
        fields["updated_at"] = ""
        #expect(await invalidFields(record.id, fields) == ["/updated_at"])
    }

    @Test func updatedAtWithoutOffset_SaysAnOffsetIsNeeded() async throws {
        let record = try await storedCase()
        var fields = Self.valid
        fields["updated_at"] = "2026-11-23T10:15:00"
        guard case .invalid(let errors) = await refusal(record.id, Self.body(fields)) else {
            Issue.record("not refused as invalid")
            return
        }
        #expect(errors.first?.message.contains("no offset") == true)
    }

    @Test func unknownAndRepeatedFields_AreRefusedByName() async throws {
        let record = try await storedCase()
        var fields = Self.valid
        fields["stauts"] = "fixed"
        #expect(await invalidFields(record.id, fields) == ["/stauts"])
        let repeated = #"{"update_id":"a","update_id":"b","status":"fixed","updated_at":"2026-11-23T10:15:00Z"}"#
        // Which of two values was meant cannot be guessed: the parser refuses the body, naming the key.
        guard case .malformed(let detail) = await refusal(record.id, Array(repeated.utf8)) else {
            Issue.record("a repeated member was accepted")
            return
        }
        #expect(detail.contains("update_id"))
    }

    @Test func statusOutsideTheVocabulary_Is422ListingTheAllowedWords() async throws {
        let record = try await storedCase()
        var fields = Self.valid
        fields["status"] = "resolved"
        guard case .unknownStatus(let errors) = await refusal(record.id, Self.body(fields)) else {
            Issue.record("not refused for its status")
            return
        }
        let message = errors.first?.message ?? ""
        #expect(errors.map(\.field) == ["/status"])
        #expect(message.contains("\"resolved\""))
        for word in UpdateStatus.allCases { #expect(message.contains(word.rawValue)) }
        #expect(try await store.read { try $0.updates(caseID: record.id) }.isEmpty)
    }

    @Test func unknownStatusWithOtherFaults_IsListedWithThemInOne400() async throws {
        let record = try await storedCase()
        var fields = Self.valid
        fields["status"] = "resolved"
        fields["reference"] = 7
        #expect(await invalidFields(record.id, fields) == ["/reference", "/status"])
    }

    @Test func malformedBodies_AreRefusedWithWhere() async throws {
        let record = try await storedCase()
        guard case .malformed(let detail) = await refusal(record.id, Array(#"{"update_id": "a",}"#.utf8)) else {
            Issue.record("malformed JSON was not refused as malformed")
            return
        }
        #expect(detail.contains("line 1, column"))
        #expect(await invalidFields(record.id, [:]).isEmpty == false)
        guard case .invalid(let errors) = await refusal(record.id, Array("[1]".utf8)) else {
            Issue.record("an array body was not refused")
            return
        }
        #expect(errors.map(\.field) == ["/"])
    }

    @Test func otherMediaTypes_AreRefused() async throws {
        let record = try await storedCase()
        let body = Self.body(Self.valid)
        for type in [nil, "text/plain", "application/xml", "application/json; charset=iso-8859-1"] as [String?] {
            guard case .unsupportedMediaType = await refusal(record.id, body, type: type) else {
                Issue.record("\(type ?? "no type") was not refused as unsupported")
                continue
            }
        }
        #expect(await refusal(record.id, body, type: "application/json; charset=UTF-8") == nil)
    }

    @Test func unknownCase_IsRefusedAndNothingStored() async throws {
        let missing = RecordIDGenerator.shared.next(at: clock.now())
        #expect(await refusal(missing, Self.body(Self.valid)) == .unknownCase(missing))
        #expect(try await store.read { try $0.updates(after: 0, limit: 10) }.isEmpty)
    }

    @Test func identicalRepeat_AnswersWithTheFirstUpdate_andStoresOnce() async throws {
        let record = try await storedCase()
        let first = try await submit(record.id, Self.body(Self.valid))
        clock.advance(by: .seconds(30))
        let second = try await submit(record.id, Self.body(Self.valid))
        guard case .accepted(let created) = first, case .repeated(let repeated) = second else {
            Issue.record("expected accepted then repeated, got \(first) then \(second)")
            return
        }
        #expect(repeated == created)
        #expect(try await store.read { try $0.updates(caseID: record.id) }.count == 1)
    }

    @Test func repeatWithOtherKeyOrderAndSpacing_IsStillTheSameUpdate() async throws {
        let record = try await storedCase()
        let compact = #"{"update_id":"HW-9","status":"fixed","updated_at":"2026-11-23T10:15:00Z","description":"Filled"}"#
        let spread = """
            { "description" : "Filled", "updated_at": "2026-11-23T10:15:00Z",
              "status": "fixed", "external_status_code": null, "update_id": "HW-9" }
            """
        let first = try await submit(record.id, Array(compact.utf8))
        let second = try await submit(record.id, Array(spread.utf8))
        guard case .accepted(let created) = first, case .repeated(let repeated) = second else {
            Issue.record("expected accepted then repeated, got \(first) then \(second)")
            return
        }
        #expect(repeated.id == created.id)
    }

    @Test func concurrentRetries_StoreOneUpdate_andConcurrentUpdatesGetContiguousSeqs() async throws {
        let record = try await storedCase()
        let updates = updates
        let caseID = record.id
        let retried = Self.body(Self.valid)
        let outcomes = await withTaskGroup(of: UpdateIntakeOutcome?.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try? await updates.submit(UpdateSubmission(
                        client: "highways", caseID: caseID, contentType: "application/json", body: retried))
                }
            }
            for index in 0..<30 {
                var fields = Self.valid
                fields["update_id"] = "burst-\(index)"
                let body = Self.body(fields)
                group.addTask {
                    try? await updates.submit(UpdateSubmission(
                        client: "highways", caseID: caseID, contentType: "application/json", body: body))
                }
            }
            var all: [UpdateIntakeOutcome?] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.allSatisfy { $0 != nil })
        let accepted = outcomes.compactMap { outcome -> UpdateRecord? in
            if case .accepted(let record) = outcome { return record }
            return nil
        }
        #expect(accepted.count == 31, "one of the 20 retries and each of the 30 distinct updates")
        let stored = try await store.read { try $0.updates(after: 0, limit: 100) }
        #expect(stored.compactMap(\.seq) == Array(1...31), "feed positions have no gaps")
    }

    @Test func sameUpdateIDWithAnotherBodyOrCase_IsAConflict() async throws {
        let record = try await storedCase()
        let other = try await storedCase()
        let first = try await submit(record.id, Self.body(Self.valid)).record
        var changed = Self.valid
        changed["status"] = "fixed"
        #expect(await refusal(record.id, Self.body(changed)) == .updateIDReused(first))
        #expect(await refusal(other.id, Self.body(Self.valid)) == .updateIDReused(first), "same body, other case")
        // Update ids are the sender's own: another client may use the same one.
        let partner = try await submit(record.id, Self.body(Self.valid), client: "county")
        guard case .accepted(let accepted) = partner else {
            Issue.record("another client's update was not accepted")
            return
        }
        #expect(accepted.seq == 2)
    }

    @Test func caseView_ListsUpdatesByTheSendersTime_andTheTimelineByTheHubs() async throws {
        let record = try await storedCase()
        var later = Self.valid
        later["update_id"] = "late-1"
        later["status"] = "fixed"
        later["updated_at"] = "2026-11-24T09:00:00Z"
        var earlier = Self.valid
        earlier["update_id"] = "early-1"
        earlier["status"] = "in_progress"
        // Sent second but happened first: 10:30 at +02:00 is 08:30 UTC, before "fixed".
        earlier["updated_at"] = "2026-11-24T10:30:00+02:00"
        clock.advance(by: .seconds(1))
        _ = try await submit(record.id, Self.body(later))
        clock.advance(by: .seconds(1))
        _ = try await submit(record.id, Self.body(earlier))
        let stored = try await store.read { try $0.updates(caseID: record.id) }
        let view = CaseView(record: record, deliveries: [], updates: stored)
        #expect(view.updatesBySenderTime.map(\.senderUpdateID) == ["early-1", "late-1"])
        let timeline = view.json["timeline"]?.arrayValue ?? []
        #expect(timeline.map { $0["kind"]?.stringValue ?? "" } == ["received", "update", "update"])
        #expect(timeline.dropFirst().map { $0["status"]?.stringValue ?? "" } == ["fixed", "in_progress"],
                "the timeline follows arrival on the hub's clock")
    }

    @Test func feed_PagesWithoutGapsOrDuplicates_whileUpdatesArrive() async throws {
        let record = try await storedCase()
        let feed = UpdateFeed(store: store)
        var seen: [String] = []
        var cursor = UpdateFeedCursor.start
        var sent = 0
        for round in 0..<5 {
            for _ in 0..<3 {
                sent += 1
                var fields = Self.valid
                fields["update_id"] = "u-\(sent)"
                _ = try await submit(record.id, Self.body(fields))
            }
            let page = try await feed.page(after: cursor, limit: 2 + round % 2, client: nil)
            seen += page.updates.map(\.senderUpdateID)
            cursor = page.next
        }
        while true {
            let page = try await feed.page(after: cursor, limit: 2, client: nil)
            if page.updates.isEmpty {
                #expect(page.next == cursor, "an empty page keeps the poller where it was")
                break
            }
            seen += page.updates.map(\.senderUpdateID)
            cursor = page.next
        }
        #expect(seen == (1...sent).map { "u-\($0)" })
    }

    @Test func feedForAFrontOffice_HoldsOnlyItsOwnCases() async throws {
        let mine = try await storedCase(client: "webforms")
        let theirs = try await storedCase(client: "crm")
        var other = Self.valid
        other["update_id"] = "HW-UPD-0002"
        _ = try await submit(mine.id, Self.body(Self.valid))
        _ = try await submit(theirs.id, Self.body(other))
        let page = try await UpdateFeed(store: store).page(after: .start, limit: 10, client: "webforms")
        #expect(page.updates.map(\.caseID) == [mine.id])
        #expect(page.next == UpdateFeedCursor(seq: 1))
    }

    @Test func cursor_ReadsOnlyWhatTheHubHandsOut() {
        #expect(UpdateFeedCursor("u42") == UpdateFeedCursor(seq: 42))
        #expect(UpdateFeedCursor(UpdateFeedCursor(seq: 7).description)?.seq == 7)
        for text in ["", "u", "42", "u-1", "u+1", "u1a", "x42", "u99999999999999999999", "u٣"] {
            #expect(UpdateFeedCursor(text) == nil, "\(text)")
        }
    }
}
