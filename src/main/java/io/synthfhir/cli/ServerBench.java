package io.synthfhir.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench-server}: cold-starts the standalone server twice in fresh JVMs — once as plain HAPI FHIR JPA
 * ({@code synthfhir.enabled=false}), once with the plugin — and prints, for each, the seconds from process start to the
 * first answered {@code /fhir/metadata} and the resident memory then; for the plugin, the latency of a first and of
 * warmed {@code $synthesize} calls and the peak memory after them. The ratios against plain HAPI, taken in the same
 * run, are what mean something on a noisy machine.
 */
final class ServerBench {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerBench() {}

    record Figures(
            double readySeconds, long readyRssMb, double firstCallSeconds, double warmCallSeconds, long peakMb) {}

    static int run(Map<String, String> o, PrintStream out) throws Exception {
        int count = Integer.parseInt(o.getOrDefault("count", "100"));
        String heap = o.getOrDefault("heap", "2g");
        Figures hapi = measure(false, count, heap, out);
        Figures ours = measure(true, count, heap, out);
        out.printf(
                Locale.ROOT,
                "ratio synthfhir/hapi ready_s=%.2f ready_rss=%.2f%n",
                ours.readySeconds() / hapi.readySeconds(),
                ours.readyRssMb() / (double) hapi.readyRssMb());
        return 0;
    }

    private static Figures measure(boolean plugin, int count, String heap, PrintStream out) throws Exception {
        int port = freePort();
        Path data = Files.createTempDirectory("synthfhir-bench-server");
        List<String> command = new ArrayList<>(java());
        command.add(0, "-Xmx" + heap);
        command.add(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "--server.port=" + port,
                "--synthfhir.enabled=" + plugin,
                "--synthfhir.data-folder=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("h2/bench") + ";DB_CLOSE_ON_EXIT=FALSE"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile())
                .start();
        long start = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        try {
            String base = "http://localhost:" + port + "/fhir";
            waitReady(base + "/metadata", process, data);
            double ready = (System.currentTimeMillis() - start) / 1000.0;
            long readyRss = rssMb(process.pid(), "VmRSS");
            double first = Double.NaN;
            double warm = Double.NaN;
            if (plugin) {
                String url = base + "/$synthesize?count=" + count + "&seed=1";
                first = timedGet(url);
                double sum = 0;
                for (int i = 0; i < 3; i++) {
                    sum += timedGet(url);
                }
                warm = sum / 3;
            }
            Figures f = new Figures(ready, readyRss, first, warm, rssMb(process.pid(), "VmHWM"));
            out.printf(
                    Locale.ROOT,
                    "%s ready_s=%.1f ready_rss_mb=%d%s peak_rss_mb=%d%n",
                    plugin ? "synthfhir" : "hapi-alone",
                    f.readySeconds(),
                    f.readyRssMb(),
                    plugin
                            ? String.format(
                                    Locale.ROOT,
                                    " first_synthesize_%d_s=%.2f warm_synthesize_%d_s=%.2f",
                                    count,
                                    f.firstCallSeconds(),
                                    count,
                                    f.warmCallSeconds())
                            : "",
                    f.peakMb());
            return f;
        } finally {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** How to start this very build as the server: the same jar, or the same class path. */
    private static List<String> java() {
        String cp = System.getProperty("java.class.path");
        List<String> args = new ArrayList<>();
        args.add("-Dorg.bytedeco.javacpp.cachedir="
                + System.getProperty(
                        "org.bytedeco.javacpp.cachedir", System.getProperty("user.home") + "/.javacpp/cache"));
        if (!cp.contains(java.io.File.pathSeparator) && cp.endsWith(".jar")) {
            args.addAll(List.of("-jar", cp));
        } else {
            args.addAll(List.of("-cp", cp, "io.synthfhir.app.SynthFhirApplication"));
        }
        return args;
    }

    private static void waitReady(String url, Process process, Path data) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the server exited before it answered; see " + data.resolve("server.log"));
            }
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not answer " + url + " within 300 s");
    }

    private static double timedGet(String url) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + new String(r.body()));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long rssMb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
