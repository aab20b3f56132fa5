package io.synthfhir.gan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthfhir.model.Address;
import io.synthfhir.model.CareProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * Names, addresses and clinics for generated patients, from the rule library's synthetic geography
 * ({@code rules/reference/people.json}: invented towns, common first names and surnames recombined). The model never
 * learns identities: training names and addresses are not read at all.
 */
final class SyntheticIdentity {
    private final JsonNode people;

    private SyntheticIdentity(JsonNode people) {
        this.people = people;
    }

    static SyntheticIdentity load() {
        try (InputStream in = SyntheticIdentity.class.getResourceAsStream("/rules/reference/people.json")) {
            if (in == null) {
                throw new IllegalStateException("rules/reference/people.json is missing from the classpath");
            }
            return new SyntheticIdentity(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("rules/reference/people.json is unreadable", e);
        }
    }

    /** A person's synthetic identity. */
    record Person(String given, String family, Address address, CareProvider provider) {}

    Person draw(boolean male, SplittableRandom random) {
        String given = one(random, male ? "givenMale" : "givenFemale");
        String family = one(random, "family");
        JsonNode towns = people.path("towns");
        JsonNode town = towns.get(random.nextInt(towns.size()));
        Address address = new Address(
                (1 + random.nextInt(980)) + " " + one(random, "streets") + " " + one(random, "streetSuffixes"),
                town.path("city").asText(),
                town.path("state").asText(),
                town.path("zip").asText(),
                "US");
        // a few clinics per town, named from the town alone, so patients of a town share them
        int clinic = random.nextInt(3);
        SplittableRandom named = new SplittableRandom(town.path("city").asText().hashCode() * 31L + clinic);
        CareProvider provider = new CareProvider(
                town.path("city").asText() + " " + one(named, "clinics"),
                new Address(
                        (100 + clinic * 37) + " " + one(named, "streets") + " Street",
                        town.path("city").asText(),
                        town.path("state").asText(),
                        town.path("zip").asText(),
                        "US"),
                one(named, named.nextBoolean() ? "givenMale" : "givenFemale"),
                one(named, "family"));
        return new Person(given, family, address, provider);
    }

    private String one(SplittableRandom random, String list) {
        JsonNode values = people.path(list);
        return values.get(random.nextInt(values.size())).asText();
    }
}
