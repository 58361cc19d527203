package cn.doorstep.report.followup;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Shortened;
import cn.doorstep.report.ReportActor;
import cn.doorstep.report.ReportCategory;
import cn.doorstep.report.ReportDetail;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.ReportLevel;
import cn.doorstep.report.ReportQueries;
import cn.doorstep.report.ReportStatus;
import cn.doorstep.report.ReportStep;
import cn.doorstep.report.internal.Report;
import cn.doorstep.report.internal.ReportAccess;
import cn.doorstep.report.internal.ReportBook;
import cn.doorstep.report.internal.ReportFollowerMapper;
import cn.doorstep.report.internal.ReportMapper;
import cn.doorstep.wechat.WeChatClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicates: the open reports of a category near a point ("the same?"), a resident following one of them
 * instead of filing their own, and a worker merging one report into another.
 */
@Service
public class ReportDuplicates {

    static final int SHOWN = 5;
    private static final int EXCERPT = 40;
    /** Candidates read from the box before the exact distance sorts them: more than enough for 5 within it. */
    private static final int CANDIDATES = 50;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final double EARTH_RADIUS = 6_371_008.8;

    private final ReportMapper reports;
    private final ReportFollowerMapper followers;
    private final ReportAccess access;
    private final ReportBook book;
    private final ReportQueries queries;
    private final AuditLog audit;
    private final FollowUpProperties properties;
    private final Clock clock;

    ReportDuplicates(ReportMapper reports, ReportFollowerMapper followers, ReportAccess access, ReportBook book,
                     ReportQueries queries, AuditLog audit, FollowUpProperties properties, Clock clock) {
        this.reports = reports;
        this.followers = followers;
        this.access = access;
        this.book = book;
        this.queries = queries;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Open reports of {@code category} within the duplicate radius of the point, nearest first, at most 5: a
     * box on the indexed (category, status, lat, lng), then the exact distance.
     */
    @Transactional(readOnly = true)
    public List<SimilarReport> similar(CurrentUser me, ReportCategory category, BigDecimal lat, BigDecimal lng) {
        return near(category, lat.doubleValue(), lng.doubleValue()).stream().limit(SHOWN)
                .map(n -> card(me, n.report(), n.distance())).toList();
    }

    /**
     * {@code me} says an open report is the same as theirs and follows it instead of filing. Only a report
     * {@link #similar} would show them for the category and point they send (else 404, as if it did not
     * exist), so following cannot be used to open any report by its id. Following it again (or one's own)
     * changes nothing.
     */
    @Transactional
    public SimilarReport follow(CurrentUser me, long id, ReportCategory category, BigDecimal lat, BigDecimal lng) {
        Nearby found = near(category, lat.doubleValue(), lng.doubleValue()).stream()
                .filter(n -> n.report().getId() == id).findFirst()
                .orElseThrow(() -> new ApiException(ReportError.REPORT_NOT_FOUND));
        Report report = found.report();
        if (followers.follow(id, me.id(), "FOLLOWED", clock.instant()) == 1) {
            book.step(report, ReportStep.FOLLOWED, me.id(), ReportActor.REPORTER, null, null);
        }
        return card(me, report, found.distance());
    }

    /**
     * A worker of both reports folds {@code id} into {@code intoId}: both open and not the same report. The
     * report becomes MERGED; its followers follow the target (via MERGED); both timelines get a MERGED
     * step; its followers are told.
     * <p>
     * Two workers merging A into B and B into A at once: both read both rows, then each saves both,
     * version-checked, the lower id first. Whoever saves the lower id first holds its row lock; the other
     * waits on that same row (never on the higher one while holding the lower one, so no deadlock), and
     * once the first commits, its version no longer matches: 409 60003, rolled back whole. Saving the
     * target too (its version only) is what makes a merge into a report that meanwhile was merged, closed
     * or moved lose, instead of landing on a target that is no longer open.
     */
    @Transactional
    public ReportDetail merge(CurrentUser me, long id, long intoId) {
        if (id == intoId) {
            throw ApiException.badField(ReportError.MERGE_INTO_ITSELF, "intoId", "must be another report");
        }
        Report source = access.requireWorker(me, id);
        Report target = book.require(intoId);
        if (!ReportAccess.isWorker(me, target)) {
            throw new ApiException(ReportError.REPORT_NOT_FOUND, "No such report to merge into (or not one of yours)");
        }
        if (!ReportStatus.valueOf(source.getStatus()).open()) {
            throw ReportBook.wrongState(source, "merged");
        }
        if (!ReportStatus.valueOf(target.getStatus()).open()) {
            throw ReportBook.wrongState(target, "merged into");
        }
        Instant now = clock.instant();
        source.setStatus(ReportStatus.MERGED.name());
        source.setMergedInto(target.getId());
        for (Report report : source.getId() < target.getId() ? List.of(source, target) : List.of(target, source)) {
            book.save(report);
        }
        long sourceStep = book.step(source, ReportStep.MERGED, me.id(), ReportActor.GRID, null,
                "与相同诉求 #" + target.getId() + " 合并办理");
        book.step(target, ReportStep.MERGED, me.id(), ReportActor.GRID, null, "相同诉求 #" + source.getId() + " 并入");
        List<Long> moving = followers.followersOf(source.getId());
        moving.forEach(userId -> followers.follow(target.getId(), userId, "MERGED", now));
        book.tellFollowers(source, "已与相同诉求合并办理", sourceStep);
        audit.record(me.id(), source.getCommunityId(), "report.merge", "report", source.getId(), "into " + target.getId());
        return queries.view(me, source);
    }

    private record Nearby(Report report, int distance) {
    }

    private List<Nearby> near(ReportCategory category, double lat, double lng) {
        int radius = properties.duplicateRadius();
        double dLat = radius / METRES_PER_DEGREE;
        double dLng = radius / (METRES_PER_DEGREE * Math.max(Math.cos(Math.toRadians(lat)), 0.01));
        List<Report> box = reports.selectOpenInBox(category.name(), degrees(lat - dLat), degrees(lat + dLat),
                degrees(lng - dLng), degrees(lng + dLng), CANDIDATES);
        return box.stream().map(r -> new Nearby(r, (int) Math.round(distance(lat, lng, r.getLat().doubleValue(),
                        r.getLng().doubleValue()))))
                .filter(n -> n.distance() <= radius)
                .sorted(Comparator.comparingInt(Nearby::distance).thenComparing(n -> n.report().getId()))
                .toList();
    }

    private SimilarReport card(CurrentUser me, Report r, int distance) {
        return new SimilarReport(r.getId(), ReportCategory.valueOf(r.getCategory()), excerpt(r),
                ReportStatus.valueOf(r.getStatus()), ReportLevel.valueOf(r.getLevel()), ReportBook.overdue(r, clock.instant()),
                distance, r.getAddress(), followers.follows(r.getId(), me.id()), r.getCreatedAt());
    }

    /** Only text WeChat passed is shown to people other than its followers and workers. */
    private static String excerpt(Report r) {
        if (!WeChatClient.Verdict.PASS.name().equals(r.getCheckResult())) {
            return null;
        }
        return Shortened.to(r.getBody(), EXCERPT);
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(7, RoundingMode.HALF_UP);
    }

    /** Haversine, in metres (GCJ-02 offsets are locally near-constant, so distances between pins hold). */
    static double distance(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
