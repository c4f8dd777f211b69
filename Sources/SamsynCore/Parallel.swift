import Foundation

/// Work spread over every core, with results in the order of the input: the
/// output is the same as a loop's, whichever thread finished first.
enum Parallel {
    static func map<T: Sendable, R>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        guard workers > 1 else { return items.map(body) }
        let results = Slots<R>(count: items.count)
        // Interleaved indices keep the workers evenly loaded when item sizes vary.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < items.count {
                results.store(body(items[index]), at: index)
                index += workers
            }
        }
        return results.values()
    }

    /// One slot per result; each index is written by exactly one thread, and
    /// read only after `concurrentPerform` has returned.
    private final class Slots<R>: @unchecked Sendable {
        private var slots: [R?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ value: R, at index: Int) {
            slots.withUnsafeMutableBufferPointer { $0[index] = value }
        }

        func values() -> [R] { slots.map { $0! } }
    }
}
