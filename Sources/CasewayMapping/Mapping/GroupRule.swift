/// A repeating group: one item element (or array entry) per input array item or node.
struct GroupRule: Sendable {
    var target: String
    /// The container written once (`documents`); nil writes the items straight into the enclosing element.
    var name: OutputName?
    /// The element each item gets (`URL`), or nil when the children are written into the container.
    var item: OutputName?
    var forEach: ValueSource
    var when: MappingCondition?
    var children: [OutputNode]
}
