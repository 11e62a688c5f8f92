package org.govpaas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json refuses bad values before anything is rendered, naming the field. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            replicas=0                                         | replicas
            replicas=two                                       | replicas
            replica=2                                          | Additional property replica is not allowed
            image.tag=                                         | image.tag
            image.tag=latest version                           | image.tag
            image.repository=                                  | image.repository
            image.pullPolicy=Sometimes                         | image.pullPolicy
            ingress.host=Bad_Host                              | ingress.host
            ingress.host=*.example.gov.cn                      | ingress.host
            ingress.host=gov.example/console                   | ingress.host
            ingress.className=Nginx Class                      | ingress.className
            ingress.tls.secretName=TLS!                        | ingress.tls.secretName
            service.port=70000                                 | service.port
            database.existingSecret=                           | database.existingSecret
            database.existingSecret=null                       | database: existingSecret is required
            keycloak.existingSecret=null                       | keycloak: existingSecret is required
            platformSecret.existingSecret=Not_A_Name           | platformSecret.existingSecret
            keycloak.url=keycloak:8080                         | keycloak.url
            publicUrl=govpaas.example.gov.cn                   | publicUrl
            resources.requests.memory=lots                     | resources.requests.memory
            resources.limits.memory=null                       | resources.limits: memory is required
            resources.requests.gpu=1                           | resources.requests: Additional property gpu
            probes.liveness.periodSeconds=0                    | probes.liveness.periodSeconds
            extraEnv[0].name=SPRING_PROFILES_ACTIVE            | extraEnv.0.name
            extraEnv[0].name=lower-case                        | extraEnv.0.name
            """)
    void badValueIsRefusedNamingTheField(String set, String field) {
        String[] sets = set.startsWith("extraEnv") ? new String[] {set, "extraEnv[0].value=local"} : new String[] {set};

        String error = RenderedChart.renderError(sets);

        assertThat(error).contains("values don't meet the specifications of the schema");
        assertThat(error).contains(field);
    }

    @Test
    void tlsWithoutACertificateSecretIsRefused() {
        String error = RenderedChart.renderError("ingress.tls.enabled=true", "ingress.tls.secretName=null");

        assertThat(error).contains("ingress.tls: secretName is required");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            replicas=3                                  | ingress.host=govpaas.city.gov.cn
            image.tag=1.4.2-20261101                    | ingress.host=localhost
            ingress.className=                          | publicUrl=https://govpaas.city.gov.cn/
            extraEnv[0].name=GOVPAAS_RUNTIME_X          | extraEnv[0].value=x
            """)
    void reasonableValuesAreAccepted(String first, String second) {
        assertThat(RenderedChart.render(first, second).kinds()).contains("Deployment");
    }
}
