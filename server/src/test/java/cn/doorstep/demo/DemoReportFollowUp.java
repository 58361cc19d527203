package cn.doorstep.demo;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.report.FileReportRequest;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportFiling;
import cn.doorstep.report.followup.ReportDuplicates;
import cn.doorstep.report.followup.ReportEscalation;
import cn.doorstep.user.UserService;
import java.math.BigDecimal;
import java.util.List;
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
 * The local profile's demo of the reports' follow-up, after DemoReports (the loop's reports, if it ran) and
 * on its own if it did not: an overdue report escalated to the street (street-admin is told), one escalated
 * on to the district (district-admin), and a merged pair in community 1 whose second reporter and a neighbour
 * who said "the same" follow the first. Filed through the services as people would; only the clock is
 * faked, by moving the deadlines back in SQL. Once: skipped when a merged report exists.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(400)
class DemoReportFollowUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReportFollowUp.class);
    /** Near 延安街道, 昌邑区, 吉林市 (GCJ-02). */
    private static final BigDecimal LAT = new BigDecimal("43.8623100");
    private static final BigDecimal LNG = new BigDecimal("126.5612400");

    private final UserService users;
    private final RoleService roles;
    private final ReportFiling filing;
    private final ReportEscalation escalation;
    private final ReportDuplicates duplicates;
    private final JdbcTemplate jdbc;

    DemoReportFollowUp(UserService users, RoleService roles, ReportFiling filing, ReportEscalation escalation,
                       ReportDuplicates duplicates, JdbcTemplate jdbc) {
        this.users = users;
        this.roles = roles;
        this.filing = filing;
        this.escalation = escalation;
        this.duplicates = duplicates;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer merged = jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE status = 'MERGED'", Integer.class);
        if (merged != null && merged > 0) {
            return;
        }
        CurrentUser admin1 = user("admin", Role.ADMIN, 1);
        CurrentUser resident1 = user("resident", Role.RESIDENT, 0);
        CurrentUser resident2 = user("resident2", Role.RESIDENT, 0);
        CurrentUser resident3 = user("resident3", Role.RESIDENT, 0);

        // overdue: filed 3 hours ago (its 2 hours to accept gone), escalated to the street by the job
        long toStreet = file(resident1, ReportCategory.FIRE_LANES, "5号楼前消防通道被私家车长期占用，救护车进不来。", "5号楼前", 0);
        long toDistrict = file(resident2, ReportCategory.HEATING, "3号楼整个单元暖气不热，室温只有十二度。", "3号楼2单元", 0.004);
        jdbc.update("UPDATE report SET accept_due = NOW(3) - INTERVAL 1 HOUR, created_at = NOW(3) - INTERVAL 3 HOUR "
                + "WHERE id IN (?, ?)", toStreet, toDistrict);
        escalation.escalateDue();
        // still overdue a day after the street had it: on to the district
        jdbc.update("UPDATE report SET escalated_at = escalated_at - INTERVAL 25 HOUR, accept_due = accept_due - INTERVAL 1 DAY, "
                + "created_at = created_at - INTERVAL 1 DAY WHERE id = ?", toDistrict);
        escalation.escalateDue();

        // a merged pair: the same broken water main reported twice 20 m apart; a neighbour said "the same"
        long first = file(resident1, ReportCategory.WATER, "小区南门主水管漏水，路面结冰。", "南门", 0.008);
        long second = file(resident2, ReportCategory.WATER, "南门口一直在冒水，地上都冻住了，很滑。", "南门外", 0.0082);
        duplicates.follow(resident3, first, ReportCategory.WATER, LAT.add(new BigDecimal("0.008")), LNG);
        duplicates.merge(admin1, second, first);
        log.info("Demo data: reports {} (street) and {} (district) escalated, {} merged into {}", toStreet, toDistrict,
                second, first);
    }

    private long file(CurrentUser who, ReportCategory category, String text, String address, double north) {
        return filing.file(who, new FileReportRequest(1L, 1L, category, text, List.of(),
                LAT.add(BigDecimal.valueOf(north)), LNG, address)).id();
    }

    private CurrentUser user(String handle, Role role, long scope) {
        long id = users.findOrCreateByOpenid("dev:" + handle, null).user().id();
        roles.grant(id, Role.RESIDENT, 0);
        roles.grant(id, role, scope);
        return new CurrentUser(id, roles.grantsOf(id));
    }
}
