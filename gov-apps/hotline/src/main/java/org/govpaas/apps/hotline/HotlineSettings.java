package org.govpaas.apps.hotline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deploy parameters of the hotline ({@code GOVPAAS_PARAM_CATEGORIES}, {@code _DISTRICTS},
 * {@code _TEAMS}, {@code _PHOTO_MAX_KB}, {@code _TARGET_RESOLUTION_HOURS}, mapped in
 * application.yml). Checked at start-up: a wrong list stops the app with a message that names
 * the parameter, rather than showing citizens a broken form.
 *
 * @param categories            what citizens can report, see {@link Choices}
 * @param districts             optional districts a citizen may pick; empty hides the field
 * @param teams                 the teams and units staff assign tickets to
 * @param photoMaxKb            the largest photo accepted, in KiB
 * @param targetResolutionHours the promise shown on the public page
 * @param zone                  the city's time zone: ticket numbers count per local day
 */
@Validated
@ConfigurationProperties("hotline")
public record HotlineSettings(
        @NotNull String categories,
        String districts,
        @NotNull String teams,
        @Min(50) @Max(20480) int photoMaxKb,
        @Min(1) @Max(8760) int targetResolutionHours,
        @NotNull ZoneId zone) {

    public long photoMaxBytes() {
        return photoMaxKb * 1024L;
    }
}
