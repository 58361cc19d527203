package cn.doorstep.audit;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit log (admin)",
        description = "Who changed what and when, for admins in their scope. See accounts-admin.md.")
@RestController
@Validated
class AuditAdminController {

    private final AuditReader reader;

    AuditAdminController(AuditReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "The audit log of your communities, newest first, with filters (admin)",
            description = "Community admins read the rows of their communities, street and district admins those of "
                    + "every community below them, platform admins every row (rows recorded without a community "
                    + "too). Filters: communityId (outside your scope the list is empty), actorId, targetType with "
                    + "targetId, action (e.g. reward.redeem), from and to (China dates, both included). Refused: 400 "
                    + "10000 naming a malformed filter.")
    @GetMapping("/api/v1/admin/audit")
    ApiResponse<PageResult<AuditReader.Row>> audit(
            @Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
            @RequestParam(required = false) @Positive Long communityId,
            @RequestParam(required = false) @Positive Long actorId,
            @RequestParam(required = false) @Size(max = 32) String targetType,
            @RequestParam(required = false) @Size(max = 64) String targetId,
            @RequestParam(required = false) @Size(max = 64) String action,
            @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "China date, included") @RequestParam(required = false) LocalDate to,
            @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(reader.search(me,
                new AuditReader.Filter(communityId, actorId, targetType, targetId, action, from, to), page));
    }
}
