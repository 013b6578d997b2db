/// Where the last member lookup in an object stopped, one slot per step depth of a path: documents list
/// their members in much the order a mapping asks for them, so the next lookup in the same object, started
/// there, usually finds its key at once instead of walking past every earlier member again.
///
/// A class over one small allocation so a tape (a value) can share it with its copies and update it
/// without exclusivity checks; one per tape, on one run's task.
final class JSONTapeLookupHints {
    static let depths = 8
    /// Pairs: the object's position, then the key position after the last member found in it.
    private let slots: UnsafeMutablePointer<Int>

    init() {
        slots = .allocate(capacity: Self.depths * 2)
        slots.initialize(repeating: -1, count: Self.depths * 2)
    }

    deinit {
        slots.deallocate()
    }

    /// Where to start looking in `object` at `depth`, if a lookup there was the last at that depth.
    @inline(__always)
    func start(in object: Int, depth: Int) -> Int? {
        guard depth < Self.depths, slots[depth * 2] == object else { return nil }
        return slots[depth * 2 + 1]
    }

    @inline(__always)
    func remember(_ next: Int, in object: Int, depth: Int) {
        guard depth < Self.depths else { return }
        slots[depth * 2] = object
        slots[depth * 2 + 1] = next
    }
}
