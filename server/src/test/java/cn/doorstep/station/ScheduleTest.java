package cn.doorstep.station;

import cn.doorstep.station.hours.DayKind;
import cn.doorstep.station.hours.HolidayPolicy;
import cn.doorstep.station.hours.HoursException;
import cn.doorstep.station.hours.Schedule;
import cn.doorstep.station.hours.WeeklyRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** When a station counts as open: weekly windows, past midnight, exceptions, holidays and 调休. */
class ScheduleTest {

    static final Function<LocalDate, DayKind> PLAIN_DAYS = date -> null;

    // 2026-11-30 is a Monday
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void isOpenInsideAWindowAndClosedAtItsEnd() {
        Schedule s = station(List.of(rule(1, "08:00", "20:00"))).schedule();

        assertThat(s.openAt(MONDAY.atTime(8, 0), PLAIN_DAYS)).isTrue();
        assertThat(s.openAt(MONDAY.atTime(19, 59), PLAIN_DAYS)).isTrue();
        assertThat(s.openAt(MONDAY.atTime(20, 0), PLAIN_DAYS)).isFalse();
        assertThat(s.openAt(MONDAY.atTime(7, 59), PLAIN_DAYS)).isFalse();
        assertThat(s.openAt(MONDAY.plusDays(1).atTime(12, 0), PLAIN_DAYS)).as("no Tuesday window").isFalse();
    }

    @Nested
    class AcrossMidnight {

        final Schedule overnight = station(List.of(rule(5, "20:00", "02:00"))).schedule(); // Friday night

        @Test
        void isOpenLateOnTheDayTheWindowStarts() {
            assertThat(overnight.openAt(friday().atTime(23, 30), PLAIN_DAYS)).isTrue();
        }

        @Test
        void isStillOpenAfterMidnightUntilItCloses() {
            assertThat(overnight.openAt(friday().plusDays(1).atTime(1, 59), PLAIN_DAYS)).isTrue();
            assertThat(overnight.openAt(friday().plusDays(1).atTime(2, 0), PLAIN_DAYS)).isFalse();
        }

        @Test
        void isClosedBeforeTheWindowStarts() {
            assertThat(overnight.openAt(friday().atTime(1, 0), PLAIN_DAYS)).as("Thursday had no window").isFalse();
        }

        @Test
        void allDayRulesJoinIntoRoundTheClock() {
            var allWeek = new java.util.ArrayList<WeeklyRule>();
            for (int d = 1; d <= 7; d++) {
                allWeek.add(rule(d, "00:00", "24:00"));
            }
            Schedule s = station(allWeek).schedule();
            assertThat(s.openAt(MONDAY.atTime(0, 0), PLAIN_DAYS)).isTrue();
            assertThat(s.openAt(MONDAY.atTime(23, 59), PLAIN_DAYS)).isTrue();
        }

        LocalDate friday() {
            return MONDAY.plusDays(4);
        }
    }

    @Nested
    class DatedExceptions {

        @Test
        void aClosedDayOverridesTheWeeklyHours() {
            Schedule s = station(List.of(rule(1, "08:00", "20:00")),
                    List.of(new HoursException(MONDAY, true, null, null, "盘点"))).schedule();

            assertThat(s.openAt(MONDAY.atTime(12, 0), PLAIN_DAYS)).isFalse();
        }

        @Test
        void otherHoursReplaceTheWeeklyOnes() {
            Schedule s = station(List.of(rule(1, "08:00", "20:00")),
                    List.of(new HoursException(MONDAY, false, "13:00", "15:00", null))).schedule();

            assertThat(s.openAt(MONDAY.atTime(9, 0), PLAIN_DAYS)).isFalse();
            assertThat(s.openAt(MONDAY.atTime(14, 0), PLAIN_DAYS)).isTrue();
        }

        @Test
        void anOvernightExceptionRunsIntoTheNextDay() {
            Schedule s = station(List.of(), List.of(new HoursException(MONDAY, false, "22:00", "03:00", "夜间开放")))
                    .schedule();

            assertThat(s.openAt(MONDAY.plusDays(1).atTime(2, 30), PLAIN_DAYS)).isTrue();
        }
    }

    @Nested
    class PublicHolidays {

        // 2026-10-10 (Saturday) is a make-up working day; 2026-10-01 (Thursday) a holiday
        final LocalDate makeUpSaturday = LocalDate.of(2026, 10, 10);
        final LocalDate nationalDay = LocalDate.of(2026, 10, 1);
        final Function<LocalDate, DayKind> calendar = Map.of(makeUpSaturday, DayKind.WORKDAY,
                nationalDay, DayKind.HOLIDAY)::get;
        final List<WeeklyRule> weekdaysOnly = List.of(rule(1, "09:00", "17:00"), rule(2, "09:00", "17:00"),
                rule(3, "09:00", "17:00"), rule(4, "09:00", "17:00"), rule(5, "09:00", "17:00"));

        @Test
        void aMakeUpWorkingDayKeepsMondaysHours() {
            Schedule s = station(weekdaysOnly).schedule();

            assertThat(s.openAt(makeUpSaturday.atTime(10, 0), calendar)).isTrue();
            assertThat(s.openAt(makeUpSaturday.plusDays(7).atTime(10, 0), calendar)).as("a plain Saturday").isFalse();
        }

        @Test
        void aHolidayKeepsSundaysHours() {
            Schedule s = station(weekdaysOnly).schedule();

            assertThat(s.openAt(nationalDay.atTime(10, 0), calendar)).isFalse();
            assertThat(s.openAt(nationalDay.plusDays(7).atTime(10, 0), calendar)).as("a plain Thursday").isTrue();
        }

        @Test
        void aStationIgnoringTheCalendarKeepsItsWeeklyHours() {
            Schedule s = station(weekdaysOnly, List.of(), HolidayPolicy.IGNORE_CALENDAR).schedule();

            assertThat(s.openAt(nationalDay.atTime(10, 0), calendar)).isTrue();
            assertThat(s.openAt(makeUpSaturday.atTime(10, 0), calendar)).isFalse();
        }
    }

    @Test
    void closedTodayByStaffLastsUntilMidnightChinaTime() {
        // set at 2026-11-30 10:00 China time (02:00 UTC)
        Instant setAt = Instant.parse("2026-11-30T02:00:00Z");
        StationDetail closedToday = withLive(station(List.of(rule(1, "00:00", "24:00"), rule(2, "00:00", "24:00"))),
                LiveStatus.CLOSED_TODAY, setAt);

        assertThat(closedToday.schedule().openAt(MONDAY.atTime(12, 0), PLAIN_DAYS)).isFalse();
        assertThat(closedToday.schedule().openAt(MONDAY.plusDays(1).atTime(0, 1), PLAIN_DAYS)).isTrue();
    }

    @Nested
    class ClosedTodayPastMidnight {

        // an evening station, 20:00-02:00 every day; staff close it on Monday at 21:00 China time
        final StationDetail evenings = withLive(station(everyDay("20:00", "02:00")), LiveStatus.CLOSED_TODAY,
                Instant.parse("2026-11-30T13:00:00Z"));

        @Test
        void closesTheWholeEveningIncludingItsSmallHours() {
            Schedule s = evenings.schedule();

            assertThat(s.at(MONDAY.atTime(21, 30), PLAIN_DAYS).open()).isFalse();
            assertThat(s.at(MONDAY.plusDays(1).atTime(0, 30), PLAIN_DAYS).open()).isFalse();
            assertThat(s.at(MONDAY.plusDays(1).atTime(1, 59), PLAIN_DAYS).open()).isFalse();
        }

        @Test
        void theLabelLastsExactlyAsLongAsTheClosure() {
            Schedule s = evenings.schedule();

            assertThat(s.at(MONDAY.plusDays(1).atTime(1, 30), PLAIN_DAYS).closedByStaff()).isTrue();
            assertThat(s.at(MONDAY.plusDays(1).atTime(2, 0), PLAIN_DAYS).closedByStaff()).isFalse();
            assertThat(LiveStatus.CLOSED_TODAY.shown(false)).isEqualTo(LiveStatus.OPEN);
        }

        @Test
        void theNextEveningOpensAsUsual() {
            Schedule.Now tuesdayEvening = evenings.schedule().at(MONDAY.plusDays(1).atTime(20, 30), PLAIN_DAYS);

            assertThat(tuesdayEvening.open()).isTrue();
            assertThat(tuesdayEvening.closedByStaff()).isFalse();
        }

        @Test
        void setInTheSmallHoursItClosesAtOnceAndForThatDatesEvening() {
            // closed on Monday at 01:00 China time (Sunday 17:00 UTC), during Sunday's evening
            StationDetail setAtOne = withLive(station(everyDay("20:00", "02:00")), LiveStatus.CLOSED_TODAY,
                    Instant.parse("2026-11-29T17:00:00Z"));

            assertThat(setAtOne.schedule().at(MONDAY.atTime(1, 30), PLAIN_DAYS).open()).isFalse();
            assertThat(setAtOne.schedule().at(MONDAY.atTime(20, 30), PLAIN_DAYS).open()).isFalse();
            assertThat(setAtOne.schedule().at(MONDAY.plusDays(1).atTime(20, 30), PLAIN_DAYS).open()).isTrue();
        }

        static List<WeeklyRule> everyDay(String opens, String closes) {
            var rules = new java.util.ArrayList<WeeklyRule>();
            for (int d = 1; d <= 7; d++) {
                rules.add(rule(d, opens, closes));
            }
            return rules;
        }
    }

    @Test
    void busyAndFullStationsStayOpen() {
        StationDetail full = withLive(station(List.of(rule(1, "08:00", "20:00"))), LiveStatus.FULL,
                Instant.parse("2026-11-30T02:00:00Z"));

        assertThat(full.schedule().openAt(LocalDateTime.of(MONDAY, java.time.LocalTime.NOON), PLAIN_DAYS)).isTrue();
    }

    static WeeklyRule rule(int day, String opens, String closes) {
        return new WeeklyRule(day, opens, closes);
    }

    static StationDetail station(List<WeeklyRule> weekly) {
        return station(weekly, List.of());
    }

    static StationDetail station(List<WeeklyRule> weekly, List<HoursException> exceptions) {
        return station(weekly, exceptions, HolidayPolicy.FOLLOW_CALENDAR);
    }

    static StationDetail station(List<WeeklyRule> weekly, List<HoursException> exceptions, HolidayPolicy policy) {
        return new StationDetail(1, "测试站", Set.of(StationKind.WARM), null, 1, "地址", 43.8, 126.5, null, null,
                List.of(), Set.of(), Audience.PUBLIC, weekly, policy, exceptions, LiveStatus.OPEN, null, null,
                StationStatus.ACTIVE, 0);
    }

    static StationDetail withLive(StationDetail s, LiveStatus status, Instant at) {
        return new StationDetail(s.id(), s.name(), s.kinds(), s.serviceLevel(), s.communityId(), s.address(), s.lat(),
                s.lng(), s.phone(), s.intro(), s.photos(), s.amenities(), s.audience(), s.weeklyHours(),
                s.holidayPolicy(), s.exceptions(), status, null, at, s.status(), s.version());
    }
}
