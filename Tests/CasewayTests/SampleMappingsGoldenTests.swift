import CasewayMapping
import Foundation
import Testing

/// The repository's own Mappings/: every sample compiles and passes the golden tests beside it.
struct SampleMappingsGoldenTests {
    /// Mappings/ in this checkout, found from this file's path (Tests/CasewayTests/...).
    static let mappingsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Mappings")

    static var mappingFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: mappingsDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".json5") }.sorted().map { mappingsDirectory.appendingPathComponent($0) }
    }

    @Test func theSamplesAreThere() {
        let names = Set(Self.mappingFiles.map { $0.deletingPathExtension().lastPathComponent })
        #expect(names.isSuperset(of: [
            "highways-enquiry", "highways-enquiry-soap", "waste-csv", "county-partner-json", "crm-native-json",
            "work-order-json", "work-order-xml", "open311-update",
        ]))
    }

    @Test(arguments: mappingFiles)
    func mappingPassesItsGoldenTests(_ file: URL) throws {
        let mapping = try Mapping(contentsOf: file, displayPath: "Mappings/" + file.lastPathComponent)
        let tests = Self.mappingsDirectory.appendingPathComponent(mapping.name + ".tests")
        let result = GoldenTests.run(mapping, directory: tests, displayDirectory: "Mappings/\(mapping.name).tests")
        #expect(result.passed > 0, "\(mapping.name) has no golden tests in \(tests.path)")
        for failure in result.failures {
            Issue.record("\(failure)")
        }
    }
}
