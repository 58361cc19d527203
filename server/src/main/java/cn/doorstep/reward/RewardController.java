package cn.doorstep.reward;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rewards",
        description = "The catalogue of goods and services (积分兑实物、积分兑服务) residents redeem with points. See "
                + "points.md.")
@RestController
@RequestMapping("/api/v1/rewards")
class RewardController {

    private final RewardCatalogue catalogue;

    RewardController(RewardCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "Rewards of a community or a station that are on offer now (active, inside their window), newest first",
            description = "Any signed-in user. One of communityId and stationId is required; sold-out rewards are "
                    + "listed with stock 0 and available false. Refused: 400 31011 neither communityId nor "
                    + "stationId.")
    @GetMapping
    ApiResponse<PageResult<RewardView>> rewards(@RequestParam(required = false) @Positive Long communityId,
                                                @RequestParam(required = false) @Positive Long stationId,
                                                @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(catalogue.available(communityId, stationId, page));
    }

    @Operation(summary = "One reward (404 once withdrawn); available says whether it can be redeemed now",
            description = "Any signed-in user. The reward also before or after its availability window. Refused: "
                    + "404 31001 no such reward, or withdrawn.")
    @GetMapping("/{id}")
    ApiResponse<RewardView> reward(@PathVariable long id) {
        return ApiResponse.ok(catalogue.one(id));
    }
}
