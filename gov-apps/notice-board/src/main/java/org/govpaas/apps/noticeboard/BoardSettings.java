package org.govpaas.apps.noticeboard;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deploy parameters of the notice board ({@code GOVPAAS_PARAM_TITLE}, {@code _WELCOME},
 * {@code _THEME}, mapped in application.yml). They are shown as text, never as markup.
 *
 * @param title   the board's heading; blank shows the default name in the reader's language
 * @param welcome an optional welcome paragraph
 * @param contact an optional enquiries line in the footer (offered from catalog version 1.1.0)
 */
@Validated
@ConfigurationProperties("noticeboard")
public record BoardSettings(@Size(max = 100) String title, @Size(max = 1000) String welcome, @NotNull Theme theme,
                            @Size(max = 200) String contact) {

    public enum Theme {
        LIGHT, DARK
    }

    public boolean hasTitle() {
        return title != null && !title.isBlank();
    }

    public boolean hasContact() {
        return contact != null && !contact.isBlank();
    }

    public boolean hasWelcome() {
        return welcome != null && !welcome.isBlank();
    }
}
