package org.govpaas.apps.appointments.booking;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What the citizen picks while booking: a service and a hall, then a day and a slot. */
public class BookingForm {

    private String service;
    private String hall;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private Long slot;

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getHall() {
        return hall;
    }

    public void setHall(String hall) {
        this.hall = hall;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public Long getSlot() {
        return slot;
    }

    public void setSlot(Long slot) {
        this.slot = slot;
    }
}
