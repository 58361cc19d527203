package cn.doorstep.booking.behalf;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Whom to book for (a resident of a grid the caller heads) and what: exactly one of slotId and activityId. */
public record OnBehalfBookRequest(@NotNull @Positive @Schema(description = "the resident's user id") Long residentId,
                                  @Positive Long slotId, @Positive Long activityId) {
}
