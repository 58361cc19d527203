package cn.doorstep.points.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PointsAccountMapper extends BaseMapper<PointsAccount> {

    /** Opens the account unless it exists; a member code already taken leaves it unopened (retry). */
    @Insert("""
            INSERT IGNORE INTO points_account (user_id, balance, earned, spent, expired, member_code, created_at, updated_at)
            VALUES (#{userId}, 0, 0, 0, 0, #{memberCode}, #{at}, #{at})
            """)
    int open(@Param("userId") long userId, @Param("memberCode") String memberCode, @Param("at") Instant at);

    /** The account row, locked for this transaction: every change of a user's points starts here. */
    @Select("SELECT * FROM points_account WHERE user_id = #{userId} FOR UPDATE")
    PointsAccount lock(@Param("userId") long userId);

    @Update("""
            UPDATE points_account SET balance = balance + #{points}, earned = earned + #{earned}, updated_at = #{at}
            WHERE user_id = #{userId} AND balance + #{points} >= 0
            """)
    int add(@Param("userId") long userId, @Param("points") long points, @Param("earned") long earned,
            @Param("at") Instant at);

    /** The spend guard: the balance never goes below zero, however many spends race. */
    @Update("""
            UPDATE points_account SET balance = balance - #{points}, spent = spent + #{points}, updated_at = #{at}
            WHERE user_id = #{userId} AND balance >= #{points}
            """)
    int spend(@Param("userId") long userId, @Param("points") long points, @Param("at") Instant at);

    @Update("""
            UPDATE points_account SET balance = balance + #{points}, spent = spent - #{points}, updated_at = #{at}
            WHERE user_id = #{userId}
            """)
    int refund(@Param("userId") long userId, @Param("points") long points, @Param("at") Instant at);

    @Update("""
            UPDATE points_account SET balance = balance - #{points}, expired = expired + #{points}, updated_at = #{at}
            WHERE user_id = #{userId} AND balance >= #{points}
            """)
    int expire(@Param("userId") long userId, @Param("points") long points, @Param("at") Instant at);

    default List<PointsAccount> selectByUsers(Collection<Long> userIds) {
        return selectList(new LambdaQueryWrapper<PointsAccount>().in(PointsAccount::getUserId, userIds));
    }

    default PointsAccount selectByMemberCode(String code) {
        return selectOne(new LambdaQueryWrapper<PointsAccount>().eq(PointsAccount::getMemberCode, code));
    }

    /** Accounts whose balance differs from the sum of their ledger or of their lots (should be none). */
    @Select("""
            SELECT a.user_id AS userId, a.balance AS balance,
                   (SELECT COALESCE(SUM(l.delta), 0) FROM points_ledger l WHERE l.user_id = a.user_id) AS ledgerSum,
                   (SELECT COALESCE(SUM(t.remaining), 0) FROM points_lot t WHERE t.user_id = a.user_id) AS lotSum
            FROM points_account a
            HAVING balance <> ledgerSum OR balance <> lotSum
            LIMIT 100
            """)
    List<Mismatch> selectMismatches();

    @Select("SELECT COUNT(*) FROM points_account")
    long countAccounts();

    record Mismatch(long userId, long balance, long ledgerSum, long lotSum) {
    }
}
