package org.govpaas.apps.hotline.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Tickets and their history; SQL in TicketMapper.xml beside it. */
@Mapper
// Public only for the bean registrations Spring AOT generates at build time, in another package.
public interface TicketMapper {

    /** The next number of the day, counted in the database so every instance shares it. */
    int nextNumberOfDay(LocalDate day);

    long insert(@Param("number") String number, @Param("citizen") Actor citizen, @Param("report") NewReport report,
                @Param("reportedAt") Instant reportedAt);

    Ticket findOwn(@Param("citizenSubject") String citizenSubject, @Param("number") String number);

    List<Ticket> findAllOwn(String citizenSubject);

    Ticket findByNumber(String number);

    /** The ticket, locked until the transaction ends, so two transitions never race. */
    Ticket lockByNumber(String number);

    List<Ticket> findByStatus(@Param("statuses") Collection<TicketStatus> statuses, @Param("limit") int limit);

    void update(@Param("id") long id, @Param("status") TicketStatus status, @Param("category") String category,
                @Param("priority") Priority priority, @Param("assignedTeam") String assignedTeam,
                @Param("assignedStaff") String assignedStaff, @Param("resolutionNote") String resolutionNote,
                @Param("resolvedAt") Instant resolvedAt, @Param("closedAt") Instant closedAt);

    void insertEvent(@Param("ticketId") long ticketId, @Param("at") Instant at, @Param("actor") Actor actor,
                     @Param("action") Action action, @Param("from") TicketStatus from, @Param("to") TicketStatus to,
                     @Param("change") Change change);

    List<TicketEvent> history(long ticketId);

    List<TicketEvent> latestStaffEvents(int limit);
}
