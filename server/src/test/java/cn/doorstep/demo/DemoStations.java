package cn.doorstep.demo;

import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.WeeklyRule;
import cn.doorstep.station.Amenity;
import cn.doorstep.station.Audience;
import cn.doorstep.station.ServiceLevel;
import cn.doorstep.station.StationAdminService;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * The local profile's demo stations: about 800 party-and-people service stations (district, street,
 * community and grid level) and 300 warm stations, placed inside the extents of Jilin city's real
 * districts. Generated from a fixed seed, so every checkout gets the same map; created once, through
 * the station service, on an empty station table. Station 1 is the one the demo staff user runs.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(10) // before the demo data that hangs from stations: bookings, wishes (100), rewards (200)
class DemoStations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStations.class);

    /** District extents (GCJ-02) and the demo communities (ids from sql/demo) in each. */
    private record District(String name, double south, double north, double west, double east, int firstCommunity,
                            int lastCommunity, String[] roads) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("昌邑区", 43.862, 43.960, 126.520, 126.610, 1, 15,
                    new String[] {"吉林大街", "解放中路", "重庆街", "北京路", "中康路", "珲春街", "通江路"}),
            new District("船营区", 43.795, 43.865, 126.470, 126.555, 16, 30,
                    new String[] {"北京路", "光华路", "河南街", "致和路", "越山路", "德胜路", "长春路"}),
            new District("龙潭区", 43.885, 43.990, 126.555, 126.660, 31, 45,
                    new String[] {"遵义东路", "新吉林大路", "湘潭街", "龙华路", "汉阳街", "徐州路"}),
            new District("丰满区", 43.740, 43.830, 126.545, 126.640, 46, 57,
                    new String[] {"吉林大街", "江南大路", "泰山路", "红旗街", "丰满路", "沿丰路"}),
            new District("高新区", 43.815, 43.860, 126.490, 126.545, 58, 66,
                    new String[] {"深圳街", "长春路", "恒山西路", "华山路", "高新北路"}));

    private static final String[] WARM_HOSTS = {"中国邮政", "中国石化易捷", "工商银行", "建设银行", "顺丰速运",
            "城管执法中队", "社区卫生服务站", "新华书店", "加油站", "社区党群服务站"};

    private final StationAdminService stations;
    private final JdbcTemplate jdbc;

    DemoStations(StationAdminService stations, JdbcTemplate jdbc) {
        this.stations = stations;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM station", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        long started = System.currentTimeMillis();
        var random = new Random(20261129);
        List<StationRequest> all = new ArrayList<>();
        all.add(new StationRequest("延安街道党群服务中心", Set.of(StationKind.SERVICE, StationKind.WARM), ServiceLevel.STREET,
                1L, "昌邑区延安街道吉林大街88号", coord(43.8848), coord(126.5574), "0432-62345678",
                "街道党群服务中心，设暖新驿站，提供热水、充电和休息。",
                EnumSet.of(Amenity.WATER, Amenity.CHARGING, Amenity.TOILET, Amenity.REST, Amenity.MICROWAVE,
                        Amenity.READING), Audience.PUBLIC, officeHours(), HolidayPolicy.FOLLOW_CALENDAR, List.of()));
        for (int d = 0; d < DISTRICTS.size(); d++) {
            District district = DISTRICTS.get(d);
            all.add(service(random, district, district.firstCommunity(), ServiceLevel.DISTRICT,
                    district.name() + "党群服务中心"));
        }
        for (int community = 1; community <= 66; community++) {
            District district = districtOf(community);
            all.add(service(random, district, community, ServiceLevel.COMMUNITY, "第" + community + "社区党群服务站"));
        }
        for (int i = 0; all.size() < 800; i++) {
            int community = 1 + random.nextInt(66);
            all.add(service(random, districtOf(community), community, ServiceLevel.GRID,
                    "第" + community + "社区" + (1 + i % 9) + "号网格党群服务点"));
        }
        for (int i = 1; i <= 300; i++) {
            int community = 1 + random.nextInt(66);
            all.add(warm(random, districtOf(community), community, i));
        }
        all.forEach(request -> stations.importStation(request, 5));
        log.info("Demo data: {} stations created in {} ms", all.size(), System.currentTimeMillis() - started);
    }

    private static StationRequest service(Random random, District d, int community, ServiceLevel level, String name) {
        return new StationRequest(name, Set.of(StationKind.SERVICE), level, (long) community, address(random, d),
                coord(between(random, d.south(), d.north())), coord(between(random, d.west(), d.east())),
                "0432-6" + (2000000 + random.nextInt(7000000)), "为辖区居民提供政策咨询、议事协商、志愿服务和活动场地。",
                pick(random, EnumSet.of(Amenity.WATER, Amenity.TOILET, Amenity.REST, Amenity.READING,
                Amenity.WIFI, Amenity.HEATING_AC, Amenity.FIRST_AID)), Audience.PUBLIC, officeHours(),
                HolidayPolicy.FOLLOW_CALENDAR, List.of());
    }

    private static StationRequest warm(Random random, District d, int community, int n) {
        boolean roundTheClock = random.nextInt(5) == 0;
        EnumSet<Amenity> amenities = EnumSet.of(Amenity.WATER, Amenity.CHARGING);
        amenities.addAll(pick(random, EnumSet.of(Amenity.TOILET, Amenity.REST, Amenity.MICROWAVE, Amenity.UMBRELLA,
                Amenity.FIRST_AID, Amenity.HEATING_AC, Amenity.WIFI)));
        return new StationRequest(WARM_HOSTS[random.nextInt(WARM_HOSTS.length)] + "暖新驿站（" + n + "号）",
                Set.of(StationKind.WARM), null, (long) community, address(random, d),
                coord(between(random, d.south(), d.north())), coord(between(random, d.west(), d.east())), null,
                "为外卖骑手、快递员提供饮水、充电、如厕、休息等服务。", amenities,
                random.nextInt(10) == 0 ? Audience.RIDERS_ONLY : Audience.PUBLIC,
                roundTheClock ? everyDay("00:00", "24:00") : everyDay("08:00", "20:00"),
                HolidayPolicy.IGNORE_CALENDAR, List.of());
    }

    /** Monday to Friday 08:30–17:00, Saturday morning. */
    private static List<WeeklyRule> officeHours() {
        var rules = new ArrayList<WeeklyRule>();
        for (int day = 1; day <= 5; day++) {
            rules.add(new WeeklyRule(day, "08:30", "17:00"));
        }
        rules.add(new WeeklyRule(6, "09:00", "12:00"));
        return rules;
    }

    private static List<WeeklyRule> everyDay(String opens, String closes) {
        var rules = new ArrayList<WeeklyRule>();
        for (int day = 1; day <= 7; day++) {
            rules.add(new WeeklyRule(day, opens, closes));
        }
        return rules;
    }

    private static EnumSet<Amenity> pick(Random random, EnumSet<Amenity> from) {
        EnumSet<Amenity> chosen = EnumSet.noneOf(Amenity.class);
        from.forEach(a -> {
            if (random.nextBoolean()) {
                chosen.add(a);
            }
        });
        return chosen;
    }

    private static String address(Random random, District d) {
        return "吉林市" + d.name() + d.roads()[random.nextInt(d.roads().length)] + (1 + random.nextInt(300)) + "号";
    }

    private static District districtOf(int community) {
        return DISTRICTS.stream().filter(d -> community >= d.firstCommunity() && community <= d.lastCommunity())
                .findFirst().orElseThrow();
    }

    private static double between(Random random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    private static BigDecimal coord(double value) {
        return BigDecimal.valueOf(value).setScale(7, RoundingMode.HALF_UP);
    }
}
