package org.govpaas.platform.console;

import java.util.Locale;
import java.util.Map;
import org.govpaas.identity.adapter.Caller;
import org.springframework.context.MessageSource;
import org.govpaas.platform.department.DepartmentService;
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
    private final MessageSource messages;

    ConsoleHomeController(DepartmentService departments, MessageSource messages) {
        this.departments = departments;
        this.messages = messages;
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
        // Both languages at once: the visitor may not have chosen one yet.
        model.addAttribute("zh", text(Locale.SIMPLIFIED_CHINESE));
        model.addAttribute("en", text(Locale.ENGLISH));
        return SIGN_IN_UNAVAILABLE;
    }

    private Map<String, String> text(Locale locale) {
        return Map.of("title", messages.getMessage("signin.unavailable.title", null, locale),
                "body", messages.getMessage("signin.unavailable.body", null, locale));
    }

    @GetMapping("/console/signed-out")
    String signedOut() {
        return SIGNED_OUT;
    }
}
