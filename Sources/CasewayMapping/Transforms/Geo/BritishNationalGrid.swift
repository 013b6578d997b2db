import Foundation

/// Converts GPS (WGS84/ETRS89) latitude and longitude to British National Grid easting and northing.
///
/// The datum change is the Ordnance Survey's 7-parameter Helmert transformation, which OS says gives OSGB36 to
/// "up to 3.5 m (95%)". That is enough to put a pothole on a highways map, not to survey a boundary: the exact
/// definition of the grid is ETRS89 + OSTN15 (a 1 km grid of shifts), which we do not ship. Every step follows
/// *A guide to coordinate systems in Great Britain* (Ordnance Survey), sections 6 (Helmert), B1–B2
/// (cartesian ↔ geodetic) and C1 (Transverse Mercator).
public enum BritishNationalGrid {
    /// Latitudes the grid is used for: EPSG:27700's published area of use (49.75° N to 61.01° N).
    public static let latitudeRange: ClosedRange<Double> = 49.75...61.01
    /// Longitudes the grid is used for: EPSG:27700's published area of use (9.01° W to 2.01° E).
    public static let longitudeRange: ClosedRange<Double> = -9.01...2.01

    /// Converts a WGS84/ETRS89 point to National Grid metres, rejecting points that are not in Great Britain.
    ///
    /// `ellipsoidHeight` is the GPS height above the ellipsoid in metres; front offices never send it, and going
    /// from 0 m to 200 m moves the result by less than 5 mm.
    public static func gridCoordinate(
        latitude: Double, longitude: Double, ellipsoidHeight: Double = 0
    ) throws(TransformError) -> GridCoordinate {
        try validate(latitude: latitude, longitude: longitude)
        guard ellipsoidHeight.isFinite else {
            throw TransformError(.notANumber, number: ellipsoidHeight, reason: "is not a finite height", argument: "height")
        }
        let wgs84 = cartesian(
            latitude: latitude * degrees, longitude: longitude * degrees, height: ellipsoidHeight,
            semiMajorAxis: GRS80.semiMajorAxis, eccentricitySquared: GRS80.eccentricitySquared)
        let osgb36 = helmertWGS84ToOSGB36(wgs84)
        let airy = geodetic(osgb36, semiMajorAxis: Airy1830.semiMajorAxis, eccentricitySquared: Airy1830.eccentricitySquared)
        return projectRadians(latitude: airy.latitude, longitude: airy.longitude)
    }

    /// Projects a latitude/longitude already on the Airy 1830 ellipsoid (OSGB36) to the grid: the Transverse
    /// Mercator step alone, with no datum change and no range check.
    public static func project(osgb36Latitude: Double, osgb36Longitude: Double) -> GridCoordinate {
        projectRadians(latitude: osgb36Latitude * degrees, longitude: osgb36Longitude * degrees)
    }

    // MARK: Validation

    private static func validate(latitude: Double, longitude: Double) throws(TransformError) {
        guard latitude.isFinite else {
            throw TransformError(.notANumber, number: latitude, reason: "is not a finite latitude", argument: "latitude")
        }
        guard longitude.isFinite else {
            throw TransformError(.notANumber, number: longitude, reason: "is not a finite longitude", argument: "longitude")
        }
        guard (-90.0...90.0).contains(latitude) else {
            throw TransformError(.outOfRange, number: latitude, reason: "is not a latitude (-90 to 90)", argument: "latitude")
        }
        guard (-180.0...180.0).contains(longitude) else {
            throw TransformError(.outOfRange, number: longitude, reason: "is not a longitude (-180 to 180)", argument: "longitude")
        }
        guard latitudeRange.contains(latitude) else {
            throw TransformError(
                .outsideGreatBritain, number: latitude,
                reason: "is outside Great Britain (the National Grid covers latitudes \(latitudeRange.lowerBound) to \(latitudeRange.upperBound))",
                argument: "latitude")
        }
        guard longitudeRange.contains(longitude) else {
            throw TransformError(
                .outsideGreatBritain, number: longitude,
                reason: "is outside Great Britain (the National Grid covers longitudes \(longitudeRange.lowerBound) to \(longitudeRange.upperBound))",
                argument: "longitude")
        }
    }

    // MARK: Ellipsoids and datum

    private static let degrees = Double.pi / 180
    private static let arcSeconds = Double.pi / (180 * 3600)

    /// GRS80, the ellipsoid of ETRS89; WGS84's differs by 0.1 mm in the semi-minor axis.
    private enum GRS80 {
        static let semiMajorAxis = 6_378_137.000
        static let semiMinorAxis = 6_356_752.314140
        static let eccentricitySquared = eccentricitySquaredOf(semiMajorAxis, semiMinorAxis)
    }

    /// Airy 1830, the ellipsoid of OSGB36.
    private enum Airy1830 {
        static let semiMajorAxis = 6_377_563.396
        static let semiMinorAxis = 6_356_256.909
        static let eccentricitySquared = eccentricitySquaredOf(semiMajorAxis, semiMinorAxis)
        /// n = (a − b) / (a + b), the third flattening the meridional arc series is written in.
        static let n = (semiMajorAxis - semiMinorAxis) / (semiMajorAxis + semiMinorAxis)
    }

    private static func eccentricitySquaredOf(_ a: Double, _ b: Double) -> Double {
        (a * a - b * b) / (a * a)
    }

    /// The National Grid's Transverse Mercator: scale on the central meridian, true origin and false origin.
    private enum Projection {
        static let scaleFactor = 0.9996012717
        static let originLatitude = 49.0 * degrees
        static let originLongitude = -2.0 * degrees
        static let falseEasting = 400_000.0
        static let falseNorthing = -100_000.0
    }

    /// OS Helmert parameters, WGS84 → OSGB36 (tX, tY, tZ in metres, s in ppm, rotations in arc seconds).
    private enum Helmert {
        static let tX = -446.448
        static let tY = 125.157
        static let tZ = -542.060
        static let scale = 20.4894e-6
        static let rX = -0.1502 * arcSeconds
        static let rY = -0.2470 * arcSeconds
        static let rZ = -0.8421 * arcSeconds
    }

    // MARK: Steps

    private static func cartesian(
        latitude: Double, longitude: Double, height: Double, semiMajorAxis a: Double, eccentricitySquared e2: Double
    ) -> SIMD3<Double> {
        let sinLatitude = sin(latitude)
        let cosLatitude = cos(latitude)
        let nu = a / (1 - e2 * sinLatitude * sinLatitude).squareRoot()
        return SIMD3(
            (nu + height) * cosLatitude * cos(longitude),
            (nu + height) * cosLatitude * sin(longitude),
            ((1 - e2) * nu + height) * sinLatitude)
    }

    /// The OS guide's small-angle form: the rotations are not scaled, only the diagonal is (1 + s).
    private static func helmertWGS84ToOSGB36(_ point: SIMD3<Double>) -> SIMD3<Double> {
        let s1 = 1 + Helmert.scale
        let (x, y, z) = (point.x, point.y, point.z)
        return SIMD3(
            Helmert.tX + s1 * x - Helmert.rZ * y + Helmert.rY * z,
            Helmert.tY + Helmert.rZ * x + s1 * y - Helmert.rX * z,
            Helmert.tZ - Helmert.rY * x + Helmert.rX * y + s1 * z)
    }

    /// Cartesian → latitude/longitude by the OS guide's iteration, which converges to 1e-12 rad in 3–4 rounds in
    /// Great Britain; the round limit only bounds the work for points far from it.
    private static func geodetic(
        _ point: SIMD3<Double>, semiMajorAxis a: Double, eccentricitySquared e2: Double
    ) -> (latitude: Double, longitude: Double) {
        let p = (point.x * point.x + point.y * point.y).squareRoot()
        var latitude = atan2(point.z, p * (1 - e2))
        for _ in 0..<10 {
            let sinLatitude = sin(latitude)
            let nu = a / (1 - e2 * sinLatitude * sinLatitude).squareRoot()
            let next = atan2(point.z + e2 * nu * sinLatitude, p)
            let change = abs(next - latitude)
            latitude = next
            if change < 1e-12 { break }
        }
        return (latitude, atan2(point.y, point.x))
    }

    /// The OS guide's Transverse Mercator formulae (C1), on Airy 1830, with latitude and longitude in radians.
    private static func projectRadians(latitude phi: Double, longitude lambda: Double) -> GridCoordinate {
        let a = Airy1830.semiMajorAxis
        let b = Airy1830.semiMinorAxis
        let e2 = Airy1830.eccentricitySquared
        let n = Airy1830.n
        let f0 = Projection.scaleFactor
        let phi0 = Projection.originLatitude

        let sinPhi = sin(phi)
        let cosPhi = cos(phi)
        let tanPhi = sinPhi / cosPhi
        let tan2 = tanPhi * tanPhi
        let tan4 = tan2 * tan2
        let oneMinusE2Sin2 = 1 - e2 * sinPhi * sinPhi
        let nu = a * f0 / oneMinusE2Sin2.squareRoot()
        let rho = a * f0 * (1 - e2) / (oneMinusE2Sin2 * oneMinusE2Sin2.squareRoot())
        let eta2 = nu / rho - 1

        let n2 = n * n
        let n3 = n2 * n
        let dPhi = phi - phi0
        let sPhi = phi + phi0
        let m = b * f0 * (
            (1 + n + 1.25 * n2 + 1.25 * n3) * dPhi
            - (3 * n + 3 * n2 + 2.625 * n3) * sin(dPhi) * cos(sPhi)
            + (1.875 * n2 + 1.875 * n3) * sin(2 * dPhi) * cos(2 * sPhi)
            - (35.0 / 24.0) * n3 * sin(3 * dPhi) * cos(3 * sPhi))

        let cos3 = cosPhi * cosPhi * cosPhi
        let cos5 = cos3 * cosPhi * cosPhi
        let termI = m + Projection.falseNorthing
        let termII = nu / 2 * sinPhi * cosPhi
        let termIII = nu / 24 * sinPhi * cos3 * (5 - tan2 + 9 * eta2)
        let termIIIA = nu / 720 * sinPhi * cos5 * (61 - 58 * tan2 + tan4)
        let termIV = nu * cosPhi
        let termV = nu / 6 * cos3 * (nu / rho - tan2)
        let termVI = nu / 120 * cos5 * (5 - 18 * tan2 + tan4 + 14 * eta2 - 58 * tan2 * eta2)

        let dLambda = lambda - Projection.originLongitude
        let dLambda2 = dLambda * dLambda
        let northing = termI + dLambda2 * (termII + dLambda2 * (termIII + dLambda2 * termIIIA))
        let easting = Projection.falseEasting + dLambda * (termIV + dLambda2 * (termV + dLambda2 * termVI))
        return GridCoordinate(easting: easting, northing: northing)
    }
}
