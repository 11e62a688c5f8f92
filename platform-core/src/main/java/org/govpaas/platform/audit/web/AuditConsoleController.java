package org.govpaas.platform.audit.web;

import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AuditConsoleController {

    static final String LIST = "audit/list";

    private final AuditLog audit;

    AuditConsoleController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    String list(Caller caller, Model model) {
        model.addAttribute("entries", audit.latest(caller));
        return LIST;
    }
}
