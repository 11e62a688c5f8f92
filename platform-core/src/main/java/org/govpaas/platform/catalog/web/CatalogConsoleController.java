package org.govpaas.platform.catalog.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.govpaas.catalog.Category;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.catalog.CatalogService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalog in the console: templates by category, a template's details, admins' switches. */
@Controller
@RequestMapping("/console/catalog")
class CatalogConsoleController {

    static final String LIST = "catalog/list";
    static final String DETAIL = "catalog/detail";

    private final CatalogService catalog;

    CatalogConsoleController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        Map<Category, List<CatalogTemplate>> byCategory = catalog.templates(caller).stream()
                .collect(Collectors.groupingBy(CatalogTemplate::category, () -> new java.util.EnumMap<>(Category.class),
                        Collectors.toList()));
        model.addAttribute("categories", byCategory);
        return LIST;
    }

    @GetMapping("/{template}")
    String detail(Caller caller, @PathVariable("template") String id, Model model) {
        CatalogTemplate template = catalog.template(caller, id);
        model.addAttribute("template", template);
        model.addAttribute("enabledVersions", catalog.enabledVersions(template));
        model.addAttribute("templateEnabled", catalog.isEnabled(id, null));
        model.addAttribute("canManage", caller.isPlatformAdmin());
        return DETAIL;
    }

    @PostMapping("/{template}/enabled")
    String setEnabled(Caller caller, @PathVariable("template") String id,
                      @RequestParam(name = "version", required = false) String version,
                      @RequestParam("enabled") boolean enabled, RedirectAttributes redirect) {
        catalog.setEnabled(caller, id, version == null || version.isBlank() ? null : version, enabled);
        redirect.addFlashAttribute("notice", enabled ? "catalog.enabledNotice" : "catalog.disabledNotice");
        return "redirect:/console/catalog/" + id;
    }
}
