package org.govpaas.apps.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.govpaas.apps.kit.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** The kit's own texts (header, footer, error pages) as every service shows them. */
class KitMessagesTest {

    @Test
    void bothLanguagesHaveEveryTextAndTheChineseUsesChinesePunctuation() {
        assertThat(MessageBundles.keysNotInBoth("kit/messages.properties", "kit/messages_zh_CN.properties")).isEmpty();
        assertThat(MessageBundles.asciiPunctuationInChinese("kit/messages_zh_CN.properties")).isEmpty();
    }
}
