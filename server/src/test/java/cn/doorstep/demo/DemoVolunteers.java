package cn.doorstep.demo;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.user.ProfileUpdate;
import cn.doorstep.user.UserService;
import cn.doorstep.volunteer.VolunteerAdministration;
import cn.doorstep.volunteer.VolunteerApplications;
import cn.doorstep.volunteer.VolunteerRequests.ApplyRequest;
import cn.doorstep.volunteer.VolunteerSkill;
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
 * The local profile's volunteers, made through the services as people would make them (applications,
 * decisions, audit rows and notices all real), once, on an empty application table: {@code volunteer}
 * and {@code volunteer2} approved in communities 1 and 3 (the demo wishes they claim are there),
 * {@code applicant1} and {@code applicant2} waiting in community 1, {@code applicant3} rejected in
 * community 2. Before the demo wishes (100), whose volunteers these are.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "doorstep.demo.enabled", havingValue = "true")
@Order(90)
class DemoVolunteers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

    private final UserService users;
    private final RoleService roles;
    private final VolunteerApplications applications;
    private final VolunteerAdministration administration;
    private final JdbcTemplate jdbc;

    DemoVolunteers(UserService users, RoleService roles, VolunteerApplications applications,
                   VolunteerAdministration administration, JdbcTemplate jdbc) {
        this.users = users;
        this.roles = roles;
        this.applications = applications;
        this.administration = administration;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM volunteer_application", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        CurrentUser admin1 = user("admin", null, Role.ADMIN, 1);
        CurrentUser admin2 = user("admin2", "陈书记", Role.ADMIN, 2);
        CurrentUser admin3 = user("admin3", "周主任", Role.ADMIN, 3);
        CurrentUser volunteer = user("volunteer", "李志愿", Role.RESIDENT, 0);
        CurrentUser volunteer2 = user("volunteer2", "赵志愿", Role.RESIDENT, 0);

        approved(volunteer, admin1, 1, "李志愿", "周末全天", null, VolunteerSkill.ELDERLY_CARE, VolunteerSkill.REPAIRS);
        approved(volunteer, admin3, 3, "李志愿", "周末全天", null, VolunteerSkill.ELDERLY_CARE, VolunteerSkill.REPAIRS);
        approved(volunteer2, admin1, 1, "赵志愿", "工作日晚上", null, VolunteerSkill.REPAIRS, VolunteerSkill.CLEANING);
        approved(volunteer2, admin3, 3, "赵志愿", "工作日晚上", null, VolunteerSkill.REPAIRS, VolunteerSkill.CLEANING);

        apply(user("applicant1", "孔报名", Role.RESIDENT, 0), 1, "孔报名", "周六上午", null,
                VolunteerSkill.DIGITAL_HELP, VolunteerSkill.CHILD_TUTORING);
        apply(user("applicant2", "曹报名", Role.RESIDENT, 0), 1, "曹报名", "每月第一个周日", "13900001234",
                VolunteerSkill.HAIRCUT);
        long rejected = apply(user("applicant3", "严报名", Role.RESIDENT, 0), 2, "严报名", "有空就来", null,
                VolunteerSkill.OTHER);
        administration.reject(admin2, rejected, "请写明可服务的具体时间段后重新申请");
        log.info("Demo data: {} volunteer applications (approved, pending, rejected)",
                jdbc.queryForObject("SELECT COUNT(*) FROM volunteer_application", Integer.class));
    }

    private void approved(CurrentUser who, CurrentUser admin, long community, String name, String availability,
                          String phone, VolunteerSkill... skills) {
        if (who.grants().contains(new RoleGrant(Role.VOLUNTEER, community))) {
            return; // a local database of before applications: the seeds made them a volunteer directly
        }
        administration.approve(admin, apply(who, community, name, availability, phone, skills));
    }

    private long apply(CurrentUser who, long community, String name, String availability, String phone,
                       VolunteerSkill... skills) {
        return applications.apply(who, new ApplyRequest(community, name, List.of(skills), availability, phone)).id();
    }

    /** The dev-login user of {@code handle} (created if new) with the role, as a signed-in caller. */
    private CurrentUser user(String handle, String nickname, Role role, long scope) {
        long id = users.findOrCreateByOpenid("dev:" + handle, null).user().id();
        if (nickname != null) {
            users.updateProfile(id, new ProfileUpdate(nickname, null, null, null));
            users.bindPhone(id, "138" + String.format("%08d", 10_000 + id));
        }
        roles.grant(id, Role.RESIDENT, 0);
        roles.grant(id, role, scope);
        return new CurrentUser(id, roles.grantsOf(id));
    }
}
