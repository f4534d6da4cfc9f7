/// Pairs up two lists of objects (constraints, indexes) by what they mean first, then by name, then by
/// a looser key, in time linear in the number of objects.
///
/// Meaning first is what makes `t_col_key` (PostgreSQL) and `t_col_unique` (drizzle-kit) one
/// constraint with a name difference rather than a missing one and an extra one.
struct ObjectMatcher {
    /// The keys one object is matched by.
    struct Keys {
        /// Everything that defines the object's behaviour, canonicalized.
        var meaning: String
        /// The name after 63-byte truncation, when the source states one.
        var name: String?
        /// A weaker identity used last (e.g. the same columns and referenced table, ignoring actions).
        var loose: String?
    }

    enum Tier: Hashable {
        case meaning, name, loose
    }

    struct Pair {
        var left: Int
        var right: Int
        var tier: Tier
    }

    struct Result {
        /// Pairs sorted by left index.
        var pairs: [Pair]
        /// Unmatched left indexes, ascending.
        var leftOnly: [Int]
        /// Unmatched right indexes, ascending.
        var rightOnly: [Int]
    }

    static func match(_ left: [Keys], _ right: [Keys]) -> Result {
        // A table has a handful of constraints or indexes per kind: comparing keys directly is
        // cheaper than hashing them into dictionaries (the same pairs, in the same order).
        left.count * right.count <= 64 ? matchByScanning(left, right) : matchByHashing(left, right)
    }

    /// ``match(_:_:)`` through dictionaries of keys, linear in the number of objects.
    static func matchByHashing(_ left: [Keys], _ right: [Keys]) -> Result {
        var rightUsed = [Bool](repeating: false, count: right.count)
        var leftPair = [Pair?](repeating: nil, count: left.count)

        // Tier 1: same meaning. Among several candidates prefer the one with the same name.
        var byMeaning: [String: [Int]] = [:]
        for (i, keys) in right.enumerated() { byMeaning[keys.meaning, default: []].append(i) }
        for (i, keys) in left.enumerated() {
            guard let candidates = byMeaning[keys.meaning] else { continue }
            let free = candidates.filter { !rightUsed[$0] }
            guard let chosen = free.first(where: { right[$0].name != nil && right[$0].name == keys.name }) ?? free.first
            else { continue }
            rightUsed[chosen] = true
            leftPair[i] = Pair(left: i, right: chosen, tier: .meaning)
        }

        // Tiers 2 and 3: same name, then same loose key, among what is left.
        for tier in [Tier.name, .loose] {
            var byKey: [String: [Int]] = [:]
            for (i, keys) in right.enumerated() where !rightUsed[i] {
                if let key = tier == .name ? keys.name : keys.loose { byKey[key, default: []].append(i) }
            }
            if byKey.isEmpty { continue }
            for (i, keys) in left.enumerated() where leftPair[i] == nil {
                guard let key = tier == .name ? keys.name : keys.loose,
                    let chosen = byKey[key]?.first(where: { !rightUsed[$0] })
                else { continue }
                rightUsed[chosen] = true
                leftPair[i] = Pair(left: i, right: chosen, tier: tier)
            }
        }

        return Result(
            pairs: leftPair.compactMap { $0 },
            leftOnly: left.indices.filter { leftPair[$0] == nil },
            rightOnly: right.indices.filter { !rightUsed[$0] }
        )
    }

    /// Pairs by name alone (policies, triggers): each left object takes the first free right object
    /// of the same name, in order. What ``match(_:_:)`` does with meanings that never repeat, without
    /// building a key string per object.
    static func matchByName(_ left: [String?], _ right: [String?]) -> Result {
        var rightUsed = [Bool](repeating: false, count: right.count)
        var pairs: [Pair] = []
        pairs.reserveCapacity(min(left.count, right.count))
        var leftOnly: [Int] = []
        for i in left.indices {
            guard let name = left[i], let chosen = right.indices.first(where: { !rightUsed[$0] && right[$0] == name }) else {
                leftOnly.append(i)
                continue
            }
            rightUsed[chosen] = true
            pairs.append(Pair(left: i, right: chosen, tier: .name))
        }
        return Result(pairs: pairs, leftOnly: leftOnly, rightOnly: right.indices.filter { !rightUsed[$0] })
    }

    /// ``match(_:_:)`` for short lists: each candidate list of the dictionaries is the ascending run of
    /// right indexes with the key, so scanning the right side in order picks the same object.
    static func matchByScanning(_ left: [Keys], _ right: [Keys]) -> Result {
        var rightUsed = [Bool](repeating: false, count: right.count)
        var leftPair = [Pair?](repeating: nil, count: left.count)
        for i in left.indices {
            var firstFree: Int?
            var sameName: Int?
            for j in right.indices where !rightUsed[j] && right[j].meaning == left[i].meaning {
                if firstFree == nil { firstFree = j }
                if right[j].name != nil && right[j].name == left[i].name {
                    sameName = j
                    break
                }
            }
            guard let chosen = sameName ?? firstFree else { continue }
            rightUsed[chosen] = true
            leftPair[i] = Pair(left: i, right: chosen, tier: .meaning)
        }
        for tier in [Tier.name, .loose] {
            for i in left.indices where leftPair[i] == nil {
                guard let key = tier == .name ? left[i].name : left[i].loose else { continue }
                guard let chosen = right.indices.first(where: {
                    !rightUsed[$0] && (tier == .name ? right[$0].name : right[$0].loose) == key
                }) else { continue }
                rightUsed[chosen] = true
                leftPair[i] = Pair(left: i, right: chosen, tier: tier)
            }
        }
        var pairs: [Pair] = []
        pairs.reserveCapacity(left.count)
        var leftOnly: [Int] = []
        for i in left.indices {
            if let pair = leftPair[i] { pairs.append(pair) } else { leftOnly.append(i) }
        }
        return Result(pairs: pairs, leftOnly: leftOnly, rightOnly: right.indices.filter { !rightUsed[$0] })
    }
}
