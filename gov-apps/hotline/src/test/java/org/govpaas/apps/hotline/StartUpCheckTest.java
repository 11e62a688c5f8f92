package org.govpaas.apps.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A mistyped deploy parameter stops the app at start-up, and the log says which one and why. */
class StartUpCheckTest {

    @Test
    void aMalformedListNamesTheParameterAndTheItem() {
        assertStartFailsWith(Map.of("GOVPAAS_PARAM_TEAMS", "roads=道路养护; water=供水|Water"),
                "GOVPAAS_PARAM_TEAMS item 1 'roads=道路养护' must look like code=中文名|English name");
    }

    @Test
    void aPhotoLimitOutOfRangeIsRefused() {
        assertStartFailsWith(Map.of("GOVPAAS_PARAM_PHOTO_MAX_KB", "10"), "photoMaxKb");
    }

    private static void assertStartFailsWith(Map<String, Object> parameters, String message) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.create().properties());
        properties.putAll(parameters);
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run().close())
                .satisfies(failure -> {
                    StringBuilder chain = new StringBuilder();
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        chain.append(t.getMessage()).append('\n');
                    }
                    assertThat(chain.toString()).contains(message);
                });
    }
}
