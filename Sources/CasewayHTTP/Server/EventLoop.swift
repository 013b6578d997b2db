import CEpoll
import Glibc

/// The single thread that owns epoll, the listeners and every connection.
///
/// Created and run on its own thread and never shared: other threads talk to it only through the
/// `LoopInbox`. Sockets are non-blocking and level-triggered; the wait times out at the nearest
/// connection deadline.
final class EventLoop {
    private let poll: EventPoll
    private let inbox: LoopInbox
    private var listeners: [Socket]
    private let router: Router
    private let settings: ConnectionSettings
    private let maxConnections: Int
    /// Where handler tasks run when they run on this thread; nil: the global concurrent executor.
    private let executor: LoopExecutor?
    /// Connections beyond the maximum that are still being told 503; beyond this, they are just closed.
    private let maxRefused: Int
    private var slots: [ConnectionSlot?] = []
    private var activeCount = 0
    private var refusedCount = 0
    private var nextID: UInt64 = 0
    private let readBuffer: UnsafeMutableRawBufferPointer
    private let ready: UnsafeMutableBufferPointer<cepoll_ready>
    private var date = HTTPDate()
    private var time: LoopTime
    /// When the loop must next look at every connection's deadline.
    private var nextSweep: ContinuousClock.Instant
    private var stopDeadline: ContinuousClock.Instant?
    private var acceptPausedUntil: ContinuousClock.Instant?

    /// Takes over an epoll instance in which the listeners and the inbox's eventfd are already registered.
    init(
        poll: EventPoll,
        inbox: LoopInbox,
        listeners: [Socket],
        router: Router,
        settings: ConnectionSettings,
        maxConnections: Int,
        runsHandlersOnLoop: Bool
    ) {
        self.poll = poll
        self.executor = runsHandlersOnLoop ? LoopExecutor(inbox: inbox) : nil
        self.inbox = inbox
        self.listeners = listeners
        self.router = router
        self.settings = settings
        self.maxConnections = maxConnections
        self.maxRefused = max(16, maxConnections / 10)
        self.readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        self.ready = .allocate(capacity: 256)
        let now = ContinuousClock.now
        self.time = LoopTime(instant: now)
        self.nextSweep = now + .seconds(3600)
    }

    deinit {
        readBuffer.deallocate()
        ready.deallocate()
    }

    /// Serves until a stop message has been handled and every connection is closed (or the stop deadline passed).
    func run() {
        while true {
            let count: Int
            do {
                let timeout = inbox.prepareToSleep() ? waitTimeout() : 0
                count = try poll.wait(into: ready, timeoutMilliseconds: timeout)
            } catch {
                settings.log?("http: \(error); the server stops")
                break
            }
            refreshTime()
            for index in 0..<count {
                handle(ready[index])
            }
            processInbox()
            if time.instant >= nextSweep { sweep() }
            if let stopDeadline, activeCount + refusedCount == 0 || time.instant >= stopDeadline { break }
        }
        closeEverything()
    }

    // MARK: Events

    private func handle(_ event: cepoll_ready) {
        let fd = event.fd
        if fd == inbox.notifier.descriptor {
            do {
                try inbox.notifier.drain()
            } catch {
                settings.log?("http: \(error)")
            }
            return
        }
        if let listener = listeners.first(where: { $0.descriptor == fd }) {
            acceptConnections(from: listener)
            return
        }
        guard fd >= 0, Int(fd) < slots.count, let slot = slots[Int(fd)] else { return }
        let events = EventPoll.Events(rawValue: event.events)
        // An error or a hang-up in both directions: nothing more can be sent or received.
        if events.contains(.error) || events.contains(.hangUp) {
            close(slot)
            return
        }
        if events.contains(.readable) || events.contains(.readHangUp) {
            guard read(slot) else { return }
        }
        settle(slot)
    }

    /// Reads once from a readable socket into the shared buffer; false when the connection was closed.
    private func read(_ slot: ConnectionSlot) -> Bool {
        guard slot.connection.wantsInput else { return true }
        do {
            switch try slot.socket.read(into: readBuffer) {
            case .bytes(let count):
                let action = slot.connection.receive(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]), at: time)
                perform(action, for: slot)
            case .endOfStream:
                slot.connection.receiveEndOfStream(at: time)
            case .wouldBlock:
                break
            }
            return true
        } catch {
            // ECONNRESET and the like: the client is gone, and so is anything owed to it.
            close(slot)
            return false
        }
    }

    /// Sends what can be sent, parses what was held back, and brings epoll and the deadlines up to date.
    private func settle(_ slot: ConnectionSlot) {
        while true {
            if slot.connection.hasOutput {
                guard flush(slot) else { return }
                if slot.connection.hasOutput { break }
            }
            perform(slot.connection.resume(at: time), for: slot)
            if !slot.connection.hasOutput { break }
        }
        if slot.connection.phase == .closing, !slot.connection.hasOutput {
            do {
                try slot.socket.shutdownWrite()
                slot.connection.startLingering(at: time)
            } catch {
                close(slot)
                return
            }
        }
        if slot.connection.phase == .closed {
            close(slot)
            return
        }
        var interest: EventPoll.Events = []
        if slot.connection.wantsInput { interest.insert(.readable) }
        if slot.connection.hasOutput { interest.insert(.writable) }
        if interest != slot.interest {
            do {
                try poll.modify(slot.socket.descriptor, events: interest)
                slot.interest = interest
            } catch {
                settings.log?("http: \(error)")
                close(slot)
                return
            }
        }
        let deadline = slot.connection.deadline
        if deadline < nextSweep { nextSweep = deadline }
    }

    /// Writes queued output until done or the socket is full; false when the connection was closed.
    private func flush(_ slot: ConnectionSlot) -> Bool {
        let socket = slot.socket
        while slot.connection.hasOutput {
            do {
                switch try slot.connection.withOutput({ bytes throws(SocketError) in try socket.send(bytes) }) {
                case .bytes(let count):
                    slot.connection.didSend(count, blocked: false, at: time)
                case .wouldBlock, .endOfStream:
                    slot.connection.didSend(0, blocked: true, at: time)
                    return true
                }
            } catch {
                close(slot)
                return false
            }
        }
        return true
    }

    private func perform(_ action: HTTPConnection.Action, for slot: ConnectionSlot) {
        guard case .dispatch(let request, let handler, let sequence) = action else { return }
        let inbox = self.inbox
        let fd = slot.socket.descriptor
        let id = slot.id
        let work: @Sendable () async -> Void = {
            let response = await handler(request)
            inbox.post(.response(fd: fd, id: id, sequence: sequence, response))
        }
        slot.task = executor.map { Task(executorPreference: $0, operation: work) } ?? Task(operation: work)
    }

    /// Handles every message posted since the last round (the eventfd, if it fired, was drained in `handle`).
    private func processInbox() {
        // Jobs run here may post responses (and more jobs); a few rounds take those without another wait,
        // and the bound keeps a task that yields in a loop from starving the sockets.
        for _ in 0..<8 {
            let messages = inbox.take()
            if messages.isEmpty { return }
            for message in messages {
                handle(message)
            }
        }
    }

    private func handle(_ message: LoopInbox.Message) {
        switch message {
        case .response(let fd, let id, let sequence, let response):
            // The connection may have closed (or timed out) while its handler ran.
            guard fd >= 0, Int(fd) < slots.count, let slot = slots[Int(fd)], slot.id == id else { return }
            slot.task = nil
            perform(slot.connection.complete(response, sequence: sequence, at: time), for: slot)
            settle(slot)
        case .job(let job):
            if let executor {
                job.runSynchronously(on: executor.asUnownedTaskExecutor())
            } else {
                globalConcurrentExecutor.enqueue(job)
            }
        case .stop(let deadline):
            beginStopping(deadline: deadline)
        }
    }

    // MARK: Accepting

    private func acceptConnections(from listener: Socket) {
        // A bounded batch: under a connection flood, clients already connected still get their turn.
        for _ in 0..<128 {
            let accepted: Socket?
            do {
                accepted = try listener.accept()
            } catch {
                // EMFILE, ENFILE, ENOBUFS: the listener stays readable, so pause rather than spin.
                settings.log?("http: \(error); accepting paused for 100 ms")
                pauseAccepting()
                return
            }
            guard let socket = accepted else { return }
            register(socket)
        }
    }

    private func register(_ socket: Socket) {
        let refused = activeCount >= maxConnections
        if refused, refusedCount >= maxRefused {
            socket.close()
            return
        }
        // Without TCP_NODELAY a small response can wait for the client's delayed ACK; not fatal if it fails.
        try? socket.setNoDelay()
        let fd = Int(socket.descriptor)
        if fd >= slots.count {
            slots.append(contentsOf: repeatElement(nil, count: max(fd + 1 - slots.count, slots.count / 2, 64)))
        }
        nextID &+= 1
        let slot = ConnectionSlot(
            socket: socket,
            id: nextID,
            connection: HTTPConnection(router: router, settings: settings, at: time.instant),
            interest: .readable,
            isRefused: refused
        )
        do {
            try poll.add(socket.descriptor, events: .readable)
        } catch {
            settings.log?("http: \(error)")
            socket.close()
            return
        }
        slots[fd] = slot
        if refused {
            refusedCount += 1
            settings.log?("http: connection refused with 503: \(maxConnections) connections are open")
            slot.connection.refuse(at: time)
        } else {
            activeCount += 1
        }
        settle(slot)
    }

    private func pauseAccepting() {
        for listener in listeners {
            try? poll.modify(listener.descriptor, events: [])
        }
        let until = time.instant + .milliseconds(100)
        acceptPausedUntil = until
        if until < nextSweep { nextSweep = until }
    }

    // MARK: Closing and time

    private func close(_ slot: ConnectionSlot) {
        let fd = Int(slot.socket.descriptor)
        guard fd < slots.count, slots[fd] === slot else { return }
        slot.task?.cancel()
        slot.task = nil
        // Closing the descriptor also removes it from epoll (it is never duplicated).
        slot.socket.close()
        slots[fd] = nil
        if slot.isRefused { refusedCount -= 1 } else { activeCount -= 1 }
    }

    private func beginStopping(deadline: ContinuousClock.Instant) {
        guard stopDeadline == nil else { return }
        stopDeadline = deadline
        for listener in listeners { listener.close() }
        listeners = []
        acceptPausedUntil = nil
        for case let slot? in slots {
            slot.connection.beginDraining(at: time)
            settle(slot)
        }
        if deadline < nextSweep { nextSweep = deadline }
    }

    /// Acts on every deadline that has passed and finds the next one.
    private func sweep() {
        var next = time.instant + .seconds(3600)
        if let until = acceptPausedUntil {
            if time.instant >= until {
                acceptPausedUntil = nil
                for listener in listeners {
                    try? poll.modify(listener.descriptor, events: .readable)
                }
            } else {
                next = min(next, until)
            }
        }
        for index in slots.indices {
            guard let slot = slots[index] else { continue }
            if slot.connection.deadline <= time.instant {
                if slot.connection.expire(at: time) == .handler {
                    slot.task?.cancel()
                    slot.task = nil
                }
                settle(slot)
            }
            if let open = slots[index], open === slot {
                next = min(next, slot.connection.deadline)
            }
        }
        if let stopDeadline { next = min(next, stopDeadline) }
        nextSweep = next
    }

    private func refreshTime() {
        time.instant = .now
        time.date = date.value(at: Glibc.time(nil))
    }

    /// Milliseconds until the next sweep, rounded up so that the loop never wakes just before a deadline.
    private func waitTimeout() -> Int32 {
        let remaining = nextSweep - ContinuousClock.now
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    private func closeEverything() {
        for case let slot? in slots {
            close(slot)
        }
        for listener in listeners { listener.close() }
        listeners = []
        // Handler tasks still queued here finish elsewhere: a task is never left half-run.
        for case .job(let job) in inbox.close() {
            globalConcurrentExecutor.enqueue(job)
        }
        poll.close()
    }
}
