/// How long one phase of a run took (`--timings`, `make bench`).
public struct PhaseTiming: Sendable, Equatable {
    /// What was timed, e.g. `drizzle: read files`, `database: columns`, `diff`.
    public var phase: String
    /// Wall-clock seconds.
    public var seconds: Double

    /// A timing.
    public init(phase: String, seconds: Double) {
        self.phase = phase
        self.seconds = seconds
    }

    /// `timing: <phase>: <ms> ms`, the line `--timings` prints to standard error.
    public var line: String {
        let tenths = (seconds * 10_000).rounded()
        let whole = Int(tenths) / 10
        return "timing: \(phase): \(whole).\(Int(tenths) % 10) ms"
    }

    /// Runs `body` and returns its result with the seconds it took.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, (clock.now - start) / .seconds(1))
    }
}
