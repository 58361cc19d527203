package cn.doorstep.report;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Shortened;
import cn.doorstep.community.CommunityService;
import cn.doorstep.media.MediaService;
import cn.doorstep.report.internal.Department;
import cn.doorstep.report.internal.DepartmentMapper;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportAccess;
import cn.doorstep.report.internal.ReportAssignment;
import cn.doorstep.report.internal.ReportAssignmentMapper;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportMapper;
import cn.doorstep.report.internal.ReportPhoto;
import cn.doorstep.report.internal.ReportPhotoMapper;
import cn.doorstep.report.internal.ReportStepMapper;
import cn.doorstep.report.internal.ReportStepRow;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading reports: one with its timeline, and the lists. */
@Service
@Transactional(readOnly = true)
public class ReportQueries {

    private static final int EXCERPT = 40;

    private final ReportMapper reports;
    private final ReportStepMapper steps;
    private final ReportPhotoMapper photos;
    private final ReportAssignmentMapper assignments;
    private final DepartmentMapper departments;
    private final ReportAccess access;
    private final CommunityService communities;
    private final MediaService media;
    private final Clock clock;

    ReportQueries(ReportMapper reports, ReportStepMapper steps, ReportPhotoMapper photos,
                  ReportAssignmentMapper assignments, DepartmentMapper departments, ReportAccess access,
                  CommunityService communities, MediaService media, Clock clock) {
        this.reports = reports;
        this.steps = steps;
        this.photos = photos;
        this.assignments = assignments;
        this.departments = departments;
        this.access = access;
        this.communities = communities;
        this.media = media;
        this.clock = clock;
    }

    /** The report as {@code me} may see it (a follower, a worker of its grid, a department it was sent to), else 404. */
    public ReportDetail detail(CurrentUser me, long id) {
        return view(me, access.requireVisible(me, id));
    }

    /** The reports {@code me} follows (filed, or merged into one they filed), newest first. */
    public PageResult<ReportCard> mine(CurrentUser me, ReportStatus status, PageQuery page) {
        Page<Report> rows = reports.selectFollowedBy(new Page<>(page.page(), page.size()), me.id(),
                status == null ? null : status.name());
        return cards(rows, page);
    }

    /** A page of reports as cards (the lists of every side). */
    public PageResult<ReportCard> cards(Page<Report> rows, PageQuery page) {
        Instant now = clock.instant();
        return PageResult.of(rows.getRecords().stream().map(r -> card(r, now)).toList(), rows.getTotal(), page);
    }

    static ReportCard card(Report r, Instant now) {
        return new ReportCard(r.getId(), ReportCategory.valueOf(r.getCategory()), Shortened.to(r.getBody(), EXCERPT), ReportStatus.valueOf(r.getStatus()),
                ReportLevel.valueOf(r.getLevel()), ReportBook.overdue(r, now), r.getCommunityId(), r.getGridId(),
                r.getAddress(), r.getCreatedAt());
    }

    /** Builds the detail of a report {@code me} was found to see. */
    public ReportDetail view(CurrentUser me, Report r) {
        boolean worker = ReportAccess.isWorker(me, r);
        boolean staffSide = worker || access.assignmentOf(me, r.getId()).isPresent();
        List<ReportPhoto> allPhotos = photos.photosOf(r.getId());
        List<String> shown = media.shownTo(me.id(), staffSide, allPhotos.stream().map(ReportPhoto::getUrl).toList());
        Map<Long, List<String>> photosByStep = allPhotos.stream().filter(p -> shown.contains(p.getUrl()))
                .collect(Collectors.groupingBy(p -> p.getStepId() == null ? 0L : p.getStepId(),
                        Collectors.mapping(ReportPhoto::getUrl, Collectors.toList())));
        List<ReportAssignment> parts = assignments.ofReport(r.getId());
        Map<Long, String> names = parts.isEmpty() ? Map.of()
                : departments.selectByIds(parts.stream().map(ReportAssignment::getDepartmentId).toList()).stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
        List<ReportDetail.Assignment> departmentViews = parts.stream().map(a -> new ReportDetail.Assignment(
                a.getDepartmentId(), names.get(a.getDepartmentId()), a.getKind(), a.getStatus(), a.getAssignedAt(),
                a.getAcceptedAt(), a.getRespondedAt(), a.getResolveDue(), a.getResolvedAt(), a.getNote())).toList();
        List<ReportDetail.TimelineEntry> timeline = steps.timeline(r.getId()).stream().map(s -> entry(s, staffSide,
                photosByStep.getOrDefault(s.getId(), List.of()))).toList();
        String communityName = communities.namesOf(List.of(r.getCommunityId())).get(r.getCommunityId());
        ReportDetail.Caller caller = worker && r.getCallerName() != null
                ? new ReportDetail.Caller(r.getCallerName(), r.getCallerPhone()) : null;
        return new ReportDetail(r.getId(), ReportCategory.valueOf(r.getCategory()), r.getBody(),
                photosByStep.getOrDefault(0L, List.of()), r.getLat(), r.getLng(), r.getAddress(),
                ReportChannel.valueOf(r.getChannel()), ReportStatus.valueOf(r.getStatus()), ReportLevel.valueOf(r.getLevel()),
                ReportBook.overdue(r, clock.instant()), r.getCommunityId(), communityName, r.getGridId(), r.getAcceptDue(),
                r.getResolveDue(), r.getAcceptedAt(), r.getResolvedAt(), r.getResolution(), r.getQuestion(),
                Boolean.TRUE.equals(r.getReopened()), r.getSatisfied(), r.getRatingComment(), r.getMergedInto(), caller,
                departmentViews, timeline, r.getCreatedAt());
    }

    /** A timeline entry; who took it by user id only for workers and departments (residents see the kind). */
    private static ReportDetail.TimelineEntry entry(ReportStepRow s, boolean staffSide, List<String> stepPhotos) {
        return new ReportDetail.TimelineEntry(s.getId(), ReportStep.valueOf(s.getStep()), ReportStatus.valueOf(s.getStatus()),
                ReportActor.valueOf(s.getActor()), staffSide ? s.getActorId() : null, s.getDepartmentId(), s.getNote(),
                stepPhotos, s.getCreatedAt());
    }
}
