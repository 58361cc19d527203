package cn.doorstep.points.statement;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.ClientAddress;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Points")
@RestController
@RequestMapping("/api/v1/points/statements")
class StatementController {

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    @Operation(summary = "Issue a 双积分 statement of your points and service in a period, for your employer",
            description = "Any signed-in user; riders and volunteers hand it to their employer. Freezes the "
                    + "period's points and hours by earning kind, under the name as registered (no phone, no "
                    + "address), behind an unguessable 12-character code valid 90 days. Refused: 400 30006 a period "
                    + "reversed, over 366 days or ending after today; 429 over 20 a day.")
    @PostMapping
    ApiResponse<StatementView> issue(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @Valid @RequestBody StatementRequest request) {
        return ApiResponse.ok(statements.issue(me.id(), request));
    }

    @Operation(summary = "The statements you issued, newest first, with their status",
            description = "Any signed-in user. Pages through the statements they issued, newest first, each ACTIVE, "
                    + "REVOKED or EXPIRED.")
    @GetMapping
    ApiResponse<PageResult<StatementView>> mine(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(statements.mine(me.id(), page));
    }

    @Operation(summary = "Read a statement by its code (no login: for the employer)",
            description = "Public: the employer holds only the code. The statement as it was issued. Refused: 404 "
                    + "30005 unknown, revoked or expired code; 429 over 60 reads a minute from one address.")
    @SecurityRequirements
    @GetMapping("/{code}")
    ApiResponse<StatementView> read(@PathVariable String code, @Parameter(hidden = true) HttpServletRequest http) {
        return ApiResponse.ok(statements.read(code, ClientAddress.of(http)));
    }

    @Operation(summary = "Revoke one of your statements: its code stops working at once",
            description = "The statement's owner. Revoking again answers the same. Refused: 404 30005 no such "
                    + "statement of yours.")
    @PostMapping("/{code}/revoke")
    ApiResponse<StatementView> revoke(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable String code) {
        return ApiResponse.ok(statements.revoke(me.id(), code));
    }
}
