package org.govpaas.apps.hotline.ticket;

/** What a citizen reports, already checked by the form (codes known, lengths within bounds). */
public record NewReport(String category, String district, String address, String description) {
}
