import Foundation
import Synchronization

/// Work spread over every core, with results in the order of the input: the
/// output is the same as a loop's, whichever thread finished first.
///
/// A call made inside the work of another runs on its own thread only:
/// Dispatch gives a nested loop the cores divided by the outer loop's
/// iterations, which on two cores is one. Work that should share the cores
/// is handed out at one level (see `RenderInput.computing`).
enum Parallel {
    static func map<T: Sendable, R>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        map(count: items.count) { body(items[$0]) }
    }

    /// `body` of every index below `count`, in the order of the indices.
    static func map<R>(count: Int, _ body: @Sendable (Int) -> R) -> [R] {
        // Each result is stored straight into the array returned, in its
        // place: gathering them from slots of their own moved every result
        // once more (33 MB of loaded files at 100 000 records, on one core).
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let start = buffer.baseAddress else { return }
            let results = Slots(start)
            // Runs of indices, not single ones, so that two cores do not keep
            // writing results into the same cache line — but short ones when the
            // items are few (five content folders must still go to both cores).
            let workers = ProcessInfo.processInfo.activeProcessorCount
            forEach(count: count, run: min(16, max(1, count / (workers * 16)))) { index in
                results.store(body(index), at: index)
            }
            initialized = count
        }
    }

    /// Calls `body` once for every index below `count`, on every core. Runs
    /// of `run` indices are handed out one at a time to whichever worker is
    /// free, in order: a worker that meets heavy items (a large page, a
    /// descheduled thread) takes fewer runs, instead of leaving the other
    /// core idle at the end while it finishes a fixed share.
    static func forEach(count: Int, run: Int = 1, _ body: @Sendable (Int) -> Void) {
        let run = max(1, run)
        let runs = (count + run - 1) / run
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, runs)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let nextRun = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let taken = nextRun.wrappingAdd(1, ordering: .relaxed).oldValue
                guard taken < runs else { return }
                for index in taken * run ..< min(taken * run + run, count) { body(index) }
            }
        }
    }

    /// Two independent computations, one per core; the same results as
    /// computing them one after the other.
    static func both<A, B>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let a = UnsafeMutablePointer<A>.allocate(capacity: 1), b = UnsafeMutablePointer<B>.allocate(capacity: 1)
        defer { a.deallocate(); b.deallocate() }
        let (toA, toB) = (Slots(a), Slots(b))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { toA.store(first(), at: 0) } else { toB.store(second(), at: 0) }
        }
        return (a.move(), b.move())
    }

    /// Where the results go: each index is written by exactly one thread,
    /// and read only after `concurrentPerform` has returned. The results are
    /// moved, never copied: a copy of each parsed file or record, and its
    /// release, was measurable on every build and save.
    private struct Slots<R>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<R>

        init(_ base: UnsafeMutablePointer<R>) { self.base = base }

        func store(_ value: consuming R, at index: Int) {
            (base + index).initialize(to: value)
        }
    }
}
