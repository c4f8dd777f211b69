import Foundation
import SamsynCore
import SamsynServe
import Testing

/// The watcher behind `samsyn serve`'s rebuilds: every kind of save is seen,
/// also in folders made after it started, and a change made while a build
/// runs is reported by the next call rather than lost.
@Suite struct WatcherTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
    }

    /// Waits for the next change, failing after a few seconds instead of hanging.
    func seen(_ watcher: ProjectWatcher, after change: () throws -> Void) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await watcher.nextChange(); return true }
            group.addTask { try await Task.sleep(for: .seconds(5)); return false }
            try await Task.sleep(for: .milliseconds(50))
            try change()
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    @Test func seesWritesRenamesDeletionsAndNewFolders() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = ProjectWatcher(root: root)
        #if os(Linux)
        #expect(watcher.isEventDriven)
        #endif
        let file = root.appendingPathComponent("content/meetings/a.yaml")
        #expect(try await seen(watcher) { try Data("title: a\n".utf8).write(to: file) })
        // An editor's save: a temporary file renamed over the old one.
        let temporary = root.appendingPathComponent("content/meetings/.a.yaml.tmp")
        #expect(try await seen(watcher) {
            try Data("title: b\n".utf8).write(to: temporary)
            _ = rename(temporary.path, file.path)
        })
        #expect(try await seen(watcher) { try FileManager.default.removeItem(at: file) })
        let folder = root.appendingPathComponent("content/trainings")
        #expect(try await seen(watcher) { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) })
        #expect(try await seen(watcher) { try Data("title: c\n".utf8).write(to: folder.appendingPathComponent("c.yaml")) })
        // A change between two calls (while a build runs) is reported at once.
        try Data("title: d\n".utf8).write(to: root.appendingPathComponent("config/site.yaml"))
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await seen(watcher) {})
    }

    /// What the next build may look at alone: the saved files' paths, until
    /// a folder comes or goes (then everything), and never again once a
    /// symbolic link is in the tree.
    @Test func tellsWhichPathsChanged() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = ProjectWatcher(root: root)
        guard watcher.isEventDriven else {
            #expect(watcher.takeChanges() == .unknown)
            return
        }
        #expect(watcher.takeChanges() == .only([]))
        let file = root.appendingPathComponent("content/meetings/a.yaml")
        let temporary = root.appendingPathComponent("content/meetings/.a.yaml.tmp")
        #expect(try await seen(watcher) {
            try Data("title: a\n".utf8).write(to: temporary)
            _ = rename(temporary.path, file.path)
        })
        try await Task.sleep(for: .milliseconds(50))  // the events of a busy machine may come in two reads
        #expect(watcher.takeChanges() == .only(["content/meetings/a.yaml", "content/meetings/.a.yaml.tmp"]))
        #expect(watcher.takeChanges() == .only([]), "taken changes are forgotten")

        #expect(try await seen(watcher) {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/trainings"), withIntermediateDirectories: true)
        })
        #expect(watcher.takeChanges() == .unknown)
        #expect(try await seen(watcher) { try Data("title: b\n".utf8).write(to: root.appendingPathComponent("content/trainings/b.yaml")) })
        #expect(watcher.takeChanges() == .only(["content/trainings/b.yaml"]), "a new folder is watched too")

        #expect(try await seen(watcher) { _ = symlink(file.path, root.appendingPathComponent("content/trainings/link.yaml").path) })
        #expect(watcher.takeChanges() == .unknown)
        #expect(try await seen(watcher) { try Data("title: c\n".utf8).write(to: file) })
        #expect(watcher.takeChanges() == .unknown, "a link's target changes under another path")
    }

    @Test func ignoresTheSiteFolder() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = ProjectWatcher(root: root)
        guard watcher.isEventDriven else { return }
        let changed = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await watcher.nextChange(); return true }
            group.addTask { try await Task.sleep(for: .milliseconds(500)); return false }
            try await Task.sleep(for: .milliseconds(50))
            try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: root.appendingPathComponent("site/index.html"))
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(!changed, "writing the site must not trigger a rebuild")
    }
}
