/// The command line could not be understood: exit code 2, with the message and a pointer to help.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
