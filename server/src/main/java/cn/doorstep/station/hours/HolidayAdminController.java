package cn.doorstep.station.hours;

import cn.doorstep.common.PlainText;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.station.hours.HolidayCalendar.CalendarDay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The national holiday calendar: any admin reads it, a platform admin corrects it (audited). */
@Tag(name = "Holiday calendar (admin)",
        description = "The national calendar of public holidays and 调休 working days that opening hours follow: any "
                + "admin reads it, the platform admin enters it. See stations-admin.md.")
@RestController
@RequestMapping("/api/v1/admin/holidays")
@Validated
class HolidayAdminController {

    private final HolidayCalendar calendar;

    HolidayAdminController(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @Operation(summary = "A year's holidays and make-up working days",
            description = "Community and platform admins. The year's entered dates, each HOLIDAY or WORKDAY (调休) "
                    + "with its name; an empty list means the year has not been entered yet. Refused: 400 10000 a "
                    + "year outside 2000-2100.")
    @GetMapping
    ApiResponse<List<CalendarDay>> year(@RequestParam @Min(2000) @Max(2100) int year) {
        return ApiResponse.ok(calendar.year(year));
    }

    @Operation(summary = "Mark a date as a holiday or a make-up working day",
            description = "Platform admins only (a community admin gets 403 10300). Marks a date as a public "
                    + "holiday or a 调休 working day; every station that follows the calendar uses it at once; "
                    + "audited.")
    @PutMapping("/{date}")
    ApiResponse<CalendarDay> set(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @PathVariable LocalDate date, @Valid @RequestBody DayRequest request) {
        return ApiResponse.ok(calendar.set(me, date, request.kind(), request.name()));
    }

    @Operation(summary = "Remove a date from the calendar",
            description = "Platform admins only (a community admin gets 403 10300). Takes the date out of the "
                    + "calendar; audited. Refused: 404 when the date was not in it.")
    @DeleteMapping("/{date}")
    ApiResponse<Void> remove(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                             @PathVariable LocalDate date) {
        calendar.remove(me, date);
        return ApiResponse.ok(null);
    }

    record DayRequest(@NotNull DayKind kind, @NotBlank @Size(max = 32) @PlainText String name) {
    }
}
