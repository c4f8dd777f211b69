import Foundation
import Testing
@testable import SamsynCore

/// The writer never loses the previous site and never touches files it did not write.
@Suite struct SiteWriterTests {
    let fm = FileManager.default

    /// A throw-away project folder with config/ and content/.
    func makeRoot() throws -> URL {
        let root = fm.temporaryDirectory.appendingPathComponent("samsyn-writer-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "x".write(to: root.appendingPathComponent("config/site.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    /// Every file below a folder with its contents.
    func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = fm.enumerator(at: folder, includingPropertiesForKeys: nil) else { return result }
        for case let url as URL in walker {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(url.path.dropFirst(folder.path.count + 1))] = try? Data(contentsOf: url)
            }
        }
        return result
    }

    func siblings(of folder: URL) -> [String] {
        ((try? fm.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)) ?? []).sorted()
    }

    /// The files a manifest does not list are found by walking both sorted
    /// lists side by side; a manifest in another order gives the same answer.
    @Test func findsTheFilesTheManifestDoesNotList() {
        let present = ["a.html", "b/x.html", "b/y.html", "c.css", "z.html"].sorted(by: byteOrder)
        let manifest = ["a.html", "b/y.html", "c.css", "d.html"]
        #expect(SiteWriter.unlisted(present, in: manifest) == ["b/x.html", "z.html"])
        #expect(SiteWriter.unlisted(present, in: manifest.reversed()) == ["b/x.html", "z.html"])
        #expect(SiteWriter.unlisted(present, in: []) == present)
        #expect(SiteWriter.unlisted([], in: manifest).isEmpty)
        // Names differing only in Unicode normalisation are different files on disk.
        #expect(SiteWriter.unlisted(["e\u{301}.html"], in: ["\u{E9}.html"]) == ["e\u{301}.html"])
    }

    @Test func writesMarksAndReplacesItsOwnSite() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let writer = SiteWriter(root: root, output: site)

        try writer.write(["data/a.csv": Array("1".utf8), "data/old.csv": Array("old".utf8)])
        #expect(snapshot(site)[".samsyn-manifest"] == Data("samsyn-site 1\ndata/a.csv\ndata/old.csv\n".utf8))

        try writer.write(["data/a.csv": Array("2".utf8)])
        #expect(snapshot(site) == [
            "data/a.csv": Data("2".utf8),
            ".samsyn-manifest": Data("samsyn-site 1\ndata/a.csv\n".utf8),
        ])
        #expect(siblings(of: site) == ["config", "content", "site"], "no temporary folder is left behind")
    }

    @Test func unchangedFilesAreReusedAndChangedOnesWrittenAfresh() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let writer = SiteWriter(root: root, output: site)
        func inode(_ name: String) -> UInt64? {
            var info = stat()
            return stat(site.appendingPathComponent(name).path, &info) == 0 ? UInt64(info.st_ino) : nil
        }
        try writer.write(["same.html": Array("same".utf8), "changed.html": Array("old".utf8)])
        let before = (inode("same.html"), inode("changed.html"))
        try writer.write(["same.html": Array("same".utf8), "changed.html": Array("new".utf8)])
        #expect(inode("same.html") == before.0, "an unchanged page keeps its file")
        #expect(snapshot(site)["changed.html"] == Data("new".utf8))
        #expect(snapshot(site)["same.html"] == Data("same".utf8))
    }

    @Test func aFailedWriteLeavesThePreviousSiteUntouched() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let writer = SiteWriter(root: root, output: site)
        try writer.write(["data/indicators.json": Array("{}".utf8)])
        let before = snapshot(site)

        // "a" as a file and as a folder cannot both exist: the write fails half-way.
        #expect(throws: (any Error).self) {
            try writer.write(["a": Array("file".utf8), "a/b.csv": Array("x".utf8), "z.csv": Array("z".utf8)])
        }
        #expect(snapshot(site) == before)
        #expect(siblings(of: site) == ["config", "content", "site"])
    }

    @Test func removesTheTemporaryFolderOfAKilledBuild() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let stale = root.appendingPathComponent(".site.samsyn-tmp-99999")
        try fm.createDirectory(at: stale.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data().write(to: stale.appendingPathComponent(".samsyn-building"))
        // A folder with a similar name but without Samsyn's marker is not ours: kept.
        let foreign = root.appendingPathComponent(".site.samsyn-tmp-notes")
        try fm.createDirectory(at: foreign, withIntermediateDirectories: true)

        try SiteWriter(root: root, output: site).write(["index.txt": Array("x".utf8)])
        #expect(siblings(of: site) == [".site.samsyn-tmp-notes", "config", "content", "site"])
    }

    /// A build killed while removing the site it replaced leaves part of the old
    /// site behind: the manifest goes last, so the next build still knows it as
    /// its own. A folder killed before its marker was written is empty.
    @Test func removesAHalfRemovedOldSiteAndAnEmptyTemporaryFolder() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let halfRemoved = root.appendingPathComponent(".site.samsyn-tmp-4242")
        try fm.createDirectory(at: halfRemoved.appendingPathComponent("organisations"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: halfRemoved.appendingPathComponent("organisations/index.html"))
        try Data("samsyn-site 1\nindex.html\norganisations/index.html\n".utf8)
            .write(to: halfRemoved.appendingPathComponent(".samsyn-manifest"))
        try fm.createDirectory(at: root.appendingPathComponent(".site.samsyn-tmp-old-4243"), withIntermediateDirectories: true)
        // Not Samsyn's: a file in a folder with the prefix, and an empty folder whose name Samsyn never gives.
        let unmarked = root.appendingPathComponent(".site.samsyn-tmp-4244")
        try fm.createDirectory(at: unmarked, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: unmarked.appendingPathComponent("notes.txt"))
        try fm.createDirectory(at: root.appendingPathComponent(".site.samsyn-tmp-notes"), withIntermediateDirectories: true)

        try SiteWriter(root: root, output: site).write(["index.txt": Array("x".utf8)])
        #expect(siblings(of: site) == [".site.samsyn-tmp-4244", ".site.samsyn-tmp-notes", "config", "content", "site"])
    }

    @Test("dangerous output folders are refused and left as they were", arguments: [
        ".", "config", "content", "content/site", "..",
    ])
    func refusesProtectedFolders(_ relative: String) throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let before = snapshot(root)
        let output = root.appendingPathComponent(relative)
        #expect(throws: SiteWriter.Refusal.self) {
            try SiteWriter(root: root, output: output).write(["index.txt": Array("x".utf8)])
        }
        #expect(snapshot(root) == before)
    }

    @Test func refusesAFolderHoldingForeignFiles() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("public")
        try fm.createDirectory(at: site, withIntermediateDirectories: true)
        try "mine".write(to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let writer = SiteWriter(root: root, output: site)
        #expect(writer.refusal()?.description.contains("did not create") == true)
        #expect(throws: SiteWriter.Refusal.self) { try writer.write(["index.txt": []]) }
        #expect(snapshot(site) == ["notes.txt": Data("mine".utf8)])
    }

    @Test func refusesItsOwnSiteOnceSomeoneAddedAFile() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let writer = SiteWriter(root: root, output: site)
        try writer.write(["index.txt": Array("x".utf8)])
        try "added by hand".write(to: site.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        let refusal = try #require(writer.refusal())
        #expect(refusal.description.contains("CNAME"))
        // Found while the new site is written beside it: that folder is dropped again.
        let before = snapshot(site), besides = siblings(of: site)
        #expect(throws: SiteWriter.Refusal.self) { try writer.write(["index.txt": []]) }
        #expect(snapshot(site) == before)
        #expect(snapshot(site)["CNAME"] == Data("added by hand".utf8))
        #expect(siblings(of: site) == besides)
    }

    /// The first look before a build does not list a previous site file by
    /// file; the build still refuses, after its work, and the added file stays.
    @Test func aBuildRefusesItsOwnSiteOnceSomeoneAddedAFile() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let writer = SiteWriter(root: root, output: site)
        try writer.write(["index.txt": Array("x".utf8)])
        #expect(writer.refusal(listingEveryFile: false) == nil)
        try "added by hand".write(to: site.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        #expect(writer.refusal(listingEveryFile: false) == nil)
        #expect(writer.refusal()?.description.contains("CNAME") == true)
        let before = snapshot(site)
        let result = SiteBuild(root: root, output: site).write(SiteContent(files: ["index.txt": Array("y".utf8)]), SiteBuild.Result())
        #expect(result.refusal?.contains("CNAME") == true)
        #expect(snapshot(site) == before)
        // A folder without Samsyn's manifest is refused at the first look already.
        try fm.removeItem(at: site.appendingPathComponent(SiteWriter.manifestName))
        #expect(writer.refusal(listingEveryFile: false)?.description.contains("did not create") == true)
    }

    /// A manifest that is not UTF-8 text is not Samsyn's, whatever its first line says.
    @Test func aManifestThatIsNotTextIsNotSamsyns() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try fm.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("index.txt"))
        let manifest = Array((SiteWriter.manifestHeader + "\nindex.txt\n").utf8) + [0xFF, 0xFE, 10]
        try Data(manifest).write(to: site.appendingPathComponent(SiteWriter.manifestName))
        let writer = SiteWriter(root: root, output: site)
        #expect(writer.refusal()?.description.contains("did not create") == true)
        try Data(manifest.dropLast(3)).write(to: site.appendingPathComponent(SiteWriter.manifestName))
        #expect(writer.refusal() == nil)
    }

    @Test func anEmptyExistingFolderIsFine() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try fm.createDirectory(at: site, withIntermediateDirectories: true)
        try SiteWriter(root: root, output: site).write(["index.txt": Array("x".utf8)])
        #expect(snapshot(site)["index.txt"] == Data("x".utf8))
    }
}
