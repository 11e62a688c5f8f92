package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What Kubernetes would reject is refused before anything is sent, with the field named. */
class SpecValidationTest {

    @Test
    void aValidSpecPasses() {
        assertThatCode(() -> SpecValidation.check(Specs.clinic(2, IsolationTier.STANDARD))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = IsolationTier.class, names = {"PROCESS", "PROCESS_SANDBOXED"})
    void theProcessTiersAreRefused(IsolationTier tier) {
        assertThatThrownBy(() -> SpecValidation.check(Specs.clinic(1, tier)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("isolation:");
    }

    @Test
    void aDepartmentWhoseNamespaceWouldPassSixtyThreeCharactersIsRefused() {
        String longest = "d" + "x".repeat(54);
        assertThatCode(() -> SpecValidation.check(Specs.spec(new AppId(longest, "clinic"), 1, 1, IsolationTier.STANDARD)))
                .doesNotThrowAnyException();
        AppId tooLong = new AppId(longest + "x", "clinic");
        assertThatThrownBy(() -> SpecValidation.check(Specs.spec(tooLong, 1, 1, IsolationTier.STANDARD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("department:");
    }

    @Test
    void anAppNameTooLongForItsSecretIsRefused() {
        AppId tooLong = new AppId("health", "a" + "x".repeat(59));
        assertThatThrownBy(() -> SpecValidation.check(Specs.spec(tooLong, 1, 1, IsolationTier.STANDARD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space:1", "../image", "image\nnext", "-leading"})
    void anImageThatIsNoReferenceIsRefused(String image) {
        AppSpec valid = Specs.clinic(1, IsolationTier.STANDARD);
        AppSpec spec = new AppSpec(valid.id(), 1, new AppSpec.Artifact(null, image), 1, 128, Map.of(),
                valid.health(), valid.isolation(), valid.routePath(), 0);
        assertThatThrownBy(() -> SpecValidation.check(spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("artifact.image:");
    }

    @Test
    void aSpecWithoutImageIsRefused() {
        AppSpec valid = Specs.clinic(1, IsolationTier.STANDARD);
        AppSpec spec = new AppSpec(valid.id(), 1, new AppSpec.Artifact(null, null), 1, 128, Map.of(),
                valid.health(), valid.isolation(), valid.routePath(), 0);
        assertThatThrownBy(() -> SpecValidation.check(spec)).hasMessageStartingWith("artifact.image:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apps/x/", "/apps/<script>/", "/apps/x y/", "/apps/${jndi:x}/"})
    void aRoutePathThatIsNoPlainAbsolutePathIsRefused(String path) {
        AppSpec valid = Specs.clinic(1, IsolationTier.STANDARD);
        AppSpec spec = new AppSpec(valid.id(), 1, valid.artifact(), 1, 128, Map.of(),
                valid.health(), valid.isolation(), path, 0);
        assertThatThrownBy(() -> SpecValidation.check(spec)).hasMessageStartingWith("routePath:");
    }

    @Test
    void anEnvironmentNameThatIsNoVariableNameIsRefusedWithoutShowingAnyValue() {
        AppSpec spec = Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD,
                Map.of("BAD-NAME", "top-secret", "DB_PASSWORD", "also-secret"));
        assertThatThrownBy(() -> SpecValidation.check(spec))
                .hasMessageStartingWith("environment:").hasMessageContaining("BAD-NAME")
                .hasMessageNotContaining("secret");
    }
}
