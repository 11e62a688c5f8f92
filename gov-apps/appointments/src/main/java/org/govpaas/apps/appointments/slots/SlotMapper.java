package org.govpaas.apps.appointments.slots;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SlotMapper {

    /**
     * Creates the slots that are missing and brings the future ones up to date (length and
     * capacity); a capacity is never lowered below the seats already booked. Rows that already
     * match are not written.
     */
    int upsert(@Param("hall") String hall, @Param("starts") List<Instant> starts,
               @Param("lengthMinutes") long lengthMinutes, @Param("capacity") int capacity, @Param("now") Instant now);

    Slot findById(@Param("id") long id);

    List<Slot> findByHall(@Param("hall") String hall, @Param("from") Instant from, @Param("to") Instant to);

    /** Takes one seat if one is free: 1 when taken, 0 when the slot is full (or unknown). */
    int takeSeat(@Param("id") long id);

    /** Gives back one seat of a cancelled booking. */
    int releaseSeat(@Param("id") long id);
}
