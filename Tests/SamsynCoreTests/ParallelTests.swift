import Synchronization
import Testing
@testable import SamsynCore

/// Work handed out to whichever core is free must still be done exactly once
/// per item, and come back in the order of the input.
@Suite struct ParallelTests {
    @Test("every index is handed out exactly once", arguments: [(0, 1), (1, 1), (2, 1), (5, 16), (17, 4), (1000, 1), (1000, 16), (1001, 16)])
    func everyIndexOnce(count: Int, run: Int) {
        let calls = Mutex([Int](repeating: 0, count: count))
        Parallel.forEach(count: count, run: run) { index in
            calls.withLock { $0[index] += 1 }
        }
        calls.withLock { #expect($0 == [Int](repeating: 1, count: count)) }
    }

    @Test func resultsComeBackInTheOrderOfTheInput() {
        // Uneven items: every seventh is a hundred times the work of the others.
        let items = Array(0..<2000)
        let results = Parallel.map(items) { item -> (Int, Int) in
            var sum = 0
            for step in 0..<(item % 7 == 0 ? 10_000 : 100) { sum &+= step ^ item }
            return (item, sum)
        }
        #expect(results.map(\.0) == items)
        #expect(results.map(\.1) == items.map { item in
            var sum = 0
            for step in 0..<(item % 7 == 0 ? 10_000 : 100) { sum &+= step ^ item }
            return sum
        })
    }
}
