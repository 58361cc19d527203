package cn.doorstep.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestRegions.Chain;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.user.UserService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** 志愿者注册: apply → an admin of the community approves or rejects → the volunteer leaves or is revoked. */
@IntegrationTest
class VolunteerTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    UserService userService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;

    Chain home;
    long community;
    SignedIn admin;
    SignedIn applicant;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        home = regions.chain();
        community = home.community();
        admin = users.with(Role.ADMIN, community);
        applicant = users.resident();
        userService.bindPhone(applicant.id(), "13912345678");
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Nested
    class Applying {

        @Test
        void aResidentAppliesWithTheBoundPhoneAndReadsTheApplicationBack() {
            MvcTestResult reply = apply(applicant, community, null);

            assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("PENDING");
            assertThat(reply).bodyJson().extractingPath("$.data.phone").isEqualTo("139****5678");
            assertThat(reply).bodyJson().extractingPath("$.data.boundPhone").isEqualTo(true);
            long id = idOf(reply);
            MvcTestResult mine = mvc.get().uri("/api/v1/volunteers/applications/mine")
                    .header("Authorization", applicant.bearer()).exchange();
            assertThat(mine).bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) id);
            assertThat(mine).bodyJson().extractingPath("$.data.items[0].skills").asArray()
                    .containsExactly("ELDERLY_CARE", "DIGITAL_HELP");
            assertThat(mine).bodyJson().extractingPath("$.data.items[0].communityName").asString().startsWith("测试社区");
            Map<String, Object> row = jdbc.queryForMap("select user_id, community_id, real_name, skills, availability, "
                    + "contact_phone, status, created_at from volunteer_application where id = ?", id);
            assertThat(row).containsEntry("real_name", "李志愿").containsEntry("skills", "ELDERLY_CARE,DIGITAL_HELP")
                    .containsEntry("availability", "周末上午").containsEntry("contact_phone", null)
                    .containsEntry("status", "PENDING");
            assertThat(((Number) row.get("community_id")).longValue()).isEqualTo(community);
            assertThat(row.get("created_at")).as("the app clock").isEqualTo(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
        }

        @Test
        void aContactPhoneGivenIsKeptAndShownMaskedEvenWithoutABoundPhone() {
            SignedIn noPhone = users.resident();

            MvcTestResult reply = apply(noPhone, community, "13700001234");

            assertThat(reply).hasStatusOk().bodyJson().extractingPath("$.data.phone").isEqualTo("137****1234");
            assertThat(reply).bodyJson().extractingPath("$.data.boundPhone").isEqualTo(false);
            assertThat(jdbc.queryForObject("select contact_phone from volunteer_application where user_id = ?",
                    String.class, noPhone.id())).isEqualTo("13700001234");
        }

        @Test
        void withoutABoundPhoneOrAContactPhoneNothingIsSaved() {
            SignedIn noPhone = users.resident();

            assertThat(apply(noPhone, community, null)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(43001);
            assertThat(applicationsOf(noPhone)).isZero();
        }

        @Test
        void badFieldsAreNamedAndNothingIsSaved() {
            assertThat(post(applicant, "/api/v1/volunteers/applications", body(community, "李志愿", "[\"JUGGLING\"]",
                    "周末", null))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").asString().startsWith("skills");
            assertThat(post(applicant, "/api/v1/volunteers/applications", body(community, "李志愿", "[]", "周末", null)))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("skills");
            assertThat(post(applicant, "/api/v1/volunteers/applications", body(community, "李\u202E志愿", "[\"OTHER\"]",
                    "周末", null))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("realName");
            assertThat(post(applicant, "/api/v1/volunteers/applications", body(community, "李志愿", "[\"OTHER\"]",
                    "周".repeat(101), null))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("availability");
            assertThat(post(applicant, "/api/v1/volunteers/applications", body(community, "李志愿", "[\"OTHER\"]",
                    "周末", "\"12345\""))).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("phone");
            assertThat(apply(applicant, 987654321L, null)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.code").isEqualTo(13002);
            assertThat(applicationsOf(applicant)).isZero();
        }

        @Test
        void aSecondApplicationToTheSameCommunityWaitsForTheFirstButAnotherCommunityIsFine() {
            long first = idOf(apply(applicant, community, null));

            assertThat(apply(applicant, community, null)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.data.applicationId").isEqualTo((int) first);
            assertThat(apply(applicant, regions.community(), null)).hasStatusOk();
            assertThat(applicationsOf(applicant)).isEqualTo(2);
        }

        @Test
        void aVolunteerOfTheCommunityCannotApplyAgainButARejectedApplicantCan() {
            long id = idOf(apply(applicant, community, null));
            approve(admin, id);
            assertThat(apply(applicant, community, null)).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(43003);

            SignedIn other = users.resident();
            userService.bindPhone(other.id(), "13600001111");
            reject(admin, idOf(apply(other, community, null)), "请补充可服务时间");
            assertThat(apply(other, community, null)).hasStatusOk().bodyJson().extractingPath("$.data.status")
                    .isEqualTo("PENDING");
            assertThat(jdbc.queryForList("select status from volunteer_application where user_id = ? order by id",
                    String.class, other.id())).containsExactly("REJECTED", "PENDING");
        }

        @Test
        void tenApplicationsAtOnceByABrandNewUserLeaveExactlyOne() {
            SignedIn fresh = users.resident();
            userService.bindPhone(fresh.id(), "13500002222");

            List<Integer> statuses = Parallel.run(10, 10, i -> apply(fresh, community, null).getResponse().getStatus());

            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(9);
            assertThat(applicationsOf(fresh)).isEqualTo(1);
        }
    }

    @Nested
    class Review {

        @Test
        void anAdminApprovesAndTheApplicantBecomesAVolunteerOfThatCommunityOnly() {
            long id = idOf(apply(applicant, community, null));
            assertThat(get(admin, "/api/v1/admin/volunteers/applications?status=PENDING"))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) id);

            assertThat(approve(admin, id)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("APPROVED");

            assertThat(get(applicant, "/api/v1/me")).bodyJson()
                    .extractingPath("$.data.roles[?(@.role=='VOLUNTEER')].scopeId").asArray()
                    .containsExactly((int) community);
            assertThat(jdbc.queryForList("select scope_id from user_role where user_id = ? and role = 'VOLUNTEER'",
                    Long.class, applicant.id())).containsExactly(community);
            Map<String, Object> row = jdbc.queryForMap(
                    "select status, reviewed_by, reviewed_at from volunteer_application where id = ?", id);
            assertThat(row.get("status")).isEqualTo("APPROVED");
            assertThat(((Number) row.get("reviewed_by")).longValue()).isEqualTo(admin.id());
            assertThat(row.get("reviewed_at")).isEqualTo(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
            assertThat(audit.of("volunteer_application", id)).extracting(AuditLog.Entry::action)
                    .containsExactly("volunteer.approve");
            // told in the inbox (a subscribe message too where its template is configured)
            assertThat(get(applicant, "/api/v1/inbox")).bodyJson().satisfies(inbox -> {
                assertThat(inbox).extractingPath("$.data.items[0].kind").isEqualTo("VOLUNTEER_APPROVED");
                assertThat(inbox).extractingPath("$.data.items[0].title").isEqualTo("志愿者申请已通过");
                assertThat(inbox).extractingPath("$.data.items[0].body").asString().contains("测试社区");
            });
        }

        @Test
        void anAdminRejectsWithAReasonTheApplicantReadsAndNoRoleIsGranted() {
            long id = idOf(apply(applicant, community, null));

            assertThat(reject(admin, id, "请补充可服务时间")).hasStatusOk()
                    .bodyJson().extractingPath("$.data.status").isEqualTo("REJECTED");

            assertThat(get(applicant, "/api/v1/volunteers/applications/mine"))
                    .bodyJson().extractingPath("$.data.items[0].reason").isEqualTo("请补充可服务时间");
            assertThat(volunteerRows(applicant)).isZero();
            assertThat(audit.of("volunteer_application", id)).extracting(AuditLog.Entry::action)
                    .containsExactly("volunteer.reject");
            assertThat(get(applicant, "/api/v1/inbox")).bodyJson().satisfies(inbox -> {
                assertThat(inbox).extractingPath("$.data.items[0].kind").isEqualTo("VOLUNTEER_REJECTED");
                assertThat(inbox).extractingPath("$.data.items[0].body").asString().contains("请补充可服务时间");
            });
        }

        @Test
        void aDecidedApplicationCannotBeDecidedAgain() {
            long id = idOf(apply(applicant, community, null));
            reject(admin, id, "资料不全");

            assertThat(approve(admin, id)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.data.status")
                    .isEqualTo("REJECTED");
            assertThat(jdbc.queryForObject("select status from volunteer_application where id = ?", String.class, id))
                    .isEqualTo("REJECTED");
            assertThat(volunteerRows(applicant)).isZero();
            assertThat(audit.of("volunteer_application", id)).hasSize(1);
        }

        @Test
        void aRejectionNeedsAReason() {
            long id = idOf(apply(applicant, community, null));

            assertThat(post(admin, "/api/v1/admin/volunteers/applications/" + id + "/reject", "{\"reason\":\"\u3000\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("reason");
            assertThat(jdbc.queryForObject("select status from volunteer_application where id = ?", String.class, id))
                    .isEqualTo("PENDING");
        }

        @Test
        void noOneDecidesTheirOwnApplication() {
            userService.bindPhone(admin.id(), "13611112222");
            long id = idOf(apply(admin, community, null));

            assertThat(approve(admin, id)).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code")
                    .isEqualTo(43006);
            assertThat(volunteerRows(admin)).isZero();
        }

        @Test
        void anApplicationOfAnotherCommunityIsNotFoundAndNotListed() {
            long id = idOf(apply(applicant, community, null));
            SignedIn stranger = users.with(Role.ADMIN, regions.community());

            assertThat(approve(stranger, id)).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code")
                    .isEqualTo(43004);
            assertThat(reject(stranger, id, "不认识")).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get(stranger, "/api/v1/admin/volunteers/applications")).bodyJson()
                    .extractingPath("$.data.total").isEqualTo(0);
            assertThat(jdbc.queryForObject("select status from volunteer_application where id = ?", String.class, id))
                    .isEqualTo("PENDING");
            assertThat(get(applicant, "/api/v1/admin/volunteers/applications")).hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void aStreetAdminDecidesInEveryCommunityOfTheStreetAndGetsNotFoundForAnotherStreet() {
            SignedIn streetAdmin = users.with(Role.STREET_ADMIN, home.street());
            long secondOfTheStreet = regions.communityIn(home.street());
            long neighbourCommunity = regions.communityIn(regions.streetIn(home.district()));
            long inStreet = idOf(apply(applicant, secondOfTheStreet, null));
            SignedIn neighbour = users.resident();
            userService.bindPhone(neighbour.id(), "13600003333");
            long outside = idOf(apply(neighbour, neighbourCommunity, null));

            assertThat(get(streetAdmin, "/api/v1/admin/volunteers/applications?status=PENDING"))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().contains((int) inStreet)
                    .doesNotContain((int) outside);
            assertThat(get(streetAdmin, "/api/v1/admin/volunteers/applications?communityId=" + secondOfTheStreet))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) inStreet);
            assertThat(get(streetAdmin, "/api/v1/admin/volunteers/applications?communityId=" + neighbourCommunity))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(0);
            assertThat(approve(streetAdmin, inStreet)).hasStatusOk();
            assertThat(approve(streetAdmin, outside)).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(43004);
            assertThat(jdbc.queryForObject("select status from volunteer_application where id = ?", String.class, outside))
                    .isEqualTo("PENDING");
            assertThat(volunteerRows(neighbour)).isZero();
            assertThat(jdbc.queryForList("select scope_id from user_role where user_id = ? and role = 'VOLUNTEER'",
                    Long.class, applicant.id())).containsExactly(secondOfTheStreet);

            users.grant(neighbour, Role.VOLUNTEER, neighbourCommunity);
            assertThat(get(streetAdmin, "/api/v1/admin/volunteers")).bodyJson().extractingPath("$.data.items[*].userId")
                    .asArray().containsExactly((int) applicant.id());
            assertThat(revoke(streetAdmin, neighbour, neighbourCommunity, "不是本街道")).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(volunteerRows(neighbour)).isEqualTo(1);
            assertThat(revoke(streetAdmin, applicant, secondOfTheStreet, "测试撤销")).hasStatusOk();
            assertThat(volunteerRows(applicant)).isZero();
        }

        @Test
        void aDistrictAdminListsTheVolunteersOfEveryStreetOfTheDistrictAndNoOther() {
            SignedIn districtAdmin = users.with(Role.DISTRICT_ADMIN, home.district());
            long neighbourCommunity = regions.communityIn(regions.streetIn(home.district()));
            SignedIn here = users.with(Role.VOLUNTEER, community);
            SignedIn there = users.with(Role.VOLUNTEER, neighbourCommunity);
            SignedIn outside = users.with(Role.VOLUNTEER, regions.community());

            assertThat(get(districtAdmin, "/api/v1/admin/volunteers")).bodyJson().extractingPath("$.data.items[*].userId")
                    .asArray().containsExactlyInAnyOrder((int) here.id(), (int) there.id()).doesNotContain((int) outside.id());
            assertThat(get(districtAdmin, "/api/v1/admin/volunteers?communityId=" + neighbourCommunity)).bodyJson()
                    .extractingPath("$.data.items[*].userId").asArray().containsExactly((int) there.id());
        }

        @Test
        void tenAdminsDecidingOneApplicationAtOnceMakeExactlyOneDecision() {
            SignedIn fresh = users.resident();
            userService.bindPhone(fresh.id(), "13500004444");
            long id = idOf(apply(fresh, community, null));
            List<SignedIn> admins = Parallel.run(10, 10, i -> users.with(Role.ADMIN, community));

            List<Integer> statuses = Parallel.run(10, 10, i -> (i % 2 == 0 ? approve(admins.get(i), id)
                    : reject(admins.get(i), id, "名额已满")).getResponse().getStatus());

            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(9);
            String status = jdbc.queryForObject("select status from volunteer_application where id = ?", String.class, id);
            assertThat(audit.of("volunteer_application", id)).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from inbox_item where user_id = ? and kind like 'VOLUNTEER_%'",
                    Integer.class, fresh.id())).isEqualTo(1);
            assertThat(volunteerRows(fresh)).isEqualTo("APPROVED".equals(status) ? 1 : 0);
            assertThat(status).isIn("APPROVED", "REJECTED");
        }
    }

    @Nested
    class Volunteers {

        @Test
        void theListShowsTheVolunteersOfTheAdminsCommunitiesWithMaskedPhonesAndSkills() {
            approve(admin, idOf(apply(applicant, community, null)));
            SignedIn withContact = users.resident();
            approve(admin, idOf(apply(withContact, community, "13700005678")));
            SignedIn granted = users.with(Role.VOLUNTEER, community); // before applications existed
            long elsewhere = regions.community();
            SignedIn otherAdmin = users.with(Role.ADMIN, elsewhere);
            approve(otherAdmin, idOf(apply(users.resident(), elsewhere, "13700009999")));

            MvcTestResult list = get(admin, "/api/v1/admin/volunteers?size=50");

            assertThat(list).hasStatusOk().bodyJson().extractingPath("$.data.total").isEqualTo(3);
            assertThat(list).bodyJson().extractingPath("$.data.items[*].userId").asArray()
                    .containsExactlyInAnyOrder((int) applicant.id(), (int) withContact.id(), (int) granted.id());
            assertThat(list).bodyJson().extractingPath("$.data.items[?(@.userId==" + applicant.id() + ")].phone")
                    .asArray().containsExactly("139****5678");
            assertThat(list).bodyJson().extractingPath("$.data.items[?(@.userId==" + withContact.id() + ")].phone")
                    .asArray().containsExactly("137****5678");
            assertThat(list).bodyJson().extractingPath("$.data.items[?(@.userId==" + applicant.id() + ")].skills[*]")
                    .asArray().containsExactly("ELDERLY_CARE", "DIGITAL_HELP");
            assertThat(list).bodyJson().extractingPath("$.data.items[?(@.userId==" + applicant.id() + ")].realName")
                    .asArray().containsExactly("李志愿");
            assertThat(list).bodyJson().extractingPath("$.data.items[?(@.userId==" + granted.id() + ")].applicationId")
                    .asArray().containsExactly((Object) null);
            assertThat(get(otherAdmin, "/api/v1/admin/volunteers")).bodyJson().extractingPath("$.data.total").isEqualTo(1);
            assertThat(get(users.with(Role.ADMIN, regions.community()), "/api/v1/admin/volunteers"))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(0);
        }

        @Test
        void aVolunteerLeavesAndIsNoLongerOne() {
            long id = idOf(apply(applicant, community, null));
            approve(admin, id);

            assertThat(post(applicant, "/api/v1/volunteers/leave", "{\"communityId\":" + community + "}")).hasStatusOk();

            assertThat(volunteerRows(applicant)).isZero();
            assertThat(get(applicant, "/api/v1/volunteers/applications/mine"))
                    .bodyJson().extractingPath("$.data.items[0].status").isEqualTo("LEFT");
            assertThat(get(applicant, "/api/v1/me")).bodyJson().extractingPath("$.data.roles[*].role").asArray()
                    .doesNotContain("VOLUNTEER");
            assertThat(get(admin, "/api/v1/admin/volunteers")).bodyJson().extractingPath("$.data.total").isEqualTo(0);
            assertThat(post(applicant, "/api/v1/volunteers/leave", "{\"communityId\":" + community + "}"))
                    .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(43007);
            assertThat(apply(applicant, community, null)).as("may apply again").hasStatusOk();
        }

        @Test
        void anAdminRevokesWithAReasonTheVolunteerReads() {
            long id = idOf(apply(applicant, community, null));
            approve(admin, id);

            assertThat(revoke(admin, applicant, community, "长期未参加服务")).hasStatusOk();

            assertThat(volunteerRows(applicant)).isZero();
            MvcTestResult mine = get(applicant, "/api/v1/volunteers/applications/mine");
            assertThat(mine).bodyJson().extractingPath("$.data.items[0].status").isEqualTo("REVOKED");
            assertThat(mine).bodyJson().extractingPath("$.data.items[0].reason").isEqualTo("长期未参加服务");
            assertThat(((Number) jdbc.queryForObject("select ended_by from volunteer_application where id = ?", Long.class,
                    id)).longValue()).isEqualTo(admin.id());
            assertThat(audit.of("user", applicant.id())).extracting(AuditLog.Entry::action)
                    .containsExactly("volunteer.revoke");
            assertThat(get(applicant, "/api/v1/inbox")).bodyJson().satisfies(inbox -> {
                assertThat(inbox).extractingPath("$.data.items[0].kind").isEqualTo("VOLUNTEER_REVOKED");
                assertThat(inbox).extractingPath("$.data.items[0].body").asString().contains("长期未参加服务");
            });
            assertThat(revoke(admin, applicant, community, "再次")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(43008);
        }

        @Test
        void aVolunteerOfAnotherCommunityCannotBeRevokedByThisAdmin() {
            long elsewhere = regions.community();
            SignedIn volunteer = users.with(Role.VOLUNTEER, elsewhere);

            assertThat(revoke(admin, volunteer, elsewhere, "不是本社区")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(43008);
            assertThat(revoke(admin, volunteer, community, "不是本社区")).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(volunteerRows(volunteer)).isEqualTo(1);
            assertThat(audit.of("user", volunteer.id())).isEmpty();
        }

        @Test
        void fiveAdminsRevokingOneVolunteerAtOnceRevokeOnce() {
            SignedIn fresh = users.resident();
            userService.bindPhone(fresh.id(), "13500006666");
            approve(admin, idOf(apply(fresh, community, null)));
            List<SignedIn> admins = Parallel.run(5, 5, i -> users.with(Role.ADMIN, community));

            List<Integer> statuses = Parallel.run(5, 5, i -> revoke(admins.get(i), fresh, community, "清退")
                    .getResponse().getStatus());

            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 404)).hasSize(4);
            assertThat(audit.of("user", fresh.id())).hasSize(1);
            assertThat(volunteerRows(fresh)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from inbox_item where user_id = ? and kind = 'VOLUNTEER_REVOKED'",
                    Integer.class, fresh.id())).isEqualTo(1);
        }
    }

    @Nested
    class Lists {

        @Test
        void applicationsForReviewInTwoCommunitiesRunAsManyStatementsForSixAsForOne() {
            SignedIn streetAdmin = users.with(Role.STREET_ADMIN, home.street());
            long second = regions.communityIn(home.street());
            apply(applicant, community, null);
            String uri = "/api/v1/admin/volunteers/applications?status=PENDING";
            List<String> one = statementsOf(uri, streetAdmin);

            for (int i = 0; i < 5; i++) {
                SignedIn another = users.resident();
                userService.bindPhone(another.id(), "1360000000" + i);
                assertThat(apply(another, i % 2 == 0 ? second : community, null)).hasStatusOk();
            }
            List<String> six = statementsOf(uri, streetAdmin);

            assertThat(six).as("1 application: %s%n6 applications: %s", one, six).hasSameSizeAs(one);
            MvcTestResult page = get(streetAdmin, uri);
            assertThat(Http.<List<String>>read(page, "$.data.items[*].phone")).containsExactly("139****5678",
                    "136****0000", "136****0001", "136****0002", "136****0003", "136****0004");
            assertThat(Http.<List<String>>read(page, "$.data.items[*].communityName")).doesNotContainNull();
        }

        @Test
        void volunteersRunAsManyStatementsForSixAsForOne() {
            approve(admin, idOf(apply(applicant, community, null)));
            List<String> one = statementsOf("/api/v1/admin/volunteers", admin);

            for (int i = 0; i < 5; i++) {
                SignedIn another = users.resident();
                approve(admin, idOf(apply(another, community, "1370000000" + i)));
            }
            List<String> six = statementsOf("/api/v1/admin/volunteers", admin);

            assertThat(six).as("1 volunteer: %s%n6 volunteers: %s", one, six).hasSameSizeAs(one);
            MvcTestResult page = get(admin, "/api/v1/admin/volunteers?page=2&size=4");
            assertThat(page).bodyJson().extractingPath("$.data.total").isEqualTo(6);
            assertThat(Http.<List<String>>read(page, "$.data.items[*].phone")).hasSize(2).allMatch(p -> p.contains("****"));
        }

        @Test
        void myApplicationsInSixCommunitiesRunAsManyStatementsAsInOne() {
            apply(applicant, community, null);
            List<String> one = statementsOf("/api/v1/volunteers/applications/mine", applicant);

            for (int i = 0; i < 5; i++) {
                assertThat(apply(applicant, regions.community(), null)).hasStatusOk();
            }
            List<String> six = statementsOf("/api/v1/volunteers/applications/mine", applicant);

            assertThat(six).as("1 application: %s%n6 applications: %s", one, six).hasSameSizeAs(one);
            assertThat(get(applicant, "/api/v1/volunteers/applications/mine")).bodyJson()
                    .extractingPath("$.data.items[0].communityId").isNotEqualTo((int) community);
        }

        private List<String> statementsOf(String uri, SignedIn who) {
            assertThat(get(who, uri)).hasStatusOk();
            return sql.during(() -> assertThat(get(who, uri)).hasStatusOk());
        }
    }

    MvcTestResult apply(SignedIn who, long communityId, String phone) {
        return post(who, "/api/v1/volunteers/applications", body(communityId, "李志愿",
                "[\"DIGITAL_HELP\",\"ELDERLY_CARE\",\"DIGITAL_HELP\"]", "周末上午", phone == null ? null : "\"" + phone + "\""));
    }

    static String body(long communityId, String name, String skills, String availability, String phoneJson) {
        return "{\"communityId\":" + communityId + ",\"realName\":\"" + name + "\",\"skills\":" + skills
                + ",\"availability\":\"" + availability + "\"" + (phoneJson == null ? "" : ",\"phone\":" + phoneJson) + "}";
    }

    MvcTestResult approve(SignedIn who, long id) {
        return mvc.post().uri("/api/v1/admin/volunteers/applications/" + id + "/approve")
                .header("Authorization", who.bearer()).exchange();
    }

    MvcTestResult reject(SignedIn who, long id, String reason) {
        return post(who, "/api/v1/admin/volunteers/applications/" + id + "/reject", "{\"reason\":\"" + reason + "\"}");
    }

    MvcTestResult revoke(SignedIn who, SignedIn volunteer, long communityId, String reason) {
        return post(who, "/api/v1/admin/volunteers/" + volunteer.id() + "/revoke",
                "{\"communityId\":" + communityId + ",\"reason\":\"" + reason + "\"}");
    }

    MvcTestResult post(SignedIn who, String uri, String json) {
        return mvc.post().uri(uri).header("Authorization", who.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    int applicationsOf(SignedIn who) {
        return jdbc.queryForObject("select count(*) from volunteer_application where user_id = ?", Integer.class, who.id());
    }

    int volunteerRows(SignedIn who) {
        return jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = 'VOLUNTEER'",
                Integer.class, who.id());
    }

    static long idOf(MvcTestResult result) {
        return Http.<Number>read(result, "$.data.id").longValue();
    }
}
