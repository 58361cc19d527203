package cn.doorstep.station.hours;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Replace a station's weekly hours (admin). An empty list means no regular opening hours. */
public record HoursRequest(@NotNull @Valid @Size(max = 50) List<@NotNull WeeklyRule> weeklyHours,
                           HolidayPolicy holidayPolicy) {
}
