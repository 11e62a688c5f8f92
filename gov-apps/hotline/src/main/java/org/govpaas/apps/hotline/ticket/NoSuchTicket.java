package org.govpaas.apps.hotline.ticket;

/**
 * No ticket with that number for this person. Another citizen's ticket is reported exactly like
 * one that does not exist, so a guessed number tells nothing.
 */
public class NoSuchTicket extends RuntimeException {

    public NoSuchTicket(String number) {
        super("no ticket " + number);
    }
}
