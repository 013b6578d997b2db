@testable import Caseway
import Testing

struct PrometheusTextTests {
    @Test func familiesAndSamples_followTheTextFormat() {
        var page = PrometheusText()
        page.family("caseway_delivery_attempts_total", .counter, "Attempts, by connector.")
        page.sample("caseway_delivery_attempts_total", ["connector": "county-highways", "outcome": "retry"], 3)
        page.single("caseway_ready", .gauge, "1 while ready.", 1)
        #expect(page.text == """
            # HELP caseway_delivery_attempts_total Attempts, by connector.
            # TYPE caseway_delivery_attempts_total counter
            caseway_delivery_attempts_total{connector="county-highways",outcome="retry"} 3
            # HELP caseway_ready 1 while ready.
            # TYPE caseway_ready gauge
            caseway_ready 1

            """)
    }

    @Test func labelValues_escapeBackslashQuoteAndNewline_andHelpItsBackslashAndNewline() {
        #expect(PrometheusText.escapeLabel(#"a\b"c"# + "\nd") == #"a\\b\"c\nd"#)
        #expect(PrometheusText.escapeLabel("plain-name_1") == "plain-name_1")
        #expect(PrometheusText.escapeHelp("one\\two\nthree \"quoted\"") == #"one\\two\nthree "quoted""#)
    }

    @Test func hubMetrics_countByLabels_inAStableOrder() {
        let metrics = HubMetrics()
        metrics.countAttempt(connector: "waste-drop", outcome: "delivered")
        metrics.countAttempt(connector: "county-highways", outcome: "retry")
        metrics.countAttempt(connector: "county-highways", outcome: "retry")
        metrics.countRequest(method: "POST", status: 202)
        metrics.setBreaker(connector: "county-highways", open: true)
        #expect(metrics.attempts.map(\.labels) == [["county-highways", "retry"], ["waste-drop", "delivered"]])
        #expect(metrics.attempts.map(\.value) == [2, 1])
        #expect(metrics.requests == [HubMetrics.Sample(labels: ["POST", "202"], value: 1)])
        #expect(metrics.isBreakerOpen("county-highways"))
        metrics.setBreaker(connector: "county-highways", open: false)
        #expect(!metrics.isBreakerOpen("county-highways"))
    }
}
