import CasewayMapping
import Foundation

/// `caseway-bench mapping`: the reference mapping (Mappings/work-order-*.json5) over an NDJSON stream of
/// requests, in process, on one thread; JSON → JSON and JSON → XML, in documents per second.
enum MappingBenchmark {
    static let usage = """
        usage: caseway-bench mapping [--input FILE.ndjson] [--seconds N] [--mappings DIR] [--output DIR] [--case NAME]
          --input    one JSON request a line (default: the reference sample, repeated)
          --seconds  time per case (default 5)
          --mappings where work-order-json.json5 and work-order-xml.json5 are (default: Mappings)
          --case     only json_parse_only, json_to_json or json_to_xml
          --output   write all.ndjson and all.xml (one <workOrders>) there, for peers.sh check-output
        """

    /// Runs the benchmark from the command line's arguments (after `mapping`); the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        let options: BenchOptions
        let seconds: Int
        do {
            options = try BenchOptions(parsing: arguments[...], allowed: ["input", "seconds", "mappings", "output", "case"])
            seconds = try options.positiveInteger("seconds", default: 5)
        } catch {
            FileHandle.standardError.write(Data("caseway-bench: \(error.message)\n\(usage)\n".utf8))
            return 2
        }
        let mappings = URL(fileURLWithPath: options["mappings"] ?? "Mappings")
        let documents: [[UInt8]]
        if let input = options["input"] {
            guard let data = FileManager.default.contents(atPath: input) else {
                FileHandle.standardError.write(Data("caseway-bench: cannot read \(input)\n".utf8))
                return 1
            }
            documents = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { Array($0) }
        } else {
            guard let sample = FileManager.default.contents(atPath: mappings.appendingPathComponent("work-order-json.tests/sample.input.json").path) else {
                FileHandle.standardError.write(Data("caseway-bench: no --input and no sample in \(mappings.path)\n".utf8))
                return 1
            }
            documents = [Array(sample)]
        }
        do {
            let only = options["case"]
            if only == nil || only == "json_parse_only" {
                print("mapping json_parse_only \(Int(try measureParse(documents: documents, seconds: seconds))) docs/s")
            }
            for (name, file) in [("json_to_json", "work-order-json.json5"), ("json_to_xml", "work-order-xml.json5")]
            where only == nil || only == name {
                let mapping = try Mapping(contentsOf: mappings.appendingPathComponent(file))
                if let output = options["output"] {
                    try writeOutputs(mapping, documents: documents, directory: output)
                }
                let rate = try measure(mapping, documents: documents, seconds: seconds)
                print("mapping \(name) \(Int(rate)) docs/s")
            }
        } catch {
            FileHandle.standardError.write(Data("caseway-bench: \(error)\n".utf8))
            return 1
        }
        return 0
    }

    /// Documents per second over `documents`, round and round, for `seconds`.
    private static func measure(_ mapping: Mapping, documents: [[UInt8]], seconds: Int) throws -> Double {
        let clock = ContinuousClock()
        // Warm up: caches, allocator, libxml2's dictionaries.
        for document in documents.prefix(1000) { _ = try mapping.run(document) }
        let deadline = clock.now + .seconds(seconds)
        let start = clock.now
        var count = 0
        var bytes = 0
        while clock.now < deadline {
            for document in documents {
                bytes &+= try mapping.run(document).count
            }
            count += documents.count
        }
        let elapsed = clock.now - start
        let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Keeps the outputs from being optimised away.
        if bytes == 0 { print("no output") }
        return Double(count) / total
    }

    /// Documents per second through the JSON parser alone: the floor under JSON-in mappings.
    private static func measureParse(documents: [[UInt8]], seconds: Int) throws -> Double {
        let clock = ContinuousClock()
        let parser = JSONParser(dialect: .json, maxDepth: 64, recordLocations: false)
        let deadline = clock.now + .seconds(seconds)
        let start = clock.now
        var count = 0
        while clock.now < deadline {
            for document in documents { _ = try parser.parse(document) }
            count += documents.count
        }
        let elapsed = clock.now - start
        return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// One pass, written where `peers.sh check-output` can compare it with the expected outputs.
    private static func writeOutputs(_ mapping: Mapping, documents: [[UInt8]], directory: String) throws {
        var all: [UInt8] = []
        let isXML = mapping.output == .xml
        if isXML { all += Array("<workOrders>".utf8) }
        for document in documents {
            var output = try mapping.run(document)
            if isXML, output.starts(with: Array("<?xml".utf8)), let end = output.firstIndex(of: UInt8(ascii: "\n")) {
                output.removeSubrange(...end)
            }
            all += output
            if !isXML { all.append(UInt8(ascii: "\n")) }
        }
        if isXML { all += Array("</workOrders>\n".utf8) }
        let url = URL(fileURLWithPath: directory).appendingPathComponent(isXML ? "all.xml" : "all.ndjson")
        try Data(all).write(to: url)
    }
}
