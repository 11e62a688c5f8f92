package org.govpaas.platform.apps.internal;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppEvent;

/**
 * Every statement on a tenant's apps filters on {@code department_id}; the reconciler's
 * statements, which work across departments, are named {@code ...ForReconciler}.
 */
@Mapper
public interface AppMapper {

    List<App> findByDepartment(@Param("departmentId") long departmentId);

    Optional<App> findByName(@Param("departmentId") long departmentId, @Param("name") String name);

    /** Locks the department row: quota checks and the change they guard are serialized per department. */
    void lockDepartment(@Param("departmentId") long departmentId);

    void insert(AppRow row);

    /** Changes the desired state and bumps the generation. */
    int updateDesired(AppRow row);

    int updateObserved(@Param("id") long id, @Param("departmentId") long departmentId,
                       @Param("observedGeneration") long observedGeneration, @Param("state") String state,
                       @Param("readyInstances") int readyInstances, @Param("isolationApplied") String isolationApplied,
                       @Param("message") String message);

    int delete(@Param("id") long id, @Param("departmentId") long departmentId);

    void insertEvent(@Param("departmentId") long departmentId, @Param("appId") long appId,
                     @Param("appName") String appName, @Param("type") String type, @Param("message") String message);

    List<AppEvent> findEvents(@Param("departmentId") long departmentId, @Param("appId") long appId,
                              @Param("limit") int limit);

    List<App> findAllForReconciler();

    Optional<App> findByIdForReconciler(@Param("id") long id);
}
