package cn.doorstep.reward.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Redemptions. Each way out of PENDING is one conditional UPDATE whose row count decides who moved
 * it; only that caller gives stock and points back.
 */
@Mapper
public interface RedemptionMapper extends BaseMapper<Redemption> {

    default Page<Redemption> selectMine(long userId, String status, Page<Redemption> page) {
        return selectPage(page, new LambdaQueryWrapper<Redemption>().eq(Redemption::getUserId, userId)
                .eq(status != null, Redemption::getStatus, status).orderByDesc(Redemption::getId));
    }

    /** What a station's staff see: its redemptions of one status, the soonest deadline first. */
    default Page<Redemption> selectAtStation(long stationId, String status, Page<Redemption> page) {
        return selectPage(page, new LambdaQueryWrapper<Redemption>().eq(Redemption::getStationId, stationId)
                .eq(Redemption::getStatus, status).orderByAsc(Redemption::getCollectBy).orderByAsc(Redemption::getId));
    }

    /** An admin's list: redemptions of those communities, filtered, newest first. */
    default Page<Redemption> selectForAdmin(Collection<Long> communities, Long stationId, String status, Instant from,
                                            Instant until, Page<Redemption> page) {
        return selectPage(page, filtered(communities, stationId, status, from, until).orderByDesc(Redemption::getId));
    }

    default long countForAdmin(Collection<Long> communities, Long stationId, String status, Instant from,
                               Instant until) {
        return selectCount(filtered(communities, stationId, status, from, until));
    }

    /** One batch of an export: the same filters, in id order after {@code afterId}. */
    default List<Redemption> selectBatchForAdmin(Collection<Long> communities, Long stationId, String status,
                                                 Instant from, Instant until, long afterId, int limit) {
        return selectPage(new Page<>(1, limit, false), filtered(communities, stationId, status, from, until)
                .gt(Redemption::getId, afterId).orderByAsc(Redemption::getId)).getRecords();
    }

    private static LambdaQueryWrapper<Redemption> filtered(Collection<Long> communities, Long stationId, String status,
                                                           Instant from, Instant until) {
        return new LambdaQueryWrapper<Redemption>().in(Redemption::getCommunityId, communities)
                .eq(stationId != null, Redemption::getStationId, stationId)
                .eq(status != null, Redemption::getStatus, status)
                .ge(from != null, Redemption::getCreatedAt, from)
                .lt(until != null, Redemption::getCreatedAt, until);
    }

    default Redemption selectByCode(String code) {
        return selectOne(new LambdaQueryWrapper<Redemption>().eq(Redemption::getCode, code));
    }

    default Redemption selectByRequest(long userId, String requestKey) {
        return selectOne(new LambdaQueryWrapper<Redemption>().eq(Redemption::getUserId, userId)
                .eq(Redemption::getRequestKey, requestKey));
    }

    /** The user cancels before collection. */
    @Update("""
            UPDATE redemption SET status = 'CANCELLED', closed_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND user_id = #{userId} AND status = 'PENDING'
            """)
    int cancel(@Param("id") long id, @Param("userId") long userId, @Param("at") Instant at);

    /** 核销: the station's staff hand it over, before the collection deadline. */
    @Update("""
            UPDATE redemption SET status = 'REDEEMED', redeemed_by = #{staff}, redeemed_at = #{at}, closed_at = #{at},
                                  updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING' AND collect_by > #{at}
            """)
    int redeem(@Param("id") long id, @Param("staff") long staff, @Param("at") Instant at);

    /** Not collected in time (re-checks the deadline, so a late job run cannot expire a fresh one). */
    @Update("""
            UPDATE redemption SET status = 'EXPIRED', closed_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING' AND collect_by <= #{at}
            """)
    int expire(@Param("id") long id, @Param("at") Instant at);

    @Select("""
            SELECT id FROM redemption WHERE status = 'PENDING' AND collect_by <= #{now}
            ORDER BY collect_by, id LIMIT #{limit}
            """)
    List<Long> selectDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Uncollected redemptions whose deadline falls between now and {@code horizon}, not reminded of yet. */
    @Select("""
            SELECT id FROM redemption
            WHERE status = 'PENDING' AND collect_by > #{now} AND collect_by <= #{horizon} AND reminded_at IS NULL
            ORDER BY collect_by, id LIMIT #{limit}
            """)
    List<Long> selectToRemind(@Param("now") Instant now, @Param("horizon") Instant horizon, @Param("limit") int limit);

    /** 1 for the one run that reminds of it (still pending, not past its deadline, not reminded yet). */
    @Update("""
            UPDATE redemption SET reminded_at = #{at}
            WHERE id = #{id} AND status = 'PENDING' AND reminded_at IS NULL AND collect_by > #{at}
            """)
    int markReminded(@Param("id") long id, @Param("at") Instant at);
}
