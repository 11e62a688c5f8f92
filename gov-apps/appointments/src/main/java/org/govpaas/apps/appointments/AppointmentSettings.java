package org.govpaas.apps.appointments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deploy parameters as the platform hands them over ({@code GOVPAAS_PARAM_SERVICES} and so on,
 * mapped in application.yml). The catalog's form offers only flat text and numbers, so lists are
 * text: one item per line or comma-separated, each {@code 中文名} or {@code 中文名|English name}.
 * {@link HallSchedule#from} turns them into the schedule and refuses start-up with a message
 * naming the parameter when one cannot be understood.
 *
 * @param services     the services citizens can book a visit for
 * @param halls        the service halls
 * @param openingHours when the halls are open, e.g. {@code 09:00-17:00}
 * @param openDays     the days they are open, e.g. {@code MON-FRI} or {@code MON,WED,SAT}
 * @param slotMinutes  the length of one slot
 * @param capacity     how many citizens one slot of one hall takes
 * @param daysAhead    how many days ahead (today included) can be booked
 * @param timeZone     the halls' time zone, e.g. {@code Asia/Shanghai}
 */
@Validated
@ConfigurationProperties("appointments")
public record AppointmentSettings(@NotBlank @Size(max = 2000) String services,
                                  @NotBlank @Size(max = 2000) String halls,
                                  @NotBlank String openingHours,
                                  @NotBlank String openDays,
                                  @Min(5) @Max(480) int slotMinutes,
                                  @Min(1) @Max(500) int capacity,
                                  @Min(1) @Max(90) int daysAhead,
                                  @NotBlank String timeZone) {
}
