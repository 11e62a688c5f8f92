package org.govpaas.platform.console;

import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.CallerResolver;
import org.govpaas.platform.audit.AuditLog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;

/** What the shared layout needs on every console page: who is signed in and which links to show. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

    private final AuditLog audit;

    ConsoleModelAdvice(AuditLog audit) {
        this.audit = audit;
    }

    /** One look at the caller per request, for both attributes the layout reads. */
    @ModelAttribute
    void currentUser(Model model) {
        Caller caller = CallerResolver.current().orElse(null);
        model.addAttribute("currentUser", caller);
        model.addAttribute("canReadAudit", caller != null && audit.canRead(caller));
    }
}
