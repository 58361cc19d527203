/**
 * Booking the slots and activities {@code schedule} offers: booking and cancelling through the Redis
 * seat gate and MySQL's guards ({@code gate}, root; the booker's rows in {@code internal}), waitlists
 * with held offers and the staff's view of a slot's line ({@code waitlist}), staff check-in by code or by
 * looking a resident up, attendance points, no-shows and reminders ({@code staff}), a grid head booking
 * for a resident without a phone ({@code behalf}), an admin's list and 台账 of bookings ({@code lists}). A slot's seats move through {@code schedule}'s {@code SlotSeats} inside booking's
 * transactions; a closed slot or a new capacity arrives as {@code schedule}'s events. Attendance earns
 * points through {@code points}; notices go through {@code notify}. Owns tables {@code booking},
 * {@code booking_waitlist}, {@code booking_member}. Redis keys (braces literal: the slot's Redis Cluster hash tag): {@code slot:{<id>}:seats} (seats the gate may give: the capacity,
 * 0 once closed) and {@code slot:{<id>}:holders} (a set of user ids holding a seat: booked, offered, or
 * reserving), both reloaded from MySQL when missing and expiring a day after the slot (by the app's
 * clock); {@code slot:gates} (the slots whose gate is loaded, which the reconciliation compares with
 * MySQL every half minute); {@code idem:{user}:{key}} through Idempotency-Key. Its jobs' locks are rows
 * of {@code shedlock}.
 */
package cn.doorstep.booking;
