package org.govpaas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects `helm template` renders from the chart in {@code govpaas/}, run in-process through
 * helm-java (Helm's own Go code in a native library; nothing is downloaded or installed).
 */
final class RenderedChart {

    static final String RELEASE = "govpaas";
    static final String NAMESPACE = "govpaas-system";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final List<JsonNode> objects;

    private RenderedChart(List<JsonNode> objects) {
        this.objects = objects;
    }

    static Helm chart() {
        Path chart = Path.of("govpaas");
        assertThat(chart.resolve("Chart.yaml")).as("chart folder, relative to infra/helm").exists();
        return new Helm(chart);
    }

    /** Renders with the default values overridden by {@code key=value} pairs, like {@code --set}. */
    static RenderedChart render(String... sets) {
        String manifest = template(sets).call();
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode node : YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifest).readAll()) {
            if (node != null && !node.isNull() && !node.isMissingNode()) {
                objects.add(node);
            }
        }
        return new RenderedChart(objects);
    }

    /** The message `helm template` fails with for these values; fails the test when it renders. */
    static String renderError(String... sets) {
        try {
            template(sets).call();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        return fail("helm template accepted %s", List.of(sets));
    }

    /** The release notes a client-only dry-run install prints (no cluster is contacted). */
    static String notes(String... sets) {
        InstallCommand install = chart().install().withName(RELEASE).withNamespace(NAMESPACE).dryRun().clientOnly();
        for (String set : sets) {
            int eq = set.indexOf('=');
            install = install.set(set.substring(0, eq), set.substring(eq + 1));
        }
        String output = install.call().getOutput();
        assertThat(output).contains("NOTES:");
        return output.substring(output.indexOf("NOTES:"));
    }

    private static TemplateCommand template(String... sets) {
        TemplateCommand command = chart().template().withName(RELEASE).withNamespace(NAMESPACE);
        for (String set : sets) {
            int eq = set.indexOf('=');
            command = command.set(set.substring(0, eq), set.substring(eq + 1));
        }
        return command;
    }

    Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        objects.forEach(o -> kinds.add(o.path("kind").asString()));
        return kinds;
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        assertThat(found).as("rendered objects of kind %s", kind).hasSize(1);
        return found.getFirst();
    }

    JsonNode container() {
        JsonNode containers = one("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    /** The Deployment's environment variable {@code name}: its value, or its secretKeyRef. */
    JsonNode env(String name) {
        for (JsonNode env : container().path("env")) {
            if (name.equals(env.path("name").asString())) {
                return env;
            }
        }
        return fail("no env %s in the Deployment", name);
    }

    String config(String name) {
        return one("ConfigMap").at("/data/" + name).asString(null);
    }
}
