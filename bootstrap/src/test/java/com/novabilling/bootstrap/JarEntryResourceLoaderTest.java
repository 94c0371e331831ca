package com.novabilling.bootstrap;

import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's resource loader gives exactly what Micronaut's gives, for jar entries and everything else. */
class JarEntryResourceLoaderTest {

    @TempDir
    Path dir;

    @Test
    void answersEveryPathAsMicronautsLoaderDoes() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "application.yml", "micronaut:\n  application:\n    name: jar\n");
            out.putNextEntry(new JarEntry("conf/"));
            out.closeEntry();
            entry(out, "conf/application-postgres.yml", "datasources: {}\n");
            entry(out, "conf/empty.yml", "");
            entry(out, "data.bin", "\u0000\u00ff\u00e9 bytes \uD83D\uDE00");
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("plain.yml"), "plain: true\n");
        Files.createDirectories(classes.resolve("folder"));

        List<String> paths = List.of("application.yml", "classpath:application.yml", "/application.yml",
                "conf/application-postgres.yml", "classpath:conf/empty.yml", "data.bin", "conf", "conf/",
                "missing.yml", "conf/missing.yml", "plain.yml", "classpath:plain.yml", "folder", "../application.yml",
                "conf/../application.yml", "");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), classes.toUri().toURL()}, null)) {
            JarEntryResourceLoader ours = new JarEntryResourceLoader(loader);
            DefaultClassPathResourceLoader micronauts = new DefaultClassPathResourceLoader(loader);
            for (String path : paths) {
                assertThat(read(ours.getResourceAsStream(path))).as(path).isEqualTo(read(micronauts.getResourceAsStream(path)));
                assertThat(ours.getResource(path)).as(path).isEqualTo(micronauts.getResource(path));
            }
            assertThat(read(ours.getResourceAsStream("application.yml"))).contains("name: jar");
            assertThat(read(ours.getResourceAsStream("conf/empty.yml"))).isEmpty();
            assertThat(ours.getResourceAsStream("conf")).isEmpty();
            assertThat(read(ours.getResourceAsStream("plain.yml"))).isEqualTo("plain: true\n");
            assertThat(ours.getResource("classpath:conf/application-postgres.yml")).get().asString().endsWith("!/conf/application-postgres.yml");
            assertThat(ours.getResource("conf/")).isEmpty();
        }
    }

    @Test
    void onlyEntriesOfJarFilesAreReadThroughTheJar() throws Exception {
        assertThat(JarEntryResourceLoader.isEntryOfJarFile(new URL("jar:file:/srv/app.jar!/application.yml"))).isTrue();
        assertThat(JarEntryResourceLoader.isEntryOfJarFile(new URL("jar:file:/srv/app.jar!/lib/x.jar!/a.yml"))).isFalse();
        assertThat(JarEntryResourceLoader.isEntryOfJarFile(new URL("file:/srv/classes/application.yml"))).isFalse();
    }

    @Test
    void theLauncherHandsThisLoaderToItsContext() {
        assertThat(new NovaBillingLauncher(() -> { }).getResourceLoader()).isInstanceOf(JarEntryResourceLoader.class);
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** The content as text, or null when there is none. */
    private static String read(Optional<InputStream> stream) throws IOException {
        if (stream.isEmpty()) {
            return null;
        }
        try (InputStream in = stream.get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
