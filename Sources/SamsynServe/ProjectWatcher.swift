import Foundation
import SamsynCore

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
        DiskFiles(root: root).stamps(in: Self.folders).mapValues { [$0.size, $0.modified] }
    }
}
