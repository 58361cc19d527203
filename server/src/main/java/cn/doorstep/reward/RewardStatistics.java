package cn.doorstep.reward;

import cn.doorstep.common.Zones;
import cn.doorstep.reward.internal.RewardStatisticsMapper;
import cn.doorstep.reward.internal.RewardStatisticsMapper.Made;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reward figures for the cockpit's statistics: a community's redemptions by the day they were made (asked again
 * on {@link RedemptionChanged}), and the stock books of a scope's rewards as they stand now.
 */
@Service
@Transactional(readOnly = true)
public class RewardStatistics {

    /** One reward's live redemptions (to collect or collected, not cancelled or expired) made on a China day. */
    public record RewardDay(long communityId, LocalDate day, long rewardId, long redemptions, long points) {
    }

    /**
     * One reward's stock books: {@code stock + redeemed == stockedIn} when they hold ({@code consistent}).
     *
     * @param stockedIn the units that came in (the initial stock and every restock)
     * @param redeemed  the units of its live redemptions (to collect or collected; cancelled and expired ones gave theirs back)
     */
    public record RewardStock(long rewardId, String name, long stock, long stockedIn, long redeemed, boolean consistent) {
    }

    private final RewardStatisticsMapper mapper;

    RewardStatistics(RewardStatisticsMapper mapper) {
        this.mapper = mapper;
    }

    /** Per day from {@code from} to {@code to} and reward, the live redemptions made then; days without one left out. */
    public List<RewardDay> redemptionsByDay(long communityId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Long, long[]>> days = new TreeMap<>();
        for (Made m : mapper.selectLiveMade(communityId, Zones.startOf(from), Zones.endOf(to))) {
            long[] sums = days.computeIfAbsent(LocalDate.ofInstant(m.createdAt(), Zones.CHINA), k -> new TreeMap<>())
                    .computeIfAbsent(m.rewardId(), k -> new long[2]);
            sums[0]++;
            sums[1] += m.points();
        }
        var out = new ArrayList<RewardDay>();
        days.forEach((day, rewards) -> rewards.forEach((reward, sums) ->
                out.add(new RewardDay(communityId, day, reward, sums[0], sums[1]))));
        return out;
    }

    /** The stock books of every reward of these communities (of the city when null), by reward id. */
    public List<RewardStock> stock(Collection<Long> communityIds) {
        if (communityIds != null && communityIds.isEmpty()) {
            return List.of();
        }
        return mapper.selectBooks(communityIds).stream().map(b -> new RewardStock(b.rewardId(), b.name(), b.stock(),
                b.stockedIn(), b.redeemed(), b.stock() + b.redeemed() == b.stockedIn())).toList();
    }
}
