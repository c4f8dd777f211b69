#if canImport(CMimalloc)
import CMimalloc
#endif

/// Which memory allocator the process runs on, for `--verbose`.
///
/// On Linux the program links the system's mimalloc, which then serves every
/// malloc and free in the process (the dynamic linker finds its `malloc`
/// before the C library's). Reading a large project allocates and frees
/// millions of small blocks — libyaml alone allocates for every token and
/// event — and glibc's allocator spent about a sixth of a build's processor
/// time on them (docs/performance.md, change 79). Naming the version here
/// also keeps the link: a linker that drops unused libraries would otherwise
/// drop mimalloc, whose functions Samsyn never calls by name.
enum Allocator {
    static var description: String {
        #if canImport(CMimalloc)
        let version = Int(mi_version())
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        #else
        return "the system's malloc"
        #endif
    }
}
