package cn.doorstep.party;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.party.PartyViews.UnitServiceReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A unit admin's view of its members' service (考核评价). */
@Tag(name = "Party members (unit admin)",
        description = "A unit's admins see its members' service by month, as JSON or CSV, for 考核评价. See party.md.")
@RestController
@RequestMapping("/api/v1/unit/{unitId}")
class UnitController {

    private static final String MONTH = "20[0-9]{2}-(0[1-9]|1[0-2])";

    private final UnitServiceReports reports;

    UnitController(UnitServiceReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The unit's members' service in a month: wishes fulfilled, hours, average rating (unit admin)",
            description = "Unit admins (UNIT_ADMIN of that unit). Every confirmed member and anyone who served for "
                    + "the unit that China month; a wish counts in the month it was confirmed, the rating is the "
                    + "poster's. Refused: 400 10000 month not like 2026-12; 404 42002 not a unit you administer.")
    @GetMapping("/service")
    ApiResponse<UnitServiceReport> unitService(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long unitId,
                                           @RequestParam @Pattern(regexp = MONTH, message = "must be a month like 2026-12")
                                           String month) {
        return ApiResponse.ok(reports.report(me, unitId, month));
    }

    @Operation(summary = "The same month as a CSV download, for Excel (unit admin)",
            description = "Unit admins (UNIT_ADMIN of that unit). UTF-8 with a byte-order mark, so Excel opens it "
                    + "directly; fetch it with wx.downloadFile and show it with wx.openDocument. Refused: as the "
                    + "JSON report.")
    @ApiResponses(@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "The CSV, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/service.csv")
    ResponseEntity<byte[]> unitServiceCsv(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                               @PathVariable long unitId,
                               @RequestParam @Pattern(regexp = MONTH, message = "must be a month like 2026-12") String month) {
        byte[] body = reports.csv(reports.report(me, unitId, month));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("unit-" + unitId + "-" + month + ".csv").build().toString())
                .body(body);
    }
}
