package cn.doorstep.report.followup;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.station.StationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports")
@RestController
@RequestMapping("/api/v1/reports")
@Validated
class DuplicatesController {

    private final ReportDuplicates duplicates;

    DuplicatesController(ReportDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @Operation(summary = "The same? Open reports of a category near a point, nearest first (at most 5)",
            description = "Any signed-in user, before filing: open reports of the category within 100 m, as cards "
                    + "without personal data (the text's start only when WeChat passed it). Refused: 400 10000 a "
                    + "missing or unknown category, a point outside China.")
    @GetMapping("/similar")
    ApiResponse<List<SimilarReport>> similar(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                             @RequestParam ReportCategory category,
                                             @RequestParam @DecimalMin(StationRequest.MIN_LAT) @DecimalMax(StationRequest.MAX_LAT) BigDecimal lat,
                                             @RequestParam @DecimalMin(StationRequest.MIN_LNG) @DecimalMax(StationRequest.MAX_LNG) BigDecimal lng) {
        return ApiResponse.ok(duplicates.similar(me, category, lat, lng));
    }

    @Operation(summary = "It is the same: follow that report instead of filing one",
            description = "Any signed-in user, for a report /similar shows for the category and point sent (an open "
                    + "report of that category within 100 m); it then appears in /reports/mine and its detail is "
                    + "readable. Following it again changes nothing. Refused: 404 60001 any other report.")
    @PostMapping("/{id}/follow")
    ApiResponse<SimilarReport> follow(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id, @Valid @RequestBody FollowRequest request) {
        return ApiResponse.ok(duplicates.follow(me, id, request.category(), request.lat(), request.lng()));
    }

    /** The category and the point the resident was filing with (the same as /similar was asked). */
    record FollowRequest(@NotNull ReportCategory category,
                         @NotNull @DecimalMin(StationRequest.MIN_LAT) @DecimalMax(StationRequest.MAX_LAT) BigDecimal lat,
                         @NotNull @DecimalMin(StationRequest.MIN_LNG) @DecimalMax(StationRequest.MAX_LNG) BigDecimal lng) {
    }
}
