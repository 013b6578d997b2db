extension BidirectionalCollection where Element == UInt8 {
    /// The bytes without leading and trailing optional whitespace (SP / HTAB, RFC 9110 §5.6.3).
    func trimmingOWS() -> SubSequence {
        var slice = self[...]
        while let first = slice.first, ASCII.isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, ASCII.isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }
}
