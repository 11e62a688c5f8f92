package org.govpaas.apps.hotline.photo;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Photos by ticket; SQL in PhotoMapper.xml beside it. Callers check who may see the ticket first. */
@Mapper
public interface PhotoMapper {

    void insert(@Param("ticketId") long ticketId, @Param("photo") Photo photo, @Param("size") int size);

    Photo findByTicket(long ticketId);
}
