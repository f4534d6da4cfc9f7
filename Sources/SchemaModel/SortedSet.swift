/// Stores a set, encodes it as a sorted array.
///
/// Swift's `Set` iterates in a per-process random order; encoding it directly would make JSON output
/// differ between identical runs.
@propertyWrapper
public struct SortedSet<Element: Hashable & Codable & Sendable & Comparable>: Hashable, Codable, Sendable {
    public var wrappedValue: Set<Element>

    public init(wrappedValue: Set<Element>) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: Decoder) throws {
        wrappedValue = Set(try decoder.singleValueContainer().decode([Element].self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.sorted())
    }
}
