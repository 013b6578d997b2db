import Testing
@testable import CasewayMapping

struct BritishNationalGridTests {
    /// OS, "A guide to coordinate systems in Great Britain", worked example: Airy 1830 latitude/longitude to grid.
    @Test func projectionReproducesTheOSWorkedExampleToTheMillimetre() {
        let grid = BritishNationalGrid.project(osgb36Latitude: 52.657570306, osgb36Longitude: 1.717921583)
        #expect(abs(grid.easting - 651_409.903) < 0.001)
        #expect(abs(grid.northing - 313_177.270) < 0.001)
    }

    struct Station: Sendable, CustomTestStringConvertible {
        let name: String
        let latitude: Double
        let longitude: Double
        let height: Double
        /// OSTN15 test output: the grid's definition.
        let ostn15: GridCoordinate
        /// Helmert-only result computed for the fixtures with the same method, to catch a regression of centimetres.
        let helmert: GridCoordinate
        var testDescription: String { name }
    }

    /// OSTN15/OSGM15 developer pack test stations (ETRS89 in, OSGB36 out), quoted in fixtures/backoffice/control-points.md.
    static let stations = [
        Station(name: "TP09 London", latitude: 51.48936564950, longitude: -0.11992557180, height: 66.057,
                ostn15: GridCoordinate(easting: 530_624.974, northing: 178_388.464),
                helmert: GridCoordinate(easting: 530_626.703, northing: 178_388.627)),
        Station(name: "TP08 Bristol", latitude: 51.42754743020, longitude: -2.54407618349, height: 104.018,
                ostn15: GridCoordinate(easting: 362_269.991, northing: 169_978.690),
                helmert: GridCoordinate(easting: 362_269.943, northing: 169_978.469)),
        Station(name: "TP15 Nottingham", latitude: 52.96219109410, longitude: -1.19747655922, height: 93.825,
                ostn15: GridCoordinate(easting: 454_002.834, northing: 340_834.943),
                helmert: GridCoordinate(easting: 454_003.013, northing: 340_837.194)),
        Station(name: "TP25 Newcastle", latitude: 54.97912273660, longitude: -1.61657685184, height: 125.878,
                ostn15: GridCoordinate(easting: 424_639.355, northing: 565_012.703),
                helmert: GridCoordinate(easting: 424_638.466, northing: 565_013.456)),
    ]

    @Test(arguments: stations)
    func helmertConversionIsWithinFiveMetresOfOSTN15(_ station: Station) throws {
        let grid = try BritishNationalGrid.gridCoordinate(
            latitude: station.latitude, longitude: station.longitude, ellipsoidHeight: station.height)
        let error = ((grid.easting - station.ostn15.easting) * (grid.easting - station.ostn15.easting)
            + (grid.northing - station.ostn15.northing) * (grid.northing - station.ostn15.northing)).squareRoot()
        #expect(error < 5, "\(station.name): \(grid) is \(error) m from OSTN15")
        #expect(abs(grid.easting - station.helmert.easting) < 0.01)
        #expect(abs(grid.northing - station.helmert.northing) < 0.01)
    }

    @Test func heightBarelyMovesTheResult() throws {
        let station = Self.stations[0]
        let atSeaLevel = try BritishNationalGrid.gridCoordinate(latitude: station.latitude, longitude: station.longitude)
        let raised = try BritishNationalGrid.gridCoordinate(
            latitude: station.latitude, longitude: station.longitude, ellipsoidHeight: 200)
        #expect(abs(atSeaLevel.easting - raised.easting) < 0.005)
        #expect(abs(atSeaLevel.northing - raised.northing) < 0.005)
    }

    /// The fixtures' pothole (invented point in the Midlands); highways-enquiry.xml carries 462391 / 279798.
    @Test func fixturePotholeLandsInTheMidlands() throws {
        let grid = try BritishNationalGrid.gridCoordinate(latitude: 52.41263, longitude: -1.08417)
        #expect(abs(grid.easting - 462_391) < 1)
        #expect(abs(grid.northing - 279_798) < 1)
    }

    @Test func pointOutsideGreatBritainNamesTheLatitude() {
        let error = #expect(throws: TransformError.self) {
            try BritishNationalGrid.gridCoordinate(latitude: 10.0, longitude: -1.08417)
        }
        #expect(error?.kind == .outsideGreatBritain)
        #expect(error?.argument == "latitude")
        #expect(error?.description == "10.0 is outside Great Britain (the National Grid covers latitudes 49.75 to 61.01)")
    }

    @Test func pointEastOfTheGridNamesTheLongitude() {
        let error = #expect(throws: TransformError.self) {
            try BritishNationalGrid.gridCoordinate(latitude: 52.0, longitude: 4.9)
        }
        #expect(error?.kind == .outsideGreatBritain)
        #expect(error?.argument == "longitude")
    }

    @Test func impossibleCoordinatesAreOutOfRange() {
        let latitude = #expect(throws: TransformError.self) {
            try BritishNationalGrid.gridCoordinate(latitude: 91, longitude: 0)
        }
        #expect(latitude?.kind == .outOfRange)
        #expect(latitude?.description == "91.0 is not a latitude (-90 to 90)")
        let longitude = #expect(throws: TransformError.self) {
            try BritishNationalGrid.gridCoordinate(latitude: 52, longitude: -181)
        }
        #expect(longitude?.kind == .outOfRange)
        #expect(longitude?.argument == "longitude")
    }

    @Test func nonFiniteInputIsNotANumber() {
        let error = #expect(throws: TransformError.self) {
            try BritishNationalGrid.gridCoordinate(latitude: .nan, longitude: 0)
        }
        #expect(error?.kind == .notANumber)
    }

    @Test func cornersOfTheAreaOfUseConvert() throws {
        // Scilly, Shetland and the Norfolk coast: the grid's extremes must not be refused.
        _ = try BritishNationalGrid.gridCoordinate(latitude: 49.9, longitude: -6.3)
        _ = try BritishNationalGrid.gridCoordinate(latitude: 60.8, longitude: -0.8)
        _ = try BritishNationalGrid.gridCoordinate(latitude: 52.5, longitude: 1.75)
    }
}
