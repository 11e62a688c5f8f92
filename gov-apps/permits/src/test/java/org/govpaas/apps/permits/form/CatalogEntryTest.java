package org.govpaas.apps.permits.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The catalog entry (what the console's deploy form offers) and the app's own defaults (what it
 * runs with standalone) describe the same permit, and the entry is marked as handling personal
 * data. app-catalog's own tests check that the entry loads.
 */
class CatalogEntryTest {

    private static final Path ENTRY = Path.of("../../app-catalog/src/main/resources/catalog/permits.yaml");

    @Test
    void catalogDefaultsAreTheAppsDefaults() throws IOException {
        Map<String, Object> properties = parameters();
        Map<String, Object> app = appDefaults();
        assertThat(app.get("fields")).isEqualTo(defaultOf(properties, "fields"));
        assertThat(app.get("permit-name-zh")).isEqualTo(defaultOf(properties, "permitNameZh"));
        assertThat(app.get("permit-name-en")).isEqualTo(defaultOf(properties, "permitNameEn"));
        assertThat(app.get("attachment-types")).isEqualTo(defaultOf(properties, "attachmentTypes"));
        assertThat(app.get("attachment-max-mb")).isEqualTo(String.valueOf(defaultOf(properties, "attachmentMaxMb")));
        assertThat(app.get("attachment-min-count")).isEqualTo(String.valueOf(defaultOf(properties, "attachmentMinCount")));
        assertThat(app.get("attachment-max-count")).isEqualTo(String.valueOf(defaultOf(properties, "attachmentMaxCount")));
        assertThat(FormDefinition.parse((String) defaultOf(properties, "fields")).fields()).hasSize(8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEntryIsSensitiveAndAllowsOnlyIsolationFitForPersonalData() throws IOException {
        Map<String, Object> version = version();
        assertThat(version.get("sensitive")).isEqualTo(true);
        assertThat((List<Object>) version.get("isolation")).containsExactlyInAnyOrder("process-sandboxed", "hypervisor");
        assertThat((List<Object>) version.get("services")).containsExactly("database");
        assertThat(version.get("signIn")).isEqualTo("both");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> version() throws IOException {
        try (Reader reader = Files.newBufferedReader(ENTRY)) {
            Map<String, Object> entry = new Yaml().load(reader);
            return ((List<Map<String, Object>>) entry.get("versions")).get(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters() throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) version().get("parameters")).get("properties");
    }

    @SuppressWarnings("unchecked")
    private static Object defaultOf(Map<String, Object> properties, String name) {
        return ((Map<String, Object>) properties.get(name)).get("default");
    }

    /** The {@code ${GOVPAAS_PARAM_X:default}} defaults of application.yml, by property name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> appDefaults() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.yml"))) {
            Map<String, Object> permits = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("permits");
            permits.replaceAll((key, value) -> {
                String text = String.valueOf(value);
                return text.substring(text.indexOf(':') + 1, text.length() - 1);
            });
            return permits;
        }
    }
}
