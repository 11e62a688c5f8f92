package org.govpaas.apps.hotline.statistics;

/**
 * A count as the public may see it. Counts of 1 and 2 are BUCKETED into "fewer than 3" (not
 * hidden, so a reader still learns that something was reported): with a category, a status and
 * a 30-day window, a neighbour could otherwise tie a single ticket to the one person they saw
 * call. Zero is shown, it tells nothing about anyone. No row or column totals are published,
 * because a total minus the shown cells would give a bucketed cell back.
 *
 * @param value the exact count, or null when it is bucketed
 */
public record Shown(Long value) {

    /** The smallest count published exactly. */
    public static final int THRESHOLD = 3;

    static Shown of(long count) {
        return new Shown(count > 0 && count < THRESHOLD ? null : count);
    }

    public boolean bucketed() {
        return value == null;
    }
}
