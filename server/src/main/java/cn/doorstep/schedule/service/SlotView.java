package cn.doorstep.schedule.service;

import java.time.Instant;

/** A slot with the seats left now (0 when closed); {@code status} OPEN or CLOSED. */
public record SlotView(long id, Long serviceId, Long activityId, long stationId, Instant startsAt, Instant endsAt,
                       int capacity, int seatsLeft, String status) {
}
