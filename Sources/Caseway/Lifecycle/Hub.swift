import CasewayHTTP
import CasewayMapping
import CasewayStore
import Foundation

/// The running hub: the store, the API and the services on them, started in order and stopped in reverse.
public final class Hub: Sendable {
    public let configuration: Configuration
    public let store: Store
    public let server: HTTPServer
    public let log: HubLog
    /// The connectors' delivery workers.
    public let delivery: DeliveryService
    private let readiness: ReadinessFlag

    private init(
        configuration: Configuration, store: Store, server: HTTPServer, log: HubLog, delivery: DeliveryService,
        readiness: ReadinessFlag
    ) {
        self.configuration = configuration
        self.store = store
        self.server = server
        self.log = log
        self.delivery = delivery
        self.readiness = readiness
    }

    /// Where the API listens now (with the real port when the configuration asked for port 0).
    public var listenAddresses: [ListenAddress] { server.localAddresses }

    /// Opens the store, starts the API and logs one start-up line; throws a one-line reason when it cannot.
    public static func start(
        configuration: Configuration, log: HubLog = HubLog(), deliverySettings: DeliverySettings = DeliverySettings()
    ) async throws -> Hub {
        let store = try Store(directory: configuration.hub.dataDirectory.path)
        let readiness = ReadinessFlag()
        let metrics = HubMetrics(startedAt: log.clock.now())
        let routing = RoutingTable(connectors: configuration.connectors)
        let updates = UpdateReturn(route: { routing.routeUpdate(caseSubmittedBy: $0) })
        // Deliveries committed for these connectors (new cases, new updates): wake their workers and long
        // polls. Filled once both exist, since each commits deliveries for the other.
        let arrivals = DeliveryArrivals()
        let delivery: DeliveryService
        do {
            delivery = try DeliveryService(
                configuration: configuration, store: store, clock: log.clock, log: log, settings: deliverySettings,
                updates: updates, updatesRouted: arrivals.signal, metrics: metrics)
        } catch {
            await store.close()
            throw error
        }
        let queues = PullQueues(
            configuration: configuration, store: store, clock: log.clock, log: log, updates: updates,
            updatesRouted: arrivals.signal)
        arrivals.listen { delivery.wake($0) }
        arrivals.listen { queues.arrived($0) }
        let intake = CaseIntake(
            store: store, settings: configuration.hub.intake, clock: log.clock, route: { routing.route($0) },
            accepted: arrivals.signal)
        let updateIntake = UpdateIntake(
            store: store, clock: log.clock, ids: intake.ids, route: updates.route, mappings: configuration.updateMappings,
            accepted: arrivals.signal)
        let api = HubAPI(
            intake: intake, updateIntake: updateIntake, authenticator: Authenticator(clients: configuration.hub.clients), log: log,
            deadLetters: DeadLetters(
                store: store, clock: log.clock,
                reroute: { routing.route($0, maxDepth: configuration.hub.intake.maxDepth) }),
            queues: queues, metrics: metrics, connectorNames: configuration.connectors.map(\.name).sorted(),
            isReady: { readiness.isSet })
        let limits = configuration.hub.limits
        let server = HTTPServer(
            configuration: HTTPServer.Configuration(
                listen: [configuration.hub.listen], maxHeadSize: limits.headerBytes, maxHeaderCount: limits.headerCount,
                defaultBodyLimit: limits.requestBodyBytes, headerTimeout: limits.headerTimeout,
                bodyTimeout: limits.bodyTimeout, idleTimeout: limits.idleTimeout, handlerTimeout: limits.handlerTimeout,
                maxConnections: limits.connections,
                // API handlers mostly await the store's writer; running them on the loop's own executor
                // saves two thread hops per request. Their CPU work (parsing, validation) is bounded by
                // the body limit and nesting limits.
                runsHandlersOnEventLoop: true,
                log: { message in log.warning("http", ["detail": .string(message)]) }),
            router: api.router(bodyLimit: limits.requestBodyBytes))
        do {
            try server.start()
        } catch {
            await store.close()
            throw HubStartError("cannot listen on \(configuration.hub.listen): \(error)")
        }
        do {
            try await delivery.start()
        } catch {
            await server.stop(timeout: .zero)
            await store.close()
            throw HubStartError("cannot start the delivery workers: \(error)")
        }
        let hub = Hub(
            configuration: configuration, store: store, server: server, log: log, delivery: delivery, readiness: readiness)
        readiness.set()
        log.info(
            "caseway started",
            [
                "version": .string(CasewayVersion.current),
                "listen": .string(hub.listenAddresses.map(\.description).joined(separator: ",")),
                "data_directory": .string(configuration.hub.dataDirectory.path),
                "connectors": .number(JSONNumber(configuration.connectors.count)),
                "mappings": .number(JSONNumber(configuration.mappings.count)),
            ])
        return hub
    }

    /// Stops taking work, lets requests in flight finish within the grace period, then closes the store.
    public func stop() async {
        readiness.clear()
        await server.stop(timeout: configuration.hub.limits.shutdownGrace)
        await delivery.stop(grace: configuration.hub.limits.shutdownGrace)
        await store.close()
        log.info("caseway stopped")
    }

    /// Runs the hub until SIGTERM or SIGINT, then stops it cleanly.
    public static func serve(configuration: Configuration, log: HubLog = HubLog()) async throws {
        // Catch signals before opening anything, so a signal during start-up still ends in a clean stop.
        let shutdown = ShutdownSignal()
        let hub = try await start(configuration: configuration, log: log)
        let signal = await shutdown.wait()
        let name = signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal \(signal)"
        log.info("caseway stopping", ["signal": .string(name)])
        await hub.stop()
    }
}
