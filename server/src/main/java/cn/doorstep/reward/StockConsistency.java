package cn.doorstep.reward;

import cn.doorstep.points.ConsistencyCheck;
import cn.doorstep.reward.internal.RewardMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rewards' part of the consistency report: for every reward, the stock that came in (initial and
 * restocks) minus the units of live redemptions (PENDING, REDEEMED) equals its stock — a double refund
 * shows as stock too high, an oversell as too low — and every holder's count equals their live units.
 */
@Component
class StockConsistency implements ConsistencyCheck {

    private final RewardMapper rewards;

    StockConsistency(RewardMapper rewards) {
        this.rewards = rewards;
    }

    @Override
    public String name() {
        return "reward.stock";
    }

    @Override
    public long checked() {
        return rewards.countRewards();
    }

    @Override
    public List<String> problems() {
        var problems = new ArrayList<String>();
        rewards.selectStockMismatches().forEach(m -> problems.add("reward " + m.rewardId() + ": stock " + m.stock()
                + ", came in " + m.stockIn() + ", live redemptions " + m.live()));
        rewards.selectHolderMismatches().forEach(m -> problems.add("reward " + m.rewardId() + " user " + m.userId()
                + ": holds " + m.units() + ", live redemptions " + m.live()));
        return problems;
    }
}
