package org.govpaas.platform.apps.internal;

import java.util.Map;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.catalog.CatalogService;

/** The desired-state columns of an app, as written by the service. */
public final class AppRow {
    Long id;
    long departmentId;
    String name;
    String templateId;
    String templateVersion;
    int instances;
    int memoryMb;
    String isolation;
    Map<String, Object> parameters;
    String desired;
    boolean purgeData;
    /** This change asks for every instance to be replaced (a restart). */
    boolean restart;
    String createdBy;

    public static AppRow create(long departmentId, String name, CatalogService.Checked checked, String createdBy) {
        AppRow row = new AppRow();
        row.departmentId = departmentId;
        row.name = name;
        row.templateId = checked.templateId();
        row.desired = "RUNNING";
        row.createdBy = createdBy;
        row.apply(checked);
        return row;
    }

    public static AppRow of(App app) {
        AppRow row = new AppRow();
        row.id = app.id();
        row.departmentId = app.departmentId();
        row.name = app.name();
        row.templateId = app.templateId();
        row.templateVersion = app.templateVersion();
        row.instances = app.instances();
        row.memoryMb = app.memoryMb();
        row.isolation = app.isolation();
        row.parameters = app.parameters();
        row.desired = app.desired();
        row.purgeData = app.purgeData();
        row.createdBy = app.createdBy();
        return row;
    }

    public void apply(CatalogService.Checked checked) {
        templateVersion = checked.version();
        instances = checked.instances();
        memoryMb = checked.memoryMb();
        isolation = checked.isolation();
        parameters = checked.parameters();
    }

    public void desire(String state) {
        desired = state;
    }

    public void purge(boolean purge) {
        purgeData = purge;
    }

    public void requestRestart() {
        restart = true;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getDepartmentId() { return departmentId; }
    public String getName() { return name; }
    public String getTemplateId() { return templateId; }
    public String getTemplateVersion() { return templateVersion; }
    public int getInstances() { return instances; }
    public int getMemoryMb() { return memoryMb; }
    public String getIsolation() { return isolation; }
    public Map<String, Object> getParameters() { return parameters; }
    public String getDesired() { return desired; }
    public boolean isPurgeData() { return purgeData; }
    public boolean isRestart() { return restart; }
    public String getCreatedBy() { return createdBy; }
}
