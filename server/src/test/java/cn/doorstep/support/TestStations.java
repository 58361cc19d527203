package cn.doorstep.support;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.station.Amenity;
import cn.doorstep.station.Audience;
import cn.doorstep.station.ServiceLevel;
import cn.doorstep.station.StationAdminService;
import cn.doorstep.station.StationDetail;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds stations for tests through the real service (so the index and cache follow as in production). */
public final class TestStations {

    private final StationAdminService admin;

    public TestStations(StationAdminService admin) {
        this.admin = admin;
    }

    public Builder at(long communityId, double lat, double lng) {
        return new Builder(communityId, lat, lng);
    }

    /** Open round the clock, every day. */
    public static List<WeeklyRule> allDay() {
        var rules = new ArrayList<WeeklyRule>();
        for (int d = 1; d <= 7; d++) {
            rules.add(new WeeklyRule(d, "00:00", "24:00"));
        }
        return rules;
    }

    public final class Builder {
        private final long communityId;
        private final double lat;
        private final double lng;
        private String name = "测试驿站";
        private Set<StationKind> kinds = Set.of(StationKind.WARM);
        private Set<Amenity> amenities = Set.of();
        private List<WeeklyRule> hours = allDay();
        private HolidayPolicy policy = HolidayPolicy.IGNORE_CALENDAR;

        private Builder(long communityId, double lat, double lng) {
            this.communityId = communityId;
            this.lat = lat;
            this.lng = lng;
        }

        public Builder named(String name) {
            this.name = name;
            return this;
        }

        public Builder kinds(StationKind... kinds) {
            this.kinds = Set.of(kinds);
            return this;
        }

        public Builder amenities(Amenity... amenities) {
            this.amenities = Set.of(amenities);
            return this;
        }

        public Builder hours(List<WeeklyRule> hours, HolidayPolicy policy) {
            this.hours = hours;
            this.policy = policy;
            return this;
        }

        public StationDetail create() {
            return admin.importStation(new StationRequest(name, kinds,
                    kinds.contains(StationKind.SERVICE) ? ServiceLevel.COMMUNITY : null, communityId, name + "门口",
                    BigDecimal.valueOf(lat), BigDecimal.valueOf(lng), null, null, amenities, Audience.PUBLIC, hours,
                    policy, List.of()), 0);
        }
    }
}
