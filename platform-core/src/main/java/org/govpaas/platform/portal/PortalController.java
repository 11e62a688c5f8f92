package org.govpaas.platform.portal;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PortalController {

    static final String INDEX = "portal/index";

    @GetMapping("/")
    String index(Model model) {
        // No app can be deployed yet, so there is no service to list; the catalog fills this.
        model.addAttribute("services", List.of());
        return INDEX;
    }
}
