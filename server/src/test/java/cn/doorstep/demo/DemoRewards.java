package cn.doorstep.demo;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.common.Zones;
import cn.doorstep.points.Award;
import cn.doorstep.points.PointsReason;
import cn.doorstep.points.PointsService;
import cn.doorstep.reward.RedemptionHandover;
import cn.doorstep.reward.RedemptionView;
import cn.doorstep.reward.Redemptions;
import cn.doorstep.reward.RewardCatalogue;
import cn.doorstep.reward.RewardKind;
import cn.doorstep.reward.RewardRequests.NewReward;
import cn.doorstep.user.UserService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The local profile's demo rewards and points, made through the services, once, on an empty reward
 * table: five rewards at each demo community's first station (rice, oil and an umbrella; a haircut and
 * an hour of cleaning; the umbrella and the cleaning with small stock), points earned by volunteer
 * service over the last days for the demo users, and a history of redemptions for {@code resident}:
 * one waiting at station 1, one handed over by {@code staff}, one cancelled. Every demo user of the
 * dev login (resident, resident2, resident3, volunteer, volunteer2) can redeem at once.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(200)
class DemoRewards implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRewards.class);

    private record Item(RewardKind kind, String name, String description, int price, int stock, Integer limit) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item(RewardKind.GOODS, "五常大米 5kg", "凭兑换码到站点领取", 200, 20, 1),
            new Item(RewardKind.GOODS, "大豆油 1.8L", "凭兑换码到站点领取", 150, 30, 2),
            new Item(RewardKind.GOODS, "爱心雨伞", "站点志愿者定制雨伞，数量有限", 60, 3, 1),
            new Item(RewardKind.SERVICE, "理发一次", "每周三上午社区理发志愿服务", 80, 10, null),
            new Item(RewardKind.SERVICE, "家政保洁一小时", "预约后上门服务，数量有限", 120, 2, 1));

    private final UserService users;
    private final RoleService roles;
    private final PointsService points;
    private final RewardCatalogue catalogue;
    private final Redemptions redemptions;
    private final RedemptionHandover handover;
    private final JdbcTemplate jdbc;

    DemoRewards(UserService users, RoleService roles, PointsService points, RewardCatalogue catalogue,
                Redemptions redemptions, RedemptionHandover handover, JdbcTemplate jdbc) {
        this.users = users;
        this.roles = roles;
        this.points = points;
        this.catalogue = catalogue;
        this.redemptions = redemptions;
        this.handover = handover;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM reward", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        long platform = user("platform", Role.PLATFORM, 0).id();
        Map<Long, Long> admins = Map.of(1L, user("admin", Role.ADMIN, 1).id(), 2L, user("admin2", Role.ADMIN, 2).id(),
                3L, user("admin3", Role.ADMIN, 3).id());
        Map<Long, Map<String, Long>> rewardsOf = new HashMap<>();
        List<Map<String, Object>> firstStations = jdbc.queryForList(
                "SELECT community_id, MIN(id) AS station_id FROM station WHERE status = 'ACTIVE' GROUP BY community_id");
        for (Map<String, Object> row : firstStations) {
            long community = ((Number) row.get("community_id")).longValue();
            long station = ((Number) row.get("station_id")).longValue();
            // communities without a demo admin: the platform user acts as their admin for the demo
            var admin = new CurrentUser(admins.getOrDefault(community, platform), Set.of(new RoleGrant(Role.ADMIN, community)));
            var ids = new HashMap<String, Long>();
            for (Item item : ITEMS) {
                ids.put(item.name(), catalogue.create(admin, new NewReward(station, item.kind(), item.name(),
                        item.description(), item.price(), item.stock(), item.limit(), null, null, List.of())).id());
            }
            rewardsOf.put(community, ids);
        }

        LocalDate today = LocalDate.now(Zones.CHINA);
        CurrentUser resident = user("resident", Role.RESIDENT, 0);
        earn(resident.id(), 1, today, 6);                                  // 480 points over six days
        earn(user("resident2", Role.RESIDENT, 0).id(), 2, today, 3);        // 240
        earn(user("resident3", Role.RESIDENT, 0).id(), 3, today, 3);        // 240
        earn(user("volunteer", Role.VOLUNTEER, 1).id(), 1, today, 6);       // 480
        earn(user("volunteer2", Role.VOLUNTEER, 3).id(), 3, today, 4);      // 320

        Map<String, Long> home = rewardsOf.get(1L);
        if (home != null) {
            CurrentUser staff = user("staff", Role.STAFF, 1);
            redemptions.redeem(resident, home.get("五常大米 5kg"), 1, "demo-resident-rice");
            RedemptionView haircut = redemptions.redeem(resident, home.get("理发一次"), 1, "demo-resident-haircut");
            handover.handOver(staff, haircut.code());
            RedemptionView oil = redemptions.redeem(resident, home.get("大豆油 1.8L"), 1, "demo-resident-oil");
            redemptions.cancel(resident, oil.id()); // 480 - 200 - 80 = 200 points left to redeem with
        }
        log.info("Demo data: {} rewards at {} stations, points for 5 demo users, 3 redemptions of resident",
                jdbc.queryForObject("SELECT COUNT(*) FROM reward", Integer.class), firstStations.size());
    }

    /** 8 hours of volunteer service a day (80 points, the default daily cap) for {@code days} days up to yesterday. */
    private void earn(long userId, long community, LocalDate today, int days) {
        for (int d = 1; d <= days; d++) {
            points.award(new Award(userId, PointsReason.VOLUNTEER_SERVICE, "demo", "demo-" + userId + "-" + d,
                    BigDecimal.valueOf(8), community, today.minusDays(d), null, d % 2 == 0 ? "社区环境整治" : "敬老院陪伴"));
        }
    }

    private CurrentUser user(String handle, Role role, long scope) {
        long id = users.findOrCreateByOpenid("dev:" + handle, null).user().id();
        roles.grant(id, Role.RESIDENT, 0);
        roles.grant(id, role, scope);
        return new CurrentUser(id, roles.grantsOf(id));
    }
}
