package cn.doorstep.booking.lists;

import cn.doorstep.booking.BookingStatus;
import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Bookings (admin)",
        description = "The bookings at your communities' stations, filtered, on screen and as a 台账 spreadsheet. See "
                + "worker-lists.md.")
@RestController
@RequestMapping("/api/v1/admin/bookings")
@Validated
class BookingAdminController {

    private final BookingLists lists;

    BookingAdminController(BookingLists lists) {
        this.lists = lists;
    }

    @Operation(summary = "Bookings at your communities' stations, latest start first, with filters (admin)",
            description = "Community admins see the bookings at their communities' stations, street and district "
                    + "admins those of every community below them. Filters: communityId and stationId (outside your "
                    + "scope the list is empty), status, from and to (China dates the slot starts on, both included). "
                    + "Holders' phones are masked, codes never shown. Refused: 400 10000 naming a malformed filter.")
    @GetMapping
    ApiResponse<PageResult<BookingLine>> bookings(
            @Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
            @RequestParam(required = false) @Positive Long communityId,
            @RequestParam(required = false) @Positive Long stationId,
            @RequestParam(required = false) BookingStatus status,
            @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate to,
            @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(lists.forAdmin(me, new BookingLists.Filter(communityId, stationId, status, from, to), page));
    }

    @Operation(summary = "The same bookings as an xlsx 台账 (admin)",
            description = "Community, street and district admins, with the list's filters. One row per booking, "
                    + "phones masked, times in China time, formula-looking text made inert with an apostrophe. "
                    + "Refused: 400 10004 more than 50,000 rows (narrow from/to or the filters), 400 10000 naming a "
                    + "malformed filter.")
    @ApiResponses(@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "The workbook, as an attachment",
            content = @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/export")
    void export(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                @RequestParam(required = false) @Positive Long communityId,
                @RequestParam(required = false) @Positive Long stationId,
                @RequestParam(required = false) BookingStatus status,
                @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate from,
                @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate to,
                HttpServletResponse response) throws IOException {
        Spreadsheets.send(lists.export(me, new BookingLists.Filter(communityId, stationId, status, from, to)), response);
    }
}
