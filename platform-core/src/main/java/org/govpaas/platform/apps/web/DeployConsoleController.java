package org.govpaas.platform.apps.web;

import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppService;
import org.govpaas.platform.apps.DeployRequest;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.platform.system.NotFoundException;
import org.govpaas.platform.system.ServiceUnavailableException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deploy form: rendered from the template version's parameter schema, and checked by the
 * same service the API uses. Form values arrive as text and are coerced by that same schema.
 */
@Controller
class DeployConsoleController {

    static final String FORM = "apps/deploy";

    private final AppService apps;
    private final CatalogService catalog;
    private final DepartmentService departments;
    private final MessageSource messages;
    private final Validator validator;

    DeployConsoleController(AppService apps, CatalogService catalog, DepartmentService departments,
                            MessageSource messages, Validator validator) {
        this.apps = apps;
        this.catalog = catalog;
        this.departments = departments;
        this.messages = messages;
        this.validator = validator;
    }

    /** The form for the newest enabled version, or for {@code version} when it is enabled. */
    @GetMapping("/console/deploy/{template}")
    String form(Caller caller, @PathVariable("template") String id,
                @RequestParam(name = "dept", required = false) String dept,
                @RequestParam(name = "version", required = false) String versionName, Model model) {
        CatalogTemplate template = catalog.template(caller, id);
        List<TemplateVersion> versions = catalog.enabledVersions(template);
        TemplateVersion version = VersionForm.find(versions, versionName).orElse(latest(versions));
        Map<String, String> values = version == null ? new HashMap<>() : VersionForm.defaults(version);
        values.put("dept", dept == null ? "" : dept);
        return render(caller, template, versions, version, values, Map.of(), model);
    }

    /**
     * Deploys, unless the form was shown for another version than the one chosen in it
     * ({@link VersionForm#switched}): the form is then shown again with the chosen version's
     * limits and parameters, keeping what was typed that still applies, and nothing is deployed
     * yet. The page's script sends the form as soon as the version changes.
     */
    @PostMapping("/console/deploy/{template}")
    String deploy(Caller caller, @PathVariable("template") String id, @RequestParam Map<String, String> form,
                  Locale locale, Model model) {
        CatalogTemplate template = catalog.template(caller, id);
        List<TemplateVersion> versions = catalog.enabledVersions(template);
        String chosen = form.get("version");
        TemplateVersion version = VersionForm.find(versions, chosen).orElse(null);
        if (version == null) {
            TemplateVersion latest = latest(versions);
            if (latest == null) {
                throw new NotFoundException("template " + id);
            }
            Map<String, String> values = new HashMap<>(form);
            values.put("version", latest.version());
            return render(caller, template, versions, latest, values,
                    VersionForm.notOffered(chosen, template.id(), messages, locale), model);
        }
        if (VersionForm.switched(form, version)) {
            model.addAttribute("versionShown", true);
            return render(caller, template, versions, version,
                    VersionForm.forVersion(version, form, Set.of("name", "dept", "isolation")), Map.of(), model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> parameters = VersionForm.parameters(version, form, errors, messages, locale);
        Integer instances = number(form, "instances", errors, locale);
        Integer memory = number(form, "memoryMb", errors, locale);
        String dept = form.getOrDefault("dept", "");
        String isolation = form.get("isolation");
        DeployRequest request = new DeployRequest(form.getOrDefault("name", "").strip(), id, version.version(),
                instances, memory, isolation == null || isolation.isBlank() ? null : isolation, parameters);
        // The same constraints the API checks with @Valid, in the reader's language.
        validator.validate(request).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (errors.isEmpty()) {
            try {
                App app = apps.deploy(caller, dept, request);
                return "redirect:/console/departments/" + dept + "/apps/" + app.name();
            } catch (FieldValidationException e) {
                errors.putAll(e.errors(messages, locale));
            } catch (ServiceUnavailableException e) {
                errors.put("name", messages.getMessage("deploy.unavailable", null, locale));
            }
        }
        return render(caller, template, versions, version, form, errors, model);
    }

    private String render(Caller caller, CatalogTemplate template, List<TemplateVersion> versions,
                          TemplateVersion version, Map<String, String> values, Map<String, String> errors, Model model) {
        List<Department> operable = departments.list(caller).stream()
                .filter(d -> apps.canOperate(caller, d.code())).toList();
        model.addAttribute("template", template);
        model.addAttribute("version", version);
        model.addAttribute("versions", versions);
        model.addAttribute("departments", operable);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return FORM;
    }

    private static TemplateVersion latest(List<TemplateVersion> enabled) {
        return enabled.isEmpty() ? null : enabled.getLast();
    }

    private Integer number(Map<String, String> form, String field, Map<String, String> errors, Locale locale) {
        try {
            return FormNumbers.wholeNumber(form.get(field), field);
        } catch (FieldValidationException e) {
            errors.putAll(e.errors(messages, locale));
            return null;
        }
    }
}
