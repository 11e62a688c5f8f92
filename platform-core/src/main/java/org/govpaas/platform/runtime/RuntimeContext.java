package org.govpaas.platform.runtime;

import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.govpaas.runtime.AppId;

/**
 * What every app supervisor of one local runtime shares.
 *
 * @param workers runs slow work (stopping processes, probing) off the supervisors' locks
 * @param closed  true once the runtime was closed: from then on nothing is started or recorded,
 *                exactly as if the control plane had died
 * @param statusChanged told when a supervisor sees its app's status change by itself (see
 *                {@link org.govpaas.runtime.AppRuntime#watchStatus})
 */
record RuntimeContext(LocalRuntimeProperties settings, InstanceLauncher launcher, StateStore store,
                      ReadinessProbe probe, ExecutorService workers, BooleanSupplier closed,
                      Consumer<AppId> statusChanged) {
}
