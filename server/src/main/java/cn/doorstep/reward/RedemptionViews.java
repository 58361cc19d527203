package cn.doorstep.reward;

import cn.doorstep.reward.internal.Redemption;
import cn.doorstep.reward.internal.Reward;
import cn.doorstep.reward.internal.RewardMapper;
import cn.doorstep.station.StationDirectory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds what the holder's phone and the staff's phone show of redemptions. */
@Component
class RedemptionViews {

    private final RewardMapper rewards;
    private final StationDirectory stations;

    RedemptionViews(RewardMapper rewards, StationDirectory stations) {
        this.rewards = rewards;
        this.stations = stations;
    }

    RedemptionView of(Redemption r) {
        return of(List.of(r)).get(0);
    }

    List<RedemptionView> of(List<Redemption> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Reward> byId = rewards.selectBatchIds(list.stream().map(Redemption::getRewardId).distinct().toList())
                .stream().collect(Collectors.toMap(Reward::getId, Function.identity()));
        Map<Long, StationDirectory.StationRef> where = stations.findAll(list.stream().map(Redemption::getStationId).toList());
        return list.stream().map(r -> {
            Reward reward = byId.get(r.getRewardId());
            StationDirectory.StationRef at = where.get(r.getStationId());
            var station = new RedemptionView.Station(r.getStationId(), at == null ? null : at.name());
            return new RedemptionView(r.getId(), r.getRewardId(), reward == null ? null : reward.getName(),
                    reward == null ? null : RewardKind.valueOf(reward.getKind()), r.getQuantity(), r.getPoints(),
                    r.getCode(), Redemptions.QR_PREFIX + r.getCode(), station, RedemptionStatus.valueOf(r.getStatus()),
                    r.getCollectBy(), r.getRedeemedAt(), r.getClosedAt(), r.getCreatedAt());
        }).toList();
    }
}
