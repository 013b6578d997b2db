/// A task executor that runs jobs on the event loop thread, between rounds of socket events.
///
/// With `Configuration.runsHandlersOnEventLoop`, handler tasks prefer this executor: a handler that
/// answers without suspending costs no thread hop at all, and one that awaits (a group commit) resumes
/// here through the inbox's eventfd wake-up. Jobs that arrive after the loop has exited run on the
/// global concurrent executor instead, so that no task is ever stranded.
final class LoopExecutor: TaskExecutor, Sendable {
    private let inbox: LoopInbox

    init(inbox: LoopInbox) {
        self.inbox = inbox
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if !inbox.post(.job(job)) {
            globalConcurrentExecutor.enqueue(job)
        }
    }
}
