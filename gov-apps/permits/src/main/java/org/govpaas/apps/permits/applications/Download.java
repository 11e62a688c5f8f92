package org.govpaas.apps.permits.applications;

/** A document to send: its description and its bytes. */
public record Download(Attachment attachment, byte[] content) {
}
