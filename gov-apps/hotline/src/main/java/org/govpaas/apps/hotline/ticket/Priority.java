package org.govpaas.apps.hotline.ticket;

/** Set by staff at triage; the queue lists the most urgent first. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
