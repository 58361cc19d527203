package cn.doorstep.demo;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.station.StationAdminService;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.HoursRequest;
import cn.doorstep.station.hours.WeeklyRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local profile's grid and community places for the 15-minute service circle: each district's extent (the
 * one {@link DemoStations} places stations in) is cut into one east–west strip per street; a street's communities
 * lie in its strip, their grids within about 600 m of the community's centre, 200–1,500 households each (about one
 * in ten not known). Some grids lie on the edge of town, 2–4 km outside their district's extent, where no station
 * stands (the gaps), and two are not placed at all. Evening and holiday coverage shows the other gaps: the demo's
 * service stations keep office hours, a quarter of them extended hours (see {@link #extendHours}). Fixed seed;
 * placed once, while no grid has a location.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(20) // after the stations (10)
class DemoCoverage implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCoverage.class);
    private static final double M_PER_DEGREE = 111_226;

    /** District extents (GCJ-02) by demo district id, as in {@link DemoStations}: south, north, west, east. */
    private static final Map<Long, double[]> EXTENTS = Map.of(
            1L, new double[] {43.862, 43.960, 126.520, 126.610},
            2L, new double[] {43.795, 43.865, 126.470, 126.555},
            3L, new double[] {43.885, 43.990, 126.555, 126.660},
            4L, new double[] {43.740, 43.830, 126.545, 126.640},
            5L, new double[] {43.815, 43.860, 126.490, 126.545});

    private final JdbcTemplate jdbc;
    private final StationAdminService stations;

    DemoCoverage(JdbcTemplate jdbc, StationAdminService stations) {
        this.jdbc = jdbc;
        this.stations = stations;
    }

    private record Row(long grid, long community, long street, long district) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer placed = jdbc.queryForObject("SELECT COUNT(*) FROM grid WHERE lat IS NOT NULL", Integer.class);
        if (placed != null && placed > 0) {
            return;
        }
        List<Row> rows = jdbc.query("""
                SELECT g.id, g.community_id, c.street_id, s.district_id
                FROM grid g JOIN community c ON c.id = g.community_id JOIN street s ON s.id = c.street_id
                ORDER BY g.id""", (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        var random = new Random(15_2026);
        Map<Long, List<Long>> streetsOf = new HashMap<>();
        Map<Long, List<Long>> communitiesOf = new HashMap<>();
        for (Row r : rows) {
            List<Long> streets = streetsOf.computeIfAbsent(r.district(), d -> new ArrayList<>());
            if (!streets.contains(r.street())) {
                streets.add(r.street());
            }
            List<Long> communities = communitiesOf.computeIfAbsent(r.street(), s -> new ArrayList<>());
            if (!communities.contains(r.community())) {
                communities.add(r.community());
            }
        }
        Map<Long, double[]> centre = new HashMap<>();
        Map<Long, Long> districtOf = new HashMap<>();
        Map<Long, Integer> households = new HashMap<>();
        int n = 0;
        for (Row r : rows) {
            double[] e = EXTENTS.get(r.district());
            if (e == null) {
                continue; // a district the demo does not know
            }
            districtOf.put(r.community(), r.district());
            double[] c = centre.computeIfAbsent(r.community(), id -> {
                List<Long> streets = streetsOf.get(r.district());
                int strip = streets.indexOf(r.street());
                double height = (e[1] - e[0]) / streets.size();
                double south = e[0] + strip * height;
                return new double[] {between(random, south + height * 0.15, south + height * 0.85),
                        between(random, e[2] + (e[3] - e[2]) * 0.1, e[3] - (e[3] - e[2]) * 0.1)};
            });
            n++;
            double lat;
            double lng;
            if (n % 17 == 0) {
                // on the edge of town: 2–4 km south or east of the district's extent, no station there
                double out = (2000 + random.nextInt(2000)) / M_PER_DEGREE;
                boolean south = random.nextBoolean();
                lat = south ? e[0] - out : c[0];
                lng = south ? c[1] : e[3] + out / Math.cos(Math.toRadians(c[0]));
            } else {
                double angle = random.nextDouble() * 2 * Math.PI;
                double meters = 150 + random.nextInt(450);
                lat = c[0] + Math.sin(angle) * meters / M_PER_DEGREE;
                lng = c[1] + Math.cos(angle) * meters / (M_PER_DEGREE * Math.cos(Math.toRadians(c[0])));
            }
            Integer count = random.nextInt(10) == 0 ? null : 200 + random.nextInt(1300);
            if (count != null) {
                households.merge(r.community(), count, Integer::sum);
            }
            boolean unplaced = n == 40 || n == 120;
            jdbc.update("UPDATE grid SET lat = ?, lng = ?, households = ? WHERE id = ?",
                    unplaced ? null : coord(lat), unplaced ? null : coord(lng), count, r.grid());
        }
        centre.forEach((community, c) -> jdbc.update("UPDATE community SET lat = ?, lng = ?, households = ? WHERE id = ?",
                coord(c[0]), coord(c[1]), households.get(community), community));
        int extended = extendHours();
        log.info("Demo data: {} grids and {} communities placed for the service circle; {} service stations on extended "
                + "hours", n, centre.size(), extended);
    }

    /**
     * Every fourth service station keeps the circle's extended hours (延时服务: daily 08:00–21:00, so also evenings,
     * weekends and holidays), the rest the office hours {@link DemoStations} gave them: evening and holiday coverage
     * then shows real gaps rather than none or all.
     */
    private int extendHours() {
        var daily = new ArrayList<WeeklyRule>();
        for (int day = 1; day <= 7; day++) {
            daily.add(new WeeklyRule(day, "08:00", "21:00"));
        }
        List<long[]> service = jdbc.query("SELECT id, community_id FROM station WHERE kinds LIKE '%SERVICE%' ORDER BY id",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        int count = 0;
        for (int i = 0; i < service.size(); i += 4) {
            long[] s = service.get(i);
            var admin = new CurrentUser(0, Set.of(new RoleGrant(Role.ADMIN, s[1])));
            stations.setHours(admin, s[0], new HoursRequest(daily, HolidayPolicy.FOLLOW_CALENDAR));
            count++;
        }
        return count;
    }

    private static double between(Random random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    private static BigDecimal coord(double value) {
        return BigDecimal.valueOf(value).setScale(7, RoundingMode.HALF_UP);
    }
}
