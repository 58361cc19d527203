package cn.doorstep.schedule.internal;

import java.time.LocalDate;

/** A row of {@code booking_service_exception}. */
public class ServiceException {
    public Long serviceId;
    public LocalDate onDate;
    public Boolean closed;
    public String opens;
    public String closes;
}
