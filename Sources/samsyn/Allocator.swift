#if canImport(CMimalloc)
import CMimalloc
import Foundation  // malloc and free, on glibc or musl alike
#endif

/// Which memory allocator the process runs on, for `--verbose`.
///
/// On Linux the program links the system's mimalloc where it is installed
/// (see Package.swift), and mimalloc then serves every malloc and free in
/// the process: the dynamic linker finds its `malloc` before the C
/// library's. Reading a large project allocates and frees millions of small
/// blocks — libyaml alone allocates for every token and event — and glibc's
/// allocator spent about a sixth of a build's processor time on them
/// (docs/performance.md, change 79). Naming the version here also keeps the
/// link: a linker that drops unused libraries would otherwise drop
/// mimalloc, whose functions Samsyn never calls by name.
enum Allocator {
    /// For a one-shot command (build, check, export): memory freed during the run
    /// stays the process's, to be used again, instead of going back to the
    /// system. mimalloc gives freed pages back ("decommits" them) after a
    /// short delay, and a national build frees and allocates hundreds of
    /// MiB phase after phase, so each page given back was soon faulted in
    /// again: some 30 000–60 000 page faults of 170 000–200 000 at 100 000
    /// records, up to 8 % of the build's wall time when page faults are
    /// slow (docs/performance.md, change 88), for some 40 MiB more at the
    /// peak. `serve`, which runs for hours, keeps the default and gives
    /// memory back while it waits.
    static func keepFreedPages() {
        #if canImport(CMimalloc)
        mi_option_disable(mi_option_allow_decommit)
        #endif
    }

    static var description: String {
        #if canImport(CMimalloc)
        let version = Int(mi_version())
        let name = "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        // Linking is not the same as serving: the dynamic linker decides whose
        // malloc the process calls, so ask where a block from plain malloc lies.
        guard let block = malloc(16) else { return name }
        defer { free(block) }
        return mi_is_in_heap_region(block) ? name : name + " (linked, but malloc is not mimalloc's)"
        #else
        return "the system's malloc"
        #endif
    }
}
