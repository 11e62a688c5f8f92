package org.govpaas.apps.appointments;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Booking a visit to a service hall (办事大厅预约). Citizens book a slot under {@code /my/**}, staff
 * of the owning department work the day's schedule under {@code /staff/**}; everything else is
 * public. Configured by the platform's environment contract ({@code GOVPAAS_PARAM_*} for the
 * services, halls and opening hours, {@code SPRING_DATASOURCE_*} for its own PostgreSQL).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AppointmentsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AppointmentsApplication.class, args);
    }
}
