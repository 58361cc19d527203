package cn.doorstep.reward.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * A community's live redemptions made in a range (idx_redemption_community_created, V24_8), and the stock books of
 * a scope's rewards (idx_reward_community; restocks by uk_reward_stock_in_ref, redemptions by idx_redemption_reward).
 */
@Mapper
public interface RewardStatisticsMapper {

    record Made(long rewardId, long points, Instant createdAt) {
    }

    record Books(long rewardId, String name, long stock, long stockedIn, long redeemed) {
    }

    @Select("SELECT reward_id, points, created_at FROM redemption WHERE community_id = #{community}"
            + " AND created_at >= #{from} AND created_at < #{until} AND status IN ('PENDING', 'REDEEMED')")
    List<Made> selectLiveMade(@Param("community") long community, @Param("from") Instant from,
                              @Param("until") Instant until);

    /** Every reward of these communities (all when null), by id. */
    @Select("""
            <script>SELECT r.id AS rewardId, r.name AS name, r.stock AS stock,
                   (SELECT COALESCE(SUM(i.quantity), 0) FROM reward_stock_in i WHERE i.reward_id = r.id) AS stockedIn,
                   (SELECT COALESCE(SUM(d.quantity), 0) FROM redemption d
                     WHERE d.reward_id = r.id AND d.status IN ('PENDING', 'REDEEMED')) AS redeemed
            FROM reward r<if test="communities != null"> WHERE r.community_id IN
            <foreach collection="communities" item="c" open="(" separator="," close=")">#{c}</foreach></if>
            ORDER BY r.id</script>
            """)
    List<Books> selectBooks(@Param("communities") Collection<Long> communities);
}
