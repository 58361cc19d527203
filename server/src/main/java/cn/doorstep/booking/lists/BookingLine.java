package cn.doorstep.booking.lists;

import cn.doorstep.booking.BookingStatus;
import java.time.Instant;

/**
 * A booking as an admin lists it: where, what, when, who (nickname, phone masked 138****1234) and its
 * state. Never the code: the holder shows it at the station.
 */
public record BookingLine(long id, Station station, Long communityId, Long serviceId, Long activityId, String title,
                          Instant startsAt, Instant endsAt, Holder holder, BookingStatus status, Instant createdAt,
                          Instant checkedInAt, Long checkedInBy) {

    public record Station(long id, String name) {
    }

    public record Holder(long userId, String nickname, String phone) {
    }
}
