/**
 * The clinical validity checker: invariants every generated record must meet ({@link
 * io.synthfhir.validity.ValidityChecker#check}), and the repair step the hybrid generator runs before it accepts a
 * record ({@link io.synthfhir.validity.ValidityChecker#repair}). Reference tables (sex-specific concepts,
 * complications and their causes, vital-sign limits, known indications) are data under {@code rules/reference/},
 * each with the sources of its content in its remarks; lab limits and ranges come from the engine's {@code
 * LabCatalog}. See docs/clinical-validity.md.
 */
package io.synthfhir.validity;
