package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MavenCoordinatesTest {

    @Test
    void repositoryPathFollowsTheMavenLayout() {
        MavenCoordinates jar = MavenCoordinates.parse("org.govpaas.apps:x:1.0");

        assertThat(jar.toRepositoryPath()).isEqualTo("org/govpaas/apps/x/1.0/x-1.0.jar");
        assertThat(jar).hasToString("org.govpaas.apps:x:1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.govpaas:x", "org.govpaas:x:1.0:jar", "..:x:1.0", "org/evil:x:1.0",
            "org.govpaas:../x:1.0", "org.govpaas:x:../../1.0", "org.govpaas:x:", "org..govpaas:x:1.0",
            "org.govpaas:x y:1.0"})
    void anythingThatCouldLeaveTheRepositoryIsRefused(String coordinates) {
        assertThatThrownBy(() -> MavenCoordinates.parse(coordinates))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
