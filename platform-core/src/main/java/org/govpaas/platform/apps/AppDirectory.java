package org.govpaas.platform.apps;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where citizens' requests for an app go: the gateway and the portal ask here, never the
 * database or the runtime directly.
 */
public interface AppDirectory {

    /** The app's current route, or empty when no such app exists in that department. */
    Optional<Route> route(String department, String app);

    /** Every app citizens can open now (running, citizen-facing), for the portal. */
    List<Listing> listed();

    /**
     * @param available       whether the app is RUNNING or DEGRADED with at least one ready instance
     * @param readyInstances  base URIs of ready instances, e.g. {@code http://127.0.0.1:41234}
     * @param routePath       the public path prefix, e.g. {@code /apps/health/clinic/}
     */
    record Route(String department, String app, String routePath, boolean available, List<URI> readyInstances,
                 String nameZh, String nameEn) {
    }

    /** A running citizen service as the portal shows it. */
    record Listing(String department, String departmentNameZh, String departmentNameEn, String app,
                   String routePath, String category, String nameZh, String nameEn, String descriptionZh,
                   String descriptionEn) {
    }
}
