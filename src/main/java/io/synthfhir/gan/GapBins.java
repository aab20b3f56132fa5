package io.synthfhir.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Time between visits as a category: bins of equal training mass on a log scale ({@code log1p(hours)}), so the model
 * resolves hours-apart follow-ups as finely as years-apart check-ups. Inside a bin a gap is drawn from that bin's own
 * quantile table, so spikes (weekly visits, yearly check-ups) come back where they were.
 */
final class GapBins {
    static final int DEFAULT_BINS = 32;

    private final double[] edges;
    private final List<Quantiles> inside;

    @JsonCreator
    GapBins(@JsonProperty("edges") double[] edges, @JsonProperty("inside") List<Quantiles> inside) {
        if (inside.size() != edges.length + 1) {
            throw new IllegalArgumentException("gap bins: " + edges.length + " edges need " + (edges.length + 1)
                    + " quantile tables, got " + inside.size());
        }
        this.edges = edges.clone();
        this.inside = List.copyOf(inside);
    }

    @JsonProperty("edges")
    double[] edges() {
        return edges.clone();
    }

    @JsonProperty("inside")
    List<Quantiles> inside() {
        return inside;
    }

    int count() {
        return edges.length + 1;
    }

    static double scale(Duration gap) {
        return Math.log1p(Math.max(0, gap.getSeconds()) / 3600.0);
    }

    int bin(Duration gap) {
        return binOfScaled(scale(gap));
    }

    int binOfScaled(double u) {
        int i = Arrays.binarySearch(edges, u);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The first bin whose gaps can exceed a censoring time (a patient still alive that long after a visit). */
    int firstBinBeyond(Duration remaining) {
        return binOfScaled(scale(remaining));
    }

    Duration sample(int bin, SplittableRandom random) {
        double u = inside.get(bin).sample(random);
        double lo = bin == 0 ? 0 : edges[bin - 1];
        double hi = bin == edges.length ? Double.POSITIVE_INFINITY : edges[bin];
        u = Math.max(lo, Math.min(u, hi));
        return Duration.ofSeconds(Math.round(Math.expm1(u) * 3600));
    }

    static GapBins fit(List<Duration> gaps, int bins) {
        double[] u = gaps.stream().mapToDouble(GapBins::scale).sorted().toArray();
        if (u.length == 0) {
            throw new IllegalArgumentException("no gaps between visits to learn from");
        }
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < bins; i++) {
            double e = Quantiles.quantile(u, (double) i / bins);
            if ((edges.isEmpty() || e > edges.get(edges.size() - 1) + 1e-9) && e > u[0]) {
                edges.add(e);
            }
        }
        double[] edgeArray = edges.stream().mapToDouble(Double::doubleValue).toArray();
        List<List<Double>> members = new ArrayList<>();
        for (int i = 0; i <= edgeArray.length; i++) {
            members.add(new ArrayList<>());
        }
        GapBins shape = new GapBins(
                edgeArray, java.util.Collections.nCopies(edgeArray.length + 1, new Quantiles(new double[] {0})));
        for (double v : u) {
            members.get(shape.binOfScaled(v)).add(v);
        }
        List<Quantiles> inside = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            double[] m =
                    members.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            inside.add(m.length == 0 ? new Quantiles(new double[] {i == 0 ? 0 : edgeArray[i - 1]}) : Quantiles.of(m));
        }
        return new GapBins(edgeArray, inside);
    }
}
