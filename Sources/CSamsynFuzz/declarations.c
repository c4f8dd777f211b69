// CSamsynFuzz only declares libFuzzer's driver (include/CSamsynFuzz.h); a C
// target needs one source file.
#include "CSamsynFuzz.h"
