package org.govpaas.runtime.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packages {@link TestApp} as an executable jar ({@code java -jar} works), built from the
 * compiled classes on the test class path so that no build step outside the test is needed.
 */
public final class TestAppJar {

    private TestAppJar() {
    }

    /** Writes {@code <dir>/test-app.jar} and returns its absolute path. */
    public static Path build(Path dir) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TestApp.class.getName());
        Path jar = dir.resolve("test-app.jar").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                // The nest holds TestApp and every class nested in it (Behaviour, ...).
                for (Class<?> type : TestApp.class.getNestMembers()) {
                    String entry = type.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream bytes = TestApp.class.getClassLoader().getResourceAsStream(entry)) {
                        if (bytes == null) {
                            throw new IllegalStateException("class file not found on the class path: " + entry);
                        }
                        bytes.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
        return jar;
    }
}
