package org.govpaas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Least privilege for the platform's ServiceAccount: exactly the permissions the Kubernetes
 * runtime uses, each spelt out. Adding or widening a rule in the chart fails this test on purpose:
 * change the expectation here in the same commit, and say why in the template.
 */
class RbacTest {

    private static final List<String> CRUD = List.of("get", "list", "watch", "create", "update", "patch", "delete");
    private static final List<String> READ = List.of("get", "list", "watch");

    /** "group/resource:verb" for every permission the ClusterRole grants; "" is the core group. */
    private static final Set<String> CLUSTER_PERMISSIONS = permissions(
            grant("", "namespaces", CRUD),
            grant("", "services", CRUD),
            grant("", "secrets", CRUD),
            grant("", "serviceaccounts", CRUD),
            grant("", "resourcequotas", CRUD),
            grant("", "limitranges", CRUD),
            grant("", "pods", READ),
            grant("", "pods/log", List.of("get")),
            grant("", "events", READ),
            grant("apps", "deployments", CRUD),
            grant("apps", "replicasets", READ),
            grant("networking.k8s.io", "ingresses", CRUD),
            grant("networking.k8s.io", "networkpolicies", CRUD),
            grant("policy", "poddisruptionbudgets", CRUD),
            grant("node.k8s.io", "runtimeclasses", List.of("get", "list")),
            grant("metrics.k8s.io", "pods", List.of("get", "list")));

    private static final Set<String> LEADER_ELECTION_PERMISSIONS =
            permissions(grant("coordination.k8s.io", "leases", List.of("get", "create", "update")));

    @Test
    void clusterRoleGrantsExactlyWhatTheRuntimeUses() {
        JsonNode clusterRole = RenderedChart.render().one("ClusterRole");

        assertThat(permissionsOf(clusterRole)).containsExactlyInAnyOrderElementsOf(CLUSTER_PERMISSIONS);
    }

    @Test
    void noRuleUsesWildcardsNonResourceUrlsOrEscalatingVerbs() {
        RenderedChart chart = RenderedChart.render();

        for (JsonNode role : List.of(chart.one("ClusterRole"), chart.one("Role"))) {
            for (JsonNode rule : role.path("rules")) {
                assertThat(rule.path("nonResourceURLs").isMissingNode()).as("rule %s", rule).isTrue();
                assertThat(rule.path("resourceNames").isMissingNode()).as("rule %s", rule).isTrue();
                for (String field : List.of("apiGroups", "resources", "verbs")) {
                    assertThat(rule.path(field).isArray()).as("%s of rule %s", field, rule).isTrue();
                    assertThat(rule.path(field)).as("%s of rule %s", field, rule)
                            .noneMatch(value -> value.asString().contains("*"))
                            .noneMatch(value -> Set.of("escalate", "bind", "impersonate").contains(value.asString()));
                }
                assertThat(rule.path("resources"))
                        .noneMatch(value -> value.asString().startsWith("roles")
                                || value.asString().startsWith("clusterroles")
                                || value.asString().equals("nodes"));
            }
        }
    }

    @Test
    void leaderElectionLeasesOnlyInTheReleaseNamespace() {
        RenderedChart chart = RenderedChart.render();
        JsonNode role = chart.one("Role");

        assertThat(role.at("/metadata/namespace").asString()).isEqualTo(RenderedChart.NAMESPACE);
        assertThat(permissionsOf(role)).containsExactlyInAnyOrderElementsOf(LEADER_ELECTION_PERMISSIONS);
        assertThat(permissionsOf(chart.one("ClusterRole"))).noneMatch(p -> p.contains("leases"));
    }

    @Test
    void bindingsGiveTheRolesToThePlatformServiceAccountOnly() {
        RenderedChart chart = RenderedChart.render();
        String account = chart.one("Deployment").at("/spec/template/spec/serviceAccountName").asString();

        assertBinding(chart.one("ClusterRoleBinding"), "ClusterRole", chart.one("ClusterRole"), account);
        assertBinding(chart.one("RoleBinding"), "Role", chart.one("Role"), account);
        assertThat(chart.one("RoleBinding").at("/metadata/namespace").asString()).isEqualTo(RenderedChart.NAMESPACE);
    }

    private static void assertBinding(JsonNode binding, String kind, JsonNode role, String account) {
        assertThat(binding.at("/roleRef/kind").asString()).isEqualTo(kind);
        assertThat(binding.at("/roleRef/name").asString()).isEqualTo(role.at("/metadata/name").asString());
        assertThat(binding.path("subjects")).hasSize(1);
        JsonNode subject = binding.at("/subjects/0");
        assertThat(subject.path("kind").asString()).isEqualTo("ServiceAccount");
        assertThat(subject.path("name").asString()).isEqualTo(account);
        assertThat(subject.path("namespace").asString()).isEqualTo(RenderedChart.NAMESPACE);
    }

    private static Set<String> permissionsOf(JsonNode role) {
        Set<String> granted = new TreeSet<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        granted.add(group.asString() + "/" + resource.asString() + ":" + verb.asString());
                    }
                }
            }
        }
        return granted;
    }

    private static List<String> grant(String group, String resource, List<String> verbs) {
        return verbs.stream().map(verb -> group + "/" + resource + ":" + verb).toList();
    }

    @SafeVarargs
    private static Set<String> permissions(List<String>... grants) {
        Set<String> all = new TreeSet<>();
        for (List<String> grant : grants) {
            all.addAll(grant);
        }
        return all;
    }
}
