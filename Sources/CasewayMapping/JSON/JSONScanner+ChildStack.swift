extension JSONScanner {
    /// The children of all open containers, innermost last. A closing container moves its children out
    /// into an array of exactly the right size, so no container array ever regrows, and moving skips the
    /// retain and release per child that copying would cost. Slots are reused from one container to the
    /// next instead of being destroyed, which is why vacated ones hold a trivial `filler`.
    struct ChildStack<Element> {
        private var slots: [Element] = []
        private let filler: Element
        /// How many slots hold live children.
        private(set) var count = 0

        init(filler: Element, capacity: Int) {
            self.filler = filler
            slots.reserveCapacity(capacity)
        }

        subscript(position: Int) -> Element {
            slots[position]
        }

        mutating func push(_ element: consuming Element) {
            if count < slots.count {
                slots[count] = element
            } else {
                slots.append(element)
            }
            count += 1
        }

        /// Moves the children from `start` on into a new array and forgets them.
        mutating func take(from start: Int) -> [Element] {
            let taken = count - start
            guard taken > 0 else { return [] }
            // Built by `append` after `reserveCapacity`: both are specialised for `Element`, whereas
            // `Array(repeating:count:)` allocates through a generic runtime path that looks up type
            // metadata on every call, which cost more than the move itself.
            var result: [Element] = []
            result.reserveCapacity(taken)
            let filler = self.filler
            slots.withUnsafeMutableBufferPointer { source in
                guard let origin = source.baseAddress.map({ $0 + start }) else { return }
                for position in 0..<taken {
                    result.append((origin + position).move())
                    (origin + position).initialize(to: filler)
                }
            }
            count = start
            return result
        }
    }
}
