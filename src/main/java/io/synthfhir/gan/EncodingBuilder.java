package io.synthfhir.gan;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Learns an {@link Encoding} from training records: the one place that reads real data outside the network. */
final class EncodingBuilder {
    static final int MAX_REASONS = 5;

    private final LabCatalog catalog;

    EncodingBuilder(LabCatalog catalog) {
        this.catalog = catalog;
    }

    Encoding build(List<PatientRecord> training, int k, int gapBins) {
        VocabularyBuilder vb = new VocabularyBuilder();
        List<List<Encounter>> encounters = new ArrayList<>();
        for (PatientRecord r : training) {
            encounters.add(r.encounters());
            List<java.util.Set<String>> visits = new ArrayList<>();
            List<Token> occurrences = new ArrayList<>();
            for (Encounter e : r.encounters()) {
                visits.add(VisitEvents.of(e).tokens());
                occurrences.addAll(VisitEvents.tokensOf(e));
            }
            vb.addPatient(visits, occurrences);
        }
        Vocabulary vocabulary = vb.build(k);
        if (vocabulary.tokenCount() == 0) {
            throw new TrainingDataException("no code is held by at least k=" + k + " of the " + training.size()
                    + " training patients: nothing can be learned without singling people out");
        }
        VisitTypes types = VisitTypes.learn(encounters, k);
        Instant dataEnd = dataEnd(training);
        return new Encoding(
                k,
                dataEnd.getEpochSecond(),
                vocabulary,
                channels(training, vocabulary, k),
                GapBins.fit(gaps(training), gapBins),
                types,
                events(training, vocabulary, types),
                demographics(training, vocabulary, dataEnd));
    }

    static Instant dataEnd(List<PatientRecord> records) {
        Instant end = Instant.EPOCH;
        for (PatientRecord r : records) {
            for (Encounter e : r.encounters()) {
                end = e.end().isAfter(end) ? e.end() : end;
            }
            if (r.deathTime() != null && r.deathTime().isAfter(end)) {
                end = r.deathTime();
            }
        }
        return end;
    }

    private List<ValueChannel> channels(List<PatientRecord> training, Vocabulary vocabulary, int k) {
        Map<String, Map<String, List<Double>>> valuesByUnit = new TreeMap<>();
        Map<String, Set<Integer>> holders = new HashMap<>();
        Map<String, Code> components = new HashMap<>();
        for (int p = 0; p < training.size(); p++) {
            for (Encounter e : training.get(p).encounters()) {
                for (Observation o : e.observations()) {
                    String key = VisitEvents.observationKey(o);
                    if (vocabulary.indexOf(key) < 0) {
                        continue;
                    }
                    if (o.quantity() != null) {
                        collect(
                                valuesByUnit,
                                holders,
                                key,
                                o.quantity().value(),
                                o.quantity().unit(),
                                p);
                    }
                    for (ObservationComponent c : o.components()) {
                        if (c.value() != null) {
                            String channel = VisitEvents.channelKey(key, c.code());
                            components.putIfAbsent(channel, c.code());
                            collect(
                                    valuesByUnit,
                                    holders,
                                    channel,
                                    c.value().value(),
                                    c.value().unit(),
                                    p);
                        }
                    }
                }
            }
        }
        List<ValueChannel> channels = new ArrayList<>();
        valuesByUnit.forEach((channelKey, byUnit) -> {
            if (holders.get(channelKey).size() < k) {
                return;
            }
            var majority = byUnit.entrySet().stream()
                    .max(java.util.Comparator.<Map.Entry<String, List<Double>>>comparingInt(
                                    x -> x.getValue().size())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow();
            String unit = majority.getKey();
            int hash = channelKey.indexOf('#');
            int token = vocabulary.indexOf(hash < 0 ? channelKey : channelKey.substring(0, hash));
            Code component = components.get(channelKey);
            LabCatalog.Lab lab = catalog.find(
                    component != null ? component : vocabulary.token(token).code());
            boolean sameUnit = lab != null && lab.unit().equals(unit);
            channels.add(ValueChannel.fit(
                    channelKey,
                    token,
                    component,
                    unit,
                    majority.getValue().stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray(),
                    sameUnit ? lab.min() : Double.NEGATIVE_INFINITY,
                    sameUnit ? lab.max() : Double.POSITIVE_INFINITY));
        });
        return channels;
    }

    private static void collect(
            Map<String, Map<String, List<Double>>> valuesByUnit,
            Map<String, Set<Integer>> holders,
            String channelKey,
            double value,
            String unit,
            int patient) {
        valuesByUnit
                .computeIfAbsent(channelKey, x -> new TreeMap<>())
                .computeIfAbsent(unit, x -> new ArrayList<>())
                .add(value);
        holders.computeIfAbsent(channelKey, x -> new HashSet<>()).add(patient);
    }

    /** Birth to first visit, then visit to visit (starts). */
    static List<Duration> gaps(List<PatientRecord> training) {
        List<Duration> gaps = new ArrayList<>();
        for (PatientRecord r : training) {
            Instant previous =
                    r.demographics().birthDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            for (Encounter e : r.encounters()) {
                gaps.add(
                        Duration.between(previous, e.start()).isNegative()
                                ? Duration.ZERO
                                : Duration.between(previous, e.start()));
                previous = e.start();
            }
        }
        return gaps;
    }

    private static EventStatistics events(List<PatientRecord> training, Vocabulary vocabulary, VisitTypes types) {
        int n = vocabulary.tokenCount();
        List<List<Double>> durations = new ArrayList<>();
        int[] events = new int[n];
        int[] ended = new int[n];
        List<Map<String, Integer>> reasons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            durations.add(new ArrayList<>());
            reasons.add(new HashMap<>());
        }
        int t = types.count();
        List<List<Double>> visitDurations = new ArrayList<>();
        List<Map<String, Integer>> visitReasons = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            visitDurations.add(new ArrayList<>());
            visitReasons.add(new HashMap<>());
        }
        Map<String, Code> reasonCodes = new HashMap<>();
        for (PatientRecord r : training) {
            for (Encounter e : r.encounters()) {
                int type = types.indexOf(e);
                visitDurations.get(type).add((double)
                        Duration.between(e.start(), e.end()).getSeconds());
                countReason(visitReasons.get(type), e.reason(), vocabulary, reasonCodes);
                for (Condition c : e.conditions()) {
                    int i = vocabulary.indexOf(Token.key(TokenKind.CONDITION, c.code(), null));
                    if (i >= 0) {
                        events[i]++;
                        if (c.abatement() != null) {
                            ended[i]++;
                            durations.get(i).add((double)
                                    Duration.between(c.onset(), c.abatement()).getSeconds());
                        }
                    }
                }
                for (Medication m : e.medications()) {
                    int i = vocabulary.indexOf(Token.key(TokenKind.MEDICATION, m.code(), null));
                    if (i >= 0) {
                        events[i]++;
                        if (m.end() != null) {
                            ended[i]++;
                            durations.get(i).add((double)
                                    Duration.between(m.authoredOn(), m.end()).getSeconds());
                        }
                        countReason(reasons.get(i), m.reason(), vocabulary, reasonCodes);
                    }
                }
                for (Procedure p : e.procedures()) {
                    int i = vocabulary.indexOf(Token.key(TokenKind.PROCEDURE, p.code(), null));
                    if (i >= 0) {
                        events[i]++;
                        ended[i]++;
                        durations.get(i).add((double)
                                Duration.between(p.start(), p.end()).getSeconds());
                        countReason(reasons.get(i), p.reason(), vocabulary, reasonCodes);
                    }
                }
            }
        }
        List<EventStatistics.Timing> tokenTimings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokenTimings.add(timing(events[i], ended[i], durations.get(i), reasons.get(i), reasonCodes));
        }
        List<EventStatistics.Timing> visitTimings = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            List<Double> d = visitDurations.get(i);
            visitTimings.add(timing(d.size(), d.size(), d, visitReasons.get(i), reasonCodes));
        }
        return new EventStatistics(tokenTimings, visitTimings);
    }

    private static void countReason(
            Map<String, Integer> counts, Code reason, Vocabulary vocabulary, Map<String, Code> codes) {
        if (reason == null) {
            return;
        }
        String key = Token.key(TokenKind.CONDITION, reason, null);
        if (vocabulary.indexOf(key) >= 0) {
            counts.merge(reason.key(), 1, Integer::sum);
            codes.putIfAbsent(
                    reason.key(), vocabulary.token(vocabulary.indexOf(key)).code());
        }
    }

    private static EventStatistics.Timing timing(
            int events, int ended, List<Double> durations, Map<String, Integer> reasons, Map<String, Code> codes) {
        Quantiles q = durations.isEmpty()
                ? null
                : Quantiles.of(
                        durations.stream().mapToDouble(Double::doubleValue).toArray());
        List<EventStatistics.Reason> top = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(java.util.Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_REASONS)
                .map(e -> new EventStatistics.Reason(codes.get(e.getKey()), e.getValue()))
                .toList();
        int withReason = reasons.values().stream().mapToInt(Integer::intValue).sum();
        return new EventStatistics.Timing(
                events == 0 ? 0 : (double) ended / events, q, top, events == 0 ? 0 : (double) withReason / events);
    }

    private static DemographicPrior demographics(List<PatientRecord> training, Vocabulary vocabulary, Instant end) {
        int[][] ageBySex = new int[2][111];
        int bands = 111 / DemographicPrior.BAND + 1;
        Map<Integer, int[][]> byCondition = new TreeMap<>();
        int[] races = new int[io.synthfhir.model.Race.values().length];
        int hispanic = 0;
        LocalDate endDate = LocalDate.ofInstant(end, ZoneOffset.UTC);
        for (PatientRecord r : training) {
            int sex = r.demographics().sex() == io.synthfhir.model.AdministrativeSex.MALE ? 1 : 0;
            int age = Math.max(
                    0,
                    Math.min(
                            110,
                            java.time.Period.between(r.demographics().birthDate(), endDate)
                                    .getYears()));
            ageBySex[sex][age]++;
            races[r.demographics().race().ordinal()]++;
            if (r.demographics().ethnicity() == io.synthfhir.model.Ethnicity.HISPANIC) {
                hispanic++;
            }
            Set<Integer> held = new HashSet<>();
            r.conditions().forEach(c -> held.add(vocabulary.indexOf(Token.key(TokenKind.CONDITION, c.code(), null))));
            held.remove(-1);
            for (int token : held) {
                byCondition.computeIfAbsent(token, x -> new int[2][bands])[sex][age / DemographicPrior.BAND]++;
            }
        }
        List<DemographicPrior.ConditionHolders> holders = new ArrayList<>();
        byCondition.forEach((token, counts) -> holders.add(new DemographicPrior.ConditionHolders(token, counts)));
        return new DemographicPrior(ageBySex, holders, races, hispanic, training.size());
    }
}
