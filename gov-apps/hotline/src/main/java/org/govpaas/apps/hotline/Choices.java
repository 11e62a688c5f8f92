package org.govpaas.apps.hotline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deploy-time list of named choices (categories, districts, teams), written on one line because
 * the console's deploy form has single-line text fields:
 * {@code roads=道路与交通|Roads and traffic; water=供水排水|Water supply}. Codes are stored with
 * tickets; names are shown, Chinese or English by the reader's language.
 */
public final class Choices {

    /** One choice: a stable code and its names. */
    public record Choice(String code, String zh, String en) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : zh;
        }
    }

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_NAME = 60;

    private final Map<String, Choice> byCode;

    private Choices(Map<String, Choice> byCode) {
        this.byCode = byCode;
    }

    /**
     * Parses the parameter, or fails with a message naming the parameter and the faulty item, so
     * an operator who mistypes a deploy parameter reads what to fix in the app's start-up log.
     */
    public static Choices parse(String parameter, String text, boolean mayBeEmpty) {
        Map<String, Choice> choices = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        for (String item : (text == null ? "" : text).split(";")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        if (items.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException(parameter + " must list at least one item, "
                    + "like code=中文名|English name; code2=...");
        }
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            String where = parameter + " item " + (i + 1) + " '" + item + "'";
            int equals = item.indexOf('=');
            int bar = item.indexOf('|');
            if (equals < 0 || bar < equals) {
                throw new IllegalArgumentException(where + " must look like code=中文名|English name");
            }
            String code = item.substring(0, equals).strip();
            String zh = item.substring(equals + 1, bar).strip();
            String en = item.substring(bar + 1).strip();
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(where + ": the code must be 1-40 lower-case letters, digits or -");
            }
            if (zh.isEmpty() || en.isEmpty() || zh.length() > MAX_NAME || en.length() > MAX_NAME) {
                throw new IllegalArgumentException(where + ": both names are required, at most " + MAX_NAME + " characters");
            }
            if (choices.putIfAbsent(code, new Choice(code, zh, en)) != null) {
                throw new IllegalArgumentException(where + ": the code " + code + " is listed twice");
            }
        }
        return new Choices(choices);
    }

    public List<Choice> all() {
        return List.copyOf(byCode.values());
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<Choice> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The name in the reader's language; a code no longer listed (renamed at a redeploy) shows as itself. */
    public String name(String code, Locale locale) {
        return find(code).map(c -> c.name(locale)).orElse(code);
    }
}
