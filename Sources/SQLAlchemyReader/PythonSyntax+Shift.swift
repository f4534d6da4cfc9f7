/// Syntax moved along the file: a repeated line's statement is its original's with every offset
/// `delta` bytes further on (see ``RepeatedLines``), which is exactly what parsing it would give.
extension PyExpr {
    func shifted(by delta: Int) -> PyExpr {
        switch self {
        case .name(let name, let at): return .name(name, at: at + delta)
        case .attribute(let base, let name, let at): return .attribute(base.shifted(by: delta), name, at: at + delta)
        case .call(let callee, let args, let at):
            return .call(callee.shifted(by: delta), args.map { $0.shifted(by: delta) }, at: at + delta)
        case .index(let base, let items, let at):
            return .index(base.shifted(by: delta), items.map { $0.shifted(by: delta) }, at: at + delta)
        case .string(let text, let isFString, let at): return .string(text, isFString: isFString, at: at + delta)
        case .number(let text, let at): return .number(text, at: at + delta)
        case .tuple(let items, let at): return .tuple(items.map { $0.shifted(by: delta) }, at: at + delta)
        case .list(let items, let at): return .list(items.map { $0.shifted(by: delta) }, at: at + delta)
        case .dict(let entries, let at):
            return .dict(entries.map { PyDictEntry(key: $0.key?.shifted(by: delta), value: $0.value.shifted(by: delta)) }, at: at + delta)
        case .binary(let op, let left, let right, let at):
            return .binary(op, left.shifted(by: delta), right.shifted(by: delta), at: at + delta)
        case .unary(let op, let operand, let at): return .unary(op, operand.shifted(by: delta), at: at + delta)
        case .lambda(let body, let at): return .lambda(body.shifted(by: delta), at: at + delta)
        case .other(let at): return .other(at: at + delta)
        }
    }
}

extension PyArg {
    func shifted(by delta: Int) -> PyArg {
        PyArg(keyword: keyword, value: value.shifted(by: delta), isStar: isStar, valueStart: valueStart + delta, valueEnd: valueEnd + delta)
    }
}

extension PyStmt {
    func shifted(by delta: Int) -> PyStmt {
        switch self {
        case .importModule(let names, let at): return .importModule(names, at: at + delta)
        case .importFrom(let module, let level, let names, let at):
            return .importFrom(module: module, level: level, names: names, at: at + delta)
        case .assign(let targets, let value, let at):
            return .assign(targets: targets.map { $0.shifted(by: delta) }, value: value.shifted(by: delta), at: at + delta)
        case .annotated(let target, let annotation, let value, let at):
            return .annotated(
                target: target.shifted(by: delta), annotation: annotation.shifted(by: delta), value: value?.shifted(by: delta),
                at: at + delta)
        case .classDef(let cls):
            return .classDef(PyClass(
                name: cls.name, at: cls.at + delta, decorators: cls.decorators.map { $0.shifted(by: delta) },
                bases: cls.bases.map { $0.shifted(by: delta) }, body: cls.statements.map { $0.shifted(by: delta) }))
        case .function(let fn):
            return .function(PyFunction(
                name: fn.name, at: fn.at + delta, decorators: fn.decorators.map { $0.shifted(by: delta) },
                returns: fn.returns?.shifted(by: delta), body: fn.body.map { $0.shifted(by: delta) }))
        case .expression(let value, let at): return .expression(value.shifted(by: delta), at: at + delta)
        case .returnValue(let value, let at): return .returnValue(value?.shifted(by: delta), at: at + delta)
        case .repeated(let original, let offset): return .repeated(original, delta: offset + delta)
        }
    }
}
