package org.govpaas.platform.system.security;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * (docs/architecture.md). Checked at every start, and again every 15 s while Keycloak is not
 * reachable yet.
 */
@Component
public class CliSignInPolicy implements DisposableBean {

    /** The public client of `govpaas login` and other command-line tools (the staff realm's file). */
    public static final String CLI_CLIENT = "govpaas-cli";
    private static final long RETRY_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(CliSignInPolicy.class);

    private final KeycloakProvisioning keycloak;
    private final String staffRealm;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cli-sign-in-policy").factory());

    CliSignInPolicy(KeycloakProvisioning keycloak, ProvisioningProperties realms) {
        this.keycloak = keycloak;
        this.staffRealm = realms.staffRealm();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        retries.execute(this::applyOrRetry);
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

    private void applyOrRetry() {
        try {
            apply();
        } catch (RuntimeException e) {
            log.info("CLI sign-in policy not checked yet ({}); retrying in {} s", e.getMessage(), RETRY_SECONDS);
            retries.schedule(this::applyOrRetry, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
