/**
 * The schedule of service stations: bookable services (rooms and services) with weekly windows that
 * follow the station's holiday policy, slots generated ahead ({@code service}), and activities, one slot
 * each ({@code activity}). Owns tables {@code booking_service}, {@code booking_service_exception},
 * {@code booking_activity} and {@code booking_slot} with its seat counters, whose guarded updates
 * {@link cn.doorstep.schedule.SlotSeats} runs for {@code booking} inside booking's transactions. Tells
 * {@code booking} what it must act on as events ({@link cn.doorstep.schedule.SlotClosed},
 * {@link cn.doorstep.schedule.SlotCapacityChanged}); never depends on it. No Redis keys of its own; its
 * job's lock is a row of {@code shedlock}.
 */
package cn.doorstep.schedule;
