/// Builder chains (`varchar('x', { length: 9 }).notNull().default('a')`) evaluated in one pass.
///
/// Evaluated call by call, each method call would copy the chain built so far into a `.method` value
/// and then into a new `.chain` value, copying its call list each time; a schema is mostly such chains.
/// This walks the nested calls once and appends each method call to one uniquely held chain, with the
/// same results, the same evaluation order and the same depth accounting as the step-by-step path.
extension DrizzleEvaluator {
    /// One `.name(args)` of a chain, outermost first.
    private struct MethodCall {
        var name: String
        var nameOffset: Int
        var args: [TSExpr]
        var start: Int
        var end: Int
    }

    /// The value of a call whose callee is a method of another call (`a(...).b(...)`), or nil to let
    /// the step-by-step path evaluate it (when the depth limit could be reached on the way).
    func evaluateMethodChain(_ expr: TSExpr, _ module: Int, _ scope: Scope) -> DrizzleValue? {
        var calls: [MethodCall] = []
        var current = expr
        while case .call(.member(let base, let name, let nameOffset), let args, let start, let end) = current {
            calls.append(MethodCall(name: name, nameOffset: nameOffset, args: args, start: start, end: end))
            current = base
        }
        // Step by step, the k-th call from the outside is evaluated at depth d + 2k and its member at
        // d + 2k + 1 (d: the depth after entering this call), and the innermost value at d + 2 * count - 1.
        let entered = evaluationDepth
        guard entered + 2 * calls.count - 2 < 1_000 else { return nil }
        evaluationDepth = entered + 2 * calls.count - 1
        var value = evaluate(current, module, scope)
        for k in stride(from: calls.count - 1, through: 0, by: -1) {
            let method = calls[k]
            evaluationDepth = entered + 2 * k
            let site = site(module, method.start, method.nameOffset, method.end)
            if case .chain(var chain) = value, !isTable(chain), chain.root != "pgSchema" {
                // `member` gives `.method(chain, name)` for such a chain and `call` appends the call.
                value = .undefined
                let args = evaluateList(method.args, module, scope)
                chain.calls.append(Chain.Call(name: method.name, args: args, site: site))
                value = .chain(chain)
            } else {
                let callee = member(value, method.name, self.site(module, method.nameOffset))
                let args = evaluateList(method.args, module, scope)
                value = call(callee, args, site: site)
            }
        }
        evaluationDepth = entered
        return value
    }
}
