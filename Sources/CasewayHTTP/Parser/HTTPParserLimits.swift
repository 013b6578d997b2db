/// The size limits the request parser enforces while reading.
struct HTTPParserLimits: Sendable {
    /// Request line plus header section, in bytes; beyond it, 431.
    var maxHeadSize: Int
    /// Header (and trailer) field lines; beyond it, 431.
    var maxHeaderCount: Int
    /// One chunk-size line with its extensions; beyond it, 400.
    var maxChunkLineSize = 4096
}
