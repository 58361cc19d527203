package cn.doorstep.reward.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The catalogue and its stock. Stock moves only through the guarded one-line updates below, whose
 * row count the caller checks; the catalogue's other fields through {@code updateById}.
 */
@Mapper
public interface RewardMapper extends BaseMapper<Reward> {

    /** The stock guard (DESIGN §4): never below zero, however many redemptions race. */
    @Update("UPDATE reward SET stock = stock - #{quantity} WHERE id = #{id} AND stock >= #{quantity}")
    int take(@Param("id") long id, @Param("quantity") int quantity);

    /** A cancelled or expired redemption's units (or a restock) come back. */
    @Update("UPDATE reward SET stock = stock + #{quantity} WHERE id = #{id}")
    int giveBack(@Param("id") long id, @Param("quantity") int quantity);

    @Select("SELECT stock FROM reward WHERE id = #{id}")
    Integer selectStock(@Param("id") long id);

    @Update("UPDATE reward SET status = #{to}, updated_at = #{at} WHERE id = #{id} AND status = #{from}")
    int changeStatus(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("at") Instant at);

    /** What residents see: active, inside the availability window, newest first. */
    default Page<Reward> selectAvailable(Long communityId, Long stationId, Instant now, Page<Reward> page) {
        return selectPage(page, new LambdaQueryWrapper<Reward>().eq(Reward::getStatus, "ACTIVE")
                .eq(communityId != null, Reward::getCommunityId, communityId)
                .eq(stationId != null, Reward::getStationId, stationId)
                .and(w -> w.isNull(Reward::getAvailableFrom).or().le(Reward::getAvailableFrom, now))
                .and(w -> w.isNull(Reward::getAvailableUntil).or().gt(Reward::getAvailableUntil, now))
                .orderByDesc(Reward::getId));
    }

    /** An admin's list: every reward of the community, optionally of one status, newest first. */
    default Page<Reward> selectOfCommunity(long communityId, String status, Page<Reward> page) {
        return selectPage(page, new LambdaQueryWrapper<Reward>().eq(Reward::getCommunityId, communityId)
                .eq(status != null, Reward::getStatus, status).orderByDesc(Reward::getId));
    }

    // ---- stock that came in, for the consistency check ----------------------------------------

    @Insert("""
            INSERT INTO reward_stock_in (reward_id, quantity, reason, ref, operator_id, created_at)
            VALUES (#{rewardId}, #{quantity}, #{reason}, #{ref}, #{operator}, #{at})
            """)
    int addStockIn(@Param("rewardId") long rewardId, @Param("quantity") int quantity, @Param("reason") String reason,
                   @Param("ref") String ref, @Param("operator") long operator, @Param("at") Instant at);

    @Select("SELECT COUNT(*) FROM reward_stock_in WHERE reward_id = #{rewardId} AND ref = #{ref}")
    int countStockIn(@Param("rewardId") long rewardId, @Param("ref") String ref);

    @Select("SELECT COUNT(*) FROM reward")
    long countRewards();

    /**
     * Rewards whose stock is not what came in minus the units of live redemptions (PENDING or
     * REDEEMED): a double refund shows up as too much stock, an oversell as too little.
     */
    @Select("""
            SELECT r.id AS rewardId, r.stock AS stock,
                   (SELECT COALESCE(SUM(i.quantity), 0) FROM reward_stock_in i WHERE i.reward_id = r.id) AS stockIn,
                   (SELECT COALESCE(SUM(d.quantity), 0) FROM redemption d
                     WHERE d.reward_id = r.id AND d.status IN ('PENDING', 'REDEEMED')) AS live
            FROM reward r
            HAVING stock <> stockIn - live
            LIMIT 100
            """)
    List<StockMismatch> selectStockMismatches();

    /** Holders whose count differs from their live redemptions (the per-user limit's books). */
    @Select("""
            SELECT h.reward_id AS rewardId, h.user_id AS userId, h.units AS units,
                   (SELECT COALESCE(SUM(d.quantity), 0) FROM redemption d WHERE d.reward_id = h.reward_id
                      AND d.user_id = h.user_id AND d.status IN ('PENDING', 'REDEEMED')) AS live
            FROM reward_holder h
            HAVING units <> live
            LIMIT 100
            """)
    List<HolderMismatch> selectHolderMismatches();

    record StockMismatch(long rewardId, long stock, long stockIn, long live) {
    }

    record HolderMismatch(long rewardId, long userId, long units, long live) {
    }
}
