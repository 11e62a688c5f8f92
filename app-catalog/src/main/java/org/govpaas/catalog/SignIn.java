package org.govpaas.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Who signs in to an app. It decides in which realm(s) the platform creates the app's own OIDC
 * client on deploy: none, {@code govpaas-citizens}, {@code govpaas-staff}, or both.
 */
public enum SignIn {
    NONE("none"),
    CITIZENS("citizens"),
    STAFF("staff"),
    BOTH("both");

    private final String label;

    SignIn(String label) {
        this.label = label;
    }

    /** The label used in template files and in the REST API. */
    @JsonValue
    public String label() {
        return label;
    }

    /** True when the app needs a client in the citizens realm. */
    public boolean citizens() {
        return this == CITIZENS || this == BOTH;
    }

    /** True when the app needs a client in the staff realm. */
    public boolean staff() {
        return this == STAFF || this == BOTH;
    }

    /** The sign-in need with this template-file label, or empty for anything else. */
    public static Optional<SignIn> fromLabel(String label) {
        for (SignIn signIn : values()) {
            if (signIn.label.equals(label)) {
                return Optional.of(signIn);
            }
        }
        return Optional.empty();
    }
}
