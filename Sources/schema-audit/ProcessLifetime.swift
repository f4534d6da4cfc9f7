/// Keeps a value alive until the process exits, so its memory is returned by the kernel at exit
/// instead of being freed object by object: tearing down the catalogs and the diff of 10,000 tables
/// took most of a second after the report was already written.
enum ProcessLifetime {
    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
