package io.synthfhir.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium for the report tests: found on PATH (Debian's {@code chromium}; .ci/run installs it), run in a
 * throw-away profile with networking features off, so a page renders exactly what it contains.
 */
public final class HeadlessChromium {
    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser on PATH, or null when there is none (the caller then skips, saying so). */
    public static HeadlessChromium find() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "headless_shell")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return new HeadlessChromium(p);
                }
            }
        }
        return null;
    }

    /** The DOM after the page has loaded and rendered. */
    public String dumpDom(Path page, Path workDir) throws IOException, InterruptedException {
        return run(workDir, "--dump-dom", page.toUri().toString());
    }

    /** A PNG screenshot of the page at the given window size. */
    public BufferedImage screenshot(Path page, Path workDir, int width, int height)
            throws IOException, InterruptedException {
        Path png = workDir.resolve("screenshot-" + System.nanoTime() + ".png");
        run(
                workDir,
                "--screenshot=" + png,
                "--window-size=" + width + "," + height,
                page.toUri().toString());
        return javax.imageio.ImageIO.read(png.toFile());
    }

    public String run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + workDir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = workDir.resolve("chromium.out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(workDir.resolve("chromium.err").toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        return Files.readString(out);
    }

    /** Occurrences of {@code needle} in {@code text}. */
    public static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Distinct colours on a 7-pixel grid: a blank page has one or two. */
    public static long distinctColours(BufferedImage image) {
        return Stream.iterate(0, y -> y < image.getHeight(), y -> y + 7)
                .flatMap(y ->
                        Stream.iterate(0, x -> x < image.getWidth(), x -> x + 7).map(x -> image.getRGB(x, y)))
                .distinct()
                .count();
    }
}
