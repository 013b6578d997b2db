import Foundation

/// The process's resident memory, from `/proc/self/statm` (Linux).
enum ProcessMemory {
    /// Resident bytes now; nil where /proc is not mounted or not Linux's.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        // "size resident shared text lib data dt", in pages.
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
