package cn.doorstep.people;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.user.OfflineResident;
import cn.doorstep.user.UserError;
import cn.doorstep.user.UserService;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents without WeChat (敲门行动): a grid head registers one of their grid by name and door, so that
 * what the grid head books for them ({@code POST /api/v1/grid/bookings}) and what staff check in for them is
 * theirs — their seat, their weekly limit, their no-show record — as if they had booked themselves. They are
 * residents like anyone signed in (the RESIDENT role), and nobody can sign in as them.
 */
@Service
public class OfflineResidents {

    private final UserService users;
    private final RoleService roles;
    private final CommunityService communities;
    private final AuditLog audit;

    OfflineResidents(UserService users, RoleService roles, CommunityService communities, AuditLog audit) {
        this.users = users;
        this.roles = roles;
        this.communities = communities;
        this.audit = audit;
    }

    /** Registers a resident of a grid the caller heads (403 12003 otherwise); audited. */
    @Transactional
    public OfflineResident register(CurrentUser gridHead, OfflineResidentRequest request) {
        long gridId = request.gridId();
        if (!gridHead.isGridHeadOf(gridId)) {
            throw new ApiException(UserError.NOT_GRID_HEAD_OF);
        }
        long communityId = communities.communityOfGrid(gridId).orElseThrow(() -> new ApiException(UserError.NOT_GRID_HEAD_OF));
        OfflineResident resident = users.registerOffline(gridHead.id(), communityId, gridId, request.name().strip(),
                request.door().strip());
        roles.grant(resident.id(), Role.RESIDENT, 0); // as every sign-in does: services for residents take them
        audit.record(gridHead.id(), communityId, "user.register-offline", "user", resident.id(), "grid " + gridId);
        return resident;
    }

    /** The residents registered in the grids the caller heads (or in one of them), by grid, newest first. */
    public PageResult<OfflineResident> ofMyGrids(CurrentUser gridHead, Long gridId, PageQuery page) {
        Set<Long> grids = gridHead.scopesOf(Role.GRID_HEAD);
        if (gridId != null) {
            grids = grids.contains(gridId) ? Set.of(gridId) : Set.of();
        }
        return users.offlineInGrids(grids, page);
    }
}
