package cn.doorstep.report.ranking;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Report rankings (admin)",
        description = "Weekly rankings of communities, streets and departments by how they handle reports (办结率, "
                + "time to accept and resolve, satisfaction, overdue), and the 通报 as a workbook. See reports-rankings.md.")
@RestController
@Validated
@RequestMapping("/api/v1/admin/reports/rankings")
class RankingController {

    private static final String WHO = "Street admins (their street: level COMMUNITY or DEPARTMENT), district admins "
            + "(their district, or a street in it: any level), platform admins (anything). Exactly one of streetId and "
            + "districtId; STREET ranks the streets of a district. A week is Monday to Sunday China time (ISO week, "
            + "e.g. 2026-W49; the last whole week when absent). Times are means in hours. Refused: 400 10000 a "
            + "malformed week or level; 400 60061 no scope, both, STREET without districtId, or an unknown id "
            + "(platform); 403 60060 a scope not yours.";

    private final Rankings rankings;

    RankingController(Rankings rankings) {
        this.rankings = rankings;
    }

    @Operation(summary = "A week's ranking (排名) of communities, streets or departments",
            description = WHO + " Rows are sorted by 办结率 (high first), then the mean time to accept (low first); those "
                    + "with nothing filed come last, unranked. Departments are those serving the scope's streets, "
                    + "measured per assignment on the scope's reports.")
    @GetMapping
    ApiResponse<Ranking> reportRanking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                 @RequestParam RankingLevel level,
                                 @Parameter(example = "2026-W49") @RequestParam(required = false) String week,
                                 @RequestParam(required = false) @Positive Long streetId,
                                 @RequestParam(required = false) @Positive Long districtId) {
        return ApiResponse.ok(rankings.rank(me, new Rankings.Query(level, week, streetId, districtId)));
    }

    @Operation(summary = "A week's ranking as an xlsx 通报 (e.g. 第49周社区诉求办理情况通报)",
            description = WHO + " The same rows as the ranking, in a workbook whose sheet and file carry the 通报's "
                    + "title; rates as percentages, empty where there is nothing to divide.")
    @ApiResponses(@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "The workbook, as an attachment",
            content = @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/export")
    void rankingExport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                @RequestParam RankingLevel level,
                @Parameter(example = "2026-W49") @RequestParam(required = false) String week,
                @RequestParam(required = false) @Positive Long streetId,
                @RequestParam(required = false) @Positive Long districtId,
                HttpServletResponse response) throws IOException {
        Spreadsheets.send(RankingExport.of(rankings.rank(me, new Rankings.Query(level, week, streetId, districtId))), response);
    }
}
