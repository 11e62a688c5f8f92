/**
 * The public statistics page: how many tickets by category and status, and how long resolution
 * takes, over the last 30 or 90 days. Only aggregates leave this package, and small counts are
 * bucketed (see {@link org.govpaas.apps.hotline.statistics.Shown}) so nobody can be picked out.
 */
package org.govpaas.apps.hotline.statistics;
