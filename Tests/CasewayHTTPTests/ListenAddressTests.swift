import Testing
@testable import CasewayHTTP

/// `host:port` and `[ipv6]:port` as the configuration gives them.
struct ListenAddressTests {
    @Test func listenAddressesParse() {
        #expect(ListenAddress("127.0.0.1:8080") == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(ListenAddress("[::1]:0") == ListenAddress(host: "::1", port: 0))
        #expect(ListenAddress("localhost:443")?.port == 443)
        #expect(ListenAddress("::1:80") == nil)
        #expect(ListenAddress("host:99999") == nil)
        #expect(ListenAddress("host") == nil)
        #expect(ListenAddress(host: "::1", port: 80).description == "[::1]:80")
    }
}
