package cn.doorstep.community;

import java.util.List;

/** The organisation chain as the mini-program's pickers show it. */
public final class Regions {

    private Regions() {
    }

    public record DistrictNode(long id, String name, String adcode, List<StreetNode> streets) {
    }

    public record StreetNode(long id, String name, List<CommunityNode> communities) {
    }

    public record CommunityNode(long id, String name) {
    }

    /** One community with the names of the street and district it belongs to. */
    public record CommunityView(long id, String name, long streetId, String streetName, long districtId,
                                String districtName) {
    }

    public record GridView(long id, long communityId, String name) {
    }

    /**
     * A grid where the coverage module needs it: its community, centroid (GCJ-02; both null when not placed)
     * and households (null when not known).
     */
    public record GridPlace(long id, String name, long communityId, Double lat, Double lng, Integer households) {

        public boolean located() {
            return lat != null && lng != null;
        }
    }
}
