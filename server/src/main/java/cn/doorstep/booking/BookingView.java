package cn.doorstep.booking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A booking as its holder sees it. {@code code} is what staff scan: show {@code qrPayload} as a QR code.
 *
 * @param cancellableUntil the last moment {@code POST /bookings/{id}/cancel} is accepted
 */
public record BookingView(long id, String code, String qrPayload, BookingStatus status, long slotId, Long serviceId,
                          Long activityId, long stationId,
                          @Schema(description = "the service's name or the activity's title") String title,
                          Instant startsAt, Instant endsAt, Instant cancellableUntil, Instant createdAt) {
}
