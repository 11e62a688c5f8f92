package org.govpaas.platform.console;

import java.time.ZoneId;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.CallerResolver;
import org.govpaas.platform.audit.AuditLog;
import org.govpaas.platform.metering.MeteringProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;

/**
 * What every console page needs: who is signed in, which links to show, and the zone its times
 * are shown in.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

    private final AuditLog audit;
    private final MeteringProperties metering;

    ConsoleModelAdvice(AuditLog audit, MeteringProperties metering) {
        this.audit = audit;
        this.metering = metering;
    }

    /**
     * The city's zone, the one statements' months begin and end in: pages show times with
     * {@code instant.atZone(zone)}, so what staff read does not depend on the server's own zone.
     */
    @ModelAttribute("zone")
    ZoneId zone() {
        return metering.zone();
    }

    /** One look at the caller per request, for both attributes the layout reads. */
    @ModelAttribute
    void currentUser(Model model) {
        Caller caller = CallerResolver.current().orElse(null);
        model.addAttribute("currentUser", caller);
        model.addAttribute("canReadAudit", caller != null && audit.canRead(caller));
    }
}
