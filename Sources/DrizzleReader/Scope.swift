/// The local names visible in an arrow function's body: its parameters and those of the functions
/// around it (also the members of a TypeScript `enum` while it is evaluated).
///
/// A short list searched from the end rather than a dictionary: scopes hold a name or two, and hashing
/// a name costs more than comparing it with a few others. A long scope (a large `enum`) gets an index.
struct Scope: ExpressibleByDictionaryLiteral {
    private var names: [String] = []
    private var values: [DrizzleValue] = []
    /// Name -> position, kept once the scope has more than ``indexThreshold`` names.
    private var index: [String: Int]?
    private static let indexThreshold = 16

    init() {}

    init(dictionaryLiteral elements: (String, DrizzleValue)...) {
        for (name, value) in elements { bind(name, value) }
    }

    var isEmpty: Bool { names.isEmpty }

    subscript(name: String) -> DrizzleValue? {
        if let index { return index[name].map { values[$0] } }
        var k = names.count - 1
        while k >= 0 {
            if names[k] == name { return values[k] }
            k -= 1
        }
        return nil
    }

    /// Binds `name`, replacing an earlier binding of the same name (as assigning a dictionary key does).
    mutating func bind(_ name: String, _ value: DrizzleValue) {
        if let position = index?[name] ?? (index == nil ? names.lastIndex(of: name) : nil) {
            values[position] = value
            return
        }
        names.append(name)
        values.append(value)
        if index != nil {
            index?[name] = names.count - 1
        } else if names.count > Scope.indexThreshold {
            var built: [String: Int] = [:]
            for (position, name) in names.enumerated() { built[name] = position }
            index = built
        }
    }
}
