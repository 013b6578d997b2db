#if CASEWAY_FUZZING
import CLibFuzzer
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fuzz target: one input in; it returns normally or traps (through `FuzzCheck`) on a broken invariant.
///
/// Mark the conforming type `@main`. Built with `-D CASEWAY_FUZZING` (scripts/fuzz.sh) it runs libFuzzer;
/// otherwise it replays a corpus, so normal builds compile every target and CI can replay the seeds.
public protocol FuzzTarget {
    /// Runs one input. Called millions of times: keep expensive setup in `static let`s.
    static func fuzz(_ input: UnsafeRawBufferPointer)
}

extension FuzzTarget {
    /// The program's entry point: libFuzzer's driver in fuzz builds, a corpus replay otherwise.
    public static func main() {
        #if CASEWAY_FUZZING
        FuzzEntry.target = fuzz
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
        #else
        exit(CorpusReplay(arguments: Array(CommandLine.arguments.dropFirst())).run(fuzz))
        #endif
    }
}
