// The system's mimalloc (Debian: libmimalloc-dev). Linked into the samsyn
// program, it takes the place of the C library's malloc and free for the
// whole process: Swift's own allocations, libyaml's and Foundation's.
#include <mimalloc.h>
