// The system's xxHash (Debian: libxxhash-dev): XXH3, a fast 64-bit hash of a
// page's bytes, kept in the stamps file beside the site (see PageStamps.swift).
#include <xxhash.h>
