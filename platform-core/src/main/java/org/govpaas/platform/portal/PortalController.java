package org.govpaas.platform.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.govpaas.catalog.Category;
import org.govpaas.platform.apps.AppDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PortalController {

    static final String INDEX = "portal/index";

    private final AppDirectory directory;

    PortalController(AppDirectory directory) {
        this.directory = directory;
    }

    /** Running citizen services, grouped by the categories of the city's action plan. */
    @GetMapping("/")
    String index(Model model) {
        Map<String, List<AppDirectory.Listing>> byCategory = directory.listed().stream()
                .collect(Collectors.groupingBy(AppDirectory.Listing::category, LinkedHashMap::new, Collectors.toList()));
        Map<Category, List<AppDirectory.Listing>> services = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            List<AppDirectory.Listing> listed = byCategory.get(category.label());
            if (listed != null) {
                services.put(category, listed);
            }
        }
        model.addAttribute("services", services);
        return INDEX;
    }
}
