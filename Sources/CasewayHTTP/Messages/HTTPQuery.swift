/// The query string of a request target, split into decoded `name=value` items in order.
public struct HTTPQuery: Sendable, Hashable {
    /// One `name=value` pair; a bare `name` has an empty value.
    public struct Item: Sendable, Hashable {
        public var name: String
        public var value: String

        /// Makes an item.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Every item in the order it appeared.
    public var items: [Item]

    /// Makes a query from items.
    public init(items: [Item] = []) {
        self.items = items
    }

    /// Parses `a=1&b=two%20words&c`, decoding `%XX` and `+`; an item that does not decode is kept as written.
    public init(parsing query: Substring) {
        var items: [Item] = []
        for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: Substring.UTF8View.SubSequence
            let value: Substring.UTF8View.SubSequence
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                name = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                name = pair
                value = pair[pair.endIndex...]
            }
            items.append(Item(
                name: PercentDecoding.decode(name, plusAsSpace: true) ?? String(decoding: name, as: UTF8.self),
                value: PercentDecoding.decode(value, plusAsSpace: true) ?? String(decoding: value, as: UTF8.self)
            ))
        }
        self.items = items
    }

    /// The first value for `name`, nil when absent.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value for `name`, in order.
    public func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// Whether there are no items.
    public var isEmpty: Bool { items.isEmpty }
}
