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

    /// A project folder and a writer for its `site/`; the caller removes `root`.
    func makeSite() throws -> (root: URL, site: URL, writer: SiteWriter) {
        let root = try makeRoot()
        let site = root.appendingPathComponent("site")
        return (root, site, SiteWriter(root: root, output: site))
    }

    /// Two builds with one page, so that the first is kept as the spare.
    func writeTwice(_ writer: SiteWriter) throws {
        try writer.write(["index.html": Array("1".utf8)])
        try writer.write(["index.html": Array("2".utf8)])
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

    /// A manifest read from disk answers the same as its paths would, without
    /// making strings of them; one that is not Samsyn's is not read at all.
    @Test func aManifestIsReadAsBytes() throws {
        func manifest(_ text: String) -> Manifest? { Manifest(bytes: Array(text.utf8)) }
        let present = ["a.html", "b/x.html", "b/y.html", "c.css", "z.html", "\u{E9}.html"].sorted(by: byteOrder)
        for lines in [["a.html", "b/y.html", "c.css", "d.html", "e\u{301}.html"], ["d.html", "a.html", "c.css", "b/y.html"], [],
                      ["a.html", "a.html", "b/x.html", "b/x"]] {
            let read = try #require(manifest((["samsyn-site 1"] + lines).map { $0 + "\n" }.joined()))
            #expect(read.paths == lines)
            #expect(read.unlisted(present) == SiteWriter.unlisted(present, in: lines), "\(lines)")
            // A listing in the file system's order is answered in its own order.
            #expect(read.unlisted(present.reversed()) == SiteWriter.unlisted(present, in: lines).reversed(), "\(lines)")
            #expect(read.lists(exactly: lines))
            #expect(!read.lists(exactly: lines + ["more.html"]))
            #expect(!read.lists(exactly: lines.map { $0 + "x" }) || lines.isEmpty)
        }
        #expect(manifest("\nsamsyn-site 1\n\na.html\n\n")?.paths == ["a.html"], "empty lines are skipped")
        #expect(manifest("samsyn-site 1\na.html")?.paths == ["a.html"], "the last newline may be missing")
        #expect(manifest("samsyn-site 2\na.html\n") == nil)
        #expect(manifest("") == nil)
        #expect(Manifest(bytes: Array("samsyn-site 1\na".utf8) + [0xFF, 10]) == nil, "not UTF-8")
    }

    /// Thousands of paths, looked up in a scrambled order: each found
    /// exactly when the manifest lists its very bytes.
    @Test func aLargeManifestFindsEachPathByItsBytes() throws {
        let all = (0..<6000).map { "page/\($0 * 7919 % 6000).html" }
        let listed = all.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
        let read = try #require(Manifest(bytes: Array((["samsyn-site 1"] + listed).map { $0 + "\n" }.joined().utf8)))
        let asked = all + ["page/1.htm", "page/1.html/", "", "page"]
        let isListed = Set(listed)
        #expect(read.unlisted(asked) == asked.filter { !isListed.contains($0) })
        #expect(read.unlisted(listed).isEmpty)
    }

    @Test func writesMarksAndReplacesItsOwnSite() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }

        try writer.write(["data/a.csv": Array("1".utf8), "data/old.csv": Array("old".utf8)])
        #expect(snapshot(site)[".samsyn-manifest"] == Data("samsyn-site 1\ndata/a.csv\ndata/old.csv\n".utf8))

        try writer.write(["data/a.csv": Array("2".utf8)])
        #expect(snapshot(site) == [
            "data/a.csv": Data("2".utf8),
            ".samsyn-manifest": Data("samsyn-site 1\ndata/a.csv\n".utf8),
        ])
        // The replaced site is kept, whole, as the spare the next build starts from.
        #expect(siblings(of: site) == [".site.samsyn-previous", ".site.samsyn-stamps", "config", "content", "site"], "no temporary folder is left behind")
        #expect(snapshot(writer.spare)[".samsyn-manifest"] == Data("samsyn-site 1\ndata/a.csv\ndata/old.csv\n".utf8))
    }

    func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// From the third build on, the spare (the site two builds back) is
    /// brought up to date in place and swapped in: files the site no longer
    /// has go (a folder may become a file), the others are left alone when
    /// their bytes are right and replaced by new files when not.
    @Test func theSpareIsUpdatedInPlaceAndSwappedIn() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        let builds: [[String: String]] = [
            ["same.html": "same", "x/y.html": "y", "changed.html": "1", "gone.html": "g"],
            ["same.html": "same", "changed.html": "2", "z/new.html": "n"],
            ["same.html": "same", "x": "now a file", "changed.html": "3", "z/new.html": "n"],
            ["same.html": "same", "changed.html": "4"],
        ]
        let sameFile = try {
            try writer.write(builds[0].mapValues { Array($0.utf8) })
            return inode(site.appendingPathComponent("same.html"))
        }()
        for (number, files) in builds.enumerated().dropFirst() {
            // A hard link made by someone else to a page on show must keep its bytes.
            let elsewhere = root.appendingPathComponent("kept-\(number).html")
            try fm.linkItem(at: site.appendingPathComponent("changed.html"), to: elsewhere)
            try writer.write(files.mapValues { Array($0.utf8) })

            var expected = files.mapValues { Data($0.utf8) }
            expected[".samsyn-manifest"] = Data((["samsyn-site 1"] + files.keys.sorted(by: byteOrder)).map { $0 + "\n" }.joined().utf8)
            #expect(snapshot(site) == expected, "build \(number + 1)")
            #expect(snapshot(writer.spare)["changed.html"] == Data(builds[number - 1]["changed.html"]!.utf8))
            #expect(try Data(contentsOf: elsewhere) == Data(builds[number - 1]["changed.html"]!.utf8))
            #expect(inode(site.appendingPathComponent("same.html")) == sameFile, "an unchanged page keeps its file in every build")
            #expect(siblings(of: site).filter { $0.hasPrefix(".") } == [".site.samsyn-previous", ".site.samsyn-stamps"])
        }
    }

    /// From the third build on, a build in which nothing changed writes
    /// nothing: the spare already holds every page and its manifest.
    @Test func aRebuildWithNothingChangedWritesNothing() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        let files: [String: [UInt8]] = ["index.html": Array("x".utf8), "a/b.html": Array("y".utf8)]
        try writer.write(files)
        let first = [SiteWriter.manifestName, "index.html", "a/b.html"].map { inode(site.appendingPathComponent($0)) }
        try writer.write(files)
        try writer.write(files)
        #expect([SiteWriter.manifestName, "index.html", "a/b.html"].map { inode(site.appendingPathComponent($0)) } == first)
    }

    /// A spare holding a file Samsyn did not write is not Samsyn's to change:
    /// it is left as it is, and the build writes a new folder instead.
    @Test func aSpareHoldingAForeignFileIsLeftAlone() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        try writeTwice(writer)
        try Data("mine".utf8).write(to: writer.spare.appendingPathComponent("notes.txt"))
        let spareBefore = snapshot(writer.spare)
        try writer.write(["index.html": Array("3".utf8)])
        #expect(snapshot(site)["index.html"] == Data("3".utf8))
        #expect(snapshot(writer.spare) == spareBefore)
        #expect(siblings(of: site) == [".site.samsyn-previous", ".site.samsyn-stamps", "config", "content", "site"])
    }

    /// A build killed while it updated the spare leaves it with a manifest
    /// listing every file it may hold (and perhaps the manifest's next
    /// version): the next build still knows it as its own and carries on.
    @Test func aSpareLeftHalfUpdatedIsStillUsed() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        try writeTwice(writer)
        try Data("half".utf8).write(to: writer.spare.appendingPathComponent("half.html"))
        try Data("samsyn-site 1\nhalf.html\nindex.html\n".utf8).write(to: writer.spare.appendingPathComponent(".samsyn-manifest"))
        try Data("samsyn-site 1\nhalf".utf8).write(to: writer.spare.appendingPathComponent(".samsyn-manifest.new"))
        let spareInode = inode(writer.spare)
        try writer.write(["index.html": Array("3".utf8)])
        #expect(inode(site) == spareInode, "the spare was swapped in")
        #expect(snapshot(site) == ["index.html": Data("3".utf8), ".samsyn-manifest": Data("samsyn-site 1\nindex.html\n".utf8)])
    }

    /// Builds writing the same output at once (a build while `serve` runs)
    /// take turns: the site is always one of them whole.
    @Test func buildsWritingAtOnceTakeTurns() throws {
        let root = try makeRoot()
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let versions = (0..<6).map { version in
            Dictionary(uniqueKeysWithValues: (0..<40).map { page in
                ("p\(page % 7)/\(page).html", Array("page \(page) of \(page % (version + 2) == 0 ? version : 0)".utf8))
            })
        }
        let failures = Parallel.map(Array(0..<12)) { run in
            Result { try SiteWriter(root: root, output: site).write(versions[run % versions.count]) }
        }
        for case .failure(let failure) in failures { Issue.record(failure) }
        let shown = snapshot(site).filter { $0.key != SiteWriter.manifestName }
        #expect(versions.contains { $0.mapValues { Data($0) } == shown })
        #expect(siblings(of: site) == [".site.samsyn-previous", ".site.samsyn-stamps", "config", "content", "site"])
    }

    @Test func unchangedFilesAreReusedAndChangedOnesWrittenAfresh() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        let same = site.appendingPathComponent("same.html")
        try writer.write(["same.html": Array("same".utf8), "changed.html": Array("old".utf8)])
        let before = inode(same)
        try writer.write(["same.html": Array("same".utf8), "changed.html": Array("new".utf8)])
        #expect(inode(same) == before, "an unchanged page keeps its file")
        #expect(snapshot(site)["changed.html"] == Data("new".utf8))
        #expect(snapshot(site)["same.html"] == Data("same".utf8))
    }

    @Test func aFailedWriteLeavesThePreviousSiteUntouched() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        try writer.write(["data/indicators.json": Array("{}".utf8)])
        let before = snapshot(site)

        // "a" as a file and as a folder cannot both exist: the write fails half-way.
        let impossible: [String: [UInt8]] = ["a": Array("file".utf8), "a/b.csv": Array("x".utf8), "z.csv": Array("z".utf8)]
        #expect(throws: (any Error).self) { try writer.write(impossible) }
        #expect(snapshot(site) == before)
        #expect(siblings(of: site) == [".site.samsyn-stamps", "config", "content", "site"])

        // The same with a spare, which is written in place: the site on show stays as it was.
        try writer.write(["data/indicators.json": Array("[]".utf8)])
        let second = snapshot(site)
        #expect(throws: (any Error).self) { try writer.write(impossible) }
        #expect(snapshot(site) == second)
        #expect(siblings(of: site) == [".site.samsyn-previous", ".site.samsyn-stamps", "config", "content", "site"])
        try writer.write(["data/indicators.json": Array("{ }".utf8)])
        #expect(snapshot(site)["data/indicators.json"] == Data("{ }".utf8))
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
        #expect(siblings(of: site) == [".site.samsyn-stamps", ".site.samsyn-tmp-notes", "config", "content", "site"])
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
        #expect(siblings(of: site) == [".site.samsyn-stamps", ".site.samsyn-tmp-4244", ".site.samsyn-tmp-notes", "config", "content", "site"])
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

    /// A link is not written through (the folder is replaced by renaming,
    /// which would replace the link): refused, and left as it was.
    @Test func refusesAnOutputThatIsALink() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        let real = root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: real, withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: site, withDestinationURL: real)
        let refusal = try #require(writer.refusal(listingEveryFile: false))
        #expect(refusal.description.contains("is a link to"))
        #expect(refusal.description.hasSuffix("--output \(DiskFiles.realPath(real.path) ?? real.path)"))
        #expect(throws: SiteWriter.Refusal.self) { try writer.write(["index.txt": Array("x".utf8)]) }
        #expect(try fm.destinationOfSymbolicLink(atPath: site.path) == real.path)
        #expect(siblings(of: site) == ["config", "content", "elsewhere", "site"])
        #expect(snapshot(real).isEmpty)
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
