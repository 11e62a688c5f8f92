package org.govpaas.apps.permits.applications;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such application for this caller. Another citizen's application gives the same answer as
 * one that does not exist, so a reference reveals nothing.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ApplicationNotFound extends RuntimeException {

    ApplicationNotFound() {
        super("no such application", null, false, false);
    }
}
