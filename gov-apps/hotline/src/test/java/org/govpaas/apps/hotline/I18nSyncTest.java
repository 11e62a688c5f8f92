package org.govpaas.apps.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.govpaas.apps.hotline.photo.PhotoRefused;
import org.govpaas.apps.hotline.statistics.Period;
import org.govpaas.apps.hotline.ticket.Action;
import org.govpaas.apps.hotline.ticket.Priority;
import org.govpaas.apps.hotline.ticket.TicketStatus;
import org.govpaas.apps.kit.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/**
 * Both languages say the same things; every key a template or a controller names exists; keys
 * built from enum names exist for every value; templates hold no untranslated text.
 */
class I18nSyncTest {

    /** Literals in the code that are keys: the validation errors of the report, staff and reopen forms. */
    static final Pattern QUOTED_KEY = Pattern.compile("\"((report|staff|reopen)\\.[a-zA-Z.]+[a-zA-Z])\"");

    @Test
    void bundlesHaveTheSameKeys() {
        assertThat(MessageBundles.keysNotInBoth("messages.properties", "messages_zh_CN.properties")).isEmpty();
    }

    @Test
    void templatesAndControllersUseOnlyExistingKeys() {
        Set<String> keys = MessageBundles.keys("messages.properties");
        Set<String> missing = new TreeSet<>(MessageBundles.missingInTemplates(keys));
        missing.addAll(MessageBundles.missingInSources(QUOTED_KEY, keys));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumValueHasItsText() {
        Set<String> keys = MessageBundles.keys("messages.properties");
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
    void templatesHoldNoTextOfTheirOwn() {
        assertThat(MessageBundles.templatesWithChineseText()).isEmpty();
    }

    @Test
    void chineseTextsUseChinesePunctuation() {
        assertThat(MessageBundles.asciiPunctuationInChinese("messages_zh_CN.properties")).isEmpty();
    }
}
