package org.govpaas.apps.hotline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.govpaas.apps.hotline.ticket.NoSuchTicket;
import org.govpaas.apps.hotline.ticket.TransitionRefused;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An unknown ticket, or another citizen's, is the kit's 404 page: the same answer either way. An
 * action the ticket's status does not allow (usually a page left open while someone else acted)
 * says what happened and leads back to the ticket.
 */
@ControllerAdvice
class TicketErrors {

    @ExceptionHandler(NoSuchTicket.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(TransitionRefused.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(TransitionRefused refused, HttpServletRequest request, Model model) {
        // Actions are posted to <ticket page>/<action>: the way back is the path without its last step.
        String path = request.getServletPath();
        model.addAttribute("ticketPath", path.substring(0, path.lastIndexOf('/')));
        model.addAttribute("action", refused.action());
        model.addAttribute("status", refused.status());
        return "refused";
    }
}
