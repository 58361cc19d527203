package cn.doorstep.coverage;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Coverage (admin)",
        description = "The 15-minute service circle (15分钟红色便民服务圈): the share of grids within walking distance of a "
                + "service station open at a moment, with the gaps. See coverage.md.")
@RestController
@Validated
@RequestMapping("/api/v1/admin/coverage")
class CoverageController {

    private final Coverages coverages;

    CoverageController(Coverages coverages) {
        this.coverages = coverages;
    }

    @Operation(summary = "Coverage of a community, street, district or the city at a moment, with its gaps",
            description = "At most one of communityId, streetId and districtId; none is the whole city (platform admins "
                    + "only). A community for its admins (its street's and district's too), a street for its street and "
                    + "district admins, a district for its district admins; platform admins anything. when: now (the "
                    + "server's clock), evening (today 19:30 China time), holiday (10:00 China time on the first public "
                    + "holiday from today on in the holiday calendar). A grid is covered when its centroid lies within "
                    + "radius metres (default 1000) of an active service station open at that moment; a grid not placed "
                    + "yet is counted in grids and gridsWithoutLocation, never covered, and listed among the gaps "
                    + "without lat/lng. Refused: 400 10000 a malformed when, radius or id (data.errors names it); 400 "
                    + "63001 more than one of the three ids; 403 63002 an area not yours (or the city, unless platform); "
                    + "404 63004 no such area (platform admins); 409 63003 when=holiday but the calendar knows no public "
                    + "holiday from today on.")
    @GetMapping
    ApiResponse<Coverage> coverage(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                   @RequestParam(required = false) @Positive Long communityId,
                                   @RequestParam(required = false) @Positive Long streetId,
                                   @RequestParam(required = false) @Positive Long districtId,
                                   @Parameter(schema = @Schema(allowableValues = {"now", "evening", "holiday"},
                                           defaultValue = "now"))
                                   @RequestParam(required = false) String when,
                                   @Parameter(description = "walking distance in metres; default doorstep.coverage.radius-meters (1000)")
                                   @RequestParam(required = false) @Min(Coverages.MIN_RADIUS) @Max(Coverages.MAX_RADIUS)
                                   Integer radius) {
        return ApiResponse.ok(coverages.measure(me, new Coverages.Query(communityId, streetId, districtId, when, radius)));
    }
}
