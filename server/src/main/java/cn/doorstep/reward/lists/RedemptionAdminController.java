package cn.doorstep.reward.lists;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Spreadsheets;
import cn.doorstep.reward.RedemptionStatus;
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

@Tag(name = "Redemptions (admin)",
        description = "The redemptions of an admin's communities, filtered, on screen and as a 台账 spreadsheet. See "
                + "points.md.")
@RestController
@RequestMapping("/api/v1/admin/redemptions")
@Validated
class RedemptionAdminController {

    private final RedemptionLists lists;

    RedemptionAdminController(RedemptionLists lists) {
        this.lists = lists;
    }

    @Operation(summary = "Redemptions of your communities, newest first, with filters (admin)",
            description = "Community admins see their communities' redemptions, street and district admins those of "
                    + "every community below them. Filters: communityId (outside your scope the list is empty), "
                    + "stationId, status, from and to (China dates of the redemption, both included). Holders' "
                    + "phones are masked. Refused: 400 10000 naming a malformed filter.")
    @GetMapping
    ApiResponse<PageResult<RedemptionLine>> redemptions(
            @Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
            @RequestParam(required = false) @Positive Long communityId,
            @RequestParam(required = false) @Positive Long stationId,
            @RequestParam(required = false) RedemptionStatus status,
            @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate to,
            @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(lists.forAdmin(me, new RedemptionLists.Filter(communityId, stationId, status, from, to),
                page));
    }

    @Operation(summary = "The same redemptions as an xlsx 台账 (admin)",
            description = "Community, street and district admins, with the list's filters. One row per redemption, "
                    + "phones masked, times in China time; a cell that would read as a formula starts with an "
                    + "apostrophe. Refused: 400 10004 more than 50,000 rows (narrow from/to or the filters), 400 "
                    + "10000 naming a malformed filter.")
    @ApiResponses(@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "The workbook, as an attachment",
            content = @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/export")
    void export(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                @RequestParam(required = false) @Positive Long communityId,
                @RequestParam(required = false) @Positive Long stationId,
                @RequestParam(required = false) RedemptionStatus status,
                @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate from,
                @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate to,
                HttpServletResponse response) throws IOException {
        Spreadsheets.send(lists.export(me, new RedemptionLists.Filter(communityId, stationId, status, from, to)),
                response);
    }
}
