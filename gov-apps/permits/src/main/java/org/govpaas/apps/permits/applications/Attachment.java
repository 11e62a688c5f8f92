package org.govpaas.apps.permits.applications;

import java.time.Instant;

/** A stored document (its public id is a random UUID, in download URLs)'s description; the bytes are read only when it is downloaded. */
public record Attachment(long id, long applicationId, String publicId, String fileName, String contentType,
                         long sizeBytes, Instant uploadedAt) {
}
