package org.govpaas.apps.hotline.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.govpaas.apps.hotline.HotlineChoices;
import org.govpaas.apps.hotline.HotlineSettings;
import org.govpaas.apps.hotline.photo.Photo;
import org.govpaas.apps.hotline.photo.PhotoMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline's rules. Every change takes the ticket's row lock, checks the state machine
 * ({@link Action}) and writes the new state and its history row in one transaction, so a
 * refused action changes nothing and two staff acting at once cannot both win.
 */
@Service
public class TicketService {

    static final int MAX_TEXT = 2000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final TicketMapper tickets;
    private final PhotoMapper photos;
    private final HotlineChoices choices;
    private final Clock clock;
    private final ZoneId zone;

    TicketService(TicketMapper tickets, PhotoMapper photos, HotlineChoices choices, HotlineSettings settings,
                  Clock clock) {
        this.tickets = tickets;
        this.photos = photos;
        this.choices = choices;
        this.clock = clock;
        this.zone = settings.zone();
    }

    /** Files a citizen's report; its number counts per day in the city's time zone: 12345-20261127-0042. */
    @Transactional
    public Ticket report(Actor citizen, NewReport report, Photo photo) {
        requireKind(citizen, Actor.Kind.CITIZEN);
        if (!choices.categories().contains(report.category())
                || (report.district() != null && !choices.districts().contains(report.district()))) {
            throw new IllegalArgumentException("unknown category or district");
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        String number = "12345-%s-%04d".formatted(day.format(DAY), tickets.nextNumberOfDay(day));
        long id = tickets.insert(number, citizen, report, now);
        if (photo != null) {
            photos.insert(id, photo, photo.bytes().length);
        }
        tickets.insertEvent(id, now, citizen, Action.REPORTED, null, TicketStatus.NEW, Change.NONE);
        return tickets.findByNumber(number);
    }

    /** The citizen's own ticket; another citizen's is {@link NoSuchTicket}, like a wrong number. */
    public Ticket own(Actor citizen, String number) {
        requireKind(citizen, Actor.Kind.CITIZEN);
        return Optional.ofNullable(tickets.findOwn(citizen.subject(), number))
                .orElseThrow(() -> new NoSuchTicket(number));
    }

    public List<Ticket> allOwn(Actor citizen) {
        requireKind(citizen, Actor.Kind.CITIZEN);
        return tickets.findAllOwn(citizen.subject());
    }

    /** Any ticket, for staff of the owning department (the web layer admits only them). */
    public Ticket forStaff(String number) {
        return Optional.ofNullable(tickets.findByNumber(number)).orElseThrow(() -> new NoSuchTicket(number));
    }

    /** The staff queue (not yet resolved), most urgent first. */
    public List<Ticket> queue(int limit) {
        return tickets.findByStatus(EnumSet.of(TicketStatus.NEW, TicketStatus.TRIAGED, TicketStatus.ASSIGNED), limit);
    }

    /** Resolved tickets waiting for the citizen, and closed ones, newest first within the limit. */
    public List<Ticket> done(int limit) {
        return tickets.findByStatus(EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED), limit);
    }

    public List<TicketEvent> history(Ticket ticket) {
        return tickets.history(ticket.id());
    }

    /** The staff audit trail: the latest staff actions on any ticket. */
    public List<TicketEvent> staffAudit(int limit) {
        return tickets.latestStaffEvents(limit);
    }

    /** The ticket's photo; the caller already proved it may see the ticket. */
    public Optional<Photo> photo(Ticket ticket) {
        return Optional.ofNullable(photos.findByTicket(ticket.id()));
    }

    /** Staff correct the category and set the priority. */
    @Transactional
    public Ticket triage(Actor staff, String number, String category, Priority priority) {
        if (!choices.categories().contains(category) || priority == null) {
            throw new IllegalArgumentException("unknown category or no priority");
        }
        return change(staff, number, Action.TRIAGED, new Change(category, priority, null, null, null),
                state -> state.triaged(category, priority));
    }

    @Transactional
    public Ticket assign(Actor staff, String number, Assignee assignee) {
        if (assignee.team() != null && !choices.teams().contains(assignee.team())) {
            throw new IllegalArgumentException("unknown team " + assignee.team());
        }
        return change(staff, number, Action.ASSIGNED,
                new Change(null, null, assignee.team(), assignee.staffName(), null),
                state -> state.assigned(assignee));
    }

    @Transactional
    public Ticket resolve(Actor staff, String number, String note) {
        String text = requireText(note);
        Instant now = clock.instant();
        return change(staff, number, Action.RESOLVED, new Change(null, null, null, null, text),
                state -> state.resolved(text, now));
    }

    /** The citizen agrees the issue is fixed: the ticket closes. */
    @Transactional
    public Ticket confirm(Actor citizen, String number) {
        Instant now = clock.instant();
        return change(citizen, number, Action.CONFIRMED, Change.NONE, state -> state.closed(now));
    }

    /** The citizen says it is not fixed: back to the staff queue, to be triaged again. */
    @Transactional
    public Ticket reopen(Actor citizen, String number, String reason) {
        String text = requireText(reason);
        return change(citizen, number, Action.REOPENED, new Change(null, null, null, null, text),
                TicketState::reopened);
    }

    private Ticket change(Actor actor, String number, Action action, Change recorded,
                          UnaryOperator<TicketState> apply) {
        requireKind(actor, action.by());
        Ticket ticket = tickets.lockByNumber(number);
        if (ticket == null || (actor.kind() == Actor.Kind.CITIZEN && !ticket.citizenSubject().equals(actor.subject()))) {
            throw new NoSuchTicket(number);
        }
        if (!action.allowedFrom(ticket.status())) {
            throw new TransitionRefused(action, ticket.status());
        }
        TicketState next = apply.apply(TicketState.of(ticket)).withStatus(action.next(ticket.status()));
        tickets.update(ticket.id(), next.status(), next.category(), next.priority(), next.assignedTeam(),
                next.assignedStaff(), next.resolutionNote(), next.resolvedAt(), next.closedAt());
        tickets.insertEvent(ticket.id(), clock.instant(), actor, action, ticket.status(), next.status(), recorded);
        return tickets.findByNumber(number);
    }

    private static void requireKind(Actor actor, Actor.Kind kind) {
        if (actor.kind() != kind) {
            throw new IllegalArgumentException("only " + kind + " may do this");
        }
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a text of 1 to " + MAX_TEXT + " characters is required");
        }
        return text.strip();
    }
}
