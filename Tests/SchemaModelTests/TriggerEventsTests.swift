import Testing
@testable import SchemaModel

/// A trigger's events are a sorted set whatever order and repeats the source gave them in; one
/// event is kept as it is.
@Suite struct TriggerEventsTests {
    @Test(arguments: [
        [Trigger.Event(.update)], [Trigger.Event(.update, columns: ["b", "a"])], [Trigger.Event(.update), .init(.insert)],
        [Trigger.Event(.delete), .init(.delete)], [], [Trigger.Event(.insert), .init(.update, columns: ["x"]), .init(.insert)],
    ])
    func eventsAreASortedSet(events: [Trigger.Event]) {
        let trigger = Trigger(name: "t", timing: .before, events: events, function: QualifiedName(schema: "public", name: "f"),
                              provenance: Provenance(source: .database))
        #expect(trigger.events == Set(events).sorted())
        #expect(trigger.events.map(\.description) == Set(events.map(\.description)).sorted())
    }
}
