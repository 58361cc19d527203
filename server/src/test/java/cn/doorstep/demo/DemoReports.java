package cn.doorstep.demo;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.report.FileReportRequest;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportFiling;
import cn.doorstep.report.department.DepartmentRequests.ExtendRequest;
import cn.doorstep.report.department.DepartmentRequests.ResolveRequest;
import cn.doorstep.report.department.DepartmentRequests.RespondRequest;
import cn.doorstep.report.department.DepartmentRequests.ReturnRequest;
import cn.doorstep.report.department.DepartmentRequests.SendRequest;
import cn.doorstep.report.department.DepartmentWork;
import cn.doorstep.report.department.ReportRouting;
import cn.doorstep.report.grid.GridWork;
import cn.doorstep.report.grid.ReporterSteps;
import cn.doorstep.user.UserService;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import javax.imageio.ImageIO;
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
 * The local profile's demo reports (诉求 / 随手拍), filed and worked through the services as people would
 * (so every timeline, notice and audit row is real), once, on an empty report table, across communities
 * 1-3 of 延安街道 and the demo departments of {@code sql/demo/R__demo_reports_departments.sql}: waiting to be
 * accepted (one of them overdue), routed, in progress (with more time asked), sent back to the grid,
 * resolved by a department, two summoned by the street (吹哨), one with departments still to report
 * in (报到), one resolved by all; resolved in the grid and closed satisfied, waiting for its reporter's
 * answer, and reopened one level up after a "not satisfied". Dev-login handles: resident, resident2, resident3 (reporters), admin,
 * admin2, admin3 (communities 1-3), grid-head (grid 1), street-admin (延安街道: summons), dept-city and
 * dept-city2 (department 1, 城管), dept-heating (2), dept-water (3), dept-police (4), dept-property (5),
 * dept-sanitation (6).
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(110) // after DemoWishes (100), which creates the residents, the admins and the grid head
class DemoReports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

    private final UserService users;
    private final RoleService roles;
    private final MediaService media;
    private final ReportFiling filing;
    private final ReportRouting routing;
    private final DepartmentWork work;
    private final GridWork grid;
    private final ReporterSteps reporters;
    private final JdbcTemplate jdbc;

    DemoReports(UserService users, RoleService roles, MediaService media, ReportFiling filing, ReportRouting routing,
                DepartmentWork work, GridWork grid, ReporterSteps reporters, JdbcTemplate jdbc) {
        this.users = users;
        this.roles = roles;
        this.media = media;
        this.filing = filing;
        this.routing = routing;
        this.work = work;
        this.grid = grid;
        this.reporters = reporters;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM report", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        CurrentUser resident1 = user("resident");
        CurrentUser resident2 = user("resident2");
        CurrentUser resident3 = user("resident3");
        CurrentUser admin1 = user("admin");
        CurrentUser admin2 = user("admin2");
        CurrentUser admin3 = user("admin3");
        CurrentUser gridHead = user("grid-head");
        CurrentUser street = user("street-admin");
        CurrentUser city = user("dept-city");
        CurrentUser heating = user("dept-heating");
        CurrentUser water = user("dept-water");
        CurrentUser police = user("dept-police");
        CurrentUser property = user("dept-property");
        CurrentUser sanitation = user("dept-sanitation");

        // waiting for the grid to accept: one fresh, one past its time to accept (as if filed yesterday)
        file(resident1, 1, 1L, ReportCategory.NOISE, "楼上装修每天早上七点就开始电钻，影响休息。", "2号楼3单元");
        long overdue = file(resident2, 2, 4L, ReportCategory.SANITATION, "小区东门垃圾桶满了两天没人清运，气味很大。",
                "东门垃圾站");
        jdbc.update("UPDATE report SET accept_due = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 20 HOUR), "
                + "created_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 22 HOUR) WHERE id = ?", overdue);

        // 流转: routed by the community admin, the 城管 not yet taking it up
        long routed = file(resident1, 1, 2L, ReportCategory.ROADS, "人行道地砖松动翘起，老人走路容易绊倒。", "延安路与松江路交口");
        routing.route(admin1, routed, new SendRequest(List.of(1L), "请核实后安排维修"));

        // in progress: the heating company took it up and asked for more time
        long cold = file(resident3, 3, 7L, ReportCategory.HEATING, "家里暖气片不热，室温只有十四度。", "8号楼1单元502");
        routing.route(admin3, cold, new SendRequest(List.of(2L), null));
        work.accept(heating, cold);
        work.extend(heating, cold, new ExtendRequest(2, "需要停水排查主管道，已约定周四入户"));

        // sent back: the property company says it is not theirs; back with the grid (ACCEPTED)
        long lamp = file(gridHead, 1, 1L, ReportCategory.LIGHTING, "5号楼前路灯不亮已经一周。", "5号楼前");
        routing.route(gridHead, lamp, new SendRequest(List.of(5L), null));
        work.sendBack(property, lamp, new ReturnRequest("该路灯属市政照明，不在物业管理范围，请转城管或路灯所"));

        // resolved by a department, waiting for the reporter's rating
        long leak = file(resident2, 2, 5L, ReportCategory.WATER, "小区供水管道漏水，路面一直有积水。", "3号楼西侧");
        routing.route(admin2, leak, new SendRequest(List.of(3L), "请尽快抢修"));
        work.accept(water, leak);
        work.resolve(water, leak, new ResolveRequest("已更换破损管段，路面积水已清理。", List.of(photo(water.id()))));

        // 吹哨: the street summons 城管, 派出所 and 环卫 to a blocked fire lane; the police reported in (报到)
        long fireLane = file(resident1, 1, 3L, ReportCategory.FIRE_LANES, "消防通道长期被私家车和杂物占用，消防车进不来。",
                "7号楼北侧消防通道");
        routing.summon(street, fireLane, new SendRequest(List.of(1L, 4L, 6L), "联合整治消防通道占用"));
        work.respond(police, fireLane, new RespondRequest("已派民警到场，联系车主挪车"));

        // 吹哨, resolved by all who were summoned
        long pile = file(resident3, 3, 8L, ReportCategory.SAFETY, "废弃楼道堆满杂物，存在火灾隐患。", "9号楼楼道");
        routing.summon(street, pile, new SendRequest(List.of(1L, 6L), null));
        work.respond(city, pile, null);
        work.respond(sanitation, pile, new RespondRequest("环卫车辆已安排"));
        work.resolve(city, pile, new ResolveRequest("已督促业主清理个人物品。", List.of()));
        work.resolve(sanitation, pile, new ResolveRequest("杂物已全部清运。", List.of(photo(sanitation.id()))));

        // resolved in the grid and rated: closed, the reporter satisfied
        long stairLight = file(resident1, 1, 2L, ReportCategory.LIGHTING, "3号楼楼道声控灯坏了，晚上上下楼看不见。", "3号楼楼道");
        grid.accept(admin1, stairLight);
        grid.resolve(admin1, stairLight, "已更换声控灯，楼道照明恢复。", List.of(photo(admin1.id())));
        reporters.rate(resident1, stairLight, true, "修得很快，谢谢社区！");

        // a question to the reporter: the clock stands still until they answer
        long music = file(resident3, 3, 9L, ReportCategory.NOISE, "晚上广场舞音响声音太大。", "小区中心广场");
        grid.ask(admin3, music, "请问一般是几点到几点？我们好和舞蹈队沟通。");

        // not satisfied: reopened once, one level up (the street is told)
        long lift = file(resident2, 2, 6L, ReportCategory.PROPERTY, "电梯经常停运，老人上下楼困难。", "6号楼电梯");
        grid.accept(admin2, lift);
        grid.resolve(admin2, lift, "已联系物业检修电梯。", List.of());
        reporters.rate(resident2, lift, false, "电梯昨天又停了，问题没有解决。");

        log.info("Demo data: {} reports, {} department assignments", jdbc.queryForObject("SELECT COUNT(*) FROM report",
                Integer.class), jdbc.queryForObject("SELECT COUNT(*) FROM report_assignment", Integer.class));
    }

    private long file(CurrentUser who, long community, Long grid, ReportCategory category, String text, String address) {
        return filing.file(who, new FileReportRequest(community, grid, category, text, List.of(photo(who.id())),
                new BigDecimal("43.8" + community + "12"), new BigDecimal("126.55" + grid), address)).id();
    }

    /** The dev-login user of {@code handle} (made by DemoWishes or the demo SQL), as a signed-in caller. */
    private CurrentUser user(String handle) {
        long id = users.findOrCreateByOpenid("dev:" + handle, null).user().id();
        if (roles.grantsOf(id).isEmpty()) {
            roles.grant(id, Role.RESIDENT, 0);
        }
        return new CurrentUser(id, roles.grantsOf(id));
    }

    private String photo(long ownerId) {
        var image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xE8, 0xEE, 0xF2));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0x1F, 0x6F, 0xB2));
        g.fillOval(100, 60, 120, 120);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return media.store(ownerId, out.toByteArray()).url();
    }
}
