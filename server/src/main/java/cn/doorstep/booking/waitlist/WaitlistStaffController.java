package cn.doorstep.booking.waitlist;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Bookings (staff)")
@RestController
class WaitlistStaffController {

    private final SlotWaitlist waitlist;

    WaitlistStaffController(SlotWaitlist waitlist) {
        this.waitlist = waitlist;
    }

    @Operation(summary = "The waitlist of a slot at your station: who waits, in order, and who holds a freed seat",
            description = "Staff of the slot's station (or an admin of its community). Entries still WAITING or "
                    + "OFFERED, first come first, with place (1: next), nickname, masked phone and, for an offer, "
                    + "until when the seat is held. Refused: 404 50001 no such slot; 403 50024 not your station.")
    @GetMapping("/api/v1/staff/slots/{id}/waitlist")
    ApiResponse<PageResult<WaitlistEntry>> slotWaitlist(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                                        @PathVariable long id, @Valid @ParameterObject PageQuery page) {
        return ApiResponse.ok(waitlist.of(me, id, page));
    }
}
