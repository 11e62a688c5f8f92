package org.govpaas.platform.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.metering.internal.UsageMapper;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a department's usage; another department's answers not found, like a missing one. */
@Service
public class UsageService {

    static final int MAX_GAPS = 200;
    static final Duration LONGEST_RANGE = Duration.ofDays(366);

    private final DepartmentService departments;
    private final UsageMapper samples;
    private final MeteringProperties settings;

    UsageService(DepartmentService departments, UsageMapper samples, MeteringProperties settings) {
        this.departments = departments;
        this.samples = samples;
        this.settings = settings;
    }

    /**
     * Usage from the start of {@code from} to the start of {@code to} (dates in the city's time
     * zone); both null: the current month so far.
     */
    @Transactional(readOnly = true)
    public UsageReport usage(Caller caller, String dept, LocalDate from, LocalDate to) {
        Department department = departments.get(caller, dept);
        YearMonth month = YearMonth.now(settings.zone());
        Instant start = (from == null ? month.atDay(1) : from).atStartOfDay(settings.zone()).toInstant();
        Instant end = (to == null ? month.plusMonths(1).atDay(1) : to).atStartOfDay(settings.zone()).toInstant();
        if (!end.isAfter(start)) {
            throw FieldValidationException.coded("to", "usage.range.order", "'to' must be after 'from'.");
        }
        if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw FieldValidationException.coded("to", "usage.range.tooLong", "The range may span at most 366 days.");
        }
        return new UsageReport(department.code(), start, end, samples.summarize(department.id(), start, end),
                samples.gaps(department.id(), start, end, MAX_GAPS));
    }
}
