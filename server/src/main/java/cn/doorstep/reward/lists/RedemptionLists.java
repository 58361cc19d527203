package cn.doorstep.reward.lists;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Spreadsheets;
import cn.doorstep.common.Zones;
import cn.doorstep.reward.RedemptionStatus;
import cn.doorstep.reward.RewardError;
import cn.doorstep.reward.RewardKind;
import cn.doorstep.reward.internal.Redemption;
import cn.doorstep.reward.internal.RedemptionMapper;
import cn.doorstep.reward.internal.Reward;
import cn.doorstep.reward.internal.RewardMapper;
import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.StationDirectory;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of redemptions for the people who hand them over and keep the books. A page or a batch is
 * one query for the redemptions and one each for their rewards, stations and holders.
 */
@Service
public class RedemptionLists {

    private final RedemptionMapper redemptions;
    private final RewardMapper rewards;
    private final StationDirectory stations;
    private final UserService users;

    RedemptionLists(RedemptionMapper redemptions, RewardMapper rewards, StationDirectory stations, UserService users) {
        this.redemptions = redemptions;
        this.rewards = rewards;
        this.stations = stations;
        this.users = users;
    }

    /** An admin's filters; every one optional. Dates are China dates of the redemption, both included. */
    public record Filter(Long communityId, Long stationId, RedemptionStatus status, LocalDate from, LocalDate to) {
    }

    /** The redemptions of one status (PENDING: waiting to be picked up) at a station, for its staff. */
    @Transactional(readOnly = true)
    public PageResult<RedemptionLine> atStation(CurrentUser staff, long stationId, RedemptionStatus status,
                                                PageQuery page) {
        if (!staff.isStaffOf(stationId)) {
            throw new ApiException(RewardError.NOT_STATION_STAFF, "Only the station's staff see its redemptions");
        }
        Page<Redemption> rows = redemptions.selectAtStation(stationId,
                (status == null ? RedemptionStatus.PENDING : status).name(), new Page<>(page.page(), page.size()));
        return PageResult.of(lines(rows.getRecords()), rows.getTotal(), page);
    }

    /** The redemptions of the caller's communities (a street's or district's admin: all below it). */
    @Transactional(readOnly = true)
    public PageResult<RedemptionLine> forAdmin(CurrentUser admin, Filter filter, PageQuery page) {
        Set<Long> scope = scope(admin, filter.communityId());
        if (scope.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Page<Redemption> rows = redemptions.selectForAdmin(scope, filter.stationId(), status(filter),
                Zones.startOf(filter.from()), Zones.endOf(filter.to()), new Page<>(page.page(), page.size()));
        return PageResult.of(lines(rows.getRecords()), rows.getTotal(), page);
    }

    /**
     * The same list as a 台账 workbook, phones masked. Counted first: more than
     * {@link Spreadsheets#MAX_ROWS} is a 400 before anything is written.
     */
    @Transactional(readOnly = true)
    public Spreadsheets.Export export(CurrentUser admin, Filter filter) {
        Set<Long> scope = scope(admin, filter.communityId());
        Instant from = Zones.startOf(filter.from());
        Instant until = Zones.endOf(filter.to());
        String status = status(filter);
        if (!scope.isEmpty()) {
            Spreadsheets.requireWithinLimit(redemptions.countForAdmin(scope, filter.stationId(), status, from, until));
        }
        List<String> header = List.of("编号", "奖品", "类型", "数量", "积分", "站点", "社区编号", "兑换人编号", "兑换人",
                "手机", "状态", "兑换时间", "领取截止", "核销时间", "核销人编号");
        return new Spreadsheets.Export("兑换台账", header, sink -> {
            long after = 0;
            while (!scope.isEmpty()) {
                List<Redemption> batch = redemptions.selectBatchForAdmin(scope, filter.stationId(), status, from, until,
                        after, Spreadsheets.BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                sink.accept(lines(batch).stream().map(RedemptionLists::row).toList());
                after = batch.get(batch.size() - 1).getId();
            }
        });
    }

    private static List<Object> row(RedemptionLine l) {
        var row = new ArrayList<Object>();
        row.add(l.id());
        row.add(l.rewardName());
        row.add(l.kind());
        row.add(l.quantity());
        row.add(l.points());
        row.add(l.station().name());
        row.add(l.communityId());
        row.add(l.holder().userId());
        row.add(l.holder().nickname());
        row.add(l.holder().phone());
        row.add(l.status());
        row.add(l.createdAt());
        row.add(l.collectBy());
        row.add(l.redeemedAt());
        row.add(l.redeemedBy());
        return row;
    }

    private static String status(Filter filter) {
        return filter.status() == null ? null : filter.status().name();
    }

    private static Set<Long> scope(CurrentUser admin, Long communityId) {
        Set<Long> mine = admin.adminCommunityIds();
        if (communityId != null) {
            return mine.contains(communityId) ? Set.of(communityId) : Set.of();
        }
        return mine;
    }

    private List<RedemptionLine> lines(List<Redemption> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Reward> byId = rewards.selectBatchIds(list.stream().map(Redemption::getRewardId).distinct().toList())
                .stream().collect(Collectors.toMap(Reward::getId, Function.identity()));
        Map<Long, StationRef> where = stations.findAll(list.stream().map(Redemption::getStationId).distinct().toList());
        Map<Long, UserView> holders = users.findAll(list.stream().map(Redemption::getUserId).distinct().toList());
        return list.stream().map(r -> {
            Reward reward = byId.get(r.getRewardId());
            StationRef at = where.get(r.getStationId());
            UserView holder = holders.get(r.getUserId());
            return new RedemptionLine(r.getId(), r.getRewardId(), reward == null ? null : reward.getName(),
                    reward == null ? null : RewardKind.valueOf(reward.getKind()), r.getQuantity(), r.getPoints(),
                    new RedemptionLine.Station(r.getStationId(), at == null ? null : at.name()), r.getCommunityId(),
                    new RedemptionLine.Holder(r.getUserId(), holder == null ? null : holder.nickname(),
                            holder == null ? null : holder.phone()),
                    RedemptionStatus.valueOf(r.getStatus()), r.getCollectBy(), r.getRedeemedAt(), r.getRedeemedBy(),
                    r.getClosedAt(), r.getCreatedAt());
        }).toList();
    }
}
