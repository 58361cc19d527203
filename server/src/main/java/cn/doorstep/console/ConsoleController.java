package cn.doorstep.console;

import cn.doorstep.common.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Console sign-in")
@RestController
@EnableConfigurationProperties(ConsoleSettings.class)
class ConsoleController {

    private final ConsoleSettings settings;

    ConsoleController(ConsoleSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The console's settings: the coverage map's tile URL (empty: no background)",
            description = "Any signed-in user. tileUrl is a Leaflet URL template set by the operator "
                    + "(doorstep.console.tile-url); empty means the map draws stations and grids on a plain background.")
    @GetMapping("/api/v1/console/settings")
    ApiResponse<ConsoleSettings> settings() {
        return ApiResponse.ok(settings);
    }
}
