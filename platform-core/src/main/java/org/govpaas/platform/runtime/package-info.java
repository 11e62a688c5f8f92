/**
 * The local runtime: how the one-machine mode runs apps. Each instance of an app is a supervised
 * {@code java -jar} process on 127.0.0.1, confined by bubblewrap where it is installed,
 * health-checked, restarted with backoff when it crashes, and recorded on disk so that a restart
 * of the control plane re-adopts what still runs instead of losing or duplicating it. It
 * implements the same runtime SPI ({@link org.govpaas.runtime.AppRuntime}) as the Kubernetes
 * runtime and passes the same contract suite; other modules only ever see that interface as a
 * bean, never the classes here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Local runtime")
package org.govpaas.platform.runtime;
