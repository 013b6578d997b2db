/// The running target's entry, for libFuzzer's C callback, which cannot capture a generic `Self`.
enum FuzzEntry {
    // Written once by `FuzzTarget.main` before libFuzzer starts, then only read, on libFuzzer's one
    // thread: no data race is possible, so the unchecked access is sound.
    nonisolated(unsafe) static var target: (UnsafeRawBufferPointer) -> Void = { _ in }
}

#if CASEWAY_FUZZING
/// libFuzzer's per-input callback. It is also referenced by libFuzzer's own (unused) main, which
/// `-sanitize=fuzzer` links whole, so it must exist under exactly this name.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntry.target(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#endif
