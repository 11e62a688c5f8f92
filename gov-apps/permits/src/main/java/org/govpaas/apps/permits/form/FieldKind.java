package org.govpaas.apps.permits.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a form field holds, with the input the page renders for it and the check its answers
 * pass. Each kind also bounds the {@code maxLength} a definition may give it.
 */
public enum FieldKind {
    TEXT("text", 200, 500),
    TEXTAREA("textarea", 2000, 5000),
    DATE("date", 10, 10),
    NUMBER("number", 20, 20),
    EMAIL("email", 254, 254),
    PHONE("phone", 20, 20);

    // Deliberately plain: the form asks for a way to reach the citizen, not an RFC 5322 parser.
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    // Mobile (13800138000), landline with area code (0571-87654321) or international (+86 ...).
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,19}");
    private static final Pattern NUMBER_SHAPE = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,6})?");

    private final String label;
    private final int defaultMaxLength;
    private final int largestMaxLength;

    FieldKind(String label, int defaultMaxLength, int largestMaxLength) {
        this.label = label;
        this.defaultMaxLength = defaultMaxLength;
        this.largestMaxLength = largestMaxLength;
    }

    /** The word a definition uses: text, textarea, date, number, email, phone. */
    public String label() {
        return label;
    }

    int defaultMaxLength() {
        return defaultMaxLength;
    }

    int largestMaxLength() {
        return largestMaxLength;
    }

    static Optional<FieldKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label.toLowerCase(Locale.ROOT))).findFirst();
    }

    static String labels() {
        return String.join(", ", Arrays.stream(values()).map(FieldKind::label).toList());
    }

    /** The message key of what is wrong with a non-blank answer, or empty when it fits the kind. */
    Optional<String> problemWith(String answer) {
        boolean fits = switch (this) {
            case TEXT, TEXTAREA -> true;
            case DATE -> isDate(answer);
            case NUMBER -> NUMBER_SHAPE.matcher(answer).matches() && new BigDecimal(answer).signum() >= 0;
            case EMAIL -> EMAIL_SHAPE.matcher(answer).matches();
            case PHONE -> PHONE_SHAPE.matcher(answer).matches();
        };
        return fits ? Optional.empty() : Optional.of("answer.error." + label);
    }

    private static boolean isDate(String answer) {
        try {
            LocalDate.parse(answer);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
