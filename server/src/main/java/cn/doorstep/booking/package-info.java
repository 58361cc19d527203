/**
 * Booking at service stations: bookable services (rooms and services) with weekly schedules that
 * follow the station's holiday policy and slots generated ahead ({@code service}), activities
 * ({@code activity}, one slot each), booking and cancelling through the Redis seat gate and MySQL's
 * guards ({@code gate}, root), waitlists with held offers ({@code waitlist}), staff check-in by code,
 * no-shows and reminders ({@code staff}). Attendance earns points through {@code points}; notices go
 * through {@code notify}. Owns tables {@code booking_service}, {@code booking_service_exception},
 * {@code booking_activity}, {@code booking_slot}, {@code booking}, {@code booking_waitlist},
 * {@code booking_member}. Redis keys: {@code slot:{id}:seats} (seats the gate may give: the capacity,
 * 0 once closed) and {@code slot:{id}:holders} (a set of user ids holding a seat: booked, offered, or
 * reserving), both reloaded from MySQL when missing and expiring a day after the slot (by the app's
 * clock); {@code slot:gates} (the slots whose gate is loaded, which the reconciliation compares with
 * MySQL every half minute); {@code idem:{user}:{key}} through Idempotency-Key. Its jobs' locks are rows
 * of {@code shedlock}.
 */
package cn.doorstep.booking;
