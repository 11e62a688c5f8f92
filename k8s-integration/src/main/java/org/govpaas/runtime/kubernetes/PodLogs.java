package org.govpaas.runtime.kubernetes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.govpaas.runtime.LogLine;

/** Reads the kubelet's log text asked for with timestamps: {@code <RFC 3339 time> <line>} per line. */
final class PodLogs {

    private PodLogs() {
    }

    static List<LogLine> parse(String instance, String log) {
        List<LogLine> lines = new ArrayList<>();
        if (log == null || log.isEmpty()) {
            return lines;
        }
        for (String raw : log.split("\n")) {
            if (raw.isEmpty()) {
                continue;
            }
            int space = raw.indexOf(' ');
            try {
                lines.add(new LogLine(Instant.parse(raw.substring(0, space < 0 ? raw.length() : space)),
                        instance, space < 0 ? "" : raw.substring(space + 1)));
            } catch (DateTimeParseException e) {
                // A line without a time (should not happen with timestamps on): keep it, in place.
                lines.add(new LogLine(lines.isEmpty() ? Instant.EPOCH : lines.getLast().time(), instance, raw));
            }
        }
        return lines;
    }
}
