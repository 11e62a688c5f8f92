package org.govpaas.platform.apps;

import java.time.Instant;

/** Something that happened to an app, in words a developer understands. */
public record AppEvent(long id, String appName, Instant occurredAt, String type, String message) {
}
