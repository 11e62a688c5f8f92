package org.govpaas.apps.permits.form;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of the application form.
 * <p>
 * Date fields named as a period's bounds carry its rules, so any deployed form gets them without
 * a declaration: a date field whose name has the word {@code start} ({@code startDate},
 * {@code workStart}) begins a period and cannot be in the past; the date field named the same with
 * {@code end} in its place ({@code endDate}, {@code workEnd}) ends it and cannot be before it.
 * Other date fields (a date of birth, the day of an incident) may be any real date.
 *
 * @param name      the stable key answers are stored under (letters and digits)
 * @param labelZh   the label shown in Chinese
 * @param labelEn   the label shown in English
 * @param kind      what it holds
 * @param required  an application cannot be submitted without it
 * @param maxLength the most characters an answer may have
 */
public record FieldDefinition(String name, String labelZh, String labelEn, FieldKind kind, boolean required,
                              int maxLength) {

    // The word in camelCase: at the name's start in lower case, elsewhere capitalised, and not the
    // beginning of a longer word ("startingDate", "weekendDate" are not bounds).
    private static final Pattern START = Pattern.compile("(?:^start|Start)(?![a-z])");
    private static final Pattern END = Pattern.compile("(?:^end|End)(?![a-z])");

    /** The label in the reader's language: English for English readers, Chinese otherwise. */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    /** The HTML input type of a single-line field. */
    public String inputType() {
        return switch (kind) {
            case DATE -> "date";
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> "text";
        };
    }

    /** The autocomplete token that lets a browser fill the field in (WCAG 1.3.5), or null. */
    public String autocomplete() {
        return switch (kind) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> null;
        };
    }

    /** True for a date field that begins a period: its answer cannot be before today. */
    public boolean startsPeriod() {
        return kind == FieldKind.DATE && START.matcher(name).find();
    }

    /**
     * For a date field that ends a period, the name of the field that would begin it
     * ({@code endDate} → {@code startDate}); the form may not have that field.
     */
    public Optional<String> periodStartName() {
        Matcher end = END.matcher(name);
        if (kind != FieldKind.DATE || !end.find()) {
            return Optional.empty();
        }
        String start = end.group().equals("end") ? "start" : "Start";
        return Optional.of(name.substring(0, end.start()) + start + name.substring(end.end()));
    }
}
