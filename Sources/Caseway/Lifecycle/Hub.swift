import CasewayMapping
import CasewayStore
import Foundation

/// The running hub: the store and the services on it, started in order and stopped in reverse.
public final class Hub: Sendable {
    public let configuration: Configuration
    public let store: Store
    public let log: HubLog

    private init(configuration: Configuration, store: Store, log: HubLog) {
        self.configuration = configuration
        self.store = store
        self.log = log
    }

    /// Opens the store and starts the services; throws a one-line reason when it cannot.
    public static func start(configuration: Configuration, log: HubLog = HubLog()) async throws -> Hub {
        let store = try Store(directory: configuration.hub.dataDirectory.path)
        let hub = Hub(configuration: configuration, store: store, log: log)
        log.info(
            "caseway started",
            [
                "version": .string(CasewayVersion.current),
                "listen": .string(configuration.hub.listen.description),
                "data_directory": .string(configuration.hub.dataDirectory.path),
                "connectors": .number(JSONNumber(configuration.connectors.count)),
                "mappings": .number(JSONNumber(configuration.mappings.count)),
            ])
        return hub
    }

    /// Stops the services in reverse order, letting work in flight finish, then closes the store.
    public func stop() async {
        await store.close()
        log.info("caseway stopped")
    }

    /// Runs the hub until SIGTERM or SIGINT, then stops it cleanly.
    public static func serve(configuration: Configuration, log: HubLog = HubLog()) async throws {
        // Catch signals before opening anything, so a signal during start-up still ends in a clean stop.
        let shutdown = ShutdownSignal()
        let hub = try await start(configuration: configuration, log: log)
        let signal = await shutdown.wait()
        log.info("caseway stopping", ["signal": .string(signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "\(signal)")])
        await hub.stop()
    }
}
