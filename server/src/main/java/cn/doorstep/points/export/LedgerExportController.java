package cn.doorstep.points.export;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Spreadsheets;
import cn.doorstep.points.PointsReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Points (admin)")
@RestController
@Validated
class LedgerExportController {

    private final LedgerExport export;

    LedgerExportController(LedgerExport export) {
        this.export = export;
    }

    @Operation(summary = "The points ledger of your communities as an xlsx 台账 (admin)",
            description = "Community, street and district admins: every ledger entry recorded in their communities "
                    + "(earned, spent, refunded, adjusted, expired), optionally of one community (outside your scope "
                    + "the sheet is empty), one reason, from and to (China dates, both included). Phones masked, "
                    + "times in China time, formula-looking text made inert with an apostrophe. Refused: 400 10004 "
                    + "more than 50,000 rows (narrow from/to); 400 10000 naming a malformed filter.")
    @ApiResponses(@ApiResponse(responseCode = "200", description = "The workbook, as an attachment",
            content = @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/api/v1/admin/points/ledger/export")
    void ledger(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                @RequestParam(required = false) @Positive Long communityId,
                @RequestParam(required = false) PointsReason reason,
                @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate from,
                @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate to,
                HttpServletResponse response) throws IOException {
        Spreadsheets.send(export.export(me, new LedgerExport.Filter(communityId, reason, from, to)), response);
    }
}
