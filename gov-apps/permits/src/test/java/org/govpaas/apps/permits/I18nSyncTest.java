package org.govpaas.apps.permits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;
import org.govpaas.apps.kit.testing.MessageBundles;
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

    /** Literals in the code that are keys: answer, upload and comment errors, refused transitions, done banners. */
    static final Pattern QUOTED_KEY = Pattern.compile("\"((?:answer|upload|comment|transition|done)\\.[a-zA-Z.]+)\"");

    @Test
    void bundlesHaveTheSameKeys() {
        assertThat(MessageBundles.keysNotInBoth("messages.properties", "messages_zh_CN.properties")).isEmpty();
    }

    @Test
    void templatesUseOnlyExistingKeys() {
        // The kit adds its bundle to the app's message source, so a page may name the kit's keys.
        Set<String> keys = MessageBundles.keys("messages.properties", "kit/messages.properties");
        assertThat(MessageBundles.missingInTemplates(keys)).isEmpty();
    }

    @Test
    void everyKeyLookedUpByNameExists() {
        Set<String> keys = MessageBundles.keys("messages.properties");
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
    void everyMessageKeyTheCodeNamesExists() {
        Set<String> keys = MessageBundles.keys("messages.properties");
        // FieldKind completes "answer.error." with the label of each kind whose answers it checks.
        for (String kind : new String[] {"date", "number", "email", "phone"}) {
            assertThat(keys).contains("answer.error." + kind);
        }
        assertThat(MessageBundles.missingInSources(QUOTED_KEY, keys)).isEmpty();
    }

    @Test
    void chineseTextsUseChinesePunctuation() {
        assertThat(MessageBundles.asciiPunctuationInChinese("messages_zh_CN.properties")).isEmpty();
    }
}
