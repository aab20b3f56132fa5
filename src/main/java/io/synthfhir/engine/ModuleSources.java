package io.synthfhir.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds module files: the bundled library on the classpath under {@code rules/} (a folder in development, entries
 * in the jar once packaged) and a user's own folder. Reference data ({@code reference/}) and lookup tables
 * ({@code lookup_tables/}) are not modules.
 */
public final class ModuleSources {
    private ModuleSources() {}

    public static List<ModuleLibrary.Source> classpath(String root) {
        List<ModuleLibrary.Source> out = new ArrayList<>();
        ResourceReader reader = ResourceReader.classpath(root);
        try {
            Enumeration<URL> urls = ModuleSources.class.getClassLoader().getResources(root);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    out.addAll(folder(Path.of(url.toURI())));
                } else if (url.openConnection() instanceof JarURLConnection connection) {
                    // Any jar the class loader serves from: a plain jar, or Spring Boot's nested
                    // jar:nested:app.jar/!BOOT-INF/classes/!/rules of the executable jar.
                    connection.setUseCaches(false);
                    try (JarFile file = connection.getJarFile()) {
                        Enumeration<JarEntry> entries = file.entries();
                        while (entries.hasMoreElements()) {
                            JarEntry e = entries.nextElement();
                            String relative = relative(e.getName(), root);
                            if (relative != null && relative.endsWith(".json") && isModule(relative)) {
                                String text = new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                                out.add(new ModuleLibrary.Source(
                                        relative.substring(0, relative.length() - 5), text, reader));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static List<ModuleLibrary.Source> folder(Path root) {
        if (!Files.isDirectory(root)) {
            throw new ModuleException(List.of(root + ": rules folder does not exist"));
        }
        ResourceReader reader = ResourceReader.folder(root);
        try (Stream<Path> files = Files.walk(root)) {
            List<ModuleLibrary.Source> out = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (isModule(relative)) {
                    out.add(new ModuleLibrary.Source(
                            relative.substring(0, relative.length() - 5), Files.readString(p), reader));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entry's path under {@code root}, or null when it lies elsewhere: {@code root/} at the top of a plain jar,
     * or under {@code BOOT-INF/classes/} of Spring Boot's executable jar (and not {@code keep_modules/} for {@code
     * modules}).
     */
    static String relative(String entry, String root) {
        for (String prefix : List.of(root + "/", "BOOT-INF/classes/" + root + "/")) {
            if (entry.startsWith(prefix)) {
                return entry.substring(prefix.length());
            }
        }
        return null;
    }

    static boolean isModule(String relative) {
        return !relative.startsWith("reference/")
                && !relative.startsWith("lookup_tables/")
                && !relative.contains("/lookup_tables/");
    }
}
