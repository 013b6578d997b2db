import CasewayHTTP
import Dispatch
import Foundation

/// `caseway-bench http-healthz [--host H] [--port P] [--handler immediate|task|loop-task]`: serves
/// `GET /healthz` with the real server and router until SIGINT or SIGTERM, for `wrk` to load from outside.
///
/// `immediate` (the default) answers on the event loop thread, as the health check does; `task` answers
/// through a Swift task on the global pool and the loop's wake-up queue, as API handlers do by default;
/// `loop-task` runs that task on the event loop's own executor (`runsHandlersOnEventLoop`).
func runHTTPHealthzBenchmark(arguments: [String]) async throws -> Int32 {
    var host = "127.0.0.1"
    var port = 8080
    var mode = "immediate"
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
        case ("--handler", let value?) where ["immediate", "task", "loop-task"].contains(value):
            mode = value
        default:
            FileHandle.standardError.write(Data("usage: caseway-bench http-healthz [--host H] [--port P] [--handler immediate|task|loop-task]\n".utf8))
            return 2
        }
        index += 2
    }

    var router = Router()
    if mode == "immediate" {
        router.addImmediate(.get, "/healthz") { _ in .text("ok") }
    } else {
        router.add(.get, "/healthz") { _ in .text("ok") }
    }
    let server = HTTPServer(
        configuration: .init(listen: [ListenAddress(host: host, port: port)], runsHandlersOnEventLoop: mode == "loop-task"),
        router: router
    )
    let bound = try server.start()
    let line = "http-healthz: listening on \(server.localAddresses.first?.description ?? "\(host):\(bound)") (\(mode) handler)\n"
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
