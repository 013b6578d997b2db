/// Gathers compiled fields in order and merges the parent elements they share (`location/usrn` and
/// `location/placename` go into one `location`), then freezes them into `OutputNode`s.
final class OutputTreeBuilder {
    private enum Entry {
        case element(OutputName, OutputTreeBuilder)
        case node(OutputNode)
    }

    private var entries: [Entry] = []

    /// The builder for the element at `path` below this one, made on first use.
    func child(at path: [OutputName]) -> OutputTreeBuilder {
        guard let first = path.first else { return self }
        for entry in entries.reversed() {
            if case .element(let name, let builder) = entry, name.localName == first.localName, name.prefix == first.prefix {
                return builder.child(at: Array(path.dropFirst()))
            }
        }
        let builder = OutputTreeBuilder()
        entries.append(.element(first, builder))
        return builder.child(at: Array(path.dropFirst()))
    }

    func append(_ node: OutputNode, at path: [OutputName]) {
        child(at: path).entries.append(.node(node))
    }

    func build() -> [OutputNode] {
        entries.map { entry in
            switch entry {
            case .element(let name, let builder): .element(name, builder.build())
            case .node(let node): node
            }
        }
    }
}
