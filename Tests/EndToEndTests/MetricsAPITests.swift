import Foundation
import Testing

/// `GET /metrics` on the real binary: open to scrapers, in the Prometheus text format, counting what the
/// hub did and showing each connector's backlog from the store.
struct MetricsAPITests {
    /// The sample lines of `page` (not comments), by their series (name with labels).
    static func samples(_ page: String) -> [String: String] {
        var samples: [String: String] = [:]
        for line in page.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            samples[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        return samples
    }

    @Test func metrics_countCasesAndShowEachQueuesBacklog_withoutAKey() async throws {
        let hub = try QueueAPITests.hub()
        try await hub.start()
        _ = try await QueueAPITests.submit(hub, "PL_TREE", 1)
        _ = try await QueueAPITests.submit(hub, "PL_TREE", 2)
        let noRoute = try await hub.request("POST", "/v1/cases", body: Data(#"{"service_code":"ZZ_NONE","source":{"reference":"FO-9"}}"#.utf8))
        #expect(noRoute.status == 202)
        let received = try await QueueAPITests.receive(hub, "?max=1")
        #expect(received.count == 1)

        let answer = try await hub.request("GET", "/metrics", key: nil)
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        let page = String(decoding: answer.body, as: UTF8.self)
        let samples = Self.samples(page)
        #expect(samples["caseway_cases_accepted_total"] == "3")
        #expect(samples["caseway_cases_repeated_total"] == "0")
        #expect(samples["caseway_ready"] == "1")
        #expect(samples["caseway_store_readable"] == "1")
        // Two cases wait for the planning queue, one of them leased; the idle queue shows zeros.
        #expect(samples[#"caseway_deliveries_unfinished{connector="planning"}"#] == "2")
        #expect(samples[#"caseway_deliveries_overdue{connector="planning"}"#] == "1")
        #expect(samples[#"caseway_deliveries_unfinished{connector="enforcement"}"#] == "0")
        #expect(samples[#"caseway_dead_letters_open{connector="(none)"}"#] == "1")
        #expect(samples[#"caseway_circuit_breaker_open{connector="planning"}"#] == "0")
        #expect(samples[#"caseway_http_requests_total{method="POST",status="202"}"#] == "3")
        #expect(Int(samples["caseway_store_syncs_total"] ?? "") ?? 0 >= 3)
        #expect(page.contains("# TYPE caseway_cases_accepted_total counter\n"))
        #expect(page.contains("# TYPE caseway_deliveries_unfinished gauge\n"))
        _ = try await hub.stop()
    }
}
