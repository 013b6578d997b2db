import CasewayHTTP
import CasewayStore

extension HubAPI {
    /// `GET /metrics`: the hub in the Prometheus text format (docs/operations.md, "Metrics"). Open like the
    /// health endpoints, for scrapers; it names connectors and counts, never a case or a client's data.
    ///
    /// The backlog gauges come from the store at each scrape (index-only counts); when the store cannot be
    /// read they are left out and `caseway_store_readable` says 0, so an alert can tell "no backlog" from
    /// "cannot see".
    func metricsPage() async -> APIResponse {
        let now = intake.clock.now()
        var backlogs: [String: ConnectorBacklog]?
        do {
            backlogs = try await store.read { try $0.connectorBacklogs(now: now) }
        } catch {
            log.error("reading the backlog for /metrics failed", ["error": .string("\(error)")])
        }
        var page = PrometheusText()
        page.family("caseway_build_info", .gauge, "Always 1; the version label is the running build.")
        page.sample("caseway_build_info", ["version": CasewayVersion.current], 1)
        page.single("caseway_process_start_time_seconds", .gauge, "When the hub process started, in Unix seconds.",
                    Int(metrics.startedAt.millisecondsSinceEpoch / 1000))
        if let resident = ProcessMemory.residentBytes() {
            page.single("caseway_process_resident_memory_bytes", .gauge, "Resident memory of the hub process.", resident)
        }
        page.single("caseway_ready", .gauge, "1 while the hub takes work (as /readyz), 0 while starting or stopping.",
                    isReady() ? 1 : 0)

        page.family("caseway_http_requests_total", .counter, "API requests answered (not /healthz), by method and status.")
        for sample in metrics.requests {
            page.sample("caseway_http_requests_total", ["method": sample.labels[0], "status": sample.labels[1]], sample.value)
        }
        page.single("caseway_cases_accepted_total", .counter, "Cases stored (202).", metrics.casesAccepted)
        page.single("caseway_cases_repeated_total", .counter, "Repeats of a stored case under the same Idempotency-Key (200).",
                    metrics.casesRepeated)
        page.single("caseway_updates_accepted_total", .counter, "Status updates posted and stored.", metrics.updatesAccepted)
        page.family("caseway_delivery_attempts_total", .counter, "Delivery attempts recorded, by connector and outcome.")
        for sample in metrics.attempts {
            page.sample("caseway_delivery_attempts_total", ["connector": sample.labels[0], "outcome": sample.labels[1]], sample.value)
        }

        page.family("caseway_circuit_breaker_open", .gauge, "1 while the connector's circuit breaker holds its deliveries back.")
        for connector in connectorNames {
            page.sample("caseway_circuit_breaker_open", ["connector": connector], metrics.isBreakerOpen(connector) ? 1 : 0)
        }
        if let backlogs {
            // Configured connectors first (idle ones with zeros), then any other name the store holds: the
            // no-route dead letters' "(none)", or a connector since removed from the configuration.
            let names = connectorNames + backlogs.keys.filter { !connectorNames.contains($0) }.sorted()
            let rows = names.map { backlogs[$0] ?? ConnectorBacklog(connector: $0) }
            let gauges: [(String, String, (ConnectorBacklog) -> Int)] = [
                ("caseway_deliveries_unfinished", "Deliveries not yet finished (pending, waiting for a retry, or leased).",
                 { $0.unfinished }),
                ("caseway_deliveries_overdue", "Unfinished deliveries whose time has come: due and not yet claimed, or leased past their lease.",
                 { $0.overdue }),
                ("caseway_deliveries_oldest_overdue_seconds", "How long the longest-overdue delivery has waited; 0 with none.",
                 { backlog in backlog.oldestOverdueSince.map { Int(max(0, now.millisecondsSinceEpoch - $0.millisecondsSinceEpoch) / 1000) } ?? 0 }),
                ("caseway_dead_letters_open", "Dead letters waiting for an operator (not replayed or discarded).", { $0.openDeadLetters }),
            ]
            for (name, help, value) in gauges {
                page.family(name, .gauge, help)
                for row in rows { page.sample(name, ["connector": row.connector], value(row)) }
            }
        }

        let writer = writerStatistics
        page.single("caseway_store_readable", .gauge, "1 when this scrape could read the store.", backlogs == nil ? 0 : 1)
        page.single("caseway_store_commits_total", .counter, "Store transactions committed.", writer.commits)
        page.single("caseway_store_writes_total", .counter, "Writes committed (many per transaction under load).", writer.committedWrites)
        page.single("caseway_store_syncs_total", .counter, "Syncs of the store's WAL to disk.", writer.syncs)
        page.single("caseway_store_failed_syncs_total", .counter, "Syncs of the WAL that failed (the disk is in trouble).",
                    writer.failedSyncs)
        page.single("caseway_store_failed_batches_total", .counter, "Transactions that failed as a whole.", writer.failedBatches)
        page.single("caseway_store_write_queue", .gauge, "Writes waiting for the store's writer now.", writer.queued)
        return APIResponse(HTTPResponse(
            status: .ok, headers: ["Content-Type": PrometheusText.contentType], body: Array(page.text.utf8)))
    }
}
