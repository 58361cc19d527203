/**
 * The schedule of service stations: bookable services (rooms and services) with weekly windows that
 * follow the station's holiday policy, slots generated ahead ({@code service}), and activities, one slot
 * each, one-off or made by repeating rules, found per station or near a point ({@code activity}). Owns
 * tables {@code booking_service}, {@code booking_service_exception}, {@code booking_activity},
 * {@code booking_activity_rule} and {@code booking_slot} with its seat counters, whose guarded updates
 * {@link cn.doorstep.schedule.SlotSeats} runs for {@code booking} inside booking's transactions. Tells
 * {@code booking} what it must act on as events ({@link cn.doorstep.schedule.SlotClosed},
 * {@link cn.doorstep.schedule.SlotCapacityChanged}); never depends on it. Fills the services and next
 * activities of a station's page through {@code station}'s {@code StationOfferings}. No Redis keys of its
 * own (activities near me read the map's GEO index through {@code StationsNear}); its jobs' locks are rows
 * of {@code shedlock}.
 */
package cn.doorstep.schedule;
