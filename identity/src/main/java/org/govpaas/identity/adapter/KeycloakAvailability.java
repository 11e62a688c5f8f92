package org.govpaas.identity.adapter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Answers "can users sign in right now?" without hammering Keycloak: one probe of the realm's
 * discovery document, remembered for a few seconds. Sign-in pages use it to show a clear
 * "sign-in service unavailable" page instead of sending a browser to a dead host.
 */
public class KeycloakAvailability {

    private static final Duration REMEMBER = Duration.ofSeconds(5);

    private final URI discovery;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile boolean available;

    public KeycloakAvailability(IdentityProperties properties) {
        this(properties, Clock.systemUTC());
    }

    KeycloakAvailability(IdentityProperties properties, Clock clock) {
        this.discovery = URI.create(properties.backChannelRealmUrl() + "/.well-known/openid-configuration");
        this.timeout = properties.probeTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.clock = clock;
    }

    public boolean isAvailable() {
        Instant now = clock.instant();
        if (now.isBefore(checkedAt.plus(REMEMBER))) {
            return available;
        }
        available = probe();
        checkedAt = now;
        return available;
    }

    /** Forget the last answer, e.g. after a call to Keycloak failed. */
    public void markUnavailable() {
        available = false;
        checkedAt = clock.instant();
    }

    private boolean probe() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(discovery).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
