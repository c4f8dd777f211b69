#ifndef CSAMSYNFUZZ_H
#define CSAMSYNFUZZ_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (the body of its main), exported by the libFuzzer
/// runtime that -sanitize=fuzzer links. SamsynFuzz calls it from its Swift
/// entry point, so it needs no main of libFuzzer's; only scripts/fuzz links
/// it, an ordinary build never refers to it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
