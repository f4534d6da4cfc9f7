/// Stores a column's identity options out of line.
///
/// `Identity` is 88 bytes and almost every column has none; stored inline it made every `Column`
/// 272 bytes instead of 192, in three catalogs of tens of thousands of columns. Encodes exactly as
/// the optional it wraps: the key is left out when there is no identity.
@propertyWrapper
public struct BoxedIdentity: Hashable, Codable, Sendable {
    /// Immutable, so sharing one between copies of a column is safe.
    private final class Storage: Sendable {
        let value: Identity
        init(_ value: Identity) { self.value = value }
    }

    private var storage: Storage?

    public var wrappedValue: Identity? {
        get { storage?.value }
        set { storage = newValue.map(Storage.init) }
    }

    public init(wrappedValue: Identity?) {
        storage = wrappedValue.map(Storage.init)
    }

    public static func == (a: BoxedIdentity, b: BoxedIdentity) -> Bool { a.wrappedValue == b.wrappedValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(wrappedValue: container.decodeNil() ? nil : try container.decode(Identity.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
    }
}

// The synthesized coding of `Column` calls these for its `identity`: no key at all for "none", as
// for a plain optional, rather than `"identity": null`.
extension KeyedEncodingContainer {
    mutating func encode(_ value: BoxedIdentity, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}

extension KeyedDecodingContainer {
    func decode(_ type: BoxedIdentity.Type, forKey key: Key) throws -> BoxedIdentity {
        BoxedIdentity(wrappedValue: try decodeIfPresent(Identity.self, forKey: key))
    }
}
