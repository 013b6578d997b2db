#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry for programs that have their own main (compiler-rt FuzzerInterface.h). SwiftPM links
// every executable with `--defsym main=<target>_main`, so libFuzzer's own main never runs: the Swift
// `@main` of a fuzz target calls this instead (Fuzz/Support/FuzzTarget.swift).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
