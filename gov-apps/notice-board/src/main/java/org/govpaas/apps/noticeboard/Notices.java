package org.govpaas.apps.noticeboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * The notices, one bundled file per language ({@code notices/notices_zh_CN.properties},
 * {@code notices/notices_en.properties}), newest first. Read once at start-up: the sample app
 * has no database, and its notices change only with a new version.
 */
@Component
class Notices {

    public record Notice(int number, LocalDate date, String title, String body) {
    }

    private final List<Notice> chinese = load("notices/notices_zh_CN.properties");
    private final List<Notice> english = load("notices/notices_en.properties");

    List<Notice> in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : chinese;
    }

    static List<Notice> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Notices.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled file " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Notice> notices = new ArrayList<>();
        for (int number = 1; properties.containsKey("notice." + number + ".title"); number++) {
            String prefix = "notice." + number + ".";
            notices.add(new Notice(number, LocalDate.parse(properties.getProperty(prefix + "date")),
                    properties.getProperty(prefix + "title"), properties.getProperty(prefix + "body")));
        }
        notices.sort(Comparator.comparing(Notice::date).reversed());
        return List.copyOf(notices);
    }
}
