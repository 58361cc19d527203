package cn.doorstep.report.grid;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.report.ReportActor;
import cn.doorstep.report.ReportCard;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportChannel;
import cn.doorstep.report.ReportDeadlines;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportFiling;
import cn.doorstep.report.ReportLevel;
import cn.doorstep.report.ReportQueries;
import cn.doorstep.report.ReportResolved;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.ReportStep;
import cn.doorstep.report.grid.GridRequests.HotlineReportRequest;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportAccess;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportMapper;
import cn.doorstep.report.internal.ReportPhotoCheck;
import cn.doorstep.report.internal.ReportPhotoMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid's workers at work: their list, accepting a report, resolving it in the grid, asking the reporter a
 * question, and filing for a hotline caller. Each step is one version-checked update of the report (of two
 * workers acting at once one lands, the other gets 409), a timeline step, an audit row and the reporter's notice.
 */
@Service
public class GridWork {

    /** Where a question to the reporter may be asked from: before the report is resolved. */
    static final Set<ReportStatus> ASKABLE = EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED, ReportStatus.ROUTED,
            ReportStatus.IN_PROGRESS);

    private final ReportMapper reports;
    private final ReportPhotoMapper photos;
    private final ReportAccess access;
    private final ReportBook book;
    private final ReportQueries queries;
    private final ReportDeadlines deadlines;
    private final ReportFiling filing;
    private final ReportPhotoCheck photoCheck;
    private final CommunityService communities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GridWork(ReportMapper reports, ReportPhotoMapper photos, ReportAccess access, ReportBook book, ReportQueries queries,
             ReportDeadlines deadlines, ReportFiling filing, ReportPhotoCheck photoCheck, CommunityService communities,
             AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.photos = photos;
        this.access = access;
        this.book = book;
        this.queries = queries;
        this.deadlines = deadlines;
        this.filing = filing;
        this.photoCheck = photoCheck;
        this.communities = communities;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The reports the caller works on: of the communities they administer (also as a street or district admin)
     * and of the grids they head, or of the one community or grid named (403 when it is not theirs). Newest
     * first; {@code overdue} keeps those past their deadline, the longest overdue first.
     */
    @Transactional(readOnly = true)
    public PageResult<ReportCard> list(CurrentUser me, Long communityId, Long gridId, ReportStatus status, ReportLevel level,
                                       ReportCategory category, boolean overdue, PageQuery page) {
        Set<Long> adminOf = me.scopesOf(Role.ADMIN);
        Set<Long> headOf = me.scopesOf(Role.GRID_HEAD);
        Set<Long> inCommunities = Set.of();
        Set<Long> inGrids;
        if (gridId != null) {
            if (communityId != null) {
                requireWorkerOf(me, communityId);
                communities.requireGridInCommunity(gridId, communityId, "gridId");
            }
            Long gridCommunity = communities.communityOfGrid(gridId).orElse(null);
            if (!headOf.contains(gridId) && (gridCommunity == null || !adminOf.contains(gridCommunity))) {
                throw new ApiException(ReportError.NOT_A_WORKER);
            }
            inGrids = Set.of(gridId);
        } else if (communityId != null) {
            requireWorkerOf(me, communityId);
            if (adminOf.contains(communityId)) {
                inCommunities = Set.of(communityId);
                inGrids = Set.of();
            } else {
                inGrids = gridsIn(headOf, Set.of(communityId));
            }
        } else {
            inCommunities = adminOf;
            // the grids of communities they administer are in already
            inGrids = headOf.stream().filter(g -> !adminOf.contains(communities.communityOfGrid(g).orElse(0L)))
                    .collect(Collectors.toUnmodifiableSet());
            if (inCommunities.isEmpty() && inGrids.isEmpty()) {
                return PageResult.of(List.of(), 0, page);
            }
        }
        Page<Report> rows = reports.selectForWorkers(new Page<>(page.page(), page.size()), inCommunities, inGrids,
                status == null ? null : status.name(), level == null ? null : level.name(),
                category == null ? null : category.name(), overdue, clock.instant());
        return queries.cards(rows, page);
    }

    /** SUBMITTED → ACCEPTED: the grid takes it on; the time to resolve starts. The reporter is told. */
    @Transactional
    public ReportDetail accept(CurrentUser me, long id) {
        Report report = access.requireWorker(me, id);
        if (ReportStatus.valueOf(report.getStatus()) != ReportStatus.SUBMITTED) {
            throw ReportBook.wrongState(report, "accepted");
        }
        Instant now = clock.instant();
        acceptAt(me, report, now);
        book.save(report);
        long step = book.step(report, ReportStep.ACCEPTED, me.id(), ReportActor.GRID, null, null);
        audit.record(me.id(), report.getCommunityId(), "report.accept", "report", id, null);
        book.tellFollowers(report, "社区已受理", step);
        return queries.view(me, book.require(id));
    }

    /**
     * The grid resolves the report itself, with what was done and photos as evidence: from ACCEPTED, or from
     * SUBMITTED (accepting it on the way). The reporter is told and asked to rate it; {@link ReportResolved}.
     */
    @Transactional
    public ReportDetail resolve(CurrentUser me, long id, String text, List<String> evidence) {
        Report report = access.requireWorker(me, id);
        ReportStatus status = ReportStatus.valueOf(report.getStatus());
        if (status != ReportStatus.SUBMITTED && status != ReportStatus.ACCEPTED) {
            throw ReportBook.wrongState(report, "resolved by the grid");
        }
        photoCheck.check(evidence);
        Instant now = clock.instant();
        boolean accepting = status == ReportStatus.SUBMITTED;
        if (accepting) {
            acceptAt(me, report, now);
        }
        String resolution = text.strip();
        report.setStatus(ReportStatus.RESOLVED.name());
        report.setResolvedBy(me.id());
        report.setResolvedAt(now);
        report.setResolution(resolution);
        book.save(report);
        if (accepting) {
            report.setStatus(ReportStatus.ACCEPTED.name()); // the timeline shows the acceptance it implied
            book.step(report, ReportStep.ACCEPTED, me.id(), ReportActor.GRID, null, null);
            report.setStatus(ReportStatus.RESOLVED.name());
        }
        long step = book.step(report, ReportStep.RESOLVED, me.id(), ReportActor.GRID, null, resolution);
        photos.add(id, step, evidence);
        audit.record(me.id(), report.getCommunityId(), "report.resolve", "report", id, accepting ? "accepted and resolved" : null);
        book.tellFollowers(report, "已办结，请评价", step);
        events.publishEvent(new ReportResolved(id, report.getReporterId(), ReportChannel.valueOf(report.getChannel()),
                report.getCommunityId(), ReportCategory.valueOf(report.getCategory()), now,
                LocalDate.ofInstant(now, Zones.CHINA)));
        return queries.view(me, book.require(id));
    }

    /**
     * A question to the reporter, from SUBMITTED, ACCEPTED, ROUTED or IN_PROGRESS: WAITING_REPORTER until they
     * answer; the deadlines' clock stands still meanwhile (their answer moves the deadlines on).
     */
    @Transactional
    public ReportDetail ask(CurrentUser me, long id, String question) {
        Report report = access.requireWorker(me, id);
        if (!ASKABLE.contains(ReportStatus.valueOf(report.getStatus()))) {
            throw ReportBook.wrongState(report, "asked about");
        }
        if (ReportChannel.valueOf(report.getChannel()) == ReportChannel.HOTLINE) {
            throw new ApiException(ReportError.NO_REPORTER_TO_ASK);
        }
        String text = question.strip();
        report.setPausedFrom(report.getStatus());
        report.setPausedAt(clock.instant());
        report.setQuestion(text);
        report.setStatus(ReportStatus.WAITING_REPORTER.name());
        book.save(report);
        long step = book.step(report, ReportStep.ASKED, me.id(), ReportActor.GRID, null, text);
        audit.record(me.id(), report.getCommunityId(), "report.ask", "report", id, null);
        book.tellFollowers(report, "社区请您补充情况", step);
        return queries.view(me, book.require(id));
    }

    /**
     * A worker files a report for a caller of the 8890 hotline: the community's admin, or a head of the grid
     * named. The caller is not a user: nobody follows it as its reporter, and the workers read it as workers.
     */
    public ReportDetail fileForCaller(CurrentUser me, HotlineReportRequest request) {
        if (!me.isAdminOf(request.communityId()) && (request.gridId() == null || !me.isGridHeadOf(request.gridId()))) {
            throw new ApiException(ReportError.NOT_A_WORKER);
        }
        return filing.file(me, request.filing(), new ReportFiling.Filer(me.id(), ReportChannel.HOTLINE,
                request.callerName().strip(), request.callerPhone()));
    }

    private void acceptAt(CurrentUser me, Report report, Instant now) {
        report.setStatus(ReportStatus.ACCEPTED.name());
        report.setAcceptedBy(me.id());
        report.setAcceptedAt(now);
        report.setResolveDue(deadlines.resolveDue(ReportCategory.valueOf(report.getCategory()), now));
    }

    /** The community's admin, or the head of one of its grids (403 60006 otherwise). */
    private void requireWorkerOf(CurrentUser me, long communityId) {
        if (!me.isAdminOf(communityId) && gridsIn(me.scopesOf(Role.GRID_HEAD), Set.of(communityId)).isEmpty()) {
            throw new ApiException(ReportError.NOT_A_WORKER);
        }
    }

    private Set<Long> gridsIn(Set<Long> grids, Set<Long> communityIds) {
        return grids.stream().filter(g -> communityIds.contains(Objects.requireNonNullElse(
                communities.communityOfGrid(g).orElse(null), 0L))).collect(Collectors.toUnmodifiableSet());
    }
}
