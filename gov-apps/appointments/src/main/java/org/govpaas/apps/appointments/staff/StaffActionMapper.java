package org.govpaas.apps.appointments.staff;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface StaffActionMapper {

    void insert(@Param("at") Instant at, @Param("staffSubject") String staffSubject,
                @Param("staffName") String staffName, @Param("action") String action,
                @Param("bookingCode") String bookingCode, @Param("detail") String detail);

    List<StaffAction> latest(@Param("limit") int limit);
}
