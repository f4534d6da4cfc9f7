import SchemaModel

/// Policies of a fast-path table's extras built straight from their syntax (see `DirectExtras.swift`).
extension DrizzleEvaluator {
    /// One option of a policy's config: its value as the general path evaluates it, or for an `sql`
    /// template of `t.col`s, the SQL it renders to (the only thing the interpreter reads of it).
    private struct PolicyOption {
        var key: OptionKey
        var value: DrizzleValue
        var rendered: String?
    }

    /// `pgPolicy('name', { ... })` as ``interpretPolicy(_:_:)`` reads the value ``fastExtraValue(_:_:_:_:_:)``
    /// gives it; nil when that route is to be taken (another shape, or the interpreter would log).
    ///
    /// The options are read with the checks and name lookups of `policyConfig` and `policyValue`, in
    /// their order; the interpreter then reads the last option of each key, as it reads the object.
    func directPolicy(_ shape: ChainShape, _ module: Int, _ parameter: String?, _ standIn: Chain,
                      _ builders: inout BuilderMemo) -> Policy? {
        guard shape.rootArgs.count == 2, shape.methods.isEmpty, case .string(let policyName, _) = shape.rootArgs[0],
            case .object(let props, _) = shape.rootArgs[1]
        else { return nil }
        var options: [PolicyOption] = []
        options.reserveCapacity(props.count)
        for prop in props {
            guard case .value(let key, let expr, _) = prop else { return nil }
            if case .template = expr {
                guard let rendered = directSQL(expr, module, parameter, standIn, &builders) else { return nil }
                options.append(PolicyOption(key: OptionKey(key), value: .undefined, rendered: rendered))
            } else {
                guard let value = policyValue(expr, module, parameter, standIn, &builders) else { return nil }
                options.append(PolicyOption(key: OptionKey(key), value: value, rendered: nil))
            }
        }
        return policy(policyName, options, shape.rootStart, module)
    }

    /// ``directPolicy(_:_:_:_:_:)`` of `pgPolicy('name', { ... })` with the `{` at token `open`, read from
    /// the tokens: options that are strings, names (not arrays) or `sql` templates; nil otherwise.
    func tokenPolicy(_ parser: TSParser, _ policyName: String, _ open: Int, _ rootStart: Int, _ module: Int, _ parameter: String,
                     _ standIn: Chain, _ builders: inout BuilderMemo) -> Policy? {
        let tokens = parser.tokens
        let close = Int(tokens[open].match)
        var options: [PolicyOption] = []
        // Room for the usual `as`, `for`, `to`, `using` and `withCheck` at once: growing the list one
        // option at a time reallocated it three times per policy.
        options.reserveCapacity(5)
        var j = open + 1
        while j < close {
            let keyToken = tokens[j]
            guard keyToken.kind == .string || keyToken.kind == .identifier, parser.isPunct(j + 1, P.colon) else { return nil }
            let key = optionKey(parser, keyToken)
            let k = j + 2
            let value = tokens[k]
            if value.kind == .string {
                options.append(PolicyOption(key: key, value: .string(parser.stringValue(value)), rendered: nil))
                j = k + 1
            } else if value.kind == .identifier, !parser.isLiteral(k), parser.isTemplateStart(k + 1) {
                guard let rendered = templateSQL(parser, k, module, parameter, standIn, &builders),
                    let next = templateEnd(parser, k + 1)
                else { return nil }
                options.append(PolicyOption(key: key, value: .undefined, rendered: rendered))
                j = next
            } else if value.kind == .identifier, !parser.isLiteral(k), parser.isPunct(k + 1, P.comma) || k + 1 == close {
                guard !parser.textEquals(value, parameter), let resolved = builderValue(module, parser, value, &builders) else { return nil }
                options.append(PolicyOption(key: key, value: resolved, rendered: nil))
                j = k + 1
            } else {
                return nil
            }
            if j < close { j += 1 }  // the comma
        }
        return policy(policyName, options, rootStart, module)
    }

    /// The policy of `options` as ``interpretPolicy(_:_:)`` reads the evaluated config, which holds the
    /// last option of each key; nil where it would warn.
    private func policy(_ policyName: String, _ options: [PolicyOption], _ rootStart: Int, _ module: Int) -> Policy? {
        func option(_ key: OptionKey) -> PolicyOption? { options.last { $0.key == key } }
        var roles: [String] = []
        if let to = option(.to) {
            guard to.rendered == nil, addDirectRoles(to.value, &roles) else { return nil }
        }
        guard let using = directExpression(option(.using)), let withCheck = directExpression(option(.withCheck)) else { return nil }
        let command = option(.for)?.value.stringValue.flatMap { Policy.Command(rawValue: $0.lowercased()) } ?? .all
        return Policy(name: policyName, isPermissive: option(.as)?.value.stringValue?.lowercased() != "restrictive", command: command,
                      roles: roles, using: using, withCheck: withCheck,
                      provenance: Provenance(source: .drizzle, location: location(module, rootStart)))
    }

    /// The roles of a policy's `to`, as ``interpretPolicy(_:_:)`` collects them; false where it would
    /// warn about a role.
    private func addDirectRoles(_ value: DrizzleValue, _ roles: inout [String]) -> Bool {
        switch value {
        case .string(let s): roles.append(s)
        case .chain(let role) where role.root == "pgRole": roles.append(role.args.first?.stringValue ?? "?")
        case .builtin(let builtin):
            guard let role = DrizzleEvaluator.supabaseRole(builtin) else { return false }
            roles.append(role)
        case .array(let list):
            for item in list { guard addDirectRoles(item, &roles) else { return false } }
        case .undefined: break
        default: return false
        }
        return true
    }

    /// A `using` or `withCheck` option as SQL: `.some(nil)` when absent or undefined, nil where the
    /// interpreter would warn.
    private func directExpression(_ option: PolicyOption?) -> String?? {
        guard let option else { return .some(nil) }
        if let rendered = option.rendered { return .some(rendered) }
        switch option.value {
        case .undefined: return .some(nil)
        case .sql(let fragment) where fragment.isResolved: return .some(fragment.render(qualified: true, defaultSchema: defaultSchema))
        default: return nil
        }
    }

    /// The key of a policy option, as far as ``policy(_:_:_:_:)`` reads it: the options it reads by
    /// name, every other key being `other`. Comparing a key token's bytes with these names gives what
    /// comparing its text does (none is canonically equivalent to any other text), without the text.
    private enum OptionKey {
        case `as`, `for`, to, using, withCheck, other

        init(_ key: String) {
            switch key {
            case "as": self = .as
            case "for": self = .for
            case "to": self = .to
            case "using": self = .using
            case "withCheck": self = .withCheck
            default: self = .other
            }
        }
    }

    /// The ``OptionKey`` of a string or name token (the names checked by their length first).
    private func optionKey(_ parser: TSParser, _ token: TSToken) -> OptionKey {
        guard token.kind == .identifier else { return OptionKey(parser.stringValue(token)) }
        switch token.end - token.start {
        case 2:
            if parser.isWord(token, "as") { return .as }
            if parser.isWord(token, "to") { return .to }
        case 3: if parser.isWord(token, "for") { return .for }
        case 5: if parser.isWord(token, "using") { return .using }
        case 9: if parser.isWord(token, "withCheck") { return .withCheck }
        default: break
        }
        return .other
    }
}
