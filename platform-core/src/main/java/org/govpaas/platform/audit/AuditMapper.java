package org.govpaas.platform.audit;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

    /** Resolves the department id from its code inside the statement, so callers pass codes only. */
    void insert(@Param("actor") String actor, @Param("action") String action,
                @Param("departmentCode") String departmentCode, @Param("detail") String detail);

    List<AuditEntry> findLatest(@Param("limit") int limit);

    List<AuditEntry> findLatestForDepartments(@Param("codes") Collection<String> codes, @Param("limit") int limit);
}
