package cn.doorstep.stats;

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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Statistics (admin)",
        description = "The digital cockpit (数字驾驶舱): figures of a community, street, district or the city over a "
                + "day, week, month or custom period, read from daily aggregates kept by events. See statistics.md.")
@RestController
@Validated
@RequestMapping("/api/v1/admin/stats")
class StatsController {

    static final String WHO = "Scope: at most one of communityId (its admins, and its street's, district's and "
            + "the platform's), streetId (its admins, its district's, the platform's), districtId (its admins, the "
            + "platform's); none is the whole city (platform admins). Period: day, week (Monday to Sunday) or month "
            + "containing date (today in China time when absent), or custom from..to (both included, at most 366 days). "
            + "Refused: 400 10000 a malformed id or date; 400 62002 more than one scope, or an unknown id (platform); "
            + "400 62003 a bad period, from/to without custom, date with custom, custom without from or to, from after "
            + "to, more than 366 days; 403 62001 a scope not yours.";

    private final StatsScopes scopes;
    private final WishStatsQuery wishes;
    private final BookingStatsQuery bookings;
    private final RiderStatsQuery riders;
    private final WishRankings rankings;
    private final PartyStatsQuery party;
    private final PointsStatsQuery points;
    private final StatsRebuild rebuild;
    private final Clock clock;

    StatsController(StatsScopes scopes, WishStatsQuery wishes, BookingStatsQuery bookings, RiderStatsQuery riders,
                    WishRankings rankings, PartyStatsQuery party, PointsStatsQuery points, StatsRebuild rebuild,
                    Clock clock) {
        this.points = points;
        this.party = party;
        this.rankings = rankings;
        this.riders = riders;
        this.scopes = scopes;
        this.wishes = wishes;
        this.bookings = bookings;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    @Operation(summary = "Wishes of a scope and period: posted, by status and category, medians, 办结率, rating, by day",
            description = WHO + " Figures are about the wishes posted in the period as they stand now, but daily[]."
                    + "confirmed (confirmations made that day). Medians are in whole minutes from going on the wall, "
                    + "in buckets (exact below 2 h; see statistics.md); 办结率 is confirmed / (posted - rejected - "
                    + "cancelled - pending review).")
    @GetMapping("/wishes")
    ApiResponse<WishStats> wishStats(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                     @RequestParam(required = false) @Positive Long communityId,
                                     @RequestParam(required = false) @Positive Long streetId,
                                     @RequestParam(required = false) @Positive Long districtId,
                                     @Parameter(schema = @Schema(allowableValues = {"day", "week", "month", "custom"},
                                             defaultValue = "day")) @RequestParam(required = false) String period,
                                     @Parameter(example = "2026-12-07") @RequestParam(required = false) LocalDate date,
                                     @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to) {
        StatsScope scope = scopes.require(me, communityId, streetId, districtId);
        return ApiResponse.ok(wishes.of(scope, StatsPeriod.of(period, date, from, to, clock)));
    }

    @Operation(summary = "Bookings of a scope and period: made, cancelled, attended, no-shows by station, service and activity",
            description = WHO + " Bookings count on their slot's China day, whenever made, with their status now. "
                    + "attendanceRate = attended / (attended + noShows); an activity's turnout = attended / (booked - "
                    + "cancelled).")
    @GetMapping("/bookings")
    ApiResponse<BookingStats> bookingStats(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @RequestParam(required = false) @Positive Long communityId,
                                           @RequestParam(required = false) @Positive Long streetId,
                                           @RequestParam(required = false) @Positive Long districtId,
                                           @Parameter(schema = @Schema(allowableValues = {"day", "week", "month", "custom"},
                                                   defaultValue = "day")) @RequestParam(required = false) String period,
                                           @Parameter(example = "2026-12-07") @RequestParam(required = false) LocalDate date,
                                           @RequestParam(required = false) LocalDate from,
                                           @RequestParam(required = false) LocalDate to) {
        StatsScope scope = scopes.require(me, communityId, streetId, districtId);
        return ApiResponse.ok(bookings.of(scope, StatsPeriod.of(period, date, from, to, clock)));
    }

    @Operation(summary = "Riders of a scope and period: check-ins by station and day, registrations, verified riders, "
            + "双积分 statements issued",
            description = WHO + " Check-ins are the counted ones (one per rider, station and China day) at the scope's "
                    + "stations; registrations and verifications are of riders homed in the scope; verifiedRiders is "
                    + "how many are verified now; statementsIssued counts points statements issued to the scope's "
                    + "members.")
    @GetMapping("/riders")
    ApiResponse<RiderStats> riderStats(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @RequestParam(required = false) @Positive Long communityId,
                                       @RequestParam(required = false) @Positive Long streetId,
                                       @RequestParam(required = false) @Positive Long districtId,
                                       @Parameter(schema = @Schema(allowableValues = {"day", "week", "month", "custom"},
                                               defaultValue = "day")) @RequestParam(required = false) String period,
                                       @Parameter(example = "2026-12-07") @RequestParam(required = false) LocalDate date,
                                       @RequestParam(required = false) LocalDate from,
                                       @RequestParam(required = false) LocalDate to) {
        StatsScope scope = scopes.require(me, communityId, streetId, districtId);
        return ApiResponse.ok(riders.of(scope, StatsPeriod.of(period, date, from, to, clock)));
    }

    @Operation(summary = "双报到 of a scope: confirmed party members by unit, each unit's services by month (考核评价)",
            description = WHO + " confirmedMembers counts the registrations with the scope's communities confirmed now "
                    + "(not bound to the period); services are the confirmed wishes the units' members fulfilled in the "
                    + "scope, by the China month of confirmation, within the period.")
    @GetMapping("/party")
    ApiResponse<PartyStats> partyStats(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @RequestParam(required = false) @Positive Long communityId,
                                       @RequestParam(required = false) @Positive Long streetId,
                                       @RequestParam(required = false) @Positive Long districtId,
                                       @Parameter(schema = @Schema(allowableValues = {"day", "week", "month", "custom"},
                                               defaultValue = "day")) @RequestParam(required = false) String period,
                                       @Parameter(example = "2026-12-07") @RequestParam(required = false) LocalDate date,
                                       @RequestParam(required = false) LocalDate from,
                                       @RequestParam(required = false) LocalDate to) {
        StatsScope scope = scopes.require(me, communityId, streetId, districtId);
        return ApiResponse.ok(party.of(scope, StatsPeriod.of(period, date, from, to, clock)));
    }

    @Operation(summary = "Points and rewards of a scope and period: issued by reason, spent, expired, outstanding, "
            + "redemptions by reward, stock consistency",
            description = WHO + " issued, deducted, spent, refunded and expired sum the ledger entries naming the scope's "
                    + "communities in the period (an expiry names the community its points were earned in); outstanding "
                    + "is the points the scope's members hold now; byReward counts the live redemptions (to collect or "
                    + "collected) of the scope's rewards made in the period; stock checks every reward of the scope now "
                    + "(stock + redeemed = stockedIn).")
    @GetMapping("/points")
    ApiResponse<PointsStats> pointsStats(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @RequestParam(required = false) @Positive Long communityId,
                                         @RequestParam(required = false) @Positive Long streetId,
                                         @RequestParam(required = false) @Positive Long districtId,
                                         @Parameter(schema = @Schema(allowableValues = {"day", "week", "month", "custom"},
                                                 defaultValue = "day")) @RequestParam(required = false) String period,
                                         @Parameter(example = "2026-12-07") @RequestParam(required = false) LocalDate date,
                                         @RequestParam(required = false) LocalDate from,
                                         @RequestParam(required = false) LocalDate to) {
        StatsScope scope = scopes.require(me, communityId, streetId, districtId);
        return ApiResponse.ok(points.of(scope, StatsPeriod.of(period, date, from, to, clock)));
    }

    private static final String RANKED = "Exactly one of streetId (its admins, its district's, the platform's) and "
            + "districtId (its admins, the platform's); a week is Monday to Sunday China time (ISO week, e.g. 2026-W49; "
            + "the last whole week when absent). Rows: every community of the scope, sorted by 办结率 (high first), then "
            + "the median minutes to claim (low first); those with nothing to divide come last, unranked. Figures as in "
            + "/admin/stats/wishes for the wishes posted in the week. Refused: 400 62002 neither or both scopes, an "
            + "unknown id (platform); 400 62003 a malformed week; 403 62001 a scope not yours.";

    @Operation(summary = "A week's ranking of communities by micro-wishes (办结率, response time)", description = RANKED)
    @GetMapping("/rankings")
    ApiResponse<WishRanking> wishRanking(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                         @RequestParam(required = false) @Positive Long streetId,
                                         @RequestParam(required = false) @Positive Long districtId,
                                         @Parameter(example = "2026-W49") @RequestParam(required = false) String week) {
        return ApiResponse.ok(rankings.rank(me, streetId, districtId, week));
    }

    @Operation(summary = "A week's wish ranking as an xlsx 通报 (e.g. 第49周社区微心愿办理情况通报)",
            description = RANKED + " Columns: 排名, 编号, 社区, 发布数, 办结数, 办结率 (a percentage), 认领用时中位数(分钟), "
                    + "平均评分; empty where there is nothing to divide.")
    @ApiResponses(@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "The workbook, as an attachment",
            content = @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/rankings/export")
    void wishRankingExport(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                           @RequestParam(required = false) @Positive Long streetId,
                           @RequestParam(required = false) @Positive Long districtId,
                           @Parameter(example = "2026-W49") @RequestParam(required = false) String week,
                           HttpServletResponse response) throws IOException {
        Spreadsheets.send(WishRankingExport.of(rankings.rank(me, streetId, districtId, week)), response);
    }

    @Operation(summary = "Rebuild the statistics of a range of days from the source tables (PLATFORM)",
            description = "Every community's daily figures from..to (both included, at most 366 days, not after today "
                    + "China time) folded again from the source tables, as the events do; idempotent, audited "
                    + "(stats.rebuild). Synchronous: a year of a city takes minutes. Refused: 400 10000 a missing or "
                    + "malformed date; 400 62020 from after to, more than 366 days, to after today; 403 62021 not a "
                    + "platform admin.")
    @PostMapping("/rebuild")
    ApiResponse<StatsRebuild.Rebuilt> rebuildStats(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                   @Valid @RequestBody RebuildRequest request) {
        return ApiResponse.ok(rebuild.rebuild(me, request.from(), request.to()));
    }
}
