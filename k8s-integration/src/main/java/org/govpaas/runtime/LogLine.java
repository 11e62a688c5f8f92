package org.govpaas.runtime;

import java.time.Instant;

/** One line an instance wrote to its standard output or error. */
public record LogLine(Instant time, String instance, String text) {
}
