package org.govpaas.apps.hotline.statistics;

import java.math.BigDecimal;
import java.util.Map;
import org.govpaas.apps.hotline.ticket.TicketStatus;

/**
 * One category's public figures for a period.
 *
 * @param byStatus         tickets reported in the period, by their status now
 * @param resolved         tickets resolved in the period
 * @param medianHours      median time from report to resolution, one decimal; null when fewer
 *                         than {@link Shown#THRESHOLD} tickets were resolved (a percentile of one
 *                         or two tickets is those tickets' own times)
 * @param percentile90Hours the 90th percentile, same rule
 */
public record CategoryFigures(String category, Map<TicketStatus, Shown> byStatus, Shown resolved,
                              BigDecimal medianHours, BigDecimal percentile90Hours) {
}
