/// `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY` with its sequence options.
public struct Identity: Hashable, Codable, Sendable {
    public enum Generation: String, Hashable, Codable, Sendable {
        case always
        case byDefault
    }

    public var generation: Generation
    /// Sequence options; `nil` means "not stated" (the PostgreSQL default applies).
    public var start: Int64?
    public var increment: Int64?
    public var minValue: Int64?
    public var maxValue: Int64?
    public var cache: Int64?
    public var cycle: Bool?

    public init(
        generation: Generation, start: Int64? = nil, increment: Int64? = nil, minValue: Int64? = nil,
        maxValue: Int64? = nil, cache: Int64? = nil, cycle: Bool? = nil
    ) {
        self.generation = generation
        self.start = start
        self.increment = increment
        self.minValue = minValue
        self.maxValue = maxValue
        self.cache = cache
        self.cycle = cycle
    }
}
