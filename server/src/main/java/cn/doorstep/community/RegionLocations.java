package cn.doorstep.community;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.community.Regions.GridPlace;
import cn.doorstep.community.internal.Community;
import cn.doorstep.community.internal.Grid;
import cn.doorstep.community.internal.RegionMappers.CommunityMapper;
import cn.doorstep.community.internal.RegionMappers.GridMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where grids and communities lie and how many households they hold (the 15-minute service circle's input).
 * Set by the community's admins (its street's and district's too) and platform admins, audited (through
 * {@link RegionLocationSet}); anyone else,
 * and a grid or community that does not exist, is answered 404: an admin is never told what exists outside
 * their scope.
 */
@Service
@Transactional(readOnly = true)
public class RegionLocations {

    private final GridMapper grids;
    private final CommunityMapper communities;
    private final ApplicationEventPublisher events;

    RegionLocations(GridMapper grids, CommunityMapper communities, ApplicationEventPublisher events) {
        this.grids = grids;
        this.communities = communities;
        this.events = events;
    }

    public Location grid(CurrentUser admin, long gridId) {
        return view(managedGrid(admin, gridId));
    }

    @Transactional
    public Location setGrid(CurrentUser admin, long gridId, LocationRequest request) {
        Grid grid = managedGrid(admin, gridId);
        grids.updateLocation(gridId, scaled(request.lat()), scaled(request.lng()), request.households());
        events.publishEvent(new RegionLocationSet(admin.id(), "GRID", gridId, grid.getCommunityId(), request.households()));
        return view(grids.selectById(gridId));
    }

    public Location community(CurrentUser admin, long communityId) {
        return view(managedCommunity(admin, communityId));
    }

    @Transactional
    public Location setCommunity(CurrentUser admin, long communityId, LocationRequest request) {
        managedCommunity(admin, communityId);
        communities.updateLocation(communityId, scaled(request.lat()), scaled(request.lng()), request.households());
        events.publishEvent(new RegionLocationSet(admin.id(), "COMMUNITY", communityId, communityId, request.households()));
        return view(communities.selectById(communityId));
    }

    /** The grids of these communities with their places, in id order (one statement). */
    public List<GridPlace> gridPlaces(Collection<Long> communityIds) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return grids.selectByCommunities(communityIds).stream().map(g -> new GridPlace(g.getId(), g.getName(),
                g.getCommunityId(), g.getLat() == null ? null : g.getLat().doubleValue(),
                g.getLng() == null ? null : g.getLng().doubleValue(), g.getHouseholds())).toList();
    }

    private Grid managedGrid(CurrentUser admin, long gridId) {
        Grid grid = grids.selectById(gridId);
        if (grid == null || !(admin.isPlatformAdmin() || admin.isAdminOf(grid.getCommunityId()))) {
            throw new ApiException(CommunityError.GRID_NOT_FOUND);
        }
        return grid;
    }

    private Community managedCommunity(CurrentUser admin, long communityId) {
        Community community = communities.selectById(communityId);
        if (community == null || !(admin.isPlatformAdmin() || admin.isAdminOf(communityId))) {
            throw new ApiException(CommunityError.COMMUNITY_NOT_FOUND);
        }
        return community;
    }

    private static BigDecimal scaled(BigDecimal degrees) {
        return degrees.setScale(7, RoundingMode.HALF_UP);
    }

    private static Location view(Grid g) {
        return new Location("GRID", g.getId(), g.getName(), g.getCommunityId(), g.getLat(), g.getLng(), g.getHouseholds());
    }

    private static Location view(Community c) {
        return new Location("COMMUNITY", c.getId(), c.getName(), c.getId(), c.getLat(), c.getLng(), c.getHouseholds());
    }
}
