package org.govpaas.apps.permits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.govpaas.apps.permits.applications.Action;
import org.govpaas.apps.permits.applications.Actor;
import org.govpaas.apps.permits.applications.Reviews;
import org.govpaas.apps.permits.applications.Status;
import org.junit.jupiter.api.Test;

/**
 * Both languages say the same things: same keys in both bundles, every key a template names
 * exists, and every status, action and queue the pages look up by name has its text.
 */
class I18nSyncTest {

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void templatesUseOnlyExistingKeys() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> kit = Set.of("kit.");
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]|#messages\\.msg\\('([a-zA-Z0-9_.-]+)'");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(template));
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!keys.contains(name) && kit.stream().noneMatch(name::startsWith)) {
                        missing.add(template.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyLookedUpByNameExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (Status status : Status.values()) {
            assertThat(keys).contains("status." + status.name(), "status." + status.name() + ".citizen");
        }
        for (Action action : Action.values()) {
            assertThat(keys).contains("action." + action.name());
        }
        for (Actor.Kind kind : Actor.Kind.values()) {
            assertThat(keys).contains("actor." + kind.name());
        }
        for (Reviews.Queue queue : Reviews.Queue.values()) {
            assertThat(keys).contains("queue." + queue.name());
        }
    }

    @Test
    void everyMessageKeyTheCodeNamesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Pattern quoted = Pattern.compile("\"((?:answer|upload|comment|transition|done)\\.[a-zA-Z.]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = quoted.matcher(Files.readString(source));
                while (m.find()) {
                    if (!keys.contains(m.group(1)) && !m.group(1).endsWith(".")) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        for (String kind : new String[] {"date", "number", "email", "phone"}) {
            assertThat(keys).contains("answer.error." + kind);
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(I18nSyncTest.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
