import CasewayMapping
import CasewayStore

extension DeliveryWorker {
    /// One try of a claimed delivery (with its case, read by the claim, and its update, if it carries one):
    /// map, send, then record the attempt and the delivery's next state in one write. Never throws: whatever
    /// goes wrong ends in a recorded state, or (when even the store fails) in a lease that runs out so the
    /// delivery is tried again.
    func attempt(_ delivery: DeliveryRecord, _ found: CaseRecord?) async -> AttemptReport {
        let started = clock.now()
        let startedInstant = ContinuousClock.now
        guard let record = found else {
            return await finish(
                delivery, started: started, since: startedInstant,
                outcome: .dead(.permanentError, "case \(delivery.caseID) is missing from the store"), payload: nil)
        }

        // A delivery of an update sends the update's JSON, not the case.
        var update: UpdateRecord?
        if let updateID = delivery.updateID {
            do {
                update = try await store.read { try $0.update(id: updateID) }
            } catch {
                // Unreadable now is not missing: leave the lease to run out, so the delivery is tried again.
                log.error("reading a delivery's update failed; the lease will run out and it is tried again",
                          ["connector": .string(connector.name), "delivery_id": .string(delivery.id.text), "error": .string("\(error)")])
                return AttemptReport(breakerSignal: .none, error: "\(error)")
            }
            guard update != nil else {
                return await finish(
                    delivery, started: started, since: startedInstant,
                    outcome: .dead(.permanentError, "update \(updateID) is missing from the store"), payload: nil)
            }
        }
        let source = DeliverySource.of(record, update: update)

        let payload: (body: [UInt8], contentType: String)
        if let mapping {
            do {
                payload = (try mapping.run(source.body, variables: variables(delivery, record, now: started)), mapping.contentType)
            } catch {
                // A mapping that fails for this case fails the same way every time: retrying cannot help,
                // fixing the mapping and replaying does.
                return await finish(
                    delivery, started: started, since: startedInstant,
                    outcome: .dead(.mappingError, "mapping \(mapping.name) failed:\n\(error.description)"), payload: nil)
            }
        } else {
            payload = source
        }

        let parcel = Parcel(
            deliveryID: delivery.id, attempt: delivery.attemptCount, caseRecord: record, body: payload.body,
            contentType: payload.contentType, now: started)
        let result = await transport.send(parcel)
        let outcome: AttemptResolution
        let signal: AttemptReport.BreakerSignal
        switch result {
        case .delivered(let reference, let status):
            outcome = .delivered(reference: reference, httpStatus: status)
            signal = .partnerAnswered
        case .failed(let failure):
            signal = failure.kind == .transient ? .partnerFailed : .partnerAnswered
            let decision = connector.retry.decision(
                after: failure, attempt: delivery.attemptCount, createdAt: delivery.createdAt, now: clock.now(),
                random: Double.random(in: 0..<1))
            switch decision {
            case .retry(let at): outcome = .retry(at: at, failure)
            case .deadLetter(let reason): outcome = .dead(reason, Self.reasonText(reason, failure), httpStatus: failure.httpStatus)
            }
        }
        var report = await finish(delivery, started: started, since: startedInstant, outcome: outcome, payload: payload)
        report.breakerSignal = signal
        return report
    }

    /// The variables a connector's mapping can read: the case's and the delivery's ids, and the time.
    func variables(_ delivery: DeliveryRecord, _ record: CaseRecord, now: Timestamp) -> [String: String] {
        MappingVariables.of(delivery, record, now: now)
    }

    private static func reasonText(_ reason: DeadLetterReason, _ failure: DeliveryFailure) -> String {
        switch reason {
        case .attemptsExhausted: "gave up after the last allowed attempt: \(failure.message)"
        case .maxAgeExceeded: "gave up: the next try would be past the connector's max_age: \(failure.message)"
        default: failure.message
        }
    }

    /// Records the attempt and moves the delivery on, in one write; logs what happened.
    private func finish(
        _ delivery: DeliveryRecord, started: Timestamp, since startedInstant: ContinuousClock.Instant,
        outcome: AttemptResolution, payload: (body: [UInt8], contentType: String)?
    ) async -> AttemptReport {
        let elapsed = ContinuousClock.now - startedInstant
        let milliseconds = max(0, elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let now = clock.now()
        let attempt = AttemptRecord(
            id: ids.next(at: now), deliveryID: delivery.id, startedAt: started, durationMilliseconds: milliseconds,
            outcome: outcome.attemptOutcome, httpStatus: outcome.httpStatus, error: outcome.error, reference: outcome.reference)
        let owner = owner
        let updates = updates
        let name = connector.name
        let updateID = ids.next(at: now)
        let referenceIsNews = transport.answersWithItsOwnReference
        let stored: Bool
        // The connectors that the update a delivered case yields was routed to.
        let routed: [String]
        // An outcome need not wait for the disk: one lost in a power cut leaves the delivery leased until
        // its lease ends, and it is sent again (the same file name, the same Idempotency-Key), which
        // at-least-once delivery allows. One that records an update waits, as every update does.
        let durability: WriteDurability
        if case .delivered(.some, _) = outcome, referenceIsNews, delivery.updateID == nil {
            durability = .onDisk
        } else {
            durability = .inOperatingSystem
        }
        do {
            (stored, routed) = try await store.write(durability: durability) { connection -> (Bool, [String]) in
                try connection.insertAttempt(attempt)
                switch outcome {
                case .delivered(let reference, _):
                    let completed = try connection.completeDelivery(
                        id: delivery.id, owner: owner, backofficeReference: reference, now: now)
                    // The back office's own reference is news for the case's sender; a delivery of an update
                    // yields none, so updates never beget updates.
                    guard completed, referenceIsNews, delivery.updateID == nil, let reference else { return (completed, []) }
                    let update = UpdateRecord.accepted(by: name, delivery, reference: reference, id: updateID, now: now)
                    return (true, try updates.recordOnce(update, from: name, in: connection, now: now))
                case .retry(let at, let failure):
                    return (try connection.rescheduleDelivery(
                        id: delivery.id, owner: owner, dueAt: at, error: failure.message, now: now, payload: payload?.body,
                        payloadContentType: payload?.contentType), [])
                case .dead(let reason, let message, _):
                    return (try connection.deadLetterDelivery(
                        id: delivery.id, owner: owner, reason: reason, error: message, now: now, payload: payload?.body,
                        payloadContentType: payload?.contentType), [])
                }
            }
        } catch {
            log.error("recording a delivery attempt failed; the lease will run out and it is tried again",
                      ["connector": .string(connector.name), "delivery_id": .string(delivery.id.text), "error": .string("\(error)")])
            return AttemptReport(breakerSignal: .none, error: outcome.error)
        }
        if !routed.isEmpty { updatesRouted(routed) }
        if stored { metrics.countAttempt(connector: connector.name, outcome: outcome.attemptOutcome.rawValue) }
        var fields: [(String, JSONValue)] = [
            ("connector", .string(connector.name)), ("delivery_id", .string(delivery.id.text)),
            ("case_id", .string(delivery.caseID.text)), ("attempt", .number(JSONNumber(delivery.attemptCount))),
            ("duration_ms", .number(JSONNumber(Int(milliseconds)))),
        ]
        if let status = outcome.httpStatus { fields.append(("http_status", .number(JSONNumber(status)))) }
        if !stored {
            // Our lease ran out mid-send and another claim took over; that one records the outcome.
            log.log(.warning, "delivery attempt finished after its lease ran out; not recorded", fields: fields)
        }
        switch outcome {
        case .delivered(let reference, _):
            if let reference { fields.append(("reference", .string(reference))) }
            log.log(.info, "delivered", fields: fields)
        case .retry(let at, let failure):
            fields.append(("retry_at", .string(at.description)))
            fields.append(("error", .string(failure.message)))
            log.log(.warning, "delivery failed; will retry", fields: fields)
        case .dead(let reason, let message, _):
            fields.append(("reason", .string(reason.rawValue)))
            fields.append(("error", .string(message)))
            log.log(.error, "delivery dead-lettered", fields: fields)
        }
        return AttemptReport(breakerSignal: .none, error: outcome.error)
    }
}
