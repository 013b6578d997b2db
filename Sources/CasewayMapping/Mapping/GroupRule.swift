/// A repeating group: one item element (or array entry) per input array item or node.
final class GroupRule: Sendable {
    let target: String
    /// The container written once (`documents`); nil writes the items straight into the enclosing element.
    let name: OutputName?
    /// The element each item gets (`URL`), or nil when the children are written into the container.
    let item: OutputName?
    let forEach: ValueSource
    let when: MappingCondition?
    let children: [OutputNode]

    init(target: String, name: OutputName?, item: OutputName?, forEach: ValueSource, when: MappingCondition?, children: [OutputNode]) {
        self.target = target
        self.name = name
        self.item = item
        self.forEach = forEach
        self.when = when
        self.children = children
    }
}
