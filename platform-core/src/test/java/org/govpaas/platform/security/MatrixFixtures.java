package org.govpaas.platform.security;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.govpaas.platform.testing.StaffClient;

/** Apps the endpoint walks need, created by a platform admin through the public API. */
final class MatrixFixtures implements Endpoints.Fixtures {

    private final StaffClient admin;

    MatrixFixtures(StaffClient admin) {
        this.admin = admin;
        for (String dept : new String[] {Role.OWN_DEPARTMENT, Role.OTHER_DEPARTMENT}) {
            if (admin.api("GET", "/api/v1/departments/" + dept + "/apps/" + Endpoints.MATRIX_APP, null).statusCode() == 404) {
                create(dept, Endpoints.MATRIX_APP);
            }
        }
    }

    @Override
    public String disposableApp(String dept) {
        String name = "del-" + UUID.randomUUID().toString().substring(0, 8);
        if (dept.equals(Role.OWN_DEPARTMENT) || dept.equals(Role.OTHER_DEPARTMENT)) {
            create(dept, name);
        }
        return name;
    }

    private void create(String dept, String name) {
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments/" + dept + "/apps", """
                {"name": "%s", "template": "notice-board", "instances": 0, "parameters": {"title": "Matrix"}}"""
                .formatted(name));
        if (created.statusCode() != 202) {
            throw new IllegalStateException("cannot create " + dept + "/" + name + ": " + created.body());
        }
    }
}
