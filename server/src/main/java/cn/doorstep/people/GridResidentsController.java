package cn.doorstep.people;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.user.OfflineResident;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Grid heads (三长)")
@RestController
@Validated
class GridResidentsController {

    private final OfflineResidents residents;

    GridResidentsController(OfflineResidents residents) {
        this.residents = residents;
    }

    @Operation(summary = "Register a resident of your grid who has no WeChat (grid head; audited)",
            description = "Grid heads, for a grid they head. Makes an account nobody can sign in to, holding the "
                    + "resident's name and door, in that grid: its id is what POST /api/v1/grid/bookings books for, "
                    + "and staff find them by name at check-in. Refused: 400 10000 a field missing or not plain text "
                    + "(data.errors names it); 403 12003 not a grid head of that grid.")
    @PostMapping("/api/v1/grid/residents")
    ApiResponse<OfflineResident> register(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                              @Valid @RequestBody OfflineResidentRequest request) {
        return ApiResponse.ok(residents.register(me, request));
    }

    @Operation(summary = "The residents you registered for your grids (grid head)",
            description = "Grid heads. The residents without WeChat registered in the grids they head (or in gridId, "
                    + "one of them; another grid lists nothing), by grid, newest first, paged.")
    @GetMapping("/api/v1/grid/residents")
    ApiResponse<PageResult<OfflineResident>> list(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                       @RequestParam(required = false) @Positive Long gridId,
                                                       @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(residents.ofMyGrids(me, gridId, page));
    }
}
