package io.synthfhir.gan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns the vocabulary from training visits. A token held by fewer than {@code k} distinct patients is dropped, so a
 * rare code cannot single out a person; groups are formed among the kept tokens only.
 */
final class VocabularyBuilder {
    /** Two tokens join a group when each is present in at least this share of the visits holding the other. */
    static final double GROUP_AFFINITY = 0.9;

    private final Map<String, Set<Integer>> patientsByToken = new HashMap<>();
    private final Map<String, Map<String, Integer>> categoryVotes = new HashMap<>();
    private final Map<String, Token> prototypes = new HashMap<>();
    private final List<Set<String>> visits = new ArrayList<>();
    private int patients;

    /** Adds one patient's visits: their token keys and the tokens behind them. */
    void addPatient(List<Set<String>> patientVisits, List<Token> occurrences) {
        int id = patients++;
        for (Set<String> v : patientVisits) {
            visits.add(v);
            for (String key : v) {
                patientsByToken.computeIfAbsent(key, x -> new HashSet<>()).add(id);
            }
        }
        for (Token t : occurrences) {
            prototypes.putIfAbsent(t.key(), t);
            if (t.category() != null) {
                categoryVotes.computeIfAbsent(t.key(), x -> new TreeMap<>()).merge(t.category(), 1, Integer::sum);
            }
        }
    }

    /** How many distinct patients hold the token (for tests and the k threshold). */
    int patientsHolding(String key) {
        Set<Integer> s = patientsByToken.get(key);
        return s == null ? 0 : s.size();
    }

    Vocabulary build(int k) {
        List<Token> kept = new ArrayList<>();
        patientsByToken.keySet().stream()
                .filter(key -> patientsHolding(key) >= k && prototypes.containsKey(key))
                .sorted()
                .forEach(key -> {
                    Token p = prototypes.get(key);
                    kept.add(new Token(p.kind(), p.code(), p.value(), majority(categoryVotes.get(key))));
                });
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            ids.put(kept.get(i).key(), i);
        }
        return new Vocabulary(kept, groups(kept.size(), ids, k));
    }

    private static String majority(Map<String, Integer> votes) {
        if (votes == null || votes.isEmpty()) {
            return null;
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /**
     * Greedy cliques of mutual affinity, most frequent tokens first: a token joins a group only when it has affinity
     * with every member already in it, so a group's members really occur together.
     */
    private List<int[]> groups(int n, Map<String, Integer> ids, int k) {
        int[] count = new int[n];
        Map<Long, Integer> pairs = new HashMap<>();
        for (Set<String> v : visits) {
            int[] present = v.stream()
                    .map(ids::get)
                    .filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            for (int i = 0; i < present.length; i++) {
                count[present[i]]++;
                for (int j = i + 1; j < present.length; j++) {
                    pairs.merge((long) present[i] * n + present[j], 1, Integer::sum);
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, Comparator.<Integer>comparingInt(i -> -count[i]).thenComparingInt(i -> i));
        boolean[] used = new boolean[n];
        List<int[]> groups = new ArrayList<>();
        for (int a : order) {
            if (used[a] || count[a] < 2 * k) {
                continue;
            }
            List<Integer> group = new ArrayList<>(List.of(a));
            for (int b : order) {
                if (used[b] || b == a || count[b] < 2 * k) {
                    continue;
                }
                boolean fits = group.stream().allMatch(m -> affine(m, b, count, pairs, n));
                if (fits) {
                    group.add(b);
                }
            }
            if (group.size() >= 2) {
                group.forEach(m -> used[m] = true);
                groups.add(group.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
        return groups;
    }

    private static boolean affine(int a, int b, int[] count, Map<Long, Integer> pairs, int n) {
        long key = a < b ? (long) a * n + b : (long) b * n + a;
        int both = pairs.getOrDefault(key, 0);
        return both >= GROUP_AFFINITY * count[a] && both >= GROUP_AFFINITY * count[b];
    }
}
