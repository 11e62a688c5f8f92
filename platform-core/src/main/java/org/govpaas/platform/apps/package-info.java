/**
 * Deployed apps: the platform's main job. A developer deploys a catalog template into their
 * department; the desired state is stored with a generation number and a level-based reconciler
 * drives the runtime until the observed state matches, recording what happened as app events.
 * Department quotas are checked under a lock on the department row, so concurrent deploys can
 * never exceed them. Deleting an app keeps its database unless the developer purges it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Apps")
package org.govpaas.platform.apps;
