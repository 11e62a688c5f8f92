package org.govpaas.platform.system.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the one-machine mode keeps its state; PostgreSQL lives in
 *                {@code <dataDir>/postgres} and survives restarts
 * @param port    port of the embedded PostgreSQL on 127.0.0.1 (0: any free port)
 */
@ConfigurationProperties("govpaas")
public record DatabaseProperties(@DefaultValue("data") Path dataDir, @DefaultValue("0") int embeddedDatabasePort) {
}
