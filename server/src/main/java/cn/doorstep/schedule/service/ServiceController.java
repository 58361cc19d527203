package cn.doorstep.schedule.service;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
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

@Tag(name = "Bookable services",
        description = "Stations' bookable rooms and services and their slots; the station's staff and its "
                + "community's admins manage them. See booking.md.")
@RestController
class ServiceController {

    private final BookableServices services;

    ServiceController(BookableServices services) {
        this.services = services;
    }

    @Operation(summary = "A station's bookable services (rooms and services)",
            description = "Public. The station's active rooms and services with their weekly schedule "
                    + "(station-local time), dated exceptions, capacity, slot length and booking rules: horizon, "
                    + "notice, cancellation deadline, weekly limit, audience. Refused: 404 20001 no such station, "
                    + "or closed.")
    @GetMapping("/api/v1/stations/{id}/services")
    ApiResponse<PageResult<ServiceView>> stationServices(@PathVariable long id, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(services.atStation(id, page));
    }

    @Operation(summary = "One bookable service with its schedule and booking rules",
            description = "Public. The service's weekly schedule (station-local time), coming dated exceptions, "
                    + "capacity, slot length and booking rules; its slots are at /services/{id}/slots. Refused: 404 "
                    + "50002 no such service, archived, or its station is not running.")
    @SecurityRequirements
    @GetMapping("/api/v1/services/{id}")
    ApiResponse<ServiceView> service(@PathVariable long id) {
        return ApiResponse.ok(services.get(id));
    }

    @Operation(summary = "A service's slots on a date (China time), with the seats left",
            description = "Public. Slots exist from today to the service's horizon; seatsLeft is MySQL's record and "
                    + "a closed slot shows 0. Refused: 400 10000 date missing or not yyyy-MM-dd; 404 50002 no such "
                    + "service, or archived.")
    @GetMapping("/api/v1/services/{id}/slots")
    ApiResponse<List<SlotView>> serviceSlots(@PathVariable long id,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ApiResponse.ok(services.slots(id, date));
    }

    @Operation(summary = "Create a bookable service at a station (its staff, or its community's admin); slots are generated at once",
            description = "Staff of the station (under /staff) or admins of its community (under /admin). A room or "
                    + "service with a weekly schedule in the station's local time and booking rules; audited. "
                    + "Refused: 400 50022 overlapping or empty windows; 403 50024 neither staff nor admin here; 404 "
                    + "20001.")
    @PostMapping({"/api/v1/staff/stations/{stationId}/services", "/api/v1/admin/stations/{stationId}/services"})
    ApiResponse<ServiceView> createService(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long stationId, @Valid @RequestBody ServiceRequest request) {
        return ApiResponse.ok(services.create(me, stationId, request));
    }

    @Operation(summary = "Change a service: schedule, exceptions, capacity (coming slots follow where their bookings fit), rules",
            description = "Staff of the service's station or admins of its community. Takes the same body as "
                    + "creating; a new schedule adds the slots it implies and existing ones stay (close those not "
                    + "wanted); audited. Refused: 400 50022; 403 50024; 404 50002.")
    @PutMapping({"/api/v1/staff/services/{id}", "/api/v1/admin/services/{id}"})
    ApiResponse<ServiceView> updateService(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                           @PathVariable long id, @Valid @RequestBody ServiceRequest request) {
        return ApiResponse.ok(services.update(me, id, request));
    }

    @Operation(summary = "Add one slot to a service outside its schedule",
            description = "Staff of the service's station or admins of its community. The slot has the service's "
                    + "length and starts at a station-local time without an offset; audited. Refused: 400 50022 a "
                    + "time in the past; 403 50024; 404 50002; 409 50021 a slot already starts then.")
    @PostMapping({"/api/v1/staff/services/{id}/slots", "/api/v1/admin/services/{id}/slots"})
    ApiResponse<SlotView> addSlot(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                  @PathVariable long id, @Valid @RequestBody AddSlotRequest request) {
        return ApiResponse.ok(services.addSlot(me, id, request));
    }

    @Operation(summary = "Close a slot (or an activity's slot): its bookings are cancelled and their holders notified",
            description = "Staff of the slot's station or admins of its community. The holders get a "
                    + "SLOT_CLOSED notice and the waitlist closes; an activity is cancelled by closing its slot; audited. "
                    + "Refused: 403 50024; 404 50001; 409 50007 closed already.")
    @PostMapping({"/api/v1/staff/slots/{id}/close", "/api/v1/admin/slots/{id}/close"})
    ApiResponse<SlotView> closeSlot(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                    @PathVariable long id) {
        return ApiResponse.ok(services.closeSlot(me, id));
    }
}
