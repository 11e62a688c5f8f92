package org.govpaas.platform.system.security;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govpaas.identity.provisioning.IdentityServiceUnavailableException;
import org.govpaas.identity.provisioning.KeycloakProvisioning;
import org.govpaas.identity.provisioning.ProvisioningProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure the command-line client asks for the password on every sign-in, in realms imported
 * before the realm file said so. Its loopback redirect can reach an app instance's port on the
 * local runtime: were the browser's Keycloak session enough, an app page could take a signed-in
 * staff member through that sign-in and receive an API token's code without a login screen
 * (docs/architecture.md). Checked once the platform has started, then again while Keycloak does
 * not answer or refuses the platform, less and less often.
 */
@Component
public class CliSignInPolicy implements DisposableBean {

    /** The public client of `govpaas login` and other command-line tools (the staff realm's file). */
    public static final String CLI_CLIENT = "govpaas-cli";
    static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(CliSignInPolicy.class);

    private final KeycloakProvisioning keycloak;
    private final String staffRealm;
    private final CompletableFuture<Void> firstCheck = new CompletableFuture<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cli-sign-in-policy").factory());

    CliSignInPolicy(KeycloakProvisioning keycloak, ProvisioningProperties realms) {
        this.keycloak = keycloak;
        this.staffRealm = realms.staffRealm();
    }

    /** In the background: a Keycloak that does not answer must not hold up the platform's start. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        retries.execute(() -> {
            check(FIRST_RETRY);
            firstCheck.complete(null);
        });
    }

    /** Done when the check at start-up has run, whatever its outcome (for tests). */
    CompletableFuture<Void> firstCheck() {
        return firstCheck;
    }

    /**
     * Sets the policy when the client lacks it.
     *
     * @return whether the client was changed
     */
    public boolean apply() {
        boolean changed = keycloak.requirePasswordOnEverySignIn(staffRealm, CLI_CLIENT);
        if (changed) {
            log.warn("Client {} in realm {} signed staff in without a password when their browser had a Keycloak "
                    + "session (a realm imported before this version); it now asks for the password every time",
                    CLI_CLIENT, staffRealm);
        }
        return changed;
    }

    private void check(Duration nextRetry) {
        try {
            apply();
        } catch (IdentityServiceUnavailableException e) {
            // Warned once: a platform started before Keycloak, or without its admin role, would
            // otherwise fill the log.
            if (nextRetry.equals(FIRST_RETRY)) {
                log.warn("Could not check that {} asks for the password ({}); retrying, less and less often",
                        CLI_CLIENT, e.getMessage());
            }
            Duration doubled = nextRetry.multipliedBy(2);
            Duration after = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
            retries.schedule(() -> check(after), nextRetry.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.warn("Could not check that {} asks for the password; not retried", CLI_CLIENT, e);
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
