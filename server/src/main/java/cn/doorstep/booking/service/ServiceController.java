package cn.doorstep.booking.service;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Bookable services")
@RestController
class ServiceController {

    private final BookableServices services;

    ServiceController(BookableServices services) {
        this.services = services;
    }

    @Operation(summary = "A station's bookable services (rooms and services)")
    @GetMapping("/api/v1/stations/{id}/services")
    ApiResponse<PageResult<ServiceView>> stationServices(@PathVariable long id, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(services.atStation(id, page));
    }

    @Operation(summary = "A service's slots on a date (China time), with the seats left")
    @GetMapping("/api/v1/services/{id}/slots")
    ApiResponse<List<SlotView>> serviceSlots(@PathVariable long id,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ApiResponse.ok(services.slots(id, date));
    }

    @Operation(summary = "Create a bookable service at a station (its staff, or its community's admin); slots are generated at once")
    @PostMapping({"/api/v1/staff/stations/{stationId}/services", "/api/v1/admin/stations/{stationId}/services"})
    ApiResponse<ServiceView> createService(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long stationId, @Valid @RequestBody ServiceRequest request) {
        return ApiResponse.ok(services.create(me, stationId, request));
    }

    @Operation(summary = "Change a service: schedule, exceptions, capacity (coming slots follow where their bookings fit), rules")
    @PutMapping({"/api/v1/staff/services/{id}", "/api/v1/admin/services/{id}"})
    ApiResponse<ServiceView> updateService(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long id, @Valid @RequestBody ServiceRequest request) {
        return ApiResponse.ok(services.update(me, id, request));
    }

    @Operation(summary = "Add one slot to a service outside its schedule")
    @PostMapping({"/api/v1/staff/services/{id}/slots", "/api/v1/admin/services/{id}/slots"})
    ApiResponse<SlotView> addSlot(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @PathVariable long id, @Valid @RequestBody AddSlotRequest request) {
        return ApiResponse.ok(services.addSlot(me, id, request));
    }

    @Operation(summary = "Close a slot (or an activity's slot): its bookings are cancelled and their holders notified")
    @PostMapping({"/api/v1/staff/slots/{id}/close", "/api/v1/admin/slots/{id}/close"})
    ApiResponse<SlotView> closeSlot(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id) {
        return ApiResponse.ok(services.closeSlot(me, id));
    }
}
