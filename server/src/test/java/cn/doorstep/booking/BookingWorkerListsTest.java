package cn.doorstep.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.station.StationKind;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestUsers.SignedIn;
import cn.doorstep.support.Workbooks;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What staff and admins run a day of bookings from, over HTTP: a slot's waitlist, looking a resident
 * without a code up and checking them in, and the admin's list and 台账 of bookings in their scope.
 */
@IntegrationTest
class BookingWorkerListsTest extends BookingTestSupport {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @BeforeEach
    void setUp() {
        setUpStation();
    }

    @Nested
    class Waitlists {

        @Test
        void staffSeeASlotsWaitlistInOrderWithMaskedPhones() {
            long slot = slot(service(1), TOMORROW, 0);
            assertThat(book(users.resident(), slot)).hasStatusOk();
            SignedIn first = resident("先来", "13900001111");
            SignedIn second = resident("后到", "13900002222");
            assertThat(joinWaitlist(first, slot)).hasStatusOk();
            assertThat(joinWaitlist(second, slot)).hasStatusOk();

            MvcTestResult line = get(staff, "/api/v1/staff/slots/" + slot + "/waitlist");

            assertThat(line).hasStatusOk();
            assertThat(Http.<List<Number>>read(line, "$.data.items[*].userId")).extracting(Number::longValue)
                    .containsExactly(first.id(), second.id());
            assertThat(Http.<List<Integer>>read(line, "$.data.items[*].place")).containsExactly(1, 2);
            assertThat(Http.<String>read(line, "$.data.items[0].phone")).isEqualTo("139****1111");
            assertThat(Http.<String>read(line, "$.data.items[0].status")).isEqualTo("WAITING");
            assertThat(Http.<Integer>read(line, "$.data.total")).isEqualTo(2);
        }

        @Test
        void staffOfAnotherStationAndUnknownSlotsAreRefused() {
            long slot = slot(service(1), TOMORROW, 0);
            long elsewhere = stations.at(regions.community(), 43.9, 126.6).kinds(StationKind.SERVICE).create().id();

            assertThat(get(users.with(Role.STAFF, elsewhere), "/api/v1/staff/slots/" + slot + "/waitlist"))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(50024);
            assertThat(get(staff, "/api/v1/staff/slots/987654321/waitlist")).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get(users.resident(), "/api/v1/staff/slots/" + slot + "/waitlist"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Nested
    class CheckInWithoutACode {

        @Test
        void staffFindTodaysBookingByThePhonesLastFourOrTheNicknameAndCheckItInAudited() {
            long service = service(5);
            long today = slot(service, TODAY, 0); // 09:00, an hour from now
            SignedIn aunt = resident("王阿姨", "13812341234");
            SignedIn uncle = resident("李叔", "13800005678");
            long hers = id(book(aunt, today));
            assertThat(book(uncle, today)).hasStatusOk();
            assertThat(book(resident("王阿姨", "13812341234"), slot(service, TOMORROW, 0))).hasStatusOk();

            MvcTestResult byPhone = get(staff, "/api/v1/staff/bookings/lookup?stationId=" + station + "&q=1234");
            assertThat(byPhone).hasStatusOk();
            assertThat(Http.<List<Number>>read(byPhone, "$.data.items[*].bookingId")).extracting(Number::longValue)
                    .containsExactly(hers);
            assertThat(Http.<String>read(byPhone, "$.data.items[0].phone")).isEqualTo("138****1234");
            assertThat(Http.body(byPhone)).doesNotContain("13812341234");
            assertThat(Http.<List<Number>>read(get(staff, "/api/v1/staff/bookings/lookup?stationId=" + station
                    + "&q=王"), "$.data.items[*].bookingId")).extracting(Number::longValue).containsExactly(hers);

            assertThat(post(staff, "/api/v1/staff/bookings/" + hers + "/check-in")).hasStatusOk().bodyJson()
                    .extractingPath("$.data.status").isEqualTo("CHECKED_IN");

            assertThat(jdbc.queryForObject("select status from booking where id = ?", String.class, hers))
                    .isEqualTo("CHECKED_IN");
            Map<String, Object> audit = jdbc.queryForMap("select actor_id, community_id from audit_log where "
                    + "action = 'booking.check-in.lookup' and target_id = ?", String.valueOf(hers));
            assertThat(audit.get("actor_id")).isEqualTo(staff.id());
            assertThat(audit.get("community_id")).isEqualTo(community);
            assertThat(post(staff, "/api/v1/staff/bookings/" + hers + "/check-in")).hasStatus(HttpStatus.CONFLICT)
                    .bodyJson().extractingPath("$.code").isEqualTo(50014);
            assertThat(Http.<Integer>read(get(staff, "/api/v1/staff/bookings/lookup?stationId=" + station + "&q=1234"),
                    "$.data.total")).isZero();
        }

        @Test
        void tenStaffCheckingOneResidentInAtOnceByLookupAndByCodeCheckItInExactlyOnce() {
            long today = slot(service(5), TODAY, 0);
            long booking = id(book(resident("王阿姨", "13812341234"), today));
            String code = jdbc.queryForObject("select code from booking where id = ?", String.class, booking);
            List<SignedIn> desk = Parallel.run(10, 10, i -> users.with(Role.STAFF, station));

            List<String> outcomes = Parallel.run(10, 10, i -> outcome(i % 2 == 0
                    ? post(desk.get(i), "/api/v1/staff/bookings/" + booking + "/check-in")
                    : checkIn(desk.get(i), code)));

            assertThat(outcomes).filteredOn("200"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("409 50014"::equals).hasSize(9);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where target_type = 'booking' and "
                    + "target_id = ? and action like 'booking.check-in%'", Integer.class, String.valueOf(booking)))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select status from booking where id = ?", String.class, booking))
                    .isEqualTo("CHECKED_IN");
        }

        @Test
        void staffOfAnotherStationNeitherFindNorCheckInTheBooking() {
            long today = slot(service(5), TODAY, 0);
            long booking = id(book(resident("王阿姨", "13812341234"), today));
            SignedIn other = users.with(Role.STAFF, stations.at(community, 43.9, 126.6).kinds(StationKind.SERVICE)
                    .create().id());

            assertThat(get(other, "/api/v1/staff/bookings/lookup?stationId=" + station + "&q=1234"))
                    .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo(50015);
            assertThat(post(other, "/api/v1/staff/bookings/" + booking + "/check-in")).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyJson().extractingPath("$.code").isEqualTo(50004);
            assertThat(get(staff, "/api/v1/staff/bookings/lookup?stationId=" + station)).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("q");
            assertThat(jdbc.queryForObject("select status from booking where id = ?", String.class, booking))
                    .isEqualTo("BOOKED");
        }
    }

    @Nested
    class OnBehalfOfAResidentWithoutAPhone {

        @Test
        void aGridHeadBooksForAResidentOfTheirGridOnceAuditedAndTheBookingIsTheResidents() {
            long slot = slot(service(5), TOMORROW, 0);
            long grid = grid("一网格");
            SignedIn head = users.with(Role.GRID_HEAD, grid);
            SignedIn resident = users.resident();
            jdbc.update("update app_user set community_id = ?, grid_id = ? where id = ?", community, grid, resident.id());
            String key = key();

            MvcTestResult booked = bookFor(head, resident.id(), slot, key);

            assertThat(booked).hasStatusOk();
            long booking = id(booked);
            assertThat(jdbc.queryForObject("select user_id from booking where id = ?", Long.class, booking))
                    .isEqualTo(resident.id());
            assertThat(ids(get(resident, "/api/v1/bookings/mine"))).containsExactly(booking);
            Map<String, Object> audit = jdbc.queryForMap("select actor_id, community_id from audit_log where "
                    + "action = 'booking.on-behalf' and target_id = ?", String.valueOf(booking));
            assertThat(audit.get("actor_id")).isEqualTo(head.id());
            assertThat(audit.get("community_id")).isEqualTo(community);
            assertThat(id(bookFor(head, resident.id(), slot, key))).isEqualTo(booking);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'booking.on-behalf' and "
                    + "target_id = ?", Integer.class, String.valueOf(booking))).isEqualTo(1);
            assertThat(bookFor(head, resident.id(), slot, key())).hasStatus(HttpStatus.CONFLICT).bodyJson()
                    .extractingPath("$.code").isEqualTo(50006);
            assertThat(booked(slot)).isEqualTo(1);
        }

        @Test
        void gridHeadsAndTheResidentBookingOneSlotAtOnceMakeExactlyOneBooking() {
            long slot = slot(service(5), TOMORROW, 0);
            long grid = grid("一网格");
            SignedIn resident = users.resident();
            jdbc.update("update app_user set community_id = ?, grid_id = ? where id = ?", community, grid, resident.id());
            List<SignedIn> heads = Parallel.run(5, 5, i -> users.with(Role.GRID_HEAD, grid));

            List<String> outcomes = Parallel.run(10, 10, i -> outcome(i < 5
                    ? bookFor(heads.get(i), resident.id(), slot, key()) : book(resident, slot)));

            assertThat(outcomes).filteredOn("200"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.equals("200")).containsOnly("409 50006");
            assertThat(activeBookings(slot)).isEqualTo(1);
            assertThat(booked(slot)).isEqualTo(1);
            Long winner = jdbc.queryForObject("select id from booking where slot_id = ? and active_key = 1", Long.class,
                    slot);
            int audited = jdbc.queryForObject("select count(*) from audit_log where action = 'booking.on-behalf' and "
                    + "target_id = ?", Integer.class, String.valueOf(winner));
            assertThat(audited).isEqualTo(outcomes.indexOf("200") < 5 ? 1 : 0);
        }

        @Test
        void aResidentOfAnotherGridIsNotFoundAndNothingIsBooked() {
            long slot = slot(service(5), TOMORROW, 0);
            SignedIn head = users.with(Role.GRID_HEAD, grid("一网格"));
            SignedIn elsewhere = users.resident();
            jdbc.update("update app_user set community_id = ?, grid_id = ? where id = ?", community, grid("二网格"),
                    elsewhere.id());

            assertThat(bookFor(head, elsewhere.id(), slot, key())).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                    .extractingPath("$.code").isEqualTo(50027);
            assertThat(bookFor(head, users.resident().id(), slot, key())).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.post().uri("/api/v1/grid/bookings").header("Authorization", users.resident().bearer())
                    .header("Idempotency-Key", key()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"residentId\":" + elsewhere.id() + ",\"slotId\":" + slot + "}").exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(activeBookings(slot)).isZero();
        }

        private long grid(String name) {
            jdbc.update("insert into grid (community_id, name) values (?, ?)", community, name);
            return jdbc.queryForObject("select id from grid where community_id = ? and name = ?", Long.class, community,
                    name);
        }

        private MvcTestResult bookFor(SignedIn head, long residentId, long slot, String key) {
            return mvc.post().uri("/api/v1/grid/bookings").header("Authorization", head.bearer())
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"residentId\":" + residentId + ",\"slotId\":" + slot + "}").exchange();
        }
    }

    @Nested
    class ForAdmins {

        @Test
        void anAdminListsAndExportsTheBookingsOfTheirStationsWithFilters() {
            long service = service(5);
            SignedIn aunt = resident("=王阿姨", "13812341234");
            long tomorrow = id(book(aunt, slot(service, TOMORROW, 0)));
            long today = id(book(users.resident(), slot(service, TODAY, 0)));
            SignedIn canceller = users.resident();
            long cancelled = id(book(canceller, slot(service, TOMORROW, 1)));
            assertThat(cancel(canceller, cancelled)).hasStatusOk();

            String list = "/api/v1/admin/bookings?communityId=" + community;
            assertThat(ids(get(admin, list))).containsExactly(cancelled, tomorrow, today);
            assertThat(ids(get(admin, list + "&status=CANCELLED"))).containsExactly(cancelled);
            assertThat(ids(get(admin, list + "&from=2026-12-03"))).containsExactly(cancelled, tomorrow);
            assertThat(ids(get(admin, list + "&to=2026-12-02&stationId=" + station))).containsExactly(today);
            MvcTestResult one = get(admin, list + "&status=BOOKED&from=2026-12-03");
            assertThat(Http.<String>read(one, "$.data.items[0].holder.phone")).isEqualTo("138****1234");
            assertThat(Http.<String>read(one, "$.data.items[0].title")).isEqualTo("义务理发");
            String code = jdbc.queryForObject("select code from booking where id = ?", String.class, tomorrow);
            assertThat(Http.body(one)).doesNotContain(code);

            List<List<String>> rows = Workbooks.rows(get(admin, "/api/v1/admin/bookings/export?from=2026-12-03"));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).startsWith("编号", "站点", "社区编号", "项目", "开始");
            assertThat(rows.get(1).get(0)).isEqualTo(String.valueOf(tomorrow));
            assertThat(rows.get(1).get(1)).isEqualTo("测试党群服务站");
            assertThat(rows.get(1).get(4)).isEqualTo("2026-12-03 09:00:00");
            assertThat(rows.get(1).get(7)).isEqualTo("'=王阿姨");
            assertThat(rows.get(1).get(8)).isEqualTo("138****1234");
            assertThat(rows.get(2).get(9)).isEqualTo("CANCELLED");
        }

        @Test
        void aServiceTheStaffCreateIsAuditedInItsCommunityAndReadByItsAdminOnly() {
            long service = service(5);
            String query = "/api/v1/admin/audit?targetType=booking_service&targetId=" + service;

            MvcTestResult read = get(admin, query);

            assertThat(Http.<List<String>>read(read, "$.data.items[*].action")).containsExactly("booking.service.create");
            assertThat(Http.<Number>read(read, "$.data.items[0].communityId").longValue()).isEqualTo(community);
            assertThat(Http.<Number>read(read, "$.data.items[0].actorId").longValue()).isEqualTo(staff.id());
            assertThat(Http.<Integer>read(get(users.with(Role.ADMIN, regions.community()), query), "$.data.total"))
                    .isZero();
        }

        @Test
        void aStreetAdminSeesTheirStreetsBookingsAndNoneOfTheNeighbouringStreet() {
            long street = jdbc.queryForObject("select street_id from community where id = ?", Long.class, community);
            long district = jdbc.queryForObject("select district_id from street where id = ?", Long.class, street);
            long mine = id(book(users.resident(), slot(service(5), TOMORROW, 0)));
            long neighbourCommunity = regions.communityIn(regions.streetIn(district));
            long neighbourStation = stations.at(neighbourCommunity, 43.86, 126.56).kinds(StationKind.SERVICE).create().id();
            station = neighbourStation;
            staff = users.with(Role.STAFF, neighbourStation);
            long theirs = id(book(users.resident(), slot(service(5), TOMORROW, 0)));
            SignedIn streetAdmin = users.with(Role.STREET_ADMIN, street);

            assertThat(ids(get(streetAdmin, "/api/v1/admin/bookings"))).containsExactly(mine);
            assertThat(ids(get(streetAdmin, "/api/v1/admin/bookings?stationId=" + neighbourStation))).isEmpty();
            assertThat(Workbooks.rows(get(streetAdmin, "/api/v1/admin/bookings/export?communityId="
                    + neighbourCommunity))).hasSize(1);
            assertThat(ids(get(users.with(Role.DISTRICT_ADMIN, district), "/api/v1/admin/bookings")))
                    .containsExactlyInAnyOrder(mine, theirs);
        }
    }

    private SignedIn resident(String nickname, String phone) {
        SignedIn who = users.resident();
        jdbc.update("update app_user set nickname = ?, phone = ? where id = ?", nickname, phone, who.id());
        return who;
    }

    private MvcTestResult get(SignedIn who, String uri) {
        return mvc.get().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    private MvcTestResult post(SignedIn who, String uri) {
        return mvc.post().uri(uri).header("Authorization", who.bearer()).exchange();
    }

    private static List<Long> ids(MvcTestResult reply) {
        assertThat(reply).hasStatusOk();
        List<Number> ids = Http.read(reply, "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
