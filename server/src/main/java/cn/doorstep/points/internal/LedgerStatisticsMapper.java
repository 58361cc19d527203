package cn.doorstep.points.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The ledger's entries naming a community in a range (idx_points_ledger_rank), and balances summed over users. */
@Mapper
public interface LedgerStatisticsMapper {

    /** One ledger entry as the statistics see it. */
    record Movement(String reason, long delta, Instant createdAt) {
    }

    @Select("SELECT reason, delta, created_at FROM points_ledger WHERE community_id = #{community}"
            + " AND created_at >= #{from} AND created_at < #{until}")
    List<Movement> selectMovements(@Param("community") long community, @Param("from") Instant from,
                                   @Param("until") Instant until);

    /** The balances of these users (the primary key); of every account when {@code users} is null. */
    @Select("<script>SELECT COALESCE(SUM(balance), 0) FROM points_account<if test=\"users != null\"> WHERE user_id IN"
            + " <foreach collection=\"users\" item=\"u\" open=\"(\" separator=\",\" close=\")\">#{u}</foreach></if></script>")
    long sumBalances(@Param("users") Collection<Long> users);
}
