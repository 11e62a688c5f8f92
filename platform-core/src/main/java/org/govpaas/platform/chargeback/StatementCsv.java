package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A statement as CSV (RFC 4180, UTF-8): one row per line, then the subtotal, tax and total rows.
 * Text a person typed (app names are safe, comments are not) never starts a cell with a character
 * a spreadsheet would run as a formula.
 */
public final class StatementCsv {

    static final String HEADER = "department,period,status,app,isolation,component,quantity,unit,rate,multiplier,"
            + "amount_cny,used_quantity,note";

    private StatementCsv() {
    }

    public static byte[] write(Statement s) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (StatementLine l : s.lines()) {
            row(csv, s, l.app(), l.isolation(), l.component().name(), plain(l.quantity()), l.unit(), plain(l.rate()),
                    plain(l.multiplier()), plain(l.amount()), plain(l.usedQuantity()), l.note());
        }
        row(csv, s, null, null, "SUBTOTAL", null, null, null, null, plain(s.subtotal()), null, null);
        row(csv, s, null, null, "TAX", null, null, plain(s.taxRate()), null, plain(s.tax()), null, null);
        row(csv, s, null, null, "TOTAL", null, null, null, null, plain(s.total()), null, null);
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, Statement s, String... cells) {
        csv.append(Stream.concat(Stream.of(s.department(), s.period(), s.status()), Stream.of(cells))
                .map(StatementCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static List<String> columns() {
        return List.of(HEADER.split(","));
    }
}
