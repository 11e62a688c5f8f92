package org.govpaas.apps.appointments.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Confirmation codes: 10 random characters (50 bits) from an alphabet without look-alikes
 * (no 0/O, 1/I), shown as {@code XXXXX-XXXXX}. Random, not sequential, so a code cannot be guessed
 * from one's own; staff type them, so {@link #normalize} accepts lower case, spaces and no dash.
 */
public final class ConfirmationCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 10;
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{5}-[" + ALPHABET + "]{5}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfirmationCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code in its stored form, or null when the text cannot be a code. */
    public static String normalize(String text) {
        if (text == null || text.length() > 40) {
            return null;
        }
        String compact = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != LENGTH) {
            return null;
        }
        String code = compact.substring(0, LENGTH / 2) + "-" + compact.substring(LENGTH / 2);
        return CODE.matcher(code).matches() ? code : null;
    }
}
