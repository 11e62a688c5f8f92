package org.govpaas.platform.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govpaas.catalog.Catalog;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.catalog.ParameterError;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.catalog.ParameterSchema;
import org.govpaas.catalog.SizingCheck;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.system.NotFoundException;
import org.govpaas.runtime.IsolationTier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Templates as offered to developers, with the admins' enable/disable switches applied. */
@Service
public class CatalogService {

    /** Strongest first: when a deploy names no tier, it gets the strongest the runtime can give. */
    static final List<IsolationTier> PREFERENCE = List.of(IsolationTier.DEDICATED, IsolationTier.HYPERVISOR,
            IsolationTier.STANDARD, IsolationTier.PROCESS_SANDBOXED, IsolationTier.PROCESS);

    private final Catalog catalog;
    private final JdbcTemplate jdbc;
    private final Path repository;
    private final ApplicationEventPublisher events;

    CatalogService(Catalog catalog, JdbcTemplate jdbc,
                   @Value("${govpaas.catalog.artifact-repository:${user.home}/.m2/repository}") Path repository,
                   ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.repository = repository;
        this.events = events;
    }

    /** A deploy or change that passed every check, with defaults filled in. */
    public record Checked(String templateId, String version, int instances, int memoryMb, String isolation,
                          Map<String, Object> parameters) {
    }

    /** Templates with at least one enabled version; platform admins also see disabled ones. */
    public List<CatalogTemplate> templates(Caller caller) {
        Switches switches = switches();
        return catalog.templates().stream()
                .filter(t -> visible(caller, t, switches))
                .sorted(Comparator.comparing(CatalogTemplate::id)).toList();
    }

    public CatalogTemplate template(Caller caller, String id) {
        return catalog.template(id).filter(t -> visible(caller, t, switches()))
                .orElseThrow(() -> new NotFoundException("template " + id));
    }

    public Optional<CatalogTemplate> template(String id) {
        return catalog.template(id);
    }

    /** Any stored version, enabled or not: a running app keeps running when its version is disabled. */
    public Optional<TemplateVersion> version(String templateId, String version) {
        return catalog.version(templateId, version);
    }

    public List<TemplateVersion> enabledVersions(CatalogTemplate template) {
        return switches().enabledVersions(template);
    }

    public boolean isEnabled(String templateId, String version) {
        return switches().enabled(templateId, version);
    }

    private static boolean visible(Caller caller, CatalogTemplate template, Switches switches) {
        return caller != null && caller.isPlatformAdmin() || !switches.enabledVersions(template).isEmpty();
    }

    /** Takes a template ({@code version} null) or one version in or out of the catalog. */
    @Transactional
    public void setEnabled(Caller caller, String templateId, String version, boolean enabled) {
        if (!caller.isPlatformAdmin()) {
            throw new AccessDeniedException("platform admins manage the catalog");
        }
        CatalogTemplate template = catalog.template(templateId).orElseThrow(() -> new NotFoundException("template " + templateId));
        if (version != null && template.version(version).isEmpty()) {
            throw new NotFoundException("version " + version);
        }
        jdbc.update("insert into catalog_setting (template_id, version, enabled, changed_by) values (?, ?, ?, ?) "
                        + "on conflict (template_id, version) do update set enabled = excluded.enabled, "
                        + "changed_by = excluded.changed_by, changed_at = now()",
                templateId, version == null ? "" : version, enabled, caller.username());
        events.publishEvent(new CatalogChanged(caller.username(), templateId, version, enabled));
    }

    /** The executable jar of a version in the local Maven repository, when it has been built. */
    public Optional<Path> jar(TemplateVersion version) {
        Path jar = repository.resolve(version.jar().toRepositoryPath()).normalize();
        return jar.startsWith(repository.normalize()) && Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * The one check of a deploy or change; problems are added to {@code errors} (field to coded
     * message, English default for the API). Returns null when there are errors.
     */
    public Checked check(String templateId, String versionName, Integer instances, Integer memoryMb, String isolation,
                         Map<String, Object> parameters, Set<IsolationTier> supported,
                         Map<String, DefaultMessageSourceResolvable> errors) {
        return check(templateId, versionName, false, instances, memoryMb, isolation, parameters, supported, errors);
    }

    /**
     * @param running true for a change to an app that already runs {@code versionName}: taking a
     *                version out of the catalog stops new deploys, not the scaling of running apps
     */
    public Checked check(String templateId, String versionName, boolean running, Integer instances, Integer memoryMb,
                         String isolation, Map<String, Object> parameters, Set<IsolationTier> supported,
                         Map<String, DefaultMessageSourceResolvable> errors) {
        Switches switches = switches();
        Optional<CatalogTemplate> template = catalog.template(templateId)
                .filter(t -> running || switches.enabled(t.id(), null));
        if (template.isEmpty()) {
            errors.put("template", FieldValidationException.error("catalog.error.noTemplate",
                    "No template " + templateId + " in the catalog.", templateId));
            return null;
        }
        List<TemplateVersion> enabled = running ? template.get().versions() : switches.enabledVersions(template.get());
        Optional<TemplateVersion> found = versionName == null
                ? enabled.stream().reduce((first, second) -> second)
                : enabled.stream().filter(v -> v.version().equals(versionName)).findFirst();
        if (found.isEmpty()) {
            errors.put("version", FieldValidationException.error("catalog.error.noVersion",
                    "No enabled version " + versionName + " of " + templateId + ".", versionName, templateId));
            return null;
        }
        TemplateVersion version = found.get();
        int size = instances == null ? version.instances().defaultValue() : instances;
        int memory = memoryMb == null ? version.memoryMb().defaultValue() : memoryMb;
        for (ParameterError e : SizingCheck.check(version, size, memory)) {
            errors.putIfAbsent(e.field(), coded(e));
        }
        String tier = isolation(version, isolation, supported, errors);
        ParameterSchema schema = version.parameters();
        Map<String, Object> values = schema.withDefaults(parameters == null ? Map.of() : parameters);
        for (ParameterError e : schema.validate(values)) {
            errors.putIfAbsent(e.field(), coded(e));
        }
        return errors.isEmpty()
                ? new Checked(templateId, version.version(), size, memory, tier, new LinkedHashMap<>(values)) : null;
    }

    /** A parameter or sizing error in the reader's language on pages, in English in the API. */
    public static DefaultMessageSourceResolvable coded(ParameterError error) {
        return FieldValidationException.error(error.code(), error.message(), error.arguments().toArray());
    }

    private static String isolation(TemplateVersion version, String requested, Set<IsolationTier> supported,
                                    Map<String, DefaultMessageSourceResolvable> errors) {
        if (requested != null) {
            if (!version.allowsIsolation(requested)) {
                errors.put("isolation", FieldValidationException.error("catalog.error.isolationNotAllowed",
                        "The template does not allow isolation tier " + requested + ".", requested));
            } else if (supported.stream().noneMatch(t -> t.label().equals(requested))) {
                errors.put("isolation", FieldValidationException.error("catalog.error.isolationUnsupported",
                        "This platform's runtime cannot provide isolation tier " + requested + ".", requested));
            }
            return requested;
        }
        return PREFERENCE.stream().filter(supported::contains).map(IsolationTier::label)
                .filter(version::allowsIsolation).findFirst().orElseGet(() -> {
                    errors.put("isolation", FieldValidationException.error("catalog.error.noIsolation",
                            "This platform's runtime provides none of the template's isolation tiers."));
                    return null;
                });
    }

    /** The admins' switches, read once per operation: absent means enabled. */
    private record Switches(Map<String, Boolean> byKey) {

        boolean enabled(String templateId, String version) {
            return byKey.getOrDefault(templateId + "@", true)
                    && (version == null || byKey.getOrDefault(templateId + "@" + version, true));
        }

        List<TemplateVersion> enabledVersions(CatalogTemplate template) {
            return enabled(template.id(), null)
                    ? template.versions().stream().filter(v -> enabled(template.id(), v.version())).toList()
                    : List.of();
        }
    }

    private Switches switches() {
        Map<String, Boolean> result = new HashMap<>();
        jdbc.query("select template_id, version, enabled from catalog_setting",
                rs -> {
                    result.put(rs.getString(1) + "@" + rs.getString(2), rs.getBoolean(3));
                });
        return new Switches(result);
    }
}
