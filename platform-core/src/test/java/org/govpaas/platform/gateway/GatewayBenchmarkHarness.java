package org.govpaas.platform.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.govpaas.platform.GovPaasApplication;
import org.govpaas.platform.apps.AppDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

/**
 * For {@code bench/gateway/run.sh --harness}: the whole platform (embedded PostgreSQL, no Keycloak
 * needed) whose directory routes {@code /apps/bench/notices/} to instances started outside it, so
 * the gateway is measured without a deploy in between. Not a test; its directory is
 * registered programmatically so that the tests' component scan never sees it.
 *
 * <p>Arguments: the platform's port, then one or more instance base URIs.
 */
public final class GatewayBenchmarkHarness {

    private GatewayBenchmarkHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<URI> instances = Arrays.stream(args).skip(1).map(URI::create).toList();
        AppDirectory directory = new AppDirectory() {
            @Override
            public Optional<Route> route(String department, String app) {
                if (!department.equals("bench") || !app.equals("notices")) {
                    return Optional.empty();
                }
                return Optional.of(new Route("bench", "notices", "/apps/bench/notices/", true, instances,
                        "公告栏", "Notice board"));
            }

            @Override
            public List<Listing> listed() {
                return List.of();
            }
        };
        // Command-line arguments: above application.yml (builder defaults would sit below it).
        new SpringApplicationBuilder(GovPaasApplication.class)
                .initializers((GenericApplicationContext context) -> context.registerBean("benchDirectory",
                        AppDirectory.class, () -> directory, definition -> definition.setPrimary(true)))
                .run("--server.port=" + args[0], "--server.address=127.0.0.1",
                        "--govpaas.data-dir=" + Files.createTempDirectory("govpaas-gateway-bench"),
                        "--govpaas.runtime.local.prepare-catalog=false", "--logging.level.root=WARN");
    }
}
