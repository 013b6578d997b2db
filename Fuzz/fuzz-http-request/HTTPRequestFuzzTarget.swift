@_spi(Fuzzing) import CasewayHTTP
import CasewayFuzzing

/// The request parser, fed one byte stream twice: whole, and split into pieces chosen by the input.
///
/// Input: byte 0 chooses the split (0: one byte at a time; otherwise the seed of pieces of 1 to 32
/// bytes), the rest is what a client sends on one connection. Besides never trapping, the parser must read
/// the same heads, bodies and error from both deliveries: TCP may split a request anywhere.
@main
enum HTTPRequestFuzzTarget: FuzzTarget {
    /// Small limits, so that inputs of a few KiB reach every limit check.
    static func read(_ bytes: [UInt8], pieceSizes: [Int]) -> RequestParserTranscript {
        RequestParserTranscript(
            reading: bytes, pieceSizes: pieceSizes, bodyLimit: 1024, maxHeadSize: 1024, maxHeaderCount: 16, maxChunkLineSize: 64)
    }

    static func fuzz(_ input: UnsafeRawBufferPointer) {
        guard let seed = input.first else { return }
        let bytes = Array(input.dropFirst())
        var random = SplitMix(seed: UInt64(seed))
        let pieceSizes = seed == 0 ? [1] : (0..<64).map { _ in Int.random(in: 1...32, using: &random) }
        let whole = read(bytes, pieceSizes: [bytes.count])
        let split = read(bytes, pieceSizes: pieceSizes)
        FuzzCheck.require(whole.events == split.events, "whole: \(whole.events)\nsplit: \(split.events)")
        FuzzCheck.require((whole.error == nil) == (split.error == nil), "whole: \(String(describing: whole.error))\nsplit: \(String(describing: split.error))")
        // The one legitimate difference: a piece can reach a size limit before the byte that is wrong
        // in it arrives (too large first, then a bare LF), so a size limit may stand in for another error.
        if let wholeError = whole.error, let splitError = split.error,
            wholeError != .headerSectionTooLarge, splitError != .headerSectionTooLarge
        {
            FuzzCheck.require(wholeError == splitError, "whole: \(wholeError)\nsplit: \(splitError)")
        }
    }
}
