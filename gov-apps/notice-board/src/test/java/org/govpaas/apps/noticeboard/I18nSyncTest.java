package org.govpaas.apps.noticeboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.govpaas.apps.kit.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** Both languages say the same things: same message keys, same notices, no key a template lacks. */
class I18nSyncTest {

    @Test
    void bundlesHaveTheSameKeys() {
        assertThat(MessageBundles.keysNotInBoth("messages.properties", "messages_zh_CN.properties")).isEmpty();
    }

    @Test
    void noticesExistInBothLanguagesWithTheSameDates() {
        var chinese = Notices.load("notices/notices_zh_CN.properties");
        var english = Notices.load("notices/notices_en.properties");
        assertThat(chinese).isNotEmpty();
        assertThat(chinese).extracting(Notices.Notice::date).isEqualTo(english.stream().map(Notices.Notice::date).toList());
    }

    @Test
    void templatesUseOnlyExistingKeys() {
        assertThat(MessageBundles.missingInTemplates(MessageBundles.keys("messages.properties"))).isEmpty();
    }

    @Test
    void chineseTextsUseChinesePunctuation() {
        assertThat(MessageBundles.asciiPunctuationInChinese("messages_zh_CN.properties")).isEmpty();
        assertThat(MessageBundles.asciiPunctuationInChinese("notices/notices_zh_CN.properties")).isEmpty();
    }
}
