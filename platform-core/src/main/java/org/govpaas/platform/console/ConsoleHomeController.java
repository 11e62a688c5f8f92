package org.govpaas.platform.console;

import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.Bilingual;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@Controller
class ConsoleHomeController {

    static final String HOME = "console/home";
    static final String SIGN_IN_UNAVAILABLE = "console/sign-in-unavailable";
    static final String SIGNED_OUT = "console/signed-out";

    private final DepartmentService departments;
    private final Bilingual text;

    ConsoleHomeController(DepartmentService departments, Bilingual text) {
        this.departments = departments;
        this.text = text;
    }

    @GetMapping("/console")
    String home(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        model.addAttribute("departments", departments.list(caller));
        return HOME;
    }

    /** Keycloak is unreachable: say so in both languages instead of sending the browser to it. */
    @GetMapping("/sign-in-unavailable")
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String signInUnavailable(Model model) {
        model.addAttribute("text", text);
        return SIGN_IN_UNAVAILABLE;
    }

    @GetMapping("/console/signed-out")
    String signedOut() {
        return SIGNED_OUT;
    }
}
