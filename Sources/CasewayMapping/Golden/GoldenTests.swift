import Foundation

/// Finds and runs the golden tests in a mapping's `<name>.tests/` folder.
public enum GoldenTests {
    /// The cases in `directory`, by name; inputs without an expectation are failures too.
    public static func cases(in directory: URL) -> (cases: [GoldenCase], failures: [GoldenFailure]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return ([], []) }
        var cases: [GoldenCase] = []
        var failures: [GoldenFailure] = []
        let fileNames = Set(names)
        for name in names.sorted() {
            guard let range = name.range(of: ".input.") else { continue }
            let caseName = String(name[..<range.lowerBound])
            let input = directory.appendingPathComponent(name)
            if fileNames.contains(caseName + ".expected-errors.txt") {
                cases.append(GoldenCase(name: caseName, input: input, expected: directory.appendingPathComponent(caseName + ".expected-errors.txt"), expectsErrors: true))
                continue
            }
            if let expected = fileNames.sorted().first(where: { $0.hasPrefix(caseName + ".expected.") }) {
                cases.append(GoldenCase(name: caseName, input: input, expected: directory.appendingPathComponent(expected), expectsErrors: false))
            } else {
                failures.append(GoldenFailure(
                    file: input.path, caseName: caseName,
                    message: "has no \(caseName).expected.<json|xml|csv> or \(caseName).expected-errors.txt beside it"))
            }
        }
        return (cases, failures)
    }

    /// Runs every case in `directory` through `mapping`; the failures, with `displayDirectory` in file names.
    public static func run(_ mapping: Mapping, directory: URL, displayDirectory: String) -> (passed: Int, failures: [GoldenFailure]) {
        let (cases, missing) = cases(in: directory)
        var failures = missing.map { failure in
            var shown = failure
            shown.file = (displayDirectory as NSString).appendingPathComponent((failure.file as NSString).lastPathComponent)
            return shown
        }
        var passed = 0
        for testCase in cases {
            let display = (displayDirectory as NSString).appendingPathComponent(testCase.expected.lastPathComponent)
            if let message = check(testCase, mapping: mapping) {
                failures.append(GoldenFailure(file: display, caseName: testCase.name, message: message))
            } else {
                passed += 1
            }
        }
        return (passed, failures)
    }

    /// Nil when the case passes, else what differs.
    public static func check(_ testCase: GoldenCase, mapping: Mapping) -> String? {
        guard let input = try? Data(contentsOf: testCase.input) else { return "cannot read \(testCase.input.lastPathComponent)" }
        guard let expectedData = try? Data(contentsOf: testCase.expected) else { return "cannot read \(testCase.expected.lastPathComponent)" }
        let expected = String(decoding: expectedData, as: UTF8.self)
        let actual: String
        let failed: Bool
        do throws(MappingFailure) {
            actual = String(decoding: try mapping.run(Array(input), variables: variables(for: testCase)), as: UTF8.self)
            failed = false
        } catch {
            actual = error.description + "\n"
            failed = true
        }
        if testCase.expectsErrors {
            guard failed else { return "expected the run to fail, but it wrote:\n" + actual }
            return TextDiff.lines(expected: normalisedLines(expected), actual: normalisedLines(actual)).map {
                "the problems differ (- expected, + actual):\n" + $0
            }
        }
        if failed { return "the run failed:\n" + actual }
        return TextDiff.lines(expected: expected, actual: actual).map { "the output differs (- expected, + actual):\n" + $0 }
    }

    /// The hub's values for the case (`case_id`...), from `<case>.variables.json` when present.
    public static func variables(for testCase: GoldenCase) -> [String: String] {
        let url = testCase.input.deletingLastPathComponent().appendingPathComponent(testCase.name + ".variables.json")
        guard let data = try? Data(contentsOf: url), let value = try? JSONValue(parsing: Array(data)),
            case .object(let object) = value
        else { return [:] }
        var variables: [String: String] = [:]
        for member in object.members { variables[member.key] = MappingValue(member.value).text }
        return variables
    }

    private static func normalisedLines(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
