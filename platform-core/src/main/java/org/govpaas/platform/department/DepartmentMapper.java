package org.govpaas.platform.department;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Statements in {@code DepartmentMapper.xml}; transactions belong to {@link DepartmentService}. */
@Mapper
interface DepartmentMapper {

    List<Department> findAll();

    List<Department> findByCodes(@Param("codes") Collection<String> codes);

    Optional<Department> findByCode(@Param("code") String code);

    void insert(DepartmentRow row);

    int update(DepartmentRow row);
}
