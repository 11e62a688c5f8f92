package org.govpaas.apps.hotline.staff;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The staff directory; SQL in StaffMemberMapper.xml beside it. */
@Mapper
// Public only for the bean registrations Spring AOT generates at build time, in another package.
public interface StaffMemberMapper {

    void seen(@Param("member") StaffMember member, @Param("at") Instant at);

    List<StaffMember> all();

    StaffMember find(String subject);
}
