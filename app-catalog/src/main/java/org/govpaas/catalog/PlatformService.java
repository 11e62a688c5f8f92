package org.govpaas.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** A service the platform provisions for an app that asks for it in its template. */
public enum PlatformService {
    /** Its own PostgreSQL database and role; credentials arrive as environment variables. */
    DATABASE("database");

    private final String label;

    PlatformService(String label) {
        this.label = label;
    }

    /** The label used in template files and in the REST API. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The service with this template-file label, or empty for anything else. */
    public static Optional<PlatformService> fromLabel(String label) {
        for (PlatformService service : values()) {
            if (service.label.equals(label)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
