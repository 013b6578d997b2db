// Only the declaration in include/CLibFuzzer.h matters; SwiftPM needs one source file to make a C target.
// The definition comes from compiler-rt's libFuzzer, linked by `-sanitize=fuzzer` (fuzz builds only).
#include "CLibFuzzer.h"
