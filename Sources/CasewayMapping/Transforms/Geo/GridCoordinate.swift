/// A point on the Ordnance Survey National Grid (OSGB36, EPSG:27700), in metres from the grid's false origin.
public struct GridCoordinate: Sendable, Hashable, CustomStringConvertible {
    /// Metres east of the false origin.
    public var easting: Double
    /// Metres north of the false origin.
    public var northing: Double

    /// A point from its easting and northing in metres.
    public init(easting: Double, northing: Double) {
        self.easting = easting
        self.northing = northing
    }

    public var description: String { "E \(easting) N \(northing)" }
}
