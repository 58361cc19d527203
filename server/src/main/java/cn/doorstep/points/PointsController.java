package cn.doorstep.points;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.points.rank.Leaderboard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Points",
        description = "A user's points: balance, ledger, leaderboard, and 双积分 statements for their employer. See "
                + "points.md.")
@RestController
@RequestMapping("/api/v1/points")
@Validated
class PointsController {

    private final PointsService points;
    private final Leaderboard leaderboard;

    PointsController(PointsService points, Leaderboard leaderboard) {
        this.points = points;
        this.leaderboard = leaderboard;
    }

    @Operation(summary = "Your balance, what you earned, spent and lost to expiry, and what expires within 30 days",
            description = "Any signed-in user, about themselves. Points expire 12 months after they were earned, "
                    + "the oldest spent first: expiringSoon is the part of the balance that expires within 30 days.")
    @GetMapping("/account")
    ApiResponse<AccountView> account(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok(points.account(me.id()));
    }

    @Operation(summary = "Your ledger, newest first",
            description = "Any signed-in user, about themselves. Every change of their points with its reason, the "
                    + "balance after it and what it refers to (a check-in, a wish, a redemption…); entries are "
                    + "never changed.")
    @GetMapping("/ledger")
    ApiResponse<PageResult<LedgerEntryView>> ledger(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                    @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(points.ledger(me.id(), page));
    }

    @Operation(summary = "This year's ranking of points earned in a community, and your place in it",
            description = "Any signed-in user. The top `limit` (20 by default, at most 100) by points earned in the "
                    + "community this year (China time), and the caller's own place, null when they earned none "
                    + "there. Refused: 400 10000 communityId missing or limit out of range; 404 13001 no such "
                    + "community.")
    @GetMapping("/leaderboard")
    ApiResponse<Leaderboard.Standing> leaderboard(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                  @RequestParam @Positive long communityId,
                                                  @RequestParam(required = false) @Min(1) @Max(100) Integer limit) {
        return ApiResponse.ok(leaderboard.standing(communityId, limit == null ? 20 : limit, me.id()));
    }
}
