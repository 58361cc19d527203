package cn.doorstep.booking.behalf;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.booking.BookRequest;
import cn.doorstep.booking.BookingError;
import cn.doorstep.booking.BookingService;
import cn.doorstep.booking.BookingView;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import org.springframework.stereotype.Service;

/**
 * A grid head books for a resident of their grid who cannot do it on a phone. The booking is the
 * resident's (their seat, their weekly limit, their no-show record, in their list), made through
 * {@link BookingService} with the resident's own roles; the audit row names the grid head and is
 * written in the booking's transaction. A resident of another grid is a 404, like one that does not
 * exist.
 */
@Service
public class OnBehalfBookings {

    private final BookingService bookings;
    private final UserService users;
    private final RoleService roles;
    private final AuditLog audit;

    OnBehalfBookings(BookingService bookings, UserService users, RoleService roles, AuditLog audit) {
        this.bookings = bookings;
        this.users = users;
        this.roles = roles;
        this.audit = audit;
    }

    public BookingView book(CurrentUser gridHead, OnBehalfBookRequest request, String key) {
        UserView resident = users.find(request.residentId())
                .filter(u -> u.gridId() != null && gridHead.isGridHeadOf(u.gridId()))
                .orElseThrow(() -> new ApiException(BookingError.NOT_IN_YOUR_GRID));
        var asResident = new CurrentUser(resident.id(), roles.grantsOf(resident.id()));
        return bookings.bookFor(asResident, new BookRequest(request.slotId(), request.activityId()), key,
                bookingId -> audit.record(gridHead.id(), resident.communityId(), "booking.on-behalf", "booking",
                        bookingId, "for user " + resident.id() + ", grid " + resident.gridId()));
    }
}
