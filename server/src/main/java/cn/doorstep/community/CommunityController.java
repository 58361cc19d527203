package cn.doorstep.community;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.community.Regions.CommunityView;
import cn.doorstep.community.Regions.DistrictNode;
import cn.doorstep.community.Regions.GridView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Regions",
        description = "Public pickers for the organisation chain 区 → 街道 → 社区 → 网格. See regions.md.")
@RestController
@RequestMapping("/api/v1")
class CommunityController {

    private final CommunityService communities;

    CommunityController(CommunityService communities) {
        this.communities = communities;
    }

    @Operation(summary = "Districts, streets and communities, for the community picker",
            description = "Public. The whole chain down to communities in one reply (a city has a few hundred), for "
                    + "the community picker whose choice is saved with PATCH /api/v1/me.")
    @SecurityRequirements
    @GetMapping("/regions")
    ApiResponse<List<DistrictNode>> regions() {
        return ApiResponse.ok(communities.regions());
    }

    @Operation(summary = "One community with its street and district",
            description = "Public. The community's name with its street's and district's ids and names. Refused: "
                    + "404 13001 no such community.")
    @SecurityRequirements
    @GetMapping("/communities/{id}")
    ApiResponse<CommunityView> community(@PathVariable long id) {
        return ApiResponse.ok(communities.get(id));
    }

    @Operation(summary = "The grids of a community, for the grid picker",
            description = "Public. The community's grids (网格), for the grid picker. Refused: 404 13001 no such "
                    + "community.")
    @SecurityRequirements
    @GetMapping("/communities/{id}/grids")
    ApiResponse<List<GridView>> grids(@PathVariable long id) {
        return ApiResponse.ok(communities.grids(id));
    }
}
