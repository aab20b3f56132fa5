package io.synthfhir.eval.report;

import static io.synthfhir.eval.Patients.patient;
import static io.synthfhir.testing.HeadlessChromium.count;
import static io.synthfhir.testing.HeadlessChromium.distinctColours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synthfhir.eval.EvaluationInput;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.Evaluator;
import io.synthfhir.eval.Patients;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.testing.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {

    static List<PatientRecord> cohort(String prefix, int n, long seed, double labShift) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PatientRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Patients p = patient(prefix + i).born(1925 + r.nextInt(70));
            if (r.nextBoolean()) {
                p.male();
            }
            for (int v = 0; v < 2 + r.nextInt(3); v++) {
                p.visit("c" + r.nextInt(25), "c" + r.nextInt(40));
            }
            p.lab("2345-7", "mg/dL", 80 + labShift + r.nextGaussian() * 12, 90 + labShift + r.nextGaussian() * 12);
            p.lab("2093-3", "mg/dL", 180 + r.nextGaussian() * 30);
            p.lab("4548-4", "%", 5.6 + r.nextGaussian() * 0.5);
            out.add(p.build());
        }
        return out;
    }

    private static EvaluationReport report() {
        EvaluationInput input = EvaluationInput.of(
                        cohort("r", 60, 1, 0), cohort("s", 80, 2, 8), cohort("t", 60, 3, 0), 11)
                .withValidity(rec -> rec.id().endsWith("3") ? List.of("medication-needs-indication") : List.of());
        return new Evaluator().evaluate(input, Thresholds.defaults());
    }

    @Test
    void pageIsSelfContained() {
        String html = new HtmlReportWriter().write(report());
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("@import")
                .doesNotContain("url(");
        // the only URL is the SVG namespace, which is a name, not a fetch
        assertThat(html.replace("http://www.w3.org/2000/svg", ""))
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void notComputableFiguresShowTheirReason() {
        EvaluationReport tiny = new Evaluator()
                .evaluate(
                        EvaluationInput.of(cohort("r", 3, 1, 0), cohort("s", 3, 2, 0), null, 1), Thresholds.defaults());
        String html = new HtmlReportWriter().write(tiny);
        assertThat(html).contains("the training records are not known").contains("at least 5 patients");
    }

    @Test
    void chartsRenderInHeadlessChromium(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "no chromium binary on PATH (apt-get install chromium); rendering test skipped");
        EvaluationReport report = report();
        Path page = tmp.resolve("report.html");
        Files.writeString(page, new HtmlReportWriter().write(report), StandardCharsets.UTF_8);

        String dom = chromium.dumpDom(page, tmp);
        int labs = Math.min(HtmlReportWriter.LAB_HISTOGRAMS, report.labs().size());
        int bins = report.labs().get(0).realShares().size();
        assertThat(count(dom, "<circle class=\"pt\""))
                .isEqualTo(report.prevalence().size());
        assertThat(count(dom, "class=\"pyramid-bar "))
                .isEqualTo(4 * report.pyramid().bands().size());
        assertThat(count(dom, "class=\"hist-bar ")).isEqualTo(labs * 2 * bins);
        assertThat(count(dom, "class=\"threshold\"")).isGreaterThanOrEqualTo(4);
        assertThat(count(dom, "class=\"invariant-bar\"")).isEqualTo(1);
        assertThat(count(dom, "<tr class=\"metric\""))
                .isEqualTo(report.metrics().size());

        BufferedImage image = chromium.screenshot(page, tmp, 1200, 2600);
        assertThat(image).isNotNull();
        assertThat(distinctColours(image)).as("the screenshot is not blank").isGreaterThan(50);
        Path keep = Path.of("target", "eval-report");
        Files.createDirectories(keep);
        javax.imageio.ImageIO.write(image, "png", keep.resolve("report.png").toFile());
        Files.copy(page, keep.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
