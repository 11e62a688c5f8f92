package org.govpaas.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semver-like version strings and their order, so a template file lists its versions oldest
 * first and {@link CatalogTemplate#latest()} really is the newest. A pre-release sorts before
 * its release; pre-release labels compare as text, which is enough for rc.1 .. rc.9.
 */
final class VersionOrder {

    static final Pattern SEMVER =
            Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z.-]{1,40}))?");

    private VersionOrder() {
    }

    static boolean isValid(String version) {
        return SEMVER.matcher(version).matches();
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    static int compare(String a, String b) {
        Matcher left = SEMVER.matcher(a);
        Matcher right = SEMVER.matcher(b);
        if (!left.matches() || !right.matches()) {
            throw new IllegalArgumentException("not semver-like: " + a + ", " + b);
        }
        for (int group = 1; group <= 3; group++) {
            int order = Integer.compare(Integer.parseInt(left.group(group)),
                    Integer.parseInt(right.group(group)));
            if (order != 0) {
                return order;
            }
        }
        String leftPre = left.group(4);
        String rightPre = right.group(4);
        if (leftPre == null || rightPre == null) {
            return leftPre == null ? (rightPre == null ? 0 : 1) : -1;
        }
        return leftPre.compareTo(rightPre);
    }
}
