package org.govpaas.apps.appointments;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parsed schedule (start-up fails here, naming the parameter, when one is wrong) and the clock. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    HallSchedule hallSchedule(AppointmentSettings settings) {
        return HallSchedule.from(settings);
    }

    /** One clock for every rule about time, so tests can move to the day of an appointment. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
