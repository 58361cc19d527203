package cn.doorstep.schedule.activity;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Failures;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.schedule.BookingAudience;
import cn.doorstep.schedule.Managers;
import cn.doorstep.schedule.ScheduleError;
import cn.doorstep.schedule.internal.Activity;
import cn.doorstep.schedule.internal.ActivityMapper;
import cn.doorstep.schedule.internal.ActivityRule;
import cn.doorstep.schedule.internal.ActivityRuleMapper;
import cn.doorstep.station.StationDirectory.ScheduleDay;
import cn.doorstep.station.StationDirectory;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeating activities: a rule (weekly, or monthly on the n-th or last such weekday) whose occurrences
 * are made as ordinary activities for its horizon — at once when it is created, then by the schedule's
 * job as the horizon moves on. Making them is idempotent: (rule, start) is a unique key, an occurrence
 * that exists is skipped, and one made meanwhile by another instance is a duplicate key, also skipped.
 * A day the station is closed by a dated exception gets no occurrence; a station not running gets none.
 * Ending a rule stops new occurrences; those made stay (close them one by one to cancel them).
 */
@Service
public class ActivityRules {

    private static final Logger log = LoggerFactory.getLogger(ActivityRules.class);
    private static final int BATCH = 100;
    private static final int DEFAULT_HORIZON_DAYS = 35;

    private final ActivityRuleMapper rules;
    private final ActivityMapper occurrences;
    private final Activities activities;
    private final Managers managers;
    private final StationDirectory stations;
    private final AuditLog audit;
    private final Transactions tx;
    private final Failures failures;
    private final Clock clock;

    ActivityRules(ActivityRuleMapper rules, ActivityMapper occurrences, Activities activities, Managers managers,
                  StationDirectory stations, AuditLog audit, Transactions tx, Failures failures, Clock clock) {
        this.rules = rules;
        this.occurrences = occurrences;
        this.activities = activities;
        this.managers = managers;
        this.stations = stations;
        this.audit = audit;
        this.tx = tx;
        this.failures = failures;
        this.clock = clock;
    }

    public ActivityRuleView create(CurrentUser me, long stationId, ActivityRuleRequest request) {
        long communityId = managers.require(me, stationId).communityId();
        activities.requireSuitable(me, request.title(), request.description()); // its occurrences carry the title
        return create(stationId, communityId, request, me.id());
    }

    /** Creates without a signed-in manager: for trusted imports (the local demo data); audited as {@code actorId}. */
    public ActivityRuleView create(long stationId, ActivityRuleRequest request, long actorId) {
        return create(stationId, activities.communityOf(stationId), request, actorId);
    }

    private ActivityRuleView create(long stationId, Long communityId, ActivityRuleRequest request, long actorId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Zones.CHINA);
        check(request, today);
        var rule = new ActivityRule();
        rule.setStationId(stationId);
        rule.setTitle(request.title().strip());
        rule.setKind((request.kind() == null ? ActivityKind.OTHER : request.kind()).name());
        rule.setPlace(request.place().strip());
        rule.setDescription(request.description() == null || request.description().isBlank() ? null
                : request.description().strip());
        rule.setAudience((request.audience() == null ? BookingAudience.ALL : request.audience()).name());
        rule.setPoints(request.points() == null ? 0 : request.points());
        rule.setCapacity(request.capacity());
        rule.setFrequency(request.frequency().name());
        rule.setDayOfWeek(request.dayOfWeek());
        rule.setWeekOfMonth(request.frequency() == RuleFrequency.MONTHLY ? request.weekOfMonth() : null);
        rule.setStartsAt(request.startsAt());
        rule.setEndsAt(request.endsAt());
        rule.setFirstDate(request.firstDate() == null ? today : request.firstDate());
        rule.setLastDate(request.lastDate());
        rule.setHorizonDays(request.horizonDays() == null ? DEFAULT_HORIZON_DAYS : request.horizonDays());
        rule.setStatus(ActivityRule.ACTIVE);
        rule.setCreatedBy(actorId);
        rule.setCreatedAt(now);
        rule.setUpdatedAt(now);
        tx.readCommitted(() -> {
            rules.insert(rule);
            audit.record(actorId, communityId, "booking.activity-rule.create", "booking_activity_rule", rule.getId(), rule.getTitle());
            return null;
        });
        generate(rule);
        return view(rules.selectById(rule.getId()));
    }

    /** Ends a rule: no more occurrences are made; those made stay. Once only (409 51002 after). */
    public ActivityRuleView end(CurrentUser me, long ruleId) {
        ActivityRule rule = rules.selectById(ruleId);
        if (rule == null) {
            throw new ApiException(ScheduleError.RULE_NOT_FOUND);
        }
        long communityId = managers.require(me, rule.getStationId()).communityId();
        Instant now = clock.instant();
        tx.readCommitted(() -> {
            if (rules.end(ruleId, now) == 0) {
                throw new ApiException(ScheduleError.RULE_ENDED);
            }
            audit.record(me.id(), communityId, "booking.activity-rule.end", "booking_activity_rule", ruleId, rule.getTitle());
            return null;
        });
        return view(rules.selectById(ruleId));
    }

    /** A page of a station's rules that still make occurrences, oldest first. */
    @Transactional(readOnly = true)
    public PageResult<ActivityRuleView> atStation(long stationId, PageQuery page) {
        managers.active(stationId);
        Page<ActivityRule> rows = rules.selectActiveAt(stationId, new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(ActivityRules::view).toList(), rows.getTotal(), page);
    }

    /** The job: every active rule's occurrences up to its horizon; one failing rule does not hold up the others. */
    public int generateAll() {
        int made = 0;
        long after = 0;
        while (true) {
            List<ActivityRule> batch = rules.selectActiveAfter(after, BATCH);
            if (batch.isEmpty()) {
                return made;
            }
            for (ActivityRule rule : batch) {
                try {
                    made += generate(rule);
                } catch (RuntimeException e) {
                    failures.caught(log, "schedule.activity-rules",
                            "Occurrences of activity rule " + rule.getId() + " not made; the next run tries again", e);
                }
                after = rule.getId();
            }
        }
    }

    /** Makes one rule's missing occurrences now (what the job does for each); returns how many this call made. */
    public int generate(long ruleId) {
        ActivityRule rule = rules.selectById(ruleId);
        if (rule == null) {
            throw new ApiException(ScheduleError.RULE_NOT_FOUND);
        }
        return generate(rule);
    }

    /** Makes the rule's missing occurrences from today (or its first date) to its horizon (or last date). */
    int generate(ActivityRule rule) {
        if (!ActivityRule.ACTIVE.equals(rule.getStatus()) || !managers.isActive(rule.getStationId())) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Zones.CHINA);
        LocalDate from = rule.getFirstDate().isAfter(today) ? rule.getFirstDate() : today;
        LocalDate to = today.plusDays(rule.getHorizonDays());
        if (rule.getLastDate() != null && rule.getLastDate().isBefore(to)) {
            to = rule.getLastDate();
        }
        if (to.isBefore(from)) {
            return 0;
        }
        int made = 0;
        for (ScheduleDay day : stations.scheduleDays(rule.getStationId(), from, (int) ChronoUnit.DAYS.between(from, to) + 1)) {
            if (day.closed() || !falls(rule, day.date())) {
                continue;
            }
            int starts = minutes(rule.getStartsAt());
            int ends = minutes(rule.getEndsAt());
            Instant startsAt = day.date().atStartOfDay(Zones.CHINA).plusMinutes(starts).toInstant();
            Instant endsAt = day.date().atStartOfDay(Zones.CHINA).plusMinutes(ends > starts ? ends : ends + 24 * 60)
                    .toInstant();
            if (!startsAt.isAfter(now) || occurrences.selectOccurrence(rule.getId(), startsAt) != null) {
                continue;
            }
            try {
                tx.readCommitted(() -> {
                    activities.insert(occurrence(rule, startsAt, endsAt, now), rule.getCapacity());
                    return null;
                });
                made++;
            } catch (DuplicateKeyException madeMeanwhile) {
                // another run (or instance) made this occurrence first: nothing to do
            }
        }
        return made;
    }

    /** Whether an occurrence of the rule falls on a date. */
    static boolean falls(ActivityRule rule, LocalDate date) {
        if (date.getDayOfWeek().getValue() != rule.getDayOfWeek()) {
            return false;
        }
        if (RuleFrequency.WEEKLY.name().equals(rule.getFrequency())) {
            return true;
        }
        int week = rule.getWeekOfMonth();
        return week == -1 ? date.plusWeeks(1).getMonth() != date.getMonth() : (date.getDayOfMonth() - 1) / 7 + 1 == week;
    }

    private static void check(ActivityRuleRequest r, LocalDate today) {
        if (r.frequency() == RuleFrequency.MONTHLY && (r.weekOfMonth() == null || r.weekOfMonth() == 0)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "weekOfMonth", "1-5, or -1 for the last, when MONTHLY");
        }
        if (minutes(r.startsAt()) == minutes(r.endsAt())) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "endsAt", "must differ from startsAt");
        }
        LocalDate first = r.firstDate() == null ? today : r.firstDate();
        if (r.lastDate() != null && r.lastDate().isBefore(first)) {
            throw ApiException.badField(ScheduleError.BAD_SCHEDULE, "lastDate", "must not be before firstDate (or today)");
        }
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    private static Activity occurrence(ActivityRule rule, Instant startsAt, Instant endsAt, Instant now) {
        var a = new Activity();
        a.setStationId(rule.getStationId());
        a.setRuleId(rule.getId());
        a.setTitle(rule.getTitle());
        a.setKind(rule.getKind());
        a.setPlace(rule.getPlace());
        a.setDescription(rule.getDescription());
        a.setStartsAt(startsAt);
        a.setEndsAt(endsAt);
        a.setAudience(rule.getAudience());
        a.setPoints(rule.getPoints());
        a.setCreatedBy(rule.getCreatedBy());
        a.setCreatedAt(now);
        return a;
    }

    private static ActivityRuleView view(ActivityRule r) {
        return new ActivityRuleView(r.getId(), r.getStationId(), r.getTitle(), ActivityKind.valueOf(r.getKind()),
                r.getPlace(), r.getDescription(), RuleFrequency.valueOf(r.getFrequency()), r.getDayOfWeek(),
                r.getWeekOfMonth(), r.getStartsAt(), r.getEndsAt(), r.getFirstDate(), r.getLastDate(),
                r.getHorizonDays(), r.getCapacity(), BookingAudience.valueOf(r.getAudience()), r.getPoints(),
                r.getStatus());
    }
}
