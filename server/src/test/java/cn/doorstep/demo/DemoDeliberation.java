package cn.doorstep.demo;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.Zones;
import cn.doorstep.deliberation.DeliberationRequests.CreateTopicRequest;
import cn.doorstep.deliberation.DeliberationRequests.MeetingRequest;
import cn.doorstep.deliberation.DeliberationRequests.MinutesRequest;
import cn.doorstep.deliberation.DeliberationRequests.ProposeRequest;
import cn.doorstep.deliberation.DeliberationRequests.TaskRequest;
import cn.doorstep.deliberation.Meetings;
import cn.doorstep.deliberation.SourceType;
import cn.doorstep.deliberation.Tasks;
import cn.doorstep.deliberation.TopicDetail;
import cn.doorstep.deliberation.Topics;
import cn.doorstep.schedule.BookingAudience;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.station.StationStatus;
import cn.doorstep.user.ProfileUpdate;
import cn.doorstep.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
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
 * The local profile's 议事 in community 1, made through the services as residents and the admin would, once, on
 * an empty topic table: 楼道堆物清理 proposed, seconded, accepted, met on (a meeting starting a few seconds
 * after start-up, which this runner waits for), minuted with decisions and three tasks (one overdue, one open,
 * one done by its owner); 增设电动车充电桩 a proposal with two supporters; and the monthly 恳谈会 with riders a
 * week ahead. Dev-login handles: admin, resident1, resident2, resident3 (residents of community 1).
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(300)
class DemoDeliberation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDeliberation.class);
    private static final long COMMUNITY = 1;

    private final Topics topics;
    private final Meetings meetings;
    private final Tasks tasks;
    private final StationDirectory stations;
    private final UserService users;
    private final RoleService roles;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoDeliberation(Topics topics, Meetings meetings, Tasks tasks, StationDirectory stations, UserService users,
                     RoleService roles, JdbcTemplate jdbc, Clock clock) {
        this.topics = topics;
        this.meetings = meetings;
        this.tasks = tasks;
        this.stations = stations;
        this.users = users;
        this.roles = roles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_topic", Integer.class);
        Optional<Long> station = stations.findAll(stations.idsIn(Set.of(COMMUNITY))).values().stream()
                .filter(s -> s.status() == StationStatus.ACTIVE).map(s -> s.id()).sorted().findFirst();
        if (existing != null && existing > 0 || station.isEmpty()) {
            return;
        }
        CurrentUser admin = user("admin", null, Role.ADMIN, COMMUNITY);
        CurrentUser resident1 = user("resident1", "刘楼长", Role.RESIDENT, 0);
        CurrentUser resident2 = user("resident2", "孙阿姨", Role.RESIDENT, 0);
        CurrentUser resident3 = user("resident3", "吴师傅", Role.RESIDENT, 0);
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));

        // a meeting with minutes: proposed, seconded, accepted, met on, minuted; one task done, one overdue
        long hallway = proposal(resident1, "楼道堆物清理", "5号楼楼道堆满纸箱和旧家具，存在消防隐患，建议大家议一议怎么清理、以后怎么管。");
        topics.support(resident2, hallway);
        topics.support(resident3, hallway);
        topics.accept(admin, hallway);
        LocalDateTime soon = LocalDateTime.now(clock.withZone(Zones.CHINA)).plusSeconds(3).withNano(0);
        TopicDetail met = meetings.schedule(admin, hallway, new MeetingRequest(station.get(), "小板凳议事会：楼道堆物清理",
                soon, soon.plusHours(1), "5号楼楼下小广场", 20, BookingAudience.RESIDENTS));
        // minutes are recorded once a meeting has started: wait the few seconds until it has
        Thread.sleep(Duration.between(LocalDateTime.now(clock.withZone(Zones.CHINA)), soon).toMillis() + 500);
        TopicDetail minuted = meetings.record(admin, met.meetings().get(0).id(), new MinutesRequest(
                "居民代表、物业、网格员共18人参加。大家同意分楼层集中清理，物业设临时堆放点，今后楼道不再堆放杂物。", 18,
                List.of("本周六上午集中清理5号楼楼道", "物业在楼后设临时堆放点，大件杂物统一清运", "楼长每月巡查一次楼道"),
                List.of(new TaskRequest("通知各楼层住户清理时间", resident1.id(), null, today.plusDays(2)),
                        new TaskRequest("清运大件杂物", null, "物业", today.minusDays(1)),
                        new TaskRequest("首次楼道巡查并反馈", resident3.id(), null, today.plusDays(14)))));
        tasks.done(resident1, minuted.tasks().get(0).id(), "已在楼栋微信群和单元门口通知");

        // a proposal with supporters
        long charging = proposal(resident2, "增设电动车充电桩", "小区电动车多，充电难，有人从楼上拉线充电很危险，建议在车棚增设充电桩。");
        topics.support(resident1, charging);
        topics.support(resident3, charging);

        // the monthly 恳谈会 with riders, a week ahead
        long riders = topics.create(admin, new CreateTopicRequest(COMMUNITY, "骑手月度恳谈会",
                "听取快递员、外卖骑手对小区通行、停车和暖心驿站的意见建议。", SourceType.DIRECT, null)).id();
        LocalDateTime evening = today.plusDays(7).atTime(19, 0);
        meetings.schedule(admin, riders, new MeetingRequest(station.get(), null, evening, evening.plusHours(1),
                "暖心驿站休息区", 30, BookingAudience.RIDERS));
        log.info("Demo data: {} deliberation topics (a minuted meeting with tasks, a proposal, a riders' 恳谈会)",
                jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_topic", Integer.class));
    }

    /**
     * A resident's proposal. No WeChat appid locally, so the content check cannot answer and the proposal is held
     * for the admins: mark it checked, as if WeChat had passed it, so that neighbours can see and second it.
     */
    private long proposal(CurrentUser who, String title, String text) {
        long id = topics.propose(who, new ProposeRequest(COMMUNITY, title, text)).id();
        jdbc.update("UPDATE deliberation_topic SET check_result = 'PASS' WHERE id = ?", id);
        return id;
    }

    /** The dev-login user of {@code handle} (created if new), in community 1, with the role, as a signed-in caller. */
    private CurrentUser user(String handle, String nickname, Role role, long scope) {
        long id = users.findOrCreateByOpenid("dev:" + handle, null).user().id();
        users.updateProfile(id, new ProfileUpdate(nickname, null, COMMUNITY, null));
        roles.grant(id, Role.RESIDENT, 0);
        roles.grant(id, role, scope);
        return new CurrentUser(id, roles.grantsOf(id));
    }
}
