package cn.doorstep.schedule;

import java.util.List;

/**
 * A service's capacity changed, and with it that of its coming slots where their bookings fit. Anything
 * that keeps a copy of those slots' seats (booking's Redis gate) reloads it. Published in the transaction
 * that changed them.
 *
 * @param slotIds the service's slots that had not started then
 */
public record SlotCapacityChanged(long serviceId, List<Long> slotIds) {
}
