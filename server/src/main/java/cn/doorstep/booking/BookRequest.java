package cn.doorstep.booking;

import jakarta.validation.constraints.Positive;

/** What to book: a service's slot, or an activity — exactly one of the two. */
public record BookRequest(@Positive Long slotId, @Positive Long activityId) {
}
