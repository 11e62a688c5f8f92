package org.govpaas.platform.apps.web;

import java.time.Instant;
import java.util.Map;
import org.govpaas.platform.apps.App;

/** An app as the API shows it: what was asked for, and its status as last observed. */
record AppView(String name, String department, String template, String version, int instances, int memoryMb,
               String isolation, Map<String, Object> parameters, Status status, Instant createdAt,
               Instant updatedAt) {

    record Status(String state, long generation, long observedGeneration, int desiredInstances,
                  int readyInstances, String url, String isolation, String message) {
    }

    static AppView of(App app, String publicUrl) {
        int desired = app.isStopped() || app.isDeleting() ? 0 : app.instances();
        return new AppView(app.name(), app.departmentCode(), app.templateId(), app.templateVersion(), app.instances(),
                app.memoryMb(), app.isolation(), app.parameters(),
                new Status(app.state().name(), app.generation(), app.observedGeneration(), desired,
                        app.readyInstances(), publicUrl + app.routePath(), app.isolationApplied(), app.message()),
                app.createdAt(), app.updatedAt());
    }
}
