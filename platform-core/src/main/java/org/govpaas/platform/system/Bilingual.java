package org.govpaas.platform.system;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Message lookup in both of the platform's languages, for pages that show both at once (a
 * visitor may not have chosen one yet: sign-in unavailable, an app not serving). The keys are
 * ordinary bundle keys: each bundle keeps its own language, as everywhere else.
 */
@Component
public final class Bilingual {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;

    Bilingual(MessageSource messages) {
        this.messages = messages;
    }

    public String zh(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }

    public String en(String key, Object... args) {
        return messages.getMessage(key, args, ENGLISH);
    }

    /** For a page title: the Chinese text, then the English. */
    public String both(String key) {
        return zh(key) + " / " + en(key);
    }
}
