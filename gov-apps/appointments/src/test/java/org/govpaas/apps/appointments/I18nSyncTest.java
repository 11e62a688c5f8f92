package org.govpaas.apps.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govpaas.apps.appointments.booking.Booking;
import org.govpaas.apps.appointments.booking.BookingRefused;
import org.govpaas.apps.appointments.staff.CheckInRefused;
import org.govpaas.apps.kit.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/**
 * Both languages say the same things: the same keys in both bundles, every key a template or a
 * refusal names exists, and no template holds visible text of its own.
 */
class I18nSyncTest {

    @Test
    void bundlesHaveTheSameKeys() {
        assertThat(MessageBundles.keysNotInBoth("messages.properties", "messages_zh_CN.properties")).isEmpty();
    }

    @Test
    void templatesAndRefusalsUseOnlyExistingKeys() {
        // The kit adds its bundle to the app's message source, so a page may name the kit's keys.
        Set<String> keys = MessageBundles.keys("messages.properties", "kit/messages.properties");
        Set<String> missing = new TreeSet<>(MessageBundles.missingInTemplates(keys));
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
        for (Booking.Status status : Booking.Status.values()) {
            if (!keys.contains("booking.status." + status.name())) {
                missing.add("booking.status." + status.name());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoTextOfTheirOwn() {
        // Any text, not only Chinese: text between tags that Thymeleaf does not replace shows in the
        // language it was written in, whichever language the citizen chose.
        Pattern literal = Pattern.compile(">\\s*([^<>\\s][^<>]*?)\\s*<");
        Set<String> found = new TreeSet<>();
        for (Path template : MessageBundles.templates()) {
            for (String element : MessageBundles.withoutComments(template).split("(?=<)")) {
                Matcher m = literal.matcher(element + "<");
                if (m.find() && !element.matches("(?s)<[^>]*th:(text|utext|replace|errors)=.*") && !m.group(1).equals("·")) {
                    found.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void chineseTextsUseChinesePunctuation() {
        assertThat(MessageBundles.asciiPunctuationInChinese("messages_zh_CN.properties")).isEmpty();
    }
}
