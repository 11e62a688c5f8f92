package org.govpaas.apps.appointments.booking;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface BookingMapper {

    void insert(@Param("code") String code, @Param("slotId") long slotId, @Param("service") String service,
                @Param("citizenSubject") String citizenSubject, @Param("citizenName") String citizenName);

    Booking findByCode(@Param("code") String code);

    /** The booking only when it belongs to this citizen. */
    Booking findByCodeAndCitizen(@Param("code") String code, @Param("citizenSubject") String citizenSubject);

    List<Booking> findByCitizen(@Param("citizenSubject") String citizenSubject);

    boolean holdsLiveBooking(@Param("slotId") long slotId, @Param("citizenSubject") String citizenSubject);

    /** Cancels an open booking of a slot that has not started, only this citizen's unless null: 1 when done. */
    int cancel(@Param("code") String code, @Param("citizenSubject") String citizenSubject, @Param("now") Instant now);

    /** Marks an open booking checked in: 1 when done. */
    int checkIn(@Param("code") String code, @Param("now") Instant now);

    /** The bookings of the hall's slots in [from, to), cancelled ones included, by slot time. */
    List<Booking> findByHall(@Param("hall") String hall, @Param("from") Instant from, @Param("to") Instant to);
}
