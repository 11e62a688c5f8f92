package org.govpaas.platform.apps;

import java.time.Instant;

/**
 * The database of a deleted app, kept because citizens' data is never dropped silently: its role
 * can no longer log in, the data stays until a developer of the department purges it.
 *
 * @param id         the database's id in the platform (what a purge names)
 * @param app        the name the app had
 * @param createdAt  when the app first got it
 * @param releasedAt when its app was deleted
 * @param sizeBytes  what it occupies on the platform's PostgreSQL now
 */
public record RetainedDatabase(long id, String app, Instant createdAt, Instant releasedAt, long sizeBytes) {
}
