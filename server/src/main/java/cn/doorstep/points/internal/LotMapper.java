package cn.doorstep.points.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface LotMapper extends BaseMapper<PointsLot> {

    /** A user's valid lots with points left, oldest expiry first: the order spending takes them in (locked). */
    @Select("""
            SELECT * FROM points_lot WHERE user_id = #{userId} AND remaining > 0 AND expires_at > #{now}
            ORDER BY expires_at, id
            FOR UPDATE
            """)
    List<PointsLot> selectSpendable(@Param("userId") long userId, @Param("now") Instant now);

    /**
     * A user's lots past their validity with points left. The user's index is named: when nothing is
     * due, the optimizer estimates the due index's range as empty and picks it, and then FOR UPDATE locks
     * the first lot beyond now of any user, the same record for every user's spend and award (they took
     * turns on it, and deadlocked with that lot's owner).
     */
    @Select("""
            SELECT * FROM points_lot FORCE INDEX (idx_points_lot_user)
            WHERE user_id = #{userId} AND remaining > 0 AND expires_at <= #{now}
            ORDER BY id FOR UPDATE
            """)
    List<PointsLot> selectDue(@Param("userId") long userId, @Param("now") Instant now);

    /** Users who have lots past their validity with points left (the expiry job's work list). */
    @Select("SELECT DISTINCT user_id FROM points_lot WHERE expires_at <= #{now} AND remaining > 0 LIMIT #{limit}")
    List<Long> selectUsersWithDueLots(@Param("now") Instant now, @Param("limit") int limit);

    @Select("""
            SELECT COALESCE(SUM(remaining), 0) FROM points_lot
            WHERE user_id = #{userId} AND remaining > 0 AND expires_at > #{now} AND expires_at <= #{until}
            """)
    long sumExpiringBetween(@Param("userId") long userId, @Param("now") Instant now, @Param("until") Instant until);

    /** Takes points from a lot only if it still holds what the caller read (the account row is locked). */
    @Update("UPDATE points_lot SET remaining = remaining - #{take} WHERE id = #{id} AND remaining = #{seen}")
    int take(@Param("id") long id, @Param("seen") long seen, @Param("take") long take);

    @Insert("INSERT INTO points_lot_use (ledger_id, lot_id, amount) VALUES (#{ledgerId}, #{lotId}, #{amount})")
    int recordUse(@Param("ledgerId") long ledgerId, @Param("lotId") long lotId, @Param("amount") long amount);

    /** The earliest expiry among the lots a spend took from: a refund is valid no longer than that. */
    @Select("""
            SELECT MIN(l.expires_at) FROM points_lot_use u JOIN points_lot l ON l.id = u.lot_id
            WHERE u.ledger_id = #{ledgerId}
            """)
    Instant selectEarliestExpiryOfSpend(@Param("ledgerId") long ledgerId);
}
