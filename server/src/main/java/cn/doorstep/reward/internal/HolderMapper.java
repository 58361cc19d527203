package cn.doorstep.reward.internal;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/**
 * The per-user limit: one row per (reward, user) counting the units in live redemptions. Taking more
 * is a conditional update on that row, so one user's parallel redemptions pass it one at a time.
 */
@Mapper
public interface HolderMapper {

    /** Outside the redemption's transaction, so the update below meets an existing row (no gap locks). */
    @Insert("INSERT IGNORE INTO reward_holder (reward_id, user_id, units) VALUES (#{rewardId}, #{userId}, 0)")
    int ensure(@Param("rewardId") long rewardId, @Param("userId") long userId);

    @Update("""
            UPDATE reward_holder SET units = units + #{quantity}
            WHERE reward_id = #{rewardId} AND user_id = #{userId} AND units + #{quantity} <= #{limit}
            """)
    int take(@Param("rewardId") long rewardId, @Param("userId") long userId, @Param("quantity") int quantity,
             @Param("limit") int limit);

    /** A cancelled or expired redemption's units no longer count (no row: the reward had no limit then). */
    @Update("""
            UPDATE reward_holder SET units = units - #{quantity}
            WHERE reward_id = #{rewardId} AND user_id = #{userId} AND units >= #{quantity}
            """)
    int giveBack(@Param("rewardId") long rewardId, @Param("userId") long userId, @Param("quantity") int quantity);
}
