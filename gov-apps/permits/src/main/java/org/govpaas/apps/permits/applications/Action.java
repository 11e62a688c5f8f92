package org.govpaas.apps.permits.applications;

/** What someone did to an application; one history row each. */
public enum Action {
    SUBMIT, CLAIM, TAKE_OVER, REQUEST_INFORMATION, RESUBMIT, APPROVE, REJECT
}
