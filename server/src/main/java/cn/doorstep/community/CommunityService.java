package cn.doorstep.community;

import cn.doorstep.common.ApiException;
import cn.doorstep.community.Regions.CommunityNode;
import cn.doorstep.community.Regions.CommunityView;
import cn.doorstep.community.Regions.DistrictNode;
import cn.doorstep.community.Regions.GridView;
import cn.doorstep.community.Regions.StreetNode;
import cn.doorstep.community.internal.Community;
import cn.doorstep.community.internal.District;
import cn.doorstep.community.internal.Grid;
import cn.doorstep.community.internal.RegionMappers.CommunityMapper;
import cn.doorstep.community.internal.RegionMappers.DistrictMapper;
import cn.doorstep.community.internal.RegionMappers.GridMapper;
import cn.doorstep.community.internal.RegionMappers.StreetMapper;
import cn.doorstep.community.internal.Street;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CommunityService {

    private final DistrictMapper districts;
    private final StreetMapper streets;
    private final CommunityMapper communities;
    private final GridMapper grids;

    CommunityService(DistrictMapper districts, StreetMapper streets, CommunityMapper communities, GridMapper grids) {
        this.districts = districts;
        this.streets = streets;
        this.communities = communities;
        this.grids = grids;
    }

    /** The whole chain down to communities (a city has a few hundred: small enough for one reply). */
    public List<DistrictNode> regions() {
        Map<Long, List<Community>> byStreet = communities.selectAllOrdered().stream()
                .collect(Collectors.groupingBy(Community::getStreetId));
        Map<Long, List<Street>> byDistrict = streets.selectAllOrdered().stream()
                .collect(Collectors.groupingBy(Street::getDistrictId));
        return districts.selectAllOrdered().stream().map(d -> new DistrictNode(d.getId(), d.getName(), d.getAdcode(),
                byDistrict.getOrDefault(d.getId(), List.of()).stream().map(s -> new StreetNode(s.getId(), s.getName(),
                        byStreet.getOrDefault(s.getId(), List.of()).stream()
                                .map(c -> new CommunityNode(c.getId(), c.getName())).toList())).toList())).toList();
    }

    public Optional<CommunityView> find(long communityId) {
        Community c = communities.selectById(communityId);
        if (c == null) {
            return Optional.empty();
        }
        Street s = streets.selectById(c.getStreetId());
        District d = districts.selectById(s.getDistrictId());
        return Optional.of(new CommunityView(c.getId(), c.getName(), s.getId(), s.getName(), d.getId(), d.getName()));
    }

    public CommunityView get(long communityId) {
        return find(communityId).orElseThrow(() -> new ApiException(CommunityError.COMMUNITY_NOT_FOUND));
    }

    public boolean exists(long communityId) {
        return communities.selectById(communityId) != null;
    }

    /** For request bodies that name a community: an unknown id is the caller's 400 on that field. */
    public void requireKnown(long communityId, String field) {
        if (!exists(communityId)) {
            throw ApiException.badField(CommunityError.UNKNOWN_COMMUNITY, field, "no community has this id");
        }
    }

    public List<GridView> grids(long communityId) {
        get(communityId);
        return grids.selectByCommunity(communityId).stream()
                .map(g -> new GridView(g.getId(), g.getCommunityId(), g.getName())).toList();
    }

    /** Many communities' names, for a list: one statement. Ids without a community are left out. */
    public Map<Long, String> namesOf(Collection<Long> communityIds) {
        return communityIds.isEmpty() ? Map.of() : communities.selectByIds(Set.copyOf(communityIds)).stream()
                .collect(Collectors.toMap(Community::getId, Community::getName));
    }

    /** Many grids' names, for a list: one statement. Ids without a grid are left out. */
    public Map<Long, String> gridNamesOf(Collection<Long> gridIds) {
        return gridIds.isEmpty() ? Map.of() : grids.selectByIds(Set.copyOf(gridIds)).stream()
                .collect(Collectors.toMap(Grid::getId, Grid::getName));
    }

    /** The ids of every community in these streets or in these districts: the scope of their admins. */
    public Set<Long> communityIdsUnder(Collection<Long> streetIds, Collection<Long> districtIds) {
        Set<Long> allStreets = new HashSet<>(streetIds);
        if (!districtIds.isEmpty()) {
            streets.selectByDistricts(districtIds).forEach(s -> allStreets.add(s.getId()));
        }
        return allStreets.isEmpty() ? Set.of() : communities.selectByStreets(allStreets).stream()
                .map(Community::getId).collect(Collectors.toUnmodifiableSet());
    }

    /** The district a street belongs to; empty when there is no such street. */
    public Optional<Long> districtOfStreet(long streetId) {
        return Optional.ofNullable(streets.selectById(streetId)).map(Street::getDistrictId);
    }

    public boolean districtExists(long districtId) {
        return districts.selectById(districtId) != null;
    }

    /** The community a grid belongs to; empty when there is no such grid. */
    public Optional<Long> communityOfGrid(long gridId) {
        return Optional.ofNullable(grids.selectById(gridId)).map(Grid::getCommunityId);
    }

    public void requireGridInCommunity(long gridId, long communityId, String field) {
        Grid g = grids.selectById(gridId);
        if (g == null || g.getCommunityId() != communityId) {
            throw ApiException.badField(CommunityError.GRID_NOT_IN_COMMUNITY, field,
                    "is not a grid of community " + communityId);
        }
    }
}
