package org.govpaas.identity.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the platform shows and grants for the claims of a Keycloak token. */
class KeycloakClaimsTest {

    @Test
    void aChineseNameIsShownFamilyNameFirstWithoutASpace() {
        Caller caller = KeycloakClaims.toCaller(Map.of("preferred_username", "zhang.san", "given_name", "三",
                "family_name", "张", "name", "三 张"));

        assertThat(caller.displayName()).isEqualTo("张三");
        assertThat(KeycloakClaims.displayName("민준", "김", "민준 김", "kim")).isEqualTo("김민준");
    }

    @Test
    void otherNamesAreShownAsKeycloakWritesThemAndTheUsernameWithoutAny() {
        assertThat(KeycloakClaims.toCaller(Map.of("preferred_username", "jsmith", "given_name", "Jane",
                "family_name", "Smith", "name", "Jane Smith")).displayName()).isEqualTo("Jane Smith");
        assertThat(KeycloakClaims.toCaller(Map.of("preferred_username", "wang", "family_name", "王"))
                .displayName()).as("one part alone is not reordered: the name claim, else the username").isEqualTo("wang");
        assertThat(KeycloakClaims.toCaller(Map.of("preferred_username", "anon")).displayName()).isEqualTo("anon");
    }

    @Test
    void onlyThePlatformsRolesAndDepartmentRoleGroupsCount() {
        Caller caller = KeycloakClaims.toCaller(Map.of("preferred_username", "dev",
                "roles", List.of("it-office", "offline_access", "uma_authorization", "default-roles-govpaas-staff"),
                "groups", List.of("/departments/health/developer", "/departments/civil-affairs", "/other/staff")));

        assertThat(caller.platformRoles()).containsExactly("it-office");
        assertThat(caller.departments()).containsOnlyKeys("health");
        assertThat(caller.hasRole("health", DepartmentRole.DEVELOPER)).isTrue();
    }
}
