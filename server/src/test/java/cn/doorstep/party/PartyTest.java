package cn.doorstep.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.Role;
import cn.doorstep.media.MediaService;
import cn.doorstep.support.Http;
import cn.doorstep.support.Inboxes;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.SqlStatements;
import cn.doorstep.support.TestImages;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.wechat.WeChatClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

/** 双报到: units, members registering and confirmed by their community, their service by month for the unit. */
@IntegrationTest
class PartyTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    MediaService media;
    @Autowired
    WeChatClient weChatClient;
    @Autowired
    MutableClock clock;
    @Autowired
    SqlStatements sql;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    long community;
    SignedIn platform;
    SignedIn admin;
    SignedIn member;
    long unit;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        community = regions.community();
        platform = users.with(Role.PLATFORM);
        admin = users.with(Role.ADMIN, community);
        member = users.resident();
        unit = idOf(createUnit("吉林市测试局" + UUID.randomUUID().toString().substring(0, 6), community));
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Nested
    class Units {

        @Test
        void theCityAdminCreatesAUnitListedForTheCommunitiesItServes() {
            long other = regions.community();

            assertThat(mvc.get().uri("/api/v1/party/units?communityId=" + community).header("Authorization", member.bearer()))
                    .bodyJson().extractingPath("$.data.items[*].id").asArray().containsExactly((int) unit);
            assertThat(mvc.get().uri("/api/v1/party/units?communityId=" + other).header("Authorization", member.bearer()))
                    .bodyJson().extractingPath("$.data.items").asArray().isEmpty();
            assertThat(mvc.put().uri("/api/v1/admin/party/units/" + unit + "/communities").header("Authorization", platform.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"communityIds\":[" + community + "," + other + "]}"))
                    .hasStatusOk().bodyJson().extractingPath("$.data.communityIds").asArray().hasSize(2);
            assertThat(jdbc.queryForObject("select count(*) from party_unit_community where unit_id = ?", Integer.class, unit))
                    .isEqualTo(2);
        }

        @Test
        void aCommunityAdminCannotCreateUnits() {
            assertThat(mvc.post().uri("/api/v1/admin/party/units").header("Authorization", admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"某局\",\"communityIds\":[]}"))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(42008);
            assertThat(jdbc.queryForObject("select count(*) from party_unit where name = '某局'", Integer.class)).isZero();
        }
    }

    @Nested
    class Registration {

        @Test
        void aMemberRegistersAndTheCommunityAdminConfirmsOnceAudited() {
            long id = idOf(register(member, unit));
            assertThat(mvc.get().uri("/api/v1/party/registrations/mine").header("Authorization", member.bearer()))
                    .bodyJson().extractingPath("$.data.status").isEqualTo("PENDING");

            int seen = listedVersion(admin, id);
            assertThat(review(admin, id, "confirm", version(seen))).hasStatusOk().bodyJson().extractingPath("$.data.status")
                    .isEqualTo("CONFIRMED");
            assertThat(review(admin, id, "confirm", version(seen + 1))).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(42006);
            assertThat(jdbc.queryForObject("select status from party_registration where id = ?", String.class, id))
                    .isEqualTo("CONFIRMED");
            assertThat(audit.of("party_registration", id)).extracting(AuditLog.Entry::action).containsExactly("party.confirm");
            assertThat(register(member, unit)).as("a confirmed registration stays").hasStatus(HttpStatus.CONFLICT);
            assertThat(Inboxes.of(mvc, member, "PARTY_CONFIRMED")).as("one notice, not one per attempt").singleElement()
                    .satisfies(notice -> assertThat(notice.get("title")).isEqualTo("双报到已确认"));
        }

        @Test
        void aRejectedMemberReadsTheReasonAndMayRegisterAgain() {
            long id = idOf(register(member, unit));

            assertThat(review(admin, id, "reject", "{\"version\":" + listedVersion(admin, id) + ",\"reason\":\"单位名称有误\"}"))
                    .hasStatusOk()
                    .bodyJson().extractingPath("$.data.rejectReason").isEqualTo("单位名称有误");
            assertThat(Inboxes.of(mvc, member, "PARTY_REJECTED")).singleElement().satisfies(notice -> assertThat(
                    notice.get("body")).asString().contains("单位名称有误"));
            assertThat(register(member, unit)).hasStatusOk().bodyJson().extractingPath("$.data.status").isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("select reject_reason from party_registration where id = ?", String.class, id))
                    .isNull();
        }

        @Test
        void anAdminOfAnotherCommunityDoesNotSeeTheRegistration() {
            long id = idOf(register(member, unit));
            SignedIn otherAdmin = users.with(Role.ADMIN, regions.community());

            assertThat(review(otherAdmin, id, "confirm", version(0))).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/api/v1/admin/party/registrations").header("Authorization", otherAdmin.bearer()))
                    .bodyJson().extractingPath("$.data.total").isEqualTo(0);
        }

        @Test
        void aConfirmDecidesTheVersionTheAdminReadAndAResubmissionInBetweenIs409() {
            long otherUnit = idOf(createUnit("另一单位" + UUID.randomUUID().toString().substring(0, 6), community));
            long id = idOf(register(member, unit));
            int seen = listedVersion(admin, id);
            assertThat(register(member, otherUnit)).as("the member corrects it meanwhile").hasStatusOk();

            assertThat(review(admin, id, "confirm", version(seen))).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(42010);
            assertThat(jdbc.queryForObject("select status from party_registration where id = ?", String.class, id))
                    .isEqualTo("PENDING");
            assertThat(audit.of("party_registration", id)).isEmpty();

            int current = listedVersion(admin, id);
            assertThat(current).isGreaterThan(seen);
            assertThat(review(admin, id, "confirm", version(current))).hasStatusOk()
                    .bodyJson().extractingPath("$.data.unitId").isEqualTo((int) otherUnit);
            assertThat(jdbc.queryForObject("select status from party_registration where id = ?", String.class, id))
                    .isEqualTo("CONFIRMED");
        }

        @Test
        void aRejectAlsoDecidesOnlyTheVersionTheAdminRead() {
            long id = idOf(register(member, unit));
            int seen = listedVersion(admin, id);
            register(member, unit); // sent again, unchanged: still a new version to read

            assertThat(review(admin, id, "reject", "{\"version\":" + seen + ",\"reason\":\"单位名称有误\"}"))
                    .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo(42010);
            assertThat(jdbc.queryForObject("select reject_reason from party_registration where id = ?", String.class, id))
                    .isNull();
        }

        @Test
        void aConfirmWithoutTheVersionNamesTheField() {
            long id = idOf(register(member, unit));

            assertThat(review(admin, id, "confirm", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("version");
            assertThat(jdbc.queryForObject("select status from party_registration where id = ?", String.class, id))
                    .isEqualTo("PENDING");
        }

        @Test
        void anUnknownUnitNamesTheField() {
            assertThat(register(member, 987654321L)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("unitId");
        }
    }

    @Nested
    class Service {

        @Test
        void aConfirmedMemberClaimsAWishAndTheUnitSeesTheServiceByMonthAndAsCsv() throws Exception {
            long registration = idOf(register(member, unit));
            review(admin, registration, "confirm", version(listedVersion(admin, registration)));
            SignedIn poster = users.resident();
            long wish = fulfilledAndConfirmedBy(member, poster);
            SignedIn unitAdmin = users.with(Role.UNIT_ADMIN, unit);

            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from party_service where wish_id = ?", Integer.class, wish) == 1);

            MvcTestResult report = mvc.get().uri("/api/v1/unit/" + unit + "/service?month=2026-12")
                    .header("Authorization", unitAdmin.bearer()).exchange();
            assertThat(report).hasStatusOk().bodyJson().extractingPath("$.data.members[0].realName").isEqualTo("李党员");
            assertThat(report).bodyJson().extractingPath("$.data.members[0].wishesFulfilled").isEqualTo(1);
            assertThat(report).bodyJson().extractingPath("$.data.members[0].hours").isEqualTo(1.5);
            assertThat(report).bodyJson().extractingPath("$.data.members[0].averageRating").isEqualTo(4.0);
            assertThat(mvc.get().uri("/api/v1/unit/" + unit + "/service?month=2026-11").header("Authorization",
                    unitAdmin.bearer())).bodyJson().extractingPath("$.data.members[0].wishesFulfilled").isEqualTo(0);

            MvcTestResult csv = mvc.get().uri("/api/v1/unit/" + unit + "/service.csv?month=2026-12")
                    .header("Authorization", unitAdmin.bearer()).exchange();
            assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
            String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF单位,月份,姓名").contains("\"李党员\"," + member.id() + ",1,1.5,4.0");
        }

        @Test
        void anotherUnitsAdminAndResidentsSeeNothing() {
            SignedIn otherUnitAdmin = users.with(Role.UNIT_ADMIN, idOf(createUnit("别的单位" + UUID.randomUUID(), community)));

            assertThat(mvc.get().uri("/api/v1/unit/" + unit + "/service?month=2026-12").header("Authorization",
                    otherUnitAdmin.bearer())).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.code").isEqualTo(42002);
            assertThat(mvc.get().uri("/api/v1/unit/" + unit + "/service?month=2026-12").header("Authorization",
                    member.bearer())).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/api/v1/unit/" + unit + "/service?month=202612").header("Authorization",
                    users.with(Role.UNIT_ADMIN, unit).bearer())).hasStatus(HttpStatus.BAD_REQUEST);
        }

        @Test
        void aMemberNotYetConfirmedCannotClaim() {
            register(member, unit);
            SignedIn poster = users.resident();
            long wish = openWish(poster);

            assertThat(mvc.post().uri("/api/v1/wishes/" + wish + "/claim").header("Authorization", member.bearer())
                    .header("Idempotency-Key", UUID.randomUUID().toString())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(40006);
            assertThat(jdbc.queryForMap("select status, claimer_id from wish where id = ?", wish))
                    .containsEntry("status", "OPEN").containsEntry("claimer_id", null);
        }

        /** The member (no VOLUNTEER role) claims, fulfils with 1.5 hours, and the poster rates it 4. */
        long fulfilledAndConfirmedBy(SignedIn claimer, SignedIn poster) {
            long wish = openWish(poster);
            assertThat(mvc.post().uri("/api/v1/wishes/" + wish + "/claim").header("Authorization", claimer.bearer())
                    .header("Idempotency-Key", UUID.randomUUID().toString())).hasStatusOk();
            String photo = media.store(claimer.id(), TestImages.png(4, 4)).url();
            assertThat(mvc.post().uri("/api/v1/wishes/" + wish + "/fulfil").header("Authorization", claimer.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"note\":\"陪同就医\",\"photos\":[\"" + photo + "\"],\"hours\":1.5}")).hasStatusOk();
            assertThat(mvc.post().uri("/api/v1/wishes/" + wish + "/confirm").header("Authorization", poster.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":4}")).hasStatusOk();
            return wish;
        }

        long openWish(SignedIn poster) {
            weChat.reset();
            weChat.accessToken();
            weChat.contentCheck("pass");
            for (int i = 0; i < 10 && weChatClient.checkText("o-warm-up", 3, "a", "b").verdict()
                    == WeChatClient.Verdict.UNAVAILABLE; i++) {
                // a cold WxJava client on a busy machine: wait until WireMock answers in time
            }
            MvcTestResult posted = mvc.post().uri("/api/v1/wishes").header("Authorization", poster.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"title":"陪同就医","text":"周三上午需要有人陪同去医院复查。","category":"ELDERLY_CARE",
                             "communityId":%d,"contactName":"赵大爷","contactPhone":"13511112222","address":"7号楼302"}
                            """.formatted(community)).exchange();
            assertThat(posted).bodyJson().extractingPath("$.data.status").isEqualTo("OPEN");
            return idOf(posted);
        }
    }

    @Nested
    class UnitAdmins {

        @Test
        void thePlatformAdminMakesAUserAUnitAdminWhoThenReadsTheUnitsServiceAudited() {
            SignedIn head = users.resident();
            assertThat(mvc.get().uri("/api/v1/unit/" + unit + "/service?month=2026-12").header("Authorization",
                    head.bearer())).as("not yet").hasStatus(HttpStatus.FORBIDDEN);

            assertThat(grantUnitAdmin(platform, unit, head.id())).hasStatusOk();

            assertThat(jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = 'UNIT_ADMIN' "
                    + "and scope_id = ?", Integer.class, head.id(), unit)).isEqualTo(1);
            assertThat(mvc.get().uri("/api/v1/unit/" + unit + "/service?month=2026-12").header("Authorization",
                    head.bearer())).hasStatusOk().bodyJson().extractingPath("$.data.unitId").isEqualTo((int) unit);
            assertThat(audit.of("user", head.id())).extracting(AuditLog.Entry::action).containsExactly("party.unit-admin");
        }

        @Test
        void onlyThePlatformAdminGrantsItAndOnlyForAUnitAndAUserThatExist() {
            SignedIn head = users.resident();

            assertThat(grantUnitAdmin(admin, unit, head.id())).hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson().extractingPath("$.code").isEqualTo(42008);
            assertThat(grantUnitAdmin(platform, 987654321L, head.id())).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(grantUnitAdmin(platform, unit, 987654321L)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("userId");

            assertThat(jdbc.queryForObject("select count(*) from user_role where role = 'UNIT_ADMIN' and scope_id = ?",
                    Integer.class, unit)).isZero();
        }

        private MvcTestResult grantUnitAdmin(SignedIn by, long unitId, long userId) {
            return mvc.post().uri("/api/v1/admin/party/units/" + unitId + "/admins").header("Authorization", by.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":" + userId + "}").exchange();
        }
    }

    /** Lists read units and their communities in one statement per kind, however many rows, and are paged. */
    @Nested
    class Lists {

        @Test
        void theUnitsOfACommunityRunAsManyStatementsForSixUnitsAsForOneAndArePaged() {
            long other = regions.community();
            String uri = "/api/v1/party/units?communityId=" + community;
            List<String> one = statementsOf(uri, member);

            for (int i = 0; i < 5; i++) {
                mvc.put().uri("/api/v1/admin/party/units/" + idOf(createUnit("名单单位" + i + UUID.randomUUID(), community))
                        + "/communities").header("Authorization", platform.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityIds\":[" + community + "," + other + "]}").exchange();
            }
            List<String> six = statementsOf(uri, member);

            assertThat(six).as("1 unit: %s%n6 units: %s", one, six).hasSameSizeAs(one);
            MvcTestResult page = mvc.get().uri(uri + "&page=2&size=4").header("Authorization", member.bearer()).exchange();
            assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
            assertThat(Http.<List<List<Integer>>>read(page, "$.data.items[*].communityIds"))
                    .containsExactly(List.of((int) Math.min(community, other), (int) Math.max(community, other)),
                            List.of((int) Math.min(community, other), (int) Math.max(community, other)));
        }

        @Test
        void registrationsForReviewRunAsManyStatementsForSixAsForOne() {
            register(member, unit);
            String uri = "/api/v1/admin/party/registrations?status=PENDING";
            List<String> one = statementsOf(uri, admin);

            for (int i = 0; i < 5; i++) {
                long another = idOf(createUnit("审核单位" + i + UUID.randomUUID(), community));
                assertThat(register(users.resident(), another)).hasStatusOk();
            }
            List<String> six = statementsOf(uri, admin);

            assertThat(six).as("1 registration: %s%n6 registrations: %s", one, six).hasSameSizeAs(one);
            MvcTestResult page = mvc.get().uri(uri).header("Authorization", admin.bearer()).exchange();
            assertThat(Http.<Integer>read(page, "$.data.total")).isEqualTo(6);
            assertThat(Http.<List<String>>read(page, "$.data.items[*].unitName")).hasSize(6).doesNotContainNull()
                    .doesNotHaveDuplicates();
        }

        private List<String> statementsOf(String uri, SignedIn who) {
            assertThat(mvc.get().uri(uri).header("Authorization", who.bearer())).hasStatusOk();
            return sql.during(() -> assertThat(mvc.get().uri(uri).header("Authorization", who.bearer())).hasStatusOk());
        }
    }

    MvcTestResult createUnit(String name, long communityId) {
        return mvc.post().uri("/api/v1/admin/party/units").header("Authorization", platform.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"communityIds\":[" + communityId + "]}").exchange();
    }

    MvcTestResult register(SignedIn who, long unitId) {
        return mvc.post().uri("/api/v1/party/registrations").header("Authorization", who.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityId\":" + community + ",\"unitId\":" + unitId + ",\"realName\":\"李党员\"}").exchange();
    }

    MvcTestResult review(SignedIn by, long id, String action, String body) {
        var request = mvc.post().uri("/api/v1/admin/party/registrations/" + id + "/" + action).header("Authorization", by.bearer());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    /** The registration's version as the admin reads it in their list. */
    int listedVersion(SignedIn by, long id) {
        List<Integer> versions = Http.read(mvc.get().uri("/api/v1/admin/party/registrations?size=50")
                .header("Authorization", by.bearer()).exchange(), "$.data.items[?(@.id == " + id + ")].version");
        assertThat(versions).hasSize(1);
        return versions.get(0);
    }

    static String version(int version) {
        return "{\"version\":" + version + "}";
    }

    static long idOf(MvcTestResult reply) {
        Number id = Http.read(reply, "$.data.id");
        return id.longValue();
    }
}
