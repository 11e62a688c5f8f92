package org.govpaas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** `helm lint` and the objects `helm template` renders, field by field. */
class HelmChartTest {

    @Test
    void lintPassesStrictly() {
        LintResult lint = RenderedChart.chart().lint().strict().call();

        assertThat(lint.isFailed()).as("lint messages %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void defaultValuesRenderThePlatformAndItsRuntimePermissions() {
        RenderedChart chart = RenderedChart.render();

        assertThat(chart.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "ClusterRole",
                "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment", "Ingress");
        JsonNode deployment = chart.one("Deployment");
        assertThat(deployment.at("/metadata/namespace").asString()).isEqualTo(RenderedChart.NAMESPACE);
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(chart.container().path("image").asString())
                .isEqualTo("registry.govpaas.local/govpaas/platform-core:0.1.0-SNAPSHOT");
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asString())
                .isEqualTo(chart.one("ServiceAccount").at("/metadata/name").asString());
    }

    @Test
    void podAndContainerRunRestricted() {
        RenderedChart chart = RenderedChart.render();
        JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
        JsonNode container = chart.container();

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
        JsonNode security = container.path("securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("runAsUser").asInt()).isEqualTo(10001);
        assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(security.path("privileged").asBoolean()).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.at("/capabilities/drop").size()).isEqualTo(1);
        assertThat(security.at("/capabilities/drop/0").asString()).isEqualTo("ALL");
        assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
        assertThat(security.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");

        // The read-only root needs a writable /tmp, and it is an emptyDir, not a host path.
        assertThat(container.at("/volumeMounts/0/mountPath").asString()).isEqualTo("/tmp");
        String volume = container.at("/volumeMounts/0/name").asString();
        assertThat(pod.path("volumes")).hasSize(1);
        assertThat(pod.at("/volumes/0/name").asString()).isEqualTo(volume);
        assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
        assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
        assertThat(pod.path("hostPID").asBoolean(false)).isFalse();
    }

    @Test
    void probesUseTheActuatorHealthGroupsAndResourcesComeFromValues() {
        RenderedChart chart = RenderedChart.render("resources.requests.cpu=250m", "resources.limits.memory=2Gi");
        JsonNode container = chart.container();

        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/ports/0/name").asString()).isEqualTo("http");
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/livenessProbe/httpGet/port").asString()).isEqualTo("http");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/startupProbe/failureThreshold").asInt()
                * container.at("/startupProbe/periodSeconds").asInt()).isGreaterThanOrEqualTo(120);
        assertThat(container.at("/resources/requests/cpu").asString()).isEqualTo("250m");
        assertThat(container.at("/resources/requests/memory").asString()).isEqualTo("1Gi");
        assertThat(container.at("/resources/limits/memory").asString()).isEqualTo("2Gi");
        JsonNode annotations = chart.one("Deployment").at("/spec/template/metadata/annotations");
        assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(annotations.path("prometheus.io/port").asString()).isEqualTo("8080");
    }

    @Test
    void settingsComeFromTheConfigMapAndCredentialsOnlyFromExistingSecrets() {
        RenderedChart chart = RenderedChart.render("keycloak.publicUrl=https://login.example.gov.cn");

        assertThat(chart.config("GOVPAAS_RUNTIME_KIND")).isEqualTo("kubernetes");
        assertThat(chart.config("GOVPAAS_PUBLIC_URL")).isEqualTo("http://govpaas.example.gov.cn");
        assertThat(chart.config("GOVPAAS_KEYCLOAK_URL")).isEqualTo("http://keycloak.keycloak.svc.cluster.local:8080");
        assertThat(chart.config("GOVPAAS_KEYCLOAK_PUBLIC_URL")).isEqualTo("https://login.example.gov.cn");
        assertThat(chart.container().at("/envFrom/0/configMapRef/name").asString())
                .isEqualTo(chart.one("ConfigMap").at("/metadata/name").asString());

        assertSecretRef(chart, "GOVPAAS_DB_URL", "govpaas-database", "url");
        assertSecretRef(chart, "GOVPAAS_DB_USER", "govpaas-database", "username");
        assertSecretRef(chart, "GOVPAAS_DB_PASSWORD", "govpaas-database", "password");
        assertSecretRef(chart, "GOVPAAS_CONSOLE_CLIENT_SECRET", "govpaas-keycloak", "console-client-secret");
        assertSecretRef(chart, "GOVPAAS_PLATFORM_CLIENT_SECRET", "govpaas-keycloak", "platform-client-secret");
        assertSecretRef(chart, "GOVPAAS_SECRET_KEY", "govpaas-platform", "secret-key");
        // The chart references Secrets; it never creates (or templates) one.
        assertThat(chart.all("Secret")).isEmpty();
    }

    @Test
    void demoProfileIsNeverActive() {
        RenderedChart chart = RenderedChart.render();

        assertThat(chart.one("ConfigMap").path("data").propertyNames())
                .noneMatch(name -> name.startsWith("SPRING_PROFILES"));
        assertThat(chart.container().path("env"))
                .noneMatch(env -> env.path("name").asString().startsWith("SPRING_PROFILES"));
        assertThat(chart.container().path("args").isMissingNode()).isTrue();
        assertThat(chart.container().path("command").isMissingNode()).isTrue();
    }

    @Test
    void podDisruptionBudgetOnlyWithTwoOrMoreReplicas() {
        assertThat(RenderedChart.render("replicas=1").all("PodDisruptionBudget")).isEmpty();

        RenderedChart two = RenderedChart.render("replicas=2");
        JsonNode pdb = two.one("PodDisruptionBudget");
        assertThat(two.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels"))
                .isEqualTo(two.one("Deployment").at("/spec/selector/matchLabels"));
        assertThat(RenderedChart.render("replicas=3").one("PodDisruptionBudget")).isNotNull();
    }

    @Test
    void ingressRoutesTheHostToTheServiceWithoutTlsByDefault() {
        RenderedChart chart = RenderedChart.render();
        JsonNode ingress = chart.one("Ingress");

        assertThat(ingress.at("/spec/ingressClassName").asString()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/tls").isMissingNode()).isTrue();
        assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo("govpaas.example.gov.cn");
        JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
        assertThat(backend.path("name").asString()).isEqualTo(chart.one("Service").at("/metadata/name").asString());
        assertThat(backend.at("/port/name").asString()).isEqualTo("http");
        assertThat(chart.one("Service").at("/spec/selector"))
                .isEqualTo(chart.one("Deployment").at("/spec/selector/matchLabels"));
    }

    @Test
    void ingressClassAnnotationsAndTlsAreConfigurable() {
        RenderedChart chart = RenderedChart.render("ingress.className=traefik", "ingress.host=e.gov.example",
                "ingress.tls.enabled=true", "ingress.tls.secretName=e-gov-tls",
                "ingress.annotations.cert-manager\\.io/cluster-issuer=city-ca");
        JsonNode ingress = chart.one("Ingress");

        assertThat(ingress.at("/spec/ingressClassName").asString()).isEqualTo("traefik");
        assertThat(ingress.at("/spec/tls")).hasSize(1);
        assertThat(ingress.at("/spec/tls/0/secretName").asString()).isEqualTo("e-gov-tls");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asString()).isEqualTo("e.gov.example");
        assertThat(ingress.at("/metadata/annotations").path("cert-manager.io/cluster-issuer").asString())
                .isEqualTo("city-ca");
        assertThat(chart.config("GOVPAAS_PUBLIC_URL")).isEqualTo("https://e.gov.example");

        JsonNode defaultClass = RenderedChart.render("ingress.className=").one("Ingress");
        assertThat(defaultClass.at("/spec/ingressClassName").isMissingNode()).isTrue();
    }

    @Test
    void withoutIngressThePublicUrlIsTheConfiguredOne() {
        RenderedChart chart = RenderedChart.render("ingress.enabled=false", "publicUrl=https://portal.example.gov.cn");

        assertThat(chart.all("Ingress")).isEmpty();
        assertThat(chart.config("GOVPAAS_PUBLIC_URL")).isEqualTo("https://portal.example.gov.cn");
    }

    @Test
    void releaseNotesSayHowToReachTheConsole() {
        assertThat(RenderedChart.notes("ingress.host=e.gov.example", "ingress.tls.enabled=true"))
                .contains("https://e.gov.example/console")
                .doesNotContain("port-forward")
                .doesNotContain("sticky");

        assertThat(RenderedChart.notes("ingress.enabled=false"))
                .contains("kubectl -n " + RenderedChart.NAMESPACE + " port-forward svc/govpaas 8080:80")
                .contains("http://localhost:8080/console");

        assertThat(RenderedChart.notes("replicas=2")).contains("sticky");
    }

    private static void assertSecretRef(RenderedChart chart, String env, String secret, String key) {
        JsonNode ref = chart.env(env).at("/valueFrom/secretKeyRef");
        assertThat(chart.env(env).path("value").isMissingNode()).as("%s has no literal value", env).isTrue();
        assertThat(ref.path("name").asString()).as("%s secret", env).isEqualTo(secret);
        assertThat(ref.path("key").asString()).as("%s key", env).isEqualTo(key);
        assertThat(ref.path("optional").asBoolean(false)).as("%s optional", env).isFalse();
    }
}
