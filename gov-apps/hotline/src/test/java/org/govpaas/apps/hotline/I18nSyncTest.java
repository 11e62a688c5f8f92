package org.govpaas.apps.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.govpaas.apps.hotline.photo.PhotoRefused;
import org.govpaas.apps.hotline.statistics.Period;
import org.govpaas.apps.hotline.ticket.Action;
import org.govpaas.apps.hotline.ticket.Priority;
import org.govpaas.apps.hotline.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/**
 * Both languages say the same things; every key a template or a controller names exists; keys
 * built from enum names exist for every value; templates hold no untranslated text.
 */
class I18nSyncTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SOURCES = Path.of("src/main/java");

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void templatesAndControllersUseOnlyExistingKeys() throws IOException {
        Set<String> keys = keys();
        Set<String> missing = new TreeSet<>();
        for (Path file : files(TEMPLATES, ".html")) {
            Matcher m = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]").matcher(Files.readString(file));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        for (Path file : files(SOURCES, ".java")) {
            Matcher m = Pattern.compile("\"((report|staff|reopen)\\.[a-zA-Z.]+[a-zA-Z])\"").matcher(Files.readString(file));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumValueHasItsText() throws IOException {
        Set<String> keys = keys();
        Stream.of(TicketStatus.values()).forEach(s -> assertThat(keys).contains("status." + s));
        Stream.of(Priority.values()).forEach(p -> assertThat(keys).contains("priority." + p));
        Stream.of(Action.values()).forEach(a -> assertThat(keys).contains("event." + a));
        Stream.of(Period.values()).forEach(p -> assertThat(keys).contains("statistics.period." + p));
        Stream.of(PhotoRefused.Reason.values()).forEach(r -> assertThat(keys).contains("report.photo." + r));
        for (String done : List.of("CONFIRMED", "REOPENED", "TRIAGED", "ASSIGNED", "RESOLVED")) {
            assertThat(keys).contains("ticket.done." + done);
        }
    }

    @Test
    void templatesHoldNoTextOfTheirOwn() throws IOException {
        // Text between tags that is not replaced by th:text: CJK characters would be a forgotten literal.
        for (Path file : files(TEMPLATES, ".html")) {
            String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
            assertThat(html).as(file.toString()).doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static Set<String> keys() throws IOException {
        return load("messages.properties").stringPropertyNames();
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
