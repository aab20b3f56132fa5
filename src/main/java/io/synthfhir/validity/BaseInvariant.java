package io.synthfhir.validity;

import java.util.List;

/** The identity every invariant carries; subclasses add the rule. */
abstract class BaseInvariant implements Invariant {
    private final String id;
    private final String description;
    private final List<String> fields;

    BaseInvariant(String id, String description, List<String> fields) {
        this.id = id;
        this.description = description;
        this.fields = List.copyOf(fields);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> fields() {
        return fields;
    }

    final Violation violation(Where where, String field, String what, String value) {
        return new Violation(id, where, field, what, value);
    }

    final Change change(Where where, Change.Action action, String detail) {
        return new Change(id, where, action, detail);
    }

    @Override
    public String toString() {
        return id;
    }
}
