package io.synthfhir.validity;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Medication;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code medication-without-indication}. Every medication has a reason that is a condition the patient had been
 * diagnosed with when it was ordered. Repair: when the order's drug has a known indication (rules/reference/
 * indications.json) that the patient had been diagnosed with by then, it becomes the reason (the one active at the
 * order, else the most recently diagnosed); otherwise the medication is dropped.
 */
final class Indications extends BaseInvariant {
    static final String FILE = "indications.json";

    /** RxNorm code key to the condition code keys the drug is indicated for, in the table's order of preference. */
    private final Map<String, List<String>> known;

    private Indications(Map<String, List<String>> known) {
        super(
                "medication-without-indication",
                "Every medication's reason is a condition the patient had been diagnosed with when it was ordered.",
                List.of("Medication.reason", "Medication.authoredOn", "Condition.code", "Condition.onset"));
        this.known = Map.copyOf(known);
    }

    static Indications load() {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode m : ReferenceData.read(FILE).path("medications")) {
            List<String> conditions = new ArrayList<>();
            for (JsonNode c : m.path("indications")) {
                conditions.add(ReferenceData.snomed(c, FILE).key());
            }
            if (conditions.isEmpty()
                    || !m.path("rxnorm").isArray()
                    || m.path("rxnorm").isEmpty()) {
                throw new IllegalStateException("rules/reference/" + FILE + ": "
                        + m.path("ingredient").asText("an entry") + " needs rxnorm codes and indications");
            }
            for (JsonNode rx : m.path("rxnorm")) {
                // A drug listed again (another module group's block) adds indications; it does not replace them.
                out.merge(
                        Code.RXNORM + "|" + rx.asText(),
                        List.copyOf(conditions),
                        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream())
                                .distinct()
                                .toList());
            }
        }
        return new Indications(out);
    }

    static boolean diagnosedBy(PatientRecord r, Code code, Instant t) {
        return code != null
                && r.conditions()
                        .anyMatch(c -> c.code().sameConcept(code) && !c.onset().isAfter(t));
    }

    @Override
    public List<Violation> check(PatientRecord r) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < r.encounters().size(); i++) {
            List<Medication> ms = r.encounters().get(i).medications();
            for (int j = 0; j < ms.size(); j++) {
                Medication m = ms.get(j);
                Where w = Where.event(i, EventKind.MEDICATION, j, m.code());
                if (m.reason() == null) {
                    out.add(violation(
                            w,
                            "Medication.reason",
                            "a medication needs an indication: the code of a" + " condition diagnosed by "
                                    + m.authoredOn(),
                            null));
                } else if (!diagnosedBy(r, m.reason(), m.authoredOn())) {
                    out.add(violation(
                            w,
                            "Medication.reason",
                            "the indication is not a condition diagnosed by " + m.authoredOn(),
                            m.reason().toString()));
                }
            }
        }
        return out;
    }

    /** The patient's condition to use as indication of {@code m}, if the drug has a known one diagnosed by then. */
    Optional<Code> indicationFor(PatientRecord r, Medication m) {
        List<String> wanted = known.getOrDefault(m.code().key(), List.of());
        Instant t = m.authoredOn();
        return r.conditions()
                .filter(c -> wanted.contains(c.code().key()) && !c.onset().isAfter(t))
                .max(Comparator.comparing((Condition c) -> c.activeAt(t))
                        .thenComparing(Condition::onset)
                        .thenComparing(c -> -wanted.indexOf(c.code().key())))
                .map(Condition::code);
    }

    @Override
    public PatientRecord repair(PatientRecord r, List<Change> changes) {
        return Records.editEncounters(r, (i, e) -> {
            Encounter.Builder b = e.toBuilder();
            boolean changed = false;
            for (int j = b.medications.size() - 1; j >= 0; j--) {
                Medication m = b.medications.get(j);
                if (m.reason() != null && diagnosedBy(r, m.reason(), m.authoredOn())) {
                    continue;
                }
                Where w = Where.event(i, EventKind.MEDICATION, j, m.code());
                Optional<Code> indication = indicationFor(r, m);
                if (indication.isPresent()) {
                    b.medications.set(
                            j, new Medication(m.code(), m.authoredOn(), m.end(), indication.get(), m.dosage()));
                    changes.add(change(
                            w,
                            Change.Action.ATTACHED,
                            "reason " + (m.reason() == null ? "-" : m.reason().key()) + " -> " + indication.get()));
                } else {
                    b.medications.remove(j);
                    changes.add(change(
                            w,
                            Change.Action.DROPPED,
                            "no diagnosed indication"
                                    + (m.reason() == null
                                            ? ""
                                            : " (" + m.reason().key() + " not diagnosed by " + m.authoredOn() + ")")));
                }
                changed = true;
            }
            return changed ? b.build() : e;
        });
    }
}
