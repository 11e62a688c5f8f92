package org.govpaas.platform.chargeback.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.platform.system.NotFoundException;

/** Months as they appear in URLs: {@code yyyy-MM}. */
final class Periods {

    private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-[0-9]{2}$");

    private Periods() {
    }

    /** A month in a path: anything else names no statement (404). */
    static YearMonth inPath(String period) {
        try {
            if (period != null && PERIOD.matcher(period).matches()) {
                return YearMonth.parse(period);
            }
        } catch (DateTimeParseException e) {
            // not a month
        }
        throw new NotFoundException("statement " + period);
    }

    /** A month in a query or form: anything else is a field error (400). */
    static YearMonth inField(String period) {
        try {
            return inPath(period);
        } catch (NotFoundException e) {
            throw FieldValidationException.coded("period", "statement.period.invalid", "Enter a month as yyyy-MM, e.g. 2026-01.");
        }
    }
}
