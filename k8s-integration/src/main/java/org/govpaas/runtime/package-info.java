/**
 * The runtime SPI: how the control plane makes apps run, whatever runs them (local processes
 * or Kubernetes). No Kubernetes type appears here.
 *
 * <p>Promises every runtime keeps (checked by the contract suite in this module's test-jar):
 * <ul>
 *   <li>{@link org.govpaas.runtime.AppRuntime#apply} is level-based and idempotent: applying the
 *       same spec twice changes nothing; applying a new generation converges to it. It may return
 *       before instances are up; progress is observed through {@code status}.</li>
 *   <li>A runtime keeps what it runs across a restart of the control plane: a new runtime object
 *       on the same state adopts the instances still alive and, once the spec is applied again (the
 *       control plane re-applies every desired spec at start-up), starts the missing ones, never
 *       duplicating one.</li>
 *   <li>{@link org.govpaas.runtime.AppRuntime#delete} removes every instance and leaves the app
 *       {@link org.govpaas.runtime.RuntimeState#UNKNOWN}; deleting an unknown app is not an error.</li>
 *   <li>An app whose instances keep failing ends {@link org.govpaas.runtime.RuntimeState#FAILED}
 *       with a human-readable reason; some instances failing is
 *       {@link org.govpaas.runtime.RuntimeState#DEGRADED}.</li>
 * </ul>
 */
package org.govpaas.runtime;
