package org.govpaas.apps.permits.web;

import java.util.Locale;
import org.govpaas.apps.permits.form.PermitForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public start page: which permit this is, what the application asks for, where to start. */
@Controller
class HomeController {

    private final PermitForm form;

    HomeController(PermitForm form) {
        this.form = form;
    }

    @GetMapping("/")
    String home(Locale locale, Model model) {
        model.addAttribute("permitName", form.name(locale));
        model.addAttribute("fields", form.definition().fields());
        model.addAttribute("rules", form.attachments());
        return "home";
    }
}
