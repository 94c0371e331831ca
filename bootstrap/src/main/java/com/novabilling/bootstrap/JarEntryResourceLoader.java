package com.novabilling.bootstrap;

import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class-path resource loader of the launcher's context (the environment reads {@code application.yml} and
 * {@code application-<env>.yml} through it). Micronaut 4.10's loader opens the jar a resource lies in as a zip file
 * system to read it, which reads and indexes the jar's whole central directory again on every call: in the fat jar
 * (25,000 entries) about ten milliseconds of the start's critical path per configuration file. An entry of a jar
 * file is read here through the jar file itself instead, the way the class loader reads classes; anything else (a
 * directory of the class path, a jar inside a jar, a path with {@code ../}) goes to Micronaut's loader unchanged.
 * {@link #getResource} likewise (a {@code @Requires(resources = …)} condition asks it whether a resource is there).
 * Same answers: the content or URL of a file, nothing for a directory or a missing path.
 */
final class JarEntryResourceLoader extends DefaultClassPathResourceLoader {

    private static final String CLASSPATH = "classpath:";

    JarEntryResourceLoader(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    public Optional<InputStream> getResourceAsStream(String path) {
        Optional<URL> entry = entryOfJarFile(path);
        if (entry.isEmpty()) {
            return super.getResourceAsStream(path);
        }
        return onFileEntry(entry.get(), (jar, file) -> {
            try (InputStream in = jar.getInputStream(file)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        });
    }

    /** Also what a {@code @Requires(resources = "classpath:…")} condition asks. */
    @Override
    public Optional<URL> getResource(String path) {
        Optional<URL> entry = entryOfJarFile(path);
        if (entry.isEmpty()) {
            return super.getResource(path);
        }
        return onFileEntry(entry.get(), (jar, file) -> entry.get());
    }

    /**
     * The URL of {@code path} when it is an entry of a jar file; empty for anything Micronaut's loader answers
     * (a missing path, a directory of the class path, a nested jar, a path with {@code ../}).
     */
    private Optional<URL> entryOfJarFile(String path) {
        // the class loader's name for it, as Micronaut's loader (with no base path) makes it
        String name = path.startsWith(CLASSPATH) ? path.substring(CLASSPATH.length()) : path;
        if (name.isEmpty() || name.replace('\\', '/').contains("../")) {
            return Optional.empty();
        }
        URL url = getClassLoader().getResource(name);
        return url != null && isEntryOfJarFile(url) ? Optional.of(url) : Optional.empty();
    }

    /** {@code jar:file:/…/app.jar!/entry}: an entry of a jar on the file system, not of a jar nested in it. */
    static boolean isEntryOfJarFile(URL url) {
        if (!"jar".equals(url.getProtocol())) {
            return false;
        }
        String file = url.getFile();
        int separator = file.indexOf("!/");
        return file.startsWith("file:") && separator != -1 && file.indexOf("!/", separator + 2) == -1;
    }

    /** What to make of a file entry of an open jar. */
    private interface EntryReader<T> {
        T read(JarFile jar, JarEntry file) throws IOException;
    }

    /** {@code reader}'s answer for the entry {@code url} names; empty when it is a directory or missing. */
    private static <T> Optional<T> onFileEntry(URL url, EntryReader<T> reader) {
        try {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            // a jar of its own, closed below (the jar protocol's cache would keep it open)
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                JarEntry entry = connection.getJarEntry();
                return entry == null || entry.isDirectory() ? Optional.empty() : Optional.of(reader.read(jar, entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
