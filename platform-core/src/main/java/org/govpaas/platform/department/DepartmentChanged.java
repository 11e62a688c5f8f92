package org.govpaas.platform.department;

import java.util.Map;

/** Names, quota or budget of a department changed; {@code changes} maps field to "old -> new". */
public record DepartmentChanged(long departmentId, String code, String actor, Map<String, String> changes) {
}
