package cn.doorstep.report;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.CommunityView;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.report.internal.GridRider;
import cn.doorstep.report.internal.GridRiderMapper;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportFollowerMapper;
import cn.doorstep.report.internal.ReportMapper;
import cn.doorstep.report.internal.ReportPhotoCheck;
import cn.doorstep.report.internal.ReportPhotoMapper;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient.ContentCheck;
import cn.doorstep.wechat.WeChatClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filing a report. The text is checked by WeChat (msgSecCheck, as the reporter) before anything is stored,
 * outside any transaction: risky is refused and never stored (422); review or no answer is stored with the
 * verdict, for workers to read (a report is seen by its workers, not published; Open311 shows only text
 * WeChat passed). Photos WeChat withdrew are refused; one held for review flags the report.
 */
@Service
public class ReportFiling {

    /** Who files, and how the report reaches its grid. */
    public record Filer(long userId, ReportChannel channel, String callerName, String callerPhone) {
    }

    private final ReportMapper reports;
    private final ReportPhotoMapper photos;
    private final ReportFollowerMapper followers;
    private final GridRiderMapper gridRiders;
    private final ReportBook book;
    private final ReportQueries queries;
    private final ReportDeadlines deadlines;
    private final CommunityService communities;
    private final ReportPhotoCheck photoCheck;
    private final WeChatClient weChat;
    private final UserService users;
    private final RateLimiter rateLimiter;
    private final ReportProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReportFiling(ReportMapper reports, ReportPhotoMapper photos, ReportFollowerMapper followers,
                 GridRiderMapper gridRiders, ReportBook book, ReportQueries queries, ReportDeadlines deadlines,
                 CommunityService communities, ReportPhotoCheck photoCheck, WeChatClient weChat, UserService users,
                 RateLimiter rateLimiter, ReportProperties properties, ApplicationEventPublisher events, AuditLog audit,
                 TransactionTemplate transaction, Clock clock) {
        this.reports = reports;
        this.photos = photos;
        this.followers = followers;
        this.gridRiders = gridRiders;
        this.book = book;
        this.queries = queries;
        this.deadlines = deadlines;
        this.communities = communities;
        this.photoCheck = photoCheck;
        this.weChat = weChat;
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A resident's, rider's or grid head's own report: a rider paired with a grid (流动网格员) files to that
     * grid; a grid head filing for one of their grids files as GRID_HEAD (网格预报).
     */
    public ReportDetail file(CurrentUser me, FileReportRequest request) {
        GridRider paired = gridRiders.selectById(me.id());
        if (paired != null) {
            request = new FileReportRequest(paired.getCommunityId(), paired.getGridId(), request.category(), request.text(),
                    request.photos(), request.lat(), request.lng(), request.address());
            return file(me, request, new Filer(me.id(), ReportChannel.RIDER_GRID, null, null));
        }
        boolean gridHead = request.gridId() != null && me.isGridHeadOf(request.gridId());
        return file(me, request, new Filer(me.id(), gridHead ? ReportChannel.GRID_HEAD : ReportChannel.APP, null, null));
    }

    /** Checks and stores a report for {@code filer}; returns it as {@code me} sees it. */
    public ReportDetail file(CurrentUser me, FileReportRequest request, Filer filer) {
        communities.requireKnown(request.communityId(), "communityId");
        CommunityView community = communities.get(request.communityId());
        if (request.gridId() != null) {
            communities.requireGridInCommunity(request.gridId(), request.communityId(), "gridId");
        }
        // a hotline worker writes down many callers' reports: their own, higher limit
        boolean hotline = filer.channel() == ReportChannel.HOTLINE;
        rateLimiter.hit(hotline ? "report-hotline" : "report-file", "user:" + me.id(),
                hotline ? properties.hotlineReportsPerHour() : properties.reportsPerHour(), Duration.ofHours(1));
        String text = request.text().strip();
        ContentCheck check = weChat.checkText(users.openidOf(me.id()).orElse(null), properties.contentCheckScene(), null, text);
        if (check.verdict() == WeChatClient.Verdict.RISKY) {
            throw ApiException.badField(ReportError.TEXT_RISKY, "text", "WeChat found it unsuitable");
        }
        String flag = photoCheck.check(request.photos());
        Long id = transaction.execute(tx -> insert(filer, community, request, text, check, flag));
        return queries.detail(me, id);
    }

    private long insert(Filer filer, CommunityView community, FileReportRequest request, String text, ContentCheck check,
                        String flag) {
        Instant now = clock.instant();
        var report = new Report();
        report.setReporterId(filer.userId());
        report.setChannel(filer.channel().name());
        report.setCallerName(filer.callerName());
        report.setCallerPhone(filer.callerPhone());
        report.setDistrictId(community.districtId());
        report.setStreetId(community.streetId());
        report.setCommunityId(community.id());
        report.setGridId(request.gridId());
        report.setCategory(request.category().name());
        report.setBody(text);
        report.setLat(request.lat());
        report.setLng(request.lng());
        report.setAddress(request.address() == null || request.address().isBlank() ? null : request.address().strip());
        report.setStatus(ReportStatus.SUBMITTED.name());
        report.setLevel(ReportLevel.GRID.name());
        report.setCheckResult(check.verdict().name());
        report.setFlagReason(flag);
        report.setAcceptDue(deadlines.acceptDue(request.category(), now));
        report.setReopened(false);
        reports.insert(report);
        photos.add(report.getId(), null, request.photos());
        // a hotline caller is not a user: the worker who wrote it down does not follow it as a reporter would
        if (filer.channel() != ReportChannel.HOTLINE) {
            followers.follow(report.getId(), filer.userId(), "REPORTER", now);
        }
        if (filer.channel() == ReportChannel.HOTLINE) {
            audit.record(filer.userId(), community.id(), "report.hotline", "report", report.getId(), null);
        }
        long step = book.step(report, ReportStep.FILED, filer.userId(),
                filer.channel() == ReportChannel.HOTLINE ? ReportActor.GRID : ReportActor.REPORTER, null, null);
        book.tellWorkers(report, NotificationKind.REPORT_ASSIGNED, "新诉求待受理", step);
        events.publishEvent(new ReportFiled(report.getId(), community.id(), request.gridId(), request.category(),
                filer.channel(), now));
        return report.getId();
    }
}
