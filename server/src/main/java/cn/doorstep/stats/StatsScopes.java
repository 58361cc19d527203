package cn.doorstep.stats;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.CommunityView;
import cn.doorstep.community.Regions.DistrictNode;
import cn.doorstep.community.Regions.StreetNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may see which statistics, the rules of report rankings and people search: a community's for its admins
 * ({@link CurrentUser#isAdminOf}: street and district admins hold the ADMIN grants of the communities below them),
 * a street's for its STREET_ADMINs and its district's DISTRICT_ADMINs, a district's for its DISTRICT_ADMINs, the
 * city's and anything else for PLATFORM. 403 for a scope not yours, also one that does not exist; a platform
 * admin naming an id that does not exist gets 400 naming the field.
 */
@Component
class StatsScopes {

    static final String CITY_NAME = "全市";

    private final CommunityService communities;

    StatsScopes(CommunityService communities) {
        this.communities = communities;
    }

    StatsScope require(CurrentUser me, Long communityId, Long streetId, Long districtId) {
        int named = (communityId != null ? 1 : 0) + (streetId != null ? 1 : 0) + (districtId != null ? 1 : 0);
        if (named > 1) {
            throw ApiException.badField(StatsError.SCOPE_INVALID, communityId != null && streetId != null ? "streetId"
                    : "districtId", "name at most one of communityId, streetId and districtId");
        }
        if (communityId != null) {
            if (!me.isPlatformAdmin() && !me.isAdminOf(communityId)) {
                throw new ApiException(StatsError.OUT_OF_SCOPE);
            }
            CommunityView c = communities.find(communityId).orElseThrow(() -> unknown("communityId", "community"));
            return new StatsScope(StatsScope.Level.COMMUNITY, c.id(), c.name(), Set.of(c.id()));
        }
        if (streetId != null) {
            Optional<Long> district = communities.districtOfStreet(streetId);
            boolean allowed = me.isPlatformAdmin() || me.scopesOf(Role.STREET_ADMIN).contains(streetId)
                    || district.map(me.scopesOf(Role.DISTRICT_ADMIN)::contains).orElse(false);
            if (!allowed) {
                throw new ApiException(StatsError.OUT_OF_SCOPE);
            }
            StreetNode street = regions().stream().flatMap(d -> d.streets().stream()).filter(s -> s.id() == streetId)
                    .findFirst().orElseThrow(() -> unknown("streetId", "street"));
            return new StatsScope(StatsScope.Level.STREET, street.id(), street.name(), idsOf(List.of(street)));
        }
        if (districtId != null) {
            if (!me.isPlatformAdmin() && !me.scopesOf(Role.DISTRICT_ADMIN).contains(districtId)) {
                throw new ApiException(StatsError.OUT_OF_SCOPE);
            }
            DistrictNode district = regions().stream().filter(d -> d.id() == districtId).findFirst()
                    .orElseThrow(() -> unknown("districtId", "district"));
            return new StatsScope(StatsScope.Level.DISTRICT, district.id(), district.name(), idsOf(district.streets()));
        }
        if (!me.isPlatformAdmin()) {
            throw new ApiException(StatsError.OUT_OF_SCOPE);
        }
        return new StatsScope(StatsScope.Level.CITY, 0, CITY_NAME, null);
    }

    private List<DistrictNode> regions() {
        return communities.regions();
    }

    private static Set<Long> idsOf(List<StreetNode> streets) {
        return streets.stream().flatMap(s -> s.communities().stream()).map(c -> c.id())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static ApiException unknown(String field, String what) {
        return ApiException.badField(StatsError.SCOPE_INVALID, field, "no " + what + " has this id");
    }
}
