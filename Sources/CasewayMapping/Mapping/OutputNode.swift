/// The compiled shape of the output: fields in order, with shared parent elements merged into one.
indirect enum OutputNode: Sendable {
    /// An element (JSON: an object member) that fields share, such as `location` in `location/placename`.
    case element(OutputName, [OutputNode])
    case field(FieldRule)
    case group(GroupRule)
}
