import CasewayHTTP
import Dispatch
import Foundation

/// `caseway-bench http-healthz [--host H] [--port P] [--handler immediate|task]`: serves `GET /healthz`
/// with the real server and router until SIGINT or SIGTERM, for `wrk` to load from outside.
///
/// `--handler task` answers through a Swift task and the loop's wake-up queue, as every API handler does;
/// `immediate` (the default) answers on the event loop thread, as the health check does.
func runHTTPHealthzBenchmark(arguments: [String]) async throws -> Int32 {
    var host = "127.0.0.1"
    var port = 8080
    var useTask = false
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        let value = index + 1 < arguments.count ? arguments[index + 1] : nil
        switch (argument, value) {
        case ("--host", let value?):
            host = value
        case ("--port", let value?):
            guard let parsed = Int(value), (0...65535).contains(parsed) else {
                FileHandle.standardError.write(Data("http-healthz: --port needs a number from 0 to 65535\n".utf8))
                return 2
            }
            port = parsed
        case ("--handler", "immediate"?):
            useTask = false
        case ("--handler", "task"?):
            useTask = true
        default:
            FileHandle.standardError.write(Data("usage: caseway-bench http-healthz [--host H] [--port P] [--handler immediate|task]\n".utf8))
            return 2
        }
        index += 2
    }

    var router = Router()
    if useTask {
        router.add(.get, "/healthz") { _ in .text("ok") }
    } else {
        router.addImmediate(.get, "/healthz") { _ in .text("ok") }
    }
    let server = HTTPServer(
        configuration: .init(listen: [ListenAddress(host: host, port: port)]),
        router: router
    )
    let bound = try server.start()
    let line = "http-healthz: listening on \(server.localAddresses.first?.description ?? "\(host):\(bound)") (\(useTask ? "task" : "immediate") handler)\n"
    FileHandle.standardOutput.write(Data(line.utf8))

    let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            Task { await server.stop(timeout: .seconds(5)) }
        }
        source.resume()
        return source
    }
    await server.waitUntilStopped()
    signals.forEach { $0.cancel() }
    return 0
}
