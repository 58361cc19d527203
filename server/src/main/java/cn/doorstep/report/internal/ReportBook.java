package cn.doorstep.report.internal;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.Role;
import cn.doorstep.common.Shortened;
import cn.doorstep.common.Zones;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.report.ReportActor;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportChanged;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.ReportStep;
import com.baomidou.mybatisplus.core.toolkit.support.SFunction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every step of a report does besides changing its row: the version-checked save (409 to the one who
 * came second), the timeline entry, and the notices (inbox, in the same transaction).
 */
@Component
public class ReportBook {

    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<ReportCategory, String> LABELS = new EnumMap<>(Map.of(
            ReportCategory.LIGHTING, "路灯照明", ReportCategory.ROADS, "道路", ReportCategory.SANITATION, "环境卫生",
            ReportCategory.FIRE_LANES, "消防通道", ReportCategory.HEATING, "供暖", ReportCategory.WATER, "供水",
            ReportCategory.PROPERTY, "物业管理", ReportCategory.NOISE, "噪音", ReportCategory.SAFETY, "治安安全",
            ReportCategory.OTHER, "其他"));

    private final ReportMapper reports;
    private final ReportStepMapper steps;
    private final ReportFollowerMapper followers;
    private final Notifier notifier;
    private final RoleService roles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportBook(ReportMapper reports, ReportStepMapper steps, ReportFollowerMapper followers, Notifier notifier,
               RoleService roles, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.steps = steps;
        this.followers = followers;
        this.notifier = notifier;
        this.roles = roles;
        this.events = events;
        this.clock = clock;
    }

    /** The category's Chinese name, as workers and residents read it. */
    public static String label(ReportCategory category) {
        return LABELS.get(category);
    }

    public Report require(long id) {
        Report report = reports.selectById(id);
        if (report == null) {
            throw new ApiException(ReportError.REPORT_NOT_FOUND);
        }
        return report;
    }

    /**
     * Saves {@code report} as changed since it was read, or 409 (60003) when another step landed first; publishes
     * {@link ReportChanged} with it.
     */
    public void save(Report report) {
        if (!reports.advance(report)) {
            throw changedMeanwhile(report);
        }
        changed(report);
    }

    /** As {@link #save}, also setting the {@code cleared} columns to NULL (updateById skips nulls). */
    public void save(Report report, List<SFunction<Report, ?>> cleared) {
        if (!reports.advanceClearing(report, cleared)) {
            throw changedMeanwhile(report);
        }
        changed(report);
    }

    private void changed(Report report) {
        events.publishEvent(new ReportChanged(report.getCommunityId(),
                LocalDate.ofInstant(report.getCreatedAt(), Zones.CHINA), LocalDate.ofInstant(clock.instant(), Zones.CHINA)));
    }

    private ApiException changedMeanwhile(Report report) {
        return new ApiException(ReportError.CHANGED_MEANWHILE, "Someone else acted on the report first",
                Map.of("status", reports.selectCommittedStatus(report.getId())));
    }

    /** Appends a timeline entry with the status the report is now in; returns its id. */
    public long step(Report report, ReportStep step, Long actorId, ReportActor actor, Long departmentId, String note) {
        var row = new ReportStepRow();
        row.setReportId(report.getId());
        row.setStep(step.name());
        row.setStatus(report.getStatus());
        row.setActorId(actorId);
        row.setActor(actor.name());
        row.setDepartmentId(departmentId);
        row.setNote(note);
        steps.insert(row);
        return row.getId();
    }

    /** Tells everyone following the report (its reporter, the reporters of reports merged into it) of a step. */
    public void tellFollowers(Report report, String what, long stepId) {
        for (long userId : followers.followersOf(report.getId())) {
            tell(userId, NotificationKind.REPORT_PROGRESS, report, what, stepId);
        }
    }

    /** Tells the grid's workers: the community's admins (as granted, the first 50) and the grid's heads. */
    public void tellWorkers(Report report, NotificationKind kind, String what, long stepId) {
        Set<Long> people = new LinkedHashSet<>();
        holders(Role.ADMIN, report.getCommunityId()).forEach(people::add);
        if (report.getGridId() != null) {
            holders(Role.GRID_HEAD, report.getGridId()).forEach(people::add);
        }
        people.forEach(userId -> tell(userId, kind, report, what, stepId));
    }

    /** Tells the holders of a role for one scope (a street's admins, a department's people), the first 50. */
    public void tellHolders(Role role, long scopeId, NotificationKind kind, Report report, String what, long stepId) {
        holders(role, scopeId).forEach(userId -> tell(userId, kind, report, what, stepId));
    }

    /**
     * One notice: {@code thing1} the report (category and the start of its text), {@code thing2} what
     * happened, {@code time3} when (China time). One per user, kind and step.
     */
    public void tell(long userId, NotificationKind kind, Report report, String what, long stepId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", title(report));
        fields.put("thing2", what);
        fields.put("time3", NOTICE_TIME.format(clock.instant().atZone(Zones.CHINA)));
        notifier.notify(userId, kind, fields, "pages/report/detail?id=" + report.getId(),
                "report-" + kind.name().substring("REPORT_".length()).toLowerCase() + ":" + report.getId() + ":" + stepId);
    }

    /**
     * Past its deadline now: the time to accept for a SUBMITTED report, the time to resolve for one being
     * handled. A report waiting for its reporter is not (its clock stands still; answering moves the
     * deadlines on by the time it waited).
     */
    public static boolean overdue(Report report, Instant now) {
        ReportStatus status = ReportStatus.valueOf(report.getStatus());
        if (status == ReportStatus.SUBMITTED) {
            return report.getAcceptDue().isBefore(now);
        }
        return ReportStatus.HANDLING.contains(status) && report.getResolveDue() != null && report.getResolveDue().isBefore(now);
    }

    /** A refused step: the state it met. */
    public static ApiException wrongState(Report report, String action) {
        String status = report.getStatus();
        return new ApiException(ReportError.WRONG_STATE, "The report is " + status + ": it cannot be " + action + " now",
                Map.of("status", status));
    }

    static String title(Report report) {
        String body = report.getBody();
        String start = Shortened.to(body, 12);
        return label(ReportCategory.valueOf(report.getCategory())) + "：" + start;
    }

    private List<Long> holders(Role role, long scopeId) {
        return roles.holders(role, List.of(scopeId), PageQuery.of(1, PageQuery.MAX_SIZE)).items().stream()
                .map(RoleService.Holder::userId).toList();
    }
}
