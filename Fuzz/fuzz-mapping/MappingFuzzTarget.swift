import CasewayFuzzing
@_spi(Fuzzing) import CasewayMapping
import Foundation

/// The mapping engine over hostile input: every sample mapping of `Mappings/` run on arbitrary bytes.
/// Whatever the input, a run returns output or field errors, never a trap, within bounded memory; and the
/// fast path (JSON read onto a tape) gives exactly what the tree parser gives.
///
/// Input: byte 0 chooses the mapping (its index, modulo the number of mappings, in name order); the rest
/// is the document handed to it (JSON or XML, as that mapping reads).
@main
enum MappingFuzzTarget: FuzzTarget {
    /// The repository's sample mappings, compiled once. The fuzzer runs from a checkout, so they are read
    /// from beside this file rather than copied into it, and stay the mappings integrators actually edit.
    static let mappings: [Mapping] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Mappings")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json5") }.sorted().compactMap { name in
            try? Mapping(contentsOf: folder.appendingPathComponent(name))
        }
    }()

    static func fuzz(_ input: UnsafeRawBufferPointer) {
        FuzzCheck.require(!mappings.isEmpty, "no sample mapping in Mappings/ compiles")
        guard let selector = input.first, !mappings.isEmpty else { return }
        let mapping = mappings[Int(selector) % mappings.count]
        let document = UnsafeRawBufferPointer(rebasing: input.dropFirst())
        var slow = mapping
        slow.allowsFastPaths = false
        let fast = outcome(of: mapping, document)
        let tree = outcome(of: slow, document)
        FuzzCheck.require(
            fast.output == tree.output && fast.problems == tree.problems, "the fast paths and the tree parser with libxml2 disagree")
    }

    /// The output, or the problems (at least one) as text.
    private static func outcome(of mapping: Mapping, _ document: UnsafeRawBufferPointer) -> (output: [UInt8], problems: [String]) {
        do throws(MappingFailure) {
            return (try mapping.run(document, variables: ["case_id": "019ab4f2-6c1e-7a3b-9d2c-5e8f1a2b3c4d"]), [])
        } catch {
            FuzzCheck.require(!error.problems.isEmpty, "a failed run named no problem")
            return ([], error.problems.map(\.description))
        }
    }
}
