package cn.doorstep.report.followup;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.report.ReportDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports (follow-up)", description = "Deadlines, escalation, duplicates and merges: the grid's merge. See reports-follow-up.md.")
@RestController
@RequestMapping("/api/v1/admin/reports")
class MergeController {

    private final ReportDuplicates duplicates;

    MergeController(ReportDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @Operation(summary = "Merge a report into the same one: it becomes MERGED and its followers follow the other",
            description = "A worker of both reports (their community's admin, a street or district admin above "
                    + "both). Both timelines get a MERGED step; audited; the merged report's followers are told. "
                    + "Refused: 400 60040 into itself; 404 60001 either report not yours; 409 60002 either not open "
                    + "(data.status); 409 60003 another step landed first (e.g. a merge the other way).")
    @PostMapping("/{id}/merge")
    ApiResponse<ReportDetail> merge(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id, @Valid @RequestBody MergeRequest request) {
        return ApiResponse.ok(duplicates.merge(me, id, request.intoId()));
    }

    record MergeRequest(@NotNull @Positive Long intoId) {
    }
}
