/// The exit codes every command keeps to (see `caseway help`).
enum ExitCode {
    /// The command did what was asked.
    static let success: Int32 = 0
    /// The command ran and found problems, or the request failed.
    static let failure: Int32 = 1
    /// The command line itself was wrong.
    static let usage: Int32 = 2
}
