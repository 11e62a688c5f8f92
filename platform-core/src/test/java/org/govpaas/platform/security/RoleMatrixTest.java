package org.govpaas.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Endpoint x role, cell by cell, with real Keycloak sessions and tokens. A new endpoint without a
 * row in {@link Endpoints} fails {@link #everyRegisteredEndpointHasARow()}.
 */
class RoleMatrixTest extends PlatformIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void appsToWalk() {
        Endpoints.fixtures = new MatrixFixtures(as(Role.PLATFORM_ADMIN.username));
    }

    static Set<String> registeredEndpoints(RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("org.govpaas")) {
                return;
            }
            for (var httpMethod : info.getMethodsCondition().getMethods()) {
                for (String pattern : info.getPatternValues()) {
                    endpoints.add(httpMethod.name() + " " + pattern);
                }
            }
        });
        return endpoints;
    }

    @Test
    void everyRegisteredEndpointHasARow() {
        Set<String> registered = registeredEndpoints(mappings);
        assertThat(registered).isNotEmpty();
        assertThat(Endpoints.ALL.keySet()).containsAll(registered);
        assertThat(registered).containsAll(Endpoints.ALL.keySet());
    }

    @Test
    void everyCellAnswersAsDeclared() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            StaffClient client = role == Role.ANONYMOUS ? anonymous() : as(role.username);
            for (Endpoints.Endpoint endpoint : Endpoints.ALL.values()) {
                HttpResponse<String> response = endpoint.call().send().apply(client, Role.OWN_DEPARTMENT);
                int expected = endpoint.expected().get(role);
                if (response.statusCode() != expected) {
                    wrong.add(role + " " + endpoint.key() + ": expected " + expected + " got " + response.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
