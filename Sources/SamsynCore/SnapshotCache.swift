import Foundation

/// Entries by key, kept from one build to the next (`samsyn serve`): a build
/// takes a snapshot, which every core reads without locks, and stores what
/// it found afresh once at the end. Entries of keys that are gone are
/// dropped then — there are more entries than live keys only when some are,
/// so the set of live keys is built only in that case.
final class SnapshotCache<Entry>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func snapshot() -> [String: Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    func update(_ fresh: [(key: String, entry: Entry)], liveCount: Int, live: () -> Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        for (key, entry) in fresh { entries[key] = entry }
        if entries.count > liveCount {
            let keys = live()
            entries = entries.filter { keys.contains($0.key) }
        }
    }
}

/// One value that several threads read and replace whole.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var _value: Value

    init(_ value: Value) { _value = value }

    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return _value }
        set { lock.lock(); _value = newValue; lock.unlock() }
    }
}
