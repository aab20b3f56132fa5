package io.synthfhir.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The registry of state types: Synthea's {@code type} names and how each is built. */
final class StateTypes {
    private StateTypes() {}

    interface Factory {
        State build(String name, Transition transition, Node node);
    }

    static final Map<String, Factory> FACTORIES = factories();

    private static Map<String, Factory> factories() {
        Map<String, Factory> f = new HashMap<>();
        f.put("Initial", (n, t, node) -> new ControlStates.Initial(n, t));
        f.put("Terminal", (n, t, node) -> new ControlStates.Terminal(n));
        f.put("Simple", (n, t, node) -> new ControlStates.Simple(n, t));
        f.put("Delay", ControlStates.Delay::new);
        f.put("Guard", ControlStates.Guard::new);
        f.put("SetAttribute", ControlStates.SetAttribute::new);
        f.put("Counter", ControlStates.Counter::new);
        f.put("CallSubmodule", ControlStates.CallSubmodule::new);
        f.put("Death", ControlStates.Death::new);
        f.put("Encounter", ClinicalStates.EncounterState::new);
        f.put("EncounterEnd", (n, t, node) -> new ClinicalStates.EncounterEnd(n, t));
        f.put("ConditionOnset", ClinicalStates.ConditionOnset::new);
        f.put("ConditionEnd", ClinicalStates.ConditionEnd::new);
        f.put("AllergyOnset", ClinicalStates.AllergyOnset::new);
        f.put("AllergyEnd", ClinicalStates.AllergyEnd::new);
        f.put("MedicationOrder", ClinicalStates.MedicationOrder::new);
        f.put("MedicationEnd", ClinicalStates.MedicationEnd::new);
        f.put(
                "CarePlanStart",
                (n, t, node) -> new ClinicalStates.ActiveSetState(n, t, node, Person::carePlansOf, true, null));
        f.put(
                "CarePlanEnd",
                (n, t, node) -> new ClinicalStates.ActiveSetState(n, t, node, Person::carePlansOf, false, "careplan"));
        f.put(
                "Device",
                (n, t, node) -> new ClinicalStates.ActiveSetState(n, t, node, p -> p.activeDevices, true, null));
        f.put(
                "DeviceEnd",
                (n, t, node) -> new ClinicalStates.ActiveSetState(n, t, node, p -> p.activeDevices, false, "device"));
        f.put("Procedure", (n, t, node) -> new ClinicalStates.ProcedureState(n, t, node, "codes"));
        f.put("ImagingStudy", (n, t, node) -> new ClinicalStates.ProcedureState(n, t, node, "procedure_code"));
        f.put("Immunization", ClinicalStates.ImmunizationState::new);
        f.put("Vaccine", ClinicalStates.ImmunizationState::new);
        f.put("Observation", ObservationStates.ObservationState::new);
        f.put("MultiObservation", ObservationStates.PanelState::new);
        f.put("DiagnosticReport", ObservationStates.PanelState::new);
        f.put("VitalSign", ObservationStates.VitalSignState::new);
        f.put("Symptom", ObservationStates.SymptomState::new);
        f.put("SupplyList", (n, t, node) -> new ClinicalStates.NoOp(n, t));
        // Synthea runs physiology models only when configured to (off by default) and otherwise follows
        // alt_direct_transition; we always do the latter.
        f.put(
                "Physiology",
                (n, t, node) ->
                        new ControlStates.Simple(n, new Transitions.Direct(node.text("alt_direct_transition"))));
        return Map.copyOf(f);
    }

    static Set<String> names() {
        return new TreeSet<>(FACTORIES.keySet());
    }
}
