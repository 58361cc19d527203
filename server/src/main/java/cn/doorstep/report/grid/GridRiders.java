package cn.doorstep.report.grid;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Zones;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.GridView;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.grid.GridRequests.GridRiderRequest;
import cn.doorstep.report.internal.GridRider;
import cn.doorstep.report.internal.GridRiderMapper;
import cn.doorstep.rider.RiderService;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流动网格员: a community's admin pairs a verified rider with one of its grids; the rider's reports then go
 * straight to that grid (see ReportFiling). A rider is paired with one grid at a time.
 */
@Service
public class GridRiders {

    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final GridRiderMapper pairs;
    private final RiderService riders;
    private final CommunityService communities;
    private final UserService users;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Clock clock;

    GridRiders(GridRiderMapper pairs, RiderService riders, CommunityService communities, UserService users,
               AuditLog audit, Notifier notifier, Clock clock) {
        this.pairs = pairs;
        this.riders = riders;
        this.communities = communities;
        this.users = users;
        this.audit = audit;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** A rider paired with a grid. */
    public record GridRiderView(long userId, String nickname, long gridId, String gridName, long communityId,
                                Instant pairedAt) {
    }

    /**
     * Pairs the rider with the grid (moving them from another grid of a community the caller administers);
     * audited; the rider is told.
     */
    @Transactional
    public GridRiderView pair(CurrentUser me, GridRiderRequest request) {
        long communityId = communities.communityOfGrid(request.gridId()).orElseThrow(() ->
                ApiException.badField(CommonError.VALIDATION_FAILED, "gridId", "no grid has this id"));
        if (!me.isAdminOf(communityId)) {
            throw new ApiException(ReportError.NOT_A_WORKER);
        }
        if (!riders.isVerified(request.userId())) {
            throw ApiException.badField(ReportError.NOT_A_VERIFIED_RIDER, "userId", "not a verified rider");
        }
        GridRider pair = pairs.selectById(request.userId());
        if (pair != null && !me.isAdminOf(pair.getCommunityId())) {
            throw new ApiException(ReportError.RIDER_PAIRED_ELSEWHERE);
        }
        Long movedFrom = pair == null ? null : pair.getGridId();
        if (pair == null) {
            pair = new GridRider();
            pair.setUserId(request.userId());
        }
        pair.setGridId(request.gridId());
        pair.setCommunityId(communityId);
        pair.setPairedBy(me.id());
        try {
            if (movedFrom == null) {
                pairs.insert(pair);
            } else {
                pairs.updateById(pair);
            }
        } catch (DuplicateKeyException e) {
            // another admin paired them at the same moment
            throw new ApiException(ReportError.CHANGED_MEANWHILE, "The rider was paired meanwhile", Map.of());
        }
        audit.record(me.id(), communityId, "report.grid-rider.pair", "user", request.userId(),
                movedFrom == null ? "grid " + request.gridId() : "grid " + movedFrom + " -> " + request.gridId());
        String gridName = communities.gridNamesOf(List.of(request.gridId())).get(request.gridId());
        tellRider(request.userId(), communities.get(communityId).name(), gridName);
        return view(pairs.selectById(request.userId()), users.find(request.userId()).orElse(null), gridName);
    }

    /** The riders paired with the community's grids (its admins; 403 for anyone else). */
    @Transactional(readOnly = true)
    public PageResult<GridRiderView> list(CurrentUser me, long communityId, PageQuery page) {
        if (!me.isAdminOf(communityId)) {
            throw new ApiException(ReportError.NOT_A_WORKER);
        }
        Map<Long, GridView> grids = communities.grids(communityId).stream()
                .collect(Collectors.toMap(GridView::id, Function.identity()));
        if (grids.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Page<GridRider> rows = pairs.selectByGrids(grids.keySet(), new Page<>(page.page(), page.size()));
        Map<Long, UserView> people = users.findAll(rows.getRecords().stream().map(GridRider::getUserId).toList());
        return PageResult.of(rows.getRecords().stream().map(p -> view(p, people.get(p.getUserId()),
                grids.get(p.getGridId()).name())).toList(), rows.getTotal(), page);
    }

    /** Ends the pairing (404 when the rider is not paired with a grid of the caller's communities); audited. */
    @Transactional
    public void unpair(CurrentUser me, long userId) {
        GridRider pair = pairs.selectById(userId);
        if (pair == null || !me.isAdminOf(pair.getCommunityId())) {
            throw new ApiException(ReportError.RIDER_NOT_PAIRED);
        }
        if (pairs.deleteById(userId) == 1) {
            audit.record(me.id(), pair.getCommunityId(), "report.grid-rider.unpair", "user", userId, "grid " + pair.getGridId());
        }
    }

    private void tellRider(long userId, String communityName, String gridName) {
        Instant now = clock.instant();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", communityName);
        fields.put("thing2", gridName);
        fields.put("time3", NOTICE_TIME.format(now.atZone(Zones.CHINA)));
        notifier.notify(userId, NotificationKind.GRID_RIDER_PAIRED, fields, "pages/report/new",
                "grid-rider-paired:" + userId + ":" + now.toEpochMilli());
    }

    private static GridRiderView view(GridRider pair, UserView user, String gridName) {
        return new GridRiderView(pair.getUserId(), user == null ? null : user.nickname(), pair.getGridId(), gridName,
                pair.getCommunityId(), pair.getCreatedAt());
    }
}
