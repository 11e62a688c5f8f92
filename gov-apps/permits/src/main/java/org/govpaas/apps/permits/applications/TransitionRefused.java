package org.govpaas.apps.permits.applications;

/**
 * An action the application's current status or claim does not allow, e.g. approving an
 * application nobody claimed. Nothing was changed. The message key explains it to the user.
 */
public class TransitionRefused extends RuntimeException {

    private final String messageKey;

    TransitionRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
