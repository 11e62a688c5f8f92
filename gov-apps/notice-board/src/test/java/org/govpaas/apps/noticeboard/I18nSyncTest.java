package org.govpaas.apps.noticeboard;

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
import org.junit.jupiter.api.Test;

/** Both languages say the same things: same message keys, same notices, no key a template lacks. */
class I18nSyncTest {

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void noticesExistInBothLanguagesWithTheSameDates() {
        var chinese = Notices.load("notices/notices_zh_CN.properties");
        var english = Notices.load("notices/notices_en.properties");
        assertThat(chinese).isNotEmpty();
        assertThat(chinese).extracting(Notices.Notice::date).isEqualTo(english.stream().map(Notices.Notice::date).toList());
    }

    @Test
    void templatesUseOnlyExistingKeys() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Matcher m = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]")
                .matcher(Files.readString(Path.of("src/main/resources/templates/board.html")));
        while (m.find()) {
            if (!keys.contains(m.group(1))) {
                missing.add(m.group(1));
            }
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
