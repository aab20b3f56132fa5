package io.synthfhir.testing;

import ca.uhn.fhir.context.FhirContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;

/** Transaction bundles of the shared Synthea corpus, for whole-server tests that need real records to load. */
public final class CorpusBundles {
    private CorpusBundles() {}

    /** The {@code n} smallest bundles (fewest characters: quickest to load), in corpus order. */
    public static List<Bundle> smallest(int n) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SharedData.syntheaCorpus())), StandardCharsets.UTF_8))) {
            in.lines().forEach(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keep = new HashSet<>(lines.stream()
                .sorted(Comparator.comparingInt(String::length))
                .limit(n)
                .toList());
        FhirContext ctx = FhirContext.forR4Cached();
        return lines.stream()
                .filter(keep::contains)
                .map(l -> ctx.newJsonParser().parseResource(Bundle.class, l))
                .toList();
    }
}
