package org.govpaas.apps.hotline.photo;

/** The upload is not accepted as a photo; the reason becomes the message next to the field. */
public class PhotoRefused extends Exception {

    public enum Reason { TOO_LARGE, NOT_AN_IMAGE, TOO_MANY_PIXELS }

    private final Reason reason;

    public PhotoRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
