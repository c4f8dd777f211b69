import Foundation

/// Notices when anything under config/ or content/ changes, by comparing
/// snapshots of every file's size and modification time. Polling needs no
/// platform API and sees editors that save by renaming a temporary file.
public struct ProjectWatcher: Sendable {
    public let root: URL
    public static let folders = ["config", "content"]

    public init(root: URL) { self.root = root }

    /// Path → (size, modification time in nanoseconds).
    public typealias Snapshot = [String: [Int64]]

    public func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        for folder in Self.folders {
            let base = root.appendingPathComponent(folder).path
            guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = walker.nextObject() as? String {
                var info = stat()
                guard stat(base + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                result[folder + "/" + relative] = [Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)]
            }
        }
        return result
    }
}
