package org.govpaas.platform.console;

import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.CallerResolver;
import org.govpaas.platform.audit.AuditLog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

/** What the shared layout needs on every console page: who is signed in and which links to show. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

    private final AuditLog audit;

    ConsoleModelAdvice(AuditLog audit) {
        this.audit = audit;
    }

    @ModelAttribute("currentUser")
    Caller currentUser() {
        return CallerResolver.current().orElse(null);
    }

    @ModelAttribute("canReadAudit")
    boolean canReadAudit() {
        return CallerResolver.current().map(audit::canRead).orElse(false);
    }
}
