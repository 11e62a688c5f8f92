package org.govpaas.platform.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * What the local runtime reads from an app's jar, in one look at its manifest: whether Spring Boot
 * packaged it (only such a jar gets a startup cache), and whether its bean definitions were worked
 * out when it was built (Spring AOT, {@code process-aot}). Such a jar starts with
 * {@code -Dspring.aot.enabled=true} and skips the scanning and condition checks of every start;
 * Spring Boot refuses the flag for a jar without them, so it is only given when the generated
 * initializer of the jar's main class is there.
 */
record SpringBootJar(boolean springBoot, boolean aotProcessed) {

    static final SpringBootJar OTHER = new SpringBootJar(false, false);

    /** {@link #OTHER} for a jar that cannot be read: it will not start anyway. */
    static SpringBootJar read(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            if (manifest == null || manifest.getValue("Spring-Boot-Version") == null) {
                return OTHER;
            }
            String main = manifest.getValue("Start-Class");
            return new SpringBootJar(true, main != null && file.getEntry("BOOT-INF/classes/" + main.replace('.', '/')
                    + "__ApplicationContextInitializer.class") != null);
        } catch (IOException e) {
            return OTHER;
        }
    }

    /** The JVM flags this jar's build asks for. */
    List<String> jvmFlags() {
        return aotProcessed ? List.of("-Dspring.aot.enabled=true") : List.of();
    }
}
