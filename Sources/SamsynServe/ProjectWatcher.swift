import Foundation
import SamsynCore

/// Notices when anything under config/ or content/ changes.
///
/// On Linux the kernel says so (inotify): a save is seen within a millisecond,
/// which is most of what makes the save-to-reload loop fast, and nothing is
/// looked at while nothing changes. Elsewhere, or when inotify is unavailable,
/// snapshots of every file's size and modification time are compared ten
/// times a second. Either way editors that save by renaming a temporary file
/// are seen, and a change is reported only once the files have been quiet
/// for a moment (an editor may write a file in several steps).
public final class ProjectWatcher: Sendable {
    public let root: URL
    public static let folders = ["config", "content"]

    /// How long the files must stay unchanged before a change is reported.
    static let quietInterval = Duration.milliseconds(5)
    /// Polling only: how often the folders are looked at, and how long they must stay unchanged.
    static let pollInterval = Duration.milliseconds(100)
    static let settleInterval = Duration.milliseconds(60)

    private let kernel: KernelEvents?
    /// What the last reported change was measured against, so that a change
    /// made while a build runs is reported by the next call, not missed.
    private let last = Last()

    public init(root: URL) {
        self.root = root
        #if os(Linux)
        kernel = KernelEvents(root: root.path, folders: Self.folders)
        #else
        kernel = nil
        #endif
        if kernel == nil { last.snapshot = snapshot() }
    }

    /// Whether changes come from the kernel rather than from polling.
    public var isEventDriven: Bool { kernel != nil }

    /// The paths changed since the last call (relative to the root), for the
    /// next build to look at only those. `unknown` when the kernel cannot say
    /// exactly: when polling, after a folder was made, moved or removed, when
    /// its queue overflowed, and for good once a symbolic link was seen in
    /// the tree (a link's target changes under another path).
    public func takeChanges() -> ChangedPaths {
        kernel?.takeChanges() ?? .unknown
    }

    /// Path → (size, modification time in nanoseconds).
    public typealias Snapshot = [String: [Int64]]

    public func snapshot() -> Snapshot {
        DiskFiles(root: root).stamps(in: Self.folders).mapValues { [$0.size, $0.modified] }
    }

    /// Returns after the next change, once the files are quiet again.
    public func nextChange() async throws {
        if let kernel {
            try await kernel.waitForChange(after: last.generation)
            // Quiet: no further event for a moment.
            var seen: Int
            repeat {
                seen = kernel.generation
                try await Task.sleep(for: Self.quietInterval)
            } while kernel.generation != seen
            last.generation = seen
            return
        }
        let before = last.snapshot
        var next = before
        while next == before {
            try await Task.sleep(for: Self.pollInterval)
            next = snapshot()
        }
        while true {
            try await Task.sleep(for: Self.settleInterval)
            let settled = snapshot()
            if settled == next { break }
            next = settled
        }
        last.snapshot = next
    }

    private final class Last: @unchecked Sendable {
        private let lock = NSLock()
        private var _generation = 0
        private var _snapshot: Snapshot = [:]

        var generation: Int {
            get { lock.lock(); defer { lock.unlock() }; return _generation }
            set { lock.lock(); _generation = newValue; lock.unlock() }
        }

        var snapshot: Snapshot {
            get { lock.lock(); defer { lock.unlock() }; return _snapshot }
            set { lock.lock(); _snapshot = newValue; lock.unlock() }
        }
    }
}

#if os(Linux)
/// inotify on config/, content/ and every folder below them (folders created
/// later are added as they appear), read by one thread of its own; each event
/// counts one up and wakes whoever waits.
private final class KernelEvents: @unchecked Sendable {
    private let fd: Int32
    private let root: String
    private let folders: [String]
    private let lock = NSLock()
    private var count = 0
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    /// Watch descriptor → folder path (absolute), to add folders created inside it.
    private var watched: [Int32: String] = [:]
    /// What changed since `takeChanges` was last called: paths relative to the
    /// root, or nil when that is not known exactly.
    private var changed: Set<String>? = []
    /// A symbolic link was seen in the tree: exact changes are never promised again.
    private var linksSeen = false
    /// Past this many paths a fresh listing is as cheap as looking at each.
    private static let maxChangedPaths = 10_000

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_MODIFY)

    init?(root: String, folders: [String]) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.root = root
        self.folders = folders
        // The root itself, for config/ or content/ appearing (or being replaced) later.
        guard inotify_add_watch(fd, root, UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)) >= 0 else {
            close(fd)
            return nil
        }
        for folder in folders { watchTree(root + "/" + folder) }
        let thread = Thread { [self] in readEvents() }
        thread.name = "samsyn-watch"
        thread.start()
    }

    var generation: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func takeChanges() -> ChangedPaths {
        lock.lock()
        defer { lock.unlock() }
        let taken = changed
        changed = []
        return linksSeen ? .unknown : taken.map { .only($0) } ?? .unknown
    }

    /// Records one change; nil `path` means "not known exactly". Called with the lock held.
    private func note(_ path: String?) {
        guard let path, var paths = changed, paths.count < Self.maxChangedPaths else {
            changed = nil
            return
        }
        changed = nil  // so that the set is changed in place, not copied
        paths.insert(path)
        changed = paths
    }

    private func relative(_ absolute: String) -> String {
        String(absolute.dropFirst(root.count + 1))
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    func waitForChange(after seen: Int) async throws {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if count != seen || Task.isCancelled {
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiters[id] = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let waiter = waiters.removeValue(forKey: id)
            lock.unlock()
            waiter?.resume()
        }
        try Task.checkCancellation()
    }

    /// Adds a watch on a folder and on every folder below it.
    private func watchTree(_ path: String) {
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else { return }
        lock.lock()
        watched[wd] = path
        lock.unlock()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: watchTree(path + "/" + name)
            case S_IFLNK: lock.lock(); linksSeen = true; lock.unlock()
            default: break
            }
        }
    }

    private func readEvents() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, size)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            var offset = 0
            var relevant = false
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                lock.lock()
                let folder = watched[event.wd]
                lock.unlock()
                // Exact only for a file's own event inside a watched folder;
                // a folder's comings and goings, the root's, and an overflowed
                // queue mean "list everything".
                var path: String?
                if folder == nil {
                    // The root: only config/ and content/ matter (site/ is Samsyn's own output).
                    guard folders.contains(name) || event.mask & UInt32(IN_Q_OVERFLOW) != 0 else { continue }
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, folders.contains(name) { watchTree(root + "/" + name) }
                } else if event.mask & UInt32(IN_ISDIR) != 0 {
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let folder { watchTree(folder + "/" + name) }
                } else if let folder, !name.isEmpty, event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) == 0 {
                    path = relative(folder + "/" + name)
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, Self.isLink(folder + "/" + name) {
                        lock.lock(); linksSeen = true; lock.unlock()
                    }
                }
                lock.lock()
                note(path)
                lock.unlock()
                relevant = true
            }
            guard relevant else { continue }
            lock.lock()
            count += 1
            let woken = waiters.values
            waiters = [:]
            lock.unlock()
            for waiter in woken { waiter.resume() }
        }
    }
}
#endif
