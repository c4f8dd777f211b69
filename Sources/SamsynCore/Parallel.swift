import Foundation
import Synchronization

/// Work spread over every core, with results in the order of the input: the
/// output is the same as a loop's, whichever thread finished first.
enum Parallel {
    static func map<T: Sendable, R>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        map(count: items.count) { body(items[$0]) }
    }

    /// `body` of every index below `count`, in the order of the indices.
    static func map<R>(count: Int, _ body: @Sendable (Int) -> R) -> [R] {
        let results = Slots<R>(count: count)
        // Runs of indices, not single ones, so that two cores do not keep
        // writing results into the same cache line — but short ones when the
        // items are few (five content folders must still go to both cores).
        let workers = ProcessInfo.processInfo.activeProcessorCount
        forEach(count: count, run: min(16, max(1, count / (workers * 16)))) { index in
            results.store(body(index), at: index)
        }
        return results.values()
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
        let a = Slots<A>(count: 1), b = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.store(first(), at: 0) } else { b.store(second(), at: 0) }
        }
        return (a.values()[0], b.values()[0])
    }

    /// One slot per result; each index is written by exactly one thread, and
    /// read only after `concurrentPerform` has returned. The results are
    /// moved out, not copied: a copy of each parsed file or record, and its
    /// release with the slots, was measurable on every build and save.
    private final class Slots<R>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<R>
        private let count: Int

        init(count: Int) {
            self.count = count
            base = .allocate(capacity: count)
        }

        func store(_ value: R, at index: Int) {
            (base + index).initialize(to: value)
        }

        /// Every result, in order; called once, after every index was stored.
        func values() -> [R] {
            Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                buffer.baseAddress!.moveInitialize(from: base, count: count)
                initialized = count
            }
        }

        deinit { base.deallocate() }
    }
}
