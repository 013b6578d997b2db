extension JSONWriter {
    /// A growable byte buffer the writer fills through a raw pointer. Appending to `[UInt8]` piece by
    /// piece costs a uniqueness and capacity check per call, which for a request of some hundred pieces
    /// cost more than the bytes themselves; this copies into the caller's array once, at the end.
    struct Output: ~Copyable {
        private var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit {
            base.deallocate()
        }

        @inline(__always)
        mutating func reserve(_ extra: Int) {
            if count &+ extra > capacity { grow(to: count + extra) }
        }

        private mutating func grow(to minimum: Int) {
            let newCapacity = max(capacity * 2, minimum)
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.initialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count &+= 1
        }

        /// Appends two bytes with one capacity check (`":"` after a key, `\"` escapes).
        @inline(__always)
        mutating func append(_ first: UInt8, _ second: UInt8) {
            reserve(2)
            base[count] = first
            base[count &+ 1] = second
            count &+= 2
        }

        @inline(__always)
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, bytes.count > 0 else { return }
            reserve(bytes.count)
            (base + count).initialize(from: source, count: bytes.count)
            count &+= bytes.count
        }

        mutating func append(_ text: StaticString) {
            append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { append($0) }
        }

        mutating func appendSpaces(_ spaces: Int) {
            reserve(spaces)
            (base + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
            count &+= spaces
        }

        /// The bytes written so far.
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            body(UnsafeBufferPointer(start: base, count: count))
        }
    }
}
