/// Values deliberately never released, for a command that exits right after
/// its build: the operating system takes back the whole process at once,
/// where freeing a national project object by object took a second (see
/// `SiteBuild.keepsMemoryUntilExit`, `Pipeline.keepsLoadedFilesUntilExit`).
public enum KeptUntilExit {
    private final class Box {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }

    public static func keep(_ values: [Any]) {
        _ = Unmanaged.passRetained(Box(values))
    }
}
