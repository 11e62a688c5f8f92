package org.govpaas.platform.apps.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppChanges;
import org.govpaas.platform.apps.AppService;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.platform.system.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An app's version, isolation and parameters in the console: the same change as the API's {@code PATCH}
 * (an upgrade or new settings is a new generation, rolled out one instance at a time), in a
 * form rendered from the chosen version's schema.
 */
@Controller
@RequestMapping("/console/departments/{dept}/apps/{app}/settings")
class AppSettingsConsoleController {

    static final String FORM = "apps/settings";
    /** The form's one field outside the version's own: the isolation tier. */
    private static final Set<String> KEPT = Set.of("isolation");

    private final AppService apps;
    private final CatalogService catalog;
    private final DepartmentService departments;
    private final MessageSource messages;

    AppSettingsConsoleController(AppService apps, CatalogService catalog, DepartmentService departments,
                                 MessageSource messages) {
        this.apps = apps;
        this.catalog = catalog;
        this.departments = departments;
        this.messages = messages;
    }

    /** The app's current version and settings, or {@code version}'s defaults with them where they apply. */
    @GetMapping
    String form(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                @RequestParam(name = "version", required = false) String versionName, Model model) {
        App app = operable(caller, dept, name);
        List<TemplateVersion> versions = versions(app);
        TemplateVersion version = VersionForm.find(versions, versionName).orElseGet(() -> own(app, versions));
        return render(caller, app, versions, version, VersionForm.forVersion(version, current(app), KEPT), Map.of(),
                model);
    }

    /** Applies the change, unless another version was chosen in a form shown for one: then its form first. */
    @PostMapping
    String apply(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                 @RequestParam Map<String, String> form, Locale locale, Model model, RedirectAttributes redirect) {
        App app = operable(caller, dept, name);
        List<TemplateVersion> versions = versions(app);
        String chosen = form.get("version");
        Optional<TemplateVersion> offered = VersionForm.find(versions, chosen);
        if (offered.isEmpty()) {
            TemplateVersion own = own(app, versions);
            return render(caller, app, versions, own, VersionForm.forVersion(own, form, KEPT),
                    VersionForm.notOffered(chosen, app.templateId(), messages, locale), model);
        }
        TemplateVersion version = offered.get();
        if (VersionForm.switched(form, version)) {
            model.addAttribute("versionShown", true);
            return render(caller, app, versions, version, VersionForm.forVersion(version, form, KEPT), Map.of(), model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> parameters = VersionForm.parameters(version, form, errors, messages, locale);
        if (errors.isEmpty()) {
            try {
                String upgrade = version.version().equals(app.templateVersion()) ? null : version.version();
                String isolation = form.get("isolation");
                apps.change(caller, dept, name, new AppChanges(null, null, upgrade, parameters,
                        isolation == null || isolation.isBlank() ? null : isolation));
                redirect.addFlashAttribute("notice", "app.changeAccepted");
                return "redirect:/console/departments/" + dept + "/apps/" + name;
            } catch (FieldValidationException e) {
                errors.putAll(e.errors(messages, locale));
            }
        }
        return render(caller, app, versions, version, new HashMap<>(form), errors, model);
    }

    private App operable(Caller caller, String dept, String name) {
        App app = apps.get(caller, dept, name); // another department's app: 404, as a missing one
        if (!apps.canOperate(caller, dept)) {
            throw new AccessDeniedException("only the department's developers change its apps");
        }
        return app;
    }

    /** The versions an app may change to: the enabled ones, and its own even when disabled since. */
    private List<TemplateVersion> versions(App app) {
        CatalogTemplate template = catalog.template(app.templateId()).orElseThrow(() -> gone(app));
        List<TemplateVersion> versions = new ArrayList<>(catalog.enabledVersions(template));
        if (versions.stream().noneMatch(v -> v.version().equals(app.templateVersion()))) {
            catalog.version(app.templateId(), app.templateVersion()).ifPresent(versions::add);
        }
        return versions;
    }

    /** The version the app runs, which {@link #versions} always offers while the catalog has it. */
    private static TemplateVersion own(App app, List<TemplateVersion> versions) {
        return VersionForm.find(versions, app.templateVersion()).orElseThrow(() -> gone(app));
    }

    /** The app's settings as the form's fields hold them. */
    private static Map<String, String> current(App app) {
        Map<String, String> values = new HashMap<>();
        values.put("isolation", app.isolation());
        app.parameters().forEach((field, value) -> values.put(VersionForm.PARAM + field, String.valueOf(value)));
        return values;
    }

    private static NotFoundException gone(App app) {
        return new NotFoundException("template " + app.templateId() + " " + app.templateVersion());
    }

    private String render(Caller caller, App app, List<TemplateVersion> versions, TemplateVersion version,
                          Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("app", app);
        model.addAttribute("department", departments.get(caller, app.departmentCode()));
        model.addAttribute("version", version);
        model.addAttribute("versions", versions);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return FORM;
    }
}
