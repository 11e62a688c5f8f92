package org.govpaas.apps.appointments;

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
import org.govpaas.apps.appointments.booking.BookingRefused;
import org.govpaas.apps.appointments.staff.CheckInRefused;
import org.junit.jupiter.api.Test;

/**
 * Both languages say the same things: the same keys in both bundles, every key a template or a
 * refusal names exists, and no template holds visible text of its own.
 */
class I18nSyncTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void templatesAndRefusalsUseOnlyExistingKeys() throws IOException {
        Set<String> keys = new TreeSet<>(load("messages.properties").stringPropertyNames());
        keys.addAll(kitKeys());
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]").matcher(Files.readString(template));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        for (BookingRefused.Reason reason : BookingRefused.Reason.values()) {
            if (!keys.contains(reason.messageKey())) {
                missing.add(reason.messageKey());
            }
        }
        for (CheckInRefused.Reason reason : CheckInRefused.Reason.values()) {
            if (!keys.contains(reason.messageKey())) {
                missing.add(reason.messageKey());
            }
        }
        for (String status : new String[] {"BOOKED", "CANCELLED", "CHECKED_IN"}) {
            if (!keys.contains("booking.status." + status)) {
                missing.add("booking.status." + status);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoTextOfTheirOwn() throws IOException {
        // Text between tags that Thymeleaf does not replace would show untranslated.
        Pattern literal = Pattern.compile(">\\s*([^<>\\s][^<>]*?)\\s*<");
        Set<String> found = new TreeSet<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            for (String element : html.split("(?=<)")) {
                Matcher m = literal.matcher(element + "<");
                if (m.find() && !element.matches("(?s)<[^>]*th:(text|utext|replace|errors)=.*") && !m.group(1).equals("·")) {
                    found.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    private static Set<String> kitKeys() throws IOException {
        return load("kit/messages.properties").stringPropertyNames();
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
