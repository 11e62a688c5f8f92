package org.govpaas.apps.hotline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govpaas.apps.hotline.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ticket's rules against a real PostgreSQL: numbers, the state machine, ownership, races. */
class TicketServiceTest extends DatabaseTest {
    static final Actor ALICE = Actor.citizen("sub-alice", "Alice");
    static final Actor BOB = Actor.citizen("sub-bob", "Bob");
    static final Actor CLERK = Actor.staff("sub-clerk", "王科员");
    static final Actor OTHER_CLERK = Actor.staff("sub-clerk-2", "李科员");

    @Autowired
    TicketService service;

    @BeforeEach
    void emptyDatabase() {
        jdbc.execute("truncate ticket, ticket_day_counter restart identity cascade");
        clock.set(NOON_IN_SHANGHAI);
    }

    @Test
    void numbersCountPerDayInTheCitysTimeZone() {
        assertThat(report(ALICE).number()).isEqualTo("12345-20261127-0001");
        assertThat(report(BOB).number()).isEqualTo("12345-20261127-0002");
        // 00:30 in Shanghai on the 28th is still the 27th in UTC: the city's day decides.
        clock.set(Instant.parse("2026-11-27T16:30:00Z"));
        assertThat(report(ALICE).number()).isEqualTo("12345-20261128-0001");
    }

    @Test
    void aTicketGoesFromReportToClosedWithEveryStepInItsHistory() {
        String number = report(ALICE).number();
        clock.advance(Duration.ofHours(1));
        service.triage(CLERK, number, "water", Priority.HIGH);
        service.assign(CLERK, number, Assignee.team("water"));
        clock.advance(Duration.ofHours(5));
        Ticket resolved = service.resolve(CLERK, number, "  更换了破损的水管  ");
        clock.advance(Duration.ofHours(2));
        Ticket closed = service.confirm(ALICE, number);

        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(NOON_IN_SHANGHAI.plus(Duration.ofHours(6)));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.category()).isEqualTo("water");
        assertThat(closed.priority()).isEqualTo(Priority.HIGH);
        assertThat(closed.assignedTeam()).isEqualTo("water");
        assertThat(closed.resolutionNote()).isEqualTo("更换了破损的水管");
        assertThat(closed.closedAt()).isEqualTo(NOON_IN_SHANGHAI.plus(Duration.ofHours(8)));
        List<TicketEvent> history = service.history(closed);
        assertThat(history).extracting(TicketEvent::action).containsExactly(Action.REPORTED, Action.TRIAGED,
                Action.ASSIGNED, Action.RESOLVED, Action.CONFIRMED);
        assertThat(history).extracting(TicketEvent::actorName).containsExactly("Alice", "王科员", "王科员", "王科员", "Alice");
        assertThat(history).extracting(TicketEvent::toStatus).containsExactly(TicketStatus.NEW, TicketStatus.TRIAGED,
                TicketStatus.ASSIGNED, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(history.get(1).category()).isEqualTo("water");
        assertThat(history.get(3).note()).isEqualTo("更换了破损的水管");
        assertThat(history.get(4).at()).isEqualTo(NOON_IN_SHANGHAI.plus(Duration.ofHours(8)));
        assertThat(service.staffAudit(10)).extracting(TicketEvent::action)
                .containsExactly(Action.RESOLVED, Action.ASSIGNED, Action.TRIAGED);
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        String number = report(ALICE).number();

        assertRefused(() -> service.confirm(ALICE, number), Action.CONFIRMED, TicketStatus.NEW);
        assertRefused(() -> service.reopen(ALICE, number, "still broken"), Action.REOPENED, TicketStatus.NEW);
        assertRefused(() -> service.assign(CLERK, number, Assignee.team("roads")), Action.ASSIGNED, TicketStatus.NEW);
        assertRefused(() -> service.resolve(CLERK, number, "done"), Action.RESOLVED, TicketStatus.NEW);
        service.triage(CLERK, number, "roads", Priority.NORMAL);
        assertRefused(() -> service.resolve(CLERK, number, "done"), Action.RESOLVED, TicketStatus.TRIAGED);
        service.assign(CLERK, number, Assignee.staffMember("李科员"));
        service.resolve(CLERK, number, "done");
        assertRefused(() -> service.assign(CLERK, number, Assignee.team("roads")), Action.ASSIGNED, TicketStatus.RESOLVED);
        service.confirm(ALICE, number);
        assertRefused(() -> service.reopen(ALICE, number, "again"), Action.REOPENED, TicketStatus.CLOSED);
        assertRefused(() -> service.triage(CLERK, number, "water", Priority.LOW), Action.TRIAGED, TicketStatus.CLOSED);

        Ticket ticket = service.own(ALICE, number);
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.category()).isEqualTo("roads");
        assertThat(service.history(ticket)).hasSize(5);
    }

    @Test
    void citizensCannotTakeStaffActionsNorStaffCitizenOnes() {
        String number = report(ALICE).number();

        assertThatThrownBy(() -> service.triage(ALICE, number, "roads", Priority.HIGH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.confirm(CLERK, number)).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.history(service.forStaff(number))).hasSize(1);
    }

    @Test
    void anotherCitizensTicketDoesNotExistForThem() {
        String number = resolvedTicketOf(ALICE);

        assertThatThrownBy(() -> service.own(BOB, number)).isInstanceOf(NoSuchTicket.class);
        assertThatThrownBy(() -> service.confirm(BOB, number)).isInstanceOf(NoSuchTicket.class);
        assertThatThrownBy(() -> service.reopen(BOB, number, "mine now")).isInstanceOf(NoSuchTicket.class);
        assertThat(service.allOwn(BOB)).isEmpty();
        assertThat(service.own(ALICE, number).status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void reopeningSendsTheTicketBackToTheQueueWithoutTheOldResolution() {
        String number = resolvedTicketOf(ALICE);

        Ticket reopened = service.reopen(ALICE, number, "水管还在漏");

        assertThat(reopened.status()).isEqualTo(TicketStatus.NEW);
        assertThat(reopened.assignedTeam()).isNull();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.resolutionNote()).isNull();
        assertThat(service.queue(50)).extracting(Ticket::number).contains(number);
        TicketEvent last = service.history(reopened).getLast();
        assertThat(last.action()).isEqualTo(Action.REOPENED);
        assertThat(last.note()).isEqualTo("水管还在漏");
        assertThat(last.fromStatus()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void unknownCategoriesAndTeamsAndEmptyNotesAreRefused() {
        String number = report(ALICE).number();

        assertThatThrownBy(() -> service.report(ALICE, new NewReport("bogus", null, "x", "y"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.triage(CLERK, number, "bogus", Priority.LOW))
                .isInstanceOf(IllegalArgumentException.class);
        service.triage(CLERK, number, "roads", Priority.LOW);
        assertThatThrownBy(() -> service.assign(CLERK, number, Assignee.team("bogus")))
                .isInstanceOf(IllegalArgumentException.class);
        service.assign(CLERK, number, Assignee.team("roads"));
        assertThatThrownBy(() -> service.resolve(CLERK, number, "   ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.forStaff(number).status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void twoStaffResolvingAtOnceLeaveExactlyOneResolution() throws Exception {
        for (int round = 0; round < 5; round++) {
            String number = report(ALICE).number();
            service.triage(CLERK, number, "roads", Priority.NORMAL);
            service.assign(CLERK, number, Assignee.team("roads"));

            List<Object> outcomes = race(List.of(
                    () -> service.resolve(CLERK, number, "fixed by clerk"),
                    () -> service.resolve(OTHER_CLERK, number, "fixed by other clerk")));

            assertThat(outcomes).filteredOn(o -> o instanceof Ticket).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof TransitionRefused).hasSize(1);
            assertThat(service.history(service.forStaff(number)))
                    .filteredOn(e -> e.action() == Action.RESOLVED).hasSize(1);
        }
    }

    @Test
    void reportsFiledAtOnceGetDistinctNumbers() throws Exception {
        List<Callable<Object>> reports = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Actor citizen = Actor.citizen("sub-" + i, "Citizen " + i);
            reports.add(() -> report(citizen).number());
        }
        Set<Object> numbers = ConcurrentHashMap.newKeySet();
        numbers.addAll(race(reports));

        assertThat(numbers).hasSize(16).allSatisfy(n -> assertThat((String) n).matches("12345-20261127-00(0[1-9]|1[0-6])"));
    }

    private Ticket report(Actor citizen) {
        return service.report(citizen, new NewReport("roads", "dongcheng", "人民路 12 号", "路面塌陷"), null);
    }

    private String resolvedTicketOf(Actor citizen) {
        String number = report(citizen).number();
        service.triage(CLERK, number, "water", Priority.HIGH);
        service.assign(CLERK, number, Assignee.team("water"));
        service.resolve(CLERK, number, "fixed");
        return number;
    }

    private void assertRefused(Runnable action, Action expected, TicketStatus status) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TransitionRefused.class, refused -> {
            assertThat(refused.action()).isEqualTo(expected);
            assertThat(refused.status()).isEqualTo(status);
        });
    }

    /** Runs the tasks as close to the same moment as possible; each result or exception. */
    private static List<Object> race(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
