package cn.doorstep.coverage;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.community.Regions.CommunityNode;
import cn.doorstep.community.Regions.DistrictNode;
import cn.doorstep.community.Regions.StreetNode;
import cn.doorstep.coverage.Coverage.Level;
import cn.doorstep.coverage.Coverage.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which area a coverage request names, whether the caller may see it, and the areas one level below it. */
final class CoverageScopes {

    static final String CITY_NAME = "吉林市";

    private CoverageScopes() {
    }

    /**
     * The scope once the caller may see it: a community for its admins (its street's and district's too), a street
     * for its STREET_ADMIN and its district's DISTRICT_ADMIN, a district for its DISTRICT_ADMIN, the city (none
     * given) for platform admins; platform admins anything. 403 otherwise, also for an id that does not exist
     * (only a platform admin learns it does not: 404).
     */
    static Scope require(CurrentUser me, Coverages.Query q, Chain chain) {
        int given = (q.communityId() == null ? 0 : 1) + (q.streetId() == null ? 0 : 1) + (q.districtId() == null ? 0 : 1);
        if (given > 1) {
            String field = q.districtId() != null ? "districtId" : "streetId";
            throw ApiException.badField(CoverageError.SCOPE_AMBIGUOUS, field,
                    "give at most one of communityId, streetId and districtId");
        }
        Scope scope;
        boolean allowed;
        if (q.communityId() != null) {
            long id = q.communityId();
            allowed = me.isAdminOf(id);
            scope = chain.communityNames.containsKey(id) ? new Scope(Level.COMMUNITY, id, chain.communityNames.get(id)) : null;
        } else if (q.streetId() != null) {
            long id = q.streetId();
            Long district = chain.districtOfStreet.get(id);
            allowed = me.scopesOf(Role.STREET_ADMIN).contains(id)
                    || (district != null && me.scopesOf(Role.DISTRICT_ADMIN).contains(district));
            scope = district == null ? null : new Scope(Level.STREET, id, chain.streetNames.get(id));
        } else if (q.districtId() != null) {
            long id = q.districtId();
            allowed = me.scopesOf(Role.DISTRICT_ADMIN).contains(id);
            scope = chain.districtNames.containsKey(id) ? new Scope(Level.DISTRICT, id, chain.districtNames.get(id)) : null;
        } else {
            allowed = false;
            scope = new Scope(Level.CITY, 0, CITY_NAME);
        }
        if (!allowed && !me.isPlatformAdmin()) {
            throw new ApiException(CoverageError.OUT_OF_SCOPE);
        }
        if (scope == null) {
            throw new ApiException(CoverageError.AREA_NOT_FOUND);
        }
        return scope;
    }

    /** The areas one level below the scope (the community itself for a community), each with its communities. */
    static Map<Long, List<Long>> areasOf(Scope scope, Chain chain) {
        var out = new LinkedHashMap<Long, List<Long>>();
        for (DistrictNode d : chain.districts) {
            for (StreetNode s : d.streets()) {
                for (CommunityNode c : s.communities()) {
                    Long area = switch (scope.level()) {
                        case CITY -> d.id();
                        case DISTRICT -> d.id() == scope.id() ? s.id() : null;
                        case STREET -> s.id() == scope.id() ? c.id() : null;
                        case COMMUNITY -> c.id() == scope.id() ? c.id() : null;
                    };
                    if (area != null) {
                        out.computeIfAbsent(area, a -> new ArrayList<>()).add(c.id());
                    }
                }
            }
        }
        return out;
    }

    /** The organisation chain's names and parents, read once per request. */
    record Chain(List<DistrictNode> districts, Map<Long, String> districtNames, Map<Long, String> streetNames,
                         Map<Long, Long> districtOfStreet, Map<Long, String> communityNames) {

        static Chain of(List<DistrictNode> districts) {
            var dn = new HashMap<Long, String>();
            var sn = new HashMap<Long, String>();
            var ds = new HashMap<Long, Long>();
            var cn = new HashMap<Long, String>();
            for (DistrictNode d : districts) {
                dn.put(d.id(), d.name());
                for (StreetNode s : d.streets()) {
                    sn.put(s.id(), s.name());
                    ds.put(s.id(), d.id());
                    s.communities().forEach(c -> cn.put(c.id(), c.name()));
                }
            }
            return new Chain(districts, dn, sn, ds, cn);
        }

        String nameOf(Level level, long id) {
            return switch (level) {
                case DISTRICT -> districtNames.get(id);
                case STREET -> streetNames.get(id);
                case COMMUNITY -> communityNames.get(id);
                case CITY -> CITY_NAME;
            };
        }
    }
}
