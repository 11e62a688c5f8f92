package org.govpaas.platform.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.catalog.LocalizedText;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.catalog.CatalogService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "Templates departments can deploy")
class CatalogApiController {

    private final CatalogService catalog;

    CatalogApiController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Templates in the catalog (platform admins also see disabled ones)")
    List<TemplateView> list(Caller caller) {
        return catalog.templates(caller).stream().map(this::view).toList();
    }

    @GetMapping("/{template}")
    @Operation(summary = "One template with its versions, sizes and parameter schema")
    TemplateView get(Caller caller, @PathVariable("template") String template) {
        return view(catalog.template(caller, template));
    }

    @PatchMapping("/{template}")
    @Operation(summary = "Take a template in or out of the catalog (platform admins); running apps keep running")
    TemplateView setEnabled(Caller caller, @PathVariable("template") String template, @Valid @RequestBody Switch change) {
        catalog.setEnabled(caller, template, null, change.enabled());
        return view(catalog.template(caller, template));
    }

    @PatchMapping("/{template}/versions/{version}")
    @Operation(summary = "Take one version in or out of the catalog (platform admins); running apps keep running")
    TemplateView setEnabled(Caller caller, @PathVariable("template") String template,
                            @PathVariable("version") String version, @Valid @RequestBody Switch change) {
        catalog.setEnabled(caller, template, version, change.enabled());
        return view(catalog.template(caller, template));
    }

    /** The admins' switch, the same as the console's; a body without it changes nothing. */
    record Switch(@NotNull Boolean enabled) {
    }

    private TemplateView view(CatalogTemplate t) {
        List<TemplateVersion> enabled = catalog.enabledVersions(t);
        return new TemplateView(t.id(), t.name(), t.description(), t.category().label(), !enabled.isEmpty(),
                t.versions().stream().map(v -> new VersionView(v.version(), enabled.contains(v),
                        Map.of("default", v.instances().defaultValue(), "max", v.instances().max()),
                        Map.of("min", v.memoryMb().min(), "default", v.memoryMb().defaultValue(),
                                "max", v.memoryMb().max()),
                        v.isolation(), v.signIn().label(),
                        v.services().stream().map(s -> s.label()).collect(java.util.stream.Collectors.toSet()),
                        v.sensitive(), v.parameters().asMap())).toList());
    }

    record TemplateView(String id, LocalizedText name, LocalizedText description, String category, boolean enabled,
                        List<VersionView> versions) {
    }

    record VersionView(String version, boolean enabled, Map<String, Integer> instances, Map<String, Integer> memoryMb,
                       Set<String> isolation, String signIn, Set<String> services, boolean sensitive,
                       Map<String, Object> parameters) {
    }
}
