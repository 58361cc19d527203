package cn.doorstep.points.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface LedgerMapper extends BaseMapper<LedgerEntry> {

    /** The entry of one award or spend, if it happened: the key that makes each happen once. */
    default LedgerEntry selectByRef(long userId, String reason, String refType, String refId) {
        return selectOne(new LambdaQueryWrapper<LedgerEntry>().eq(LedgerEntry::getUserId, userId)
                .eq(LedgerEntry::getReason, reason).eq(LedgerEntry::getRefType, refType).eq(LedgerEntry::getRefId, refId));
    }

    /** Entries of those communities, filtered (the 台账 export counts them before writing). */
    default long countForExport(Collection<Long> communities, String reason, Instant from, Instant until) {
        return selectCount(exported(communities, reason, from, until));
    }

    /** One batch of the export, in id order after {@code afterId}. */
    default List<LedgerEntry> selectExportBatch(Collection<Long> communities, String reason, Instant from,
                                                Instant until, long afterId, int limit) {
        return selectPage(new Page<>(1, limit, false), exported(communities, reason, from, until)
                .gt(LedgerEntry::getId, afterId).orderByAsc(LedgerEntry::getId)).getRecords();
    }

    private static LambdaQueryWrapper<LedgerEntry> exported(Collection<Long> communities, String reason, Instant from,
                                                            Instant until) {
        return new LambdaQueryWrapper<LedgerEntry>().in(LedgerEntry::getCommunityId, communities)
                .eq(reason != null, LedgerEntry::getReason, reason)
                .ge(from != null, LedgerEntry::getCreatedAt, from)
                .lt(until != null, LedgerEntry::getCreatedAt, until);
    }

    @Select("""
            SELECT * FROM points_ledger
            WHERE user_id = #{userId} AND reason = #{reason} AND ref_type = #{refType} AND ref_id = #{refId}
            FOR UPDATE
            """)
    LedgerEntry selectByRefForUpdate(@Param("userId") long userId, @Param("reason") String reason,
                                     @Param("refType") String refType, @Param("refId") String refId);

    @Select("SELECT SUM(hours) FROM points_ledger WHERE user_id = #{userId} AND reason = 'VOLUNTEER_SERVICE'")
    java.math.BigDecimal sumServiceHours(@Param("userId") long userId);

    default Page<LedgerEntry> selectNewestFirst(long userId, Page<LedgerEntry> page) {
        return selectPage(page, new LambdaQueryWrapper<LedgerEntry>().eq(LedgerEntry::getUserId, userId)
                .orderByDesc(LedgerEntry::getId));
    }

    /** A user's entries in a period, oldest first (statements). */
    default List<LedgerEntry> selectBetween(long userId, Instant from, Instant until) {
        return selectList(new LambdaQueryWrapper<LedgerEntry>().eq(LedgerEntry::getUserId, userId)
                .ge(LedgerEntry::getCreatedAt, from).lt(LedgerEntry::getCreatedAt, until).orderByAsc(LedgerEntry::getId));
    }

    /** Points earned (earning reasons, positive) per user in a community since a moment: the leaderboard. */
    @Select("""
            SELECT user_id AS userId, SUM(delta) AS points FROM points_ledger
            WHERE community_id = #{communityId} AND created_at >= #{since} AND delta > 0
              AND reason IN ('RIDER_CHECKIN', 'VOLUNTEER_SERVICE', 'WISH_FULFILLED', 'ACTIVITY_ATTENDED',
                             'REPORT_RESOLVED')
            GROUP BY user_id
            """)
    List<UserPoints> selectEarnedInCommunitySince(@Param("communityId") long communityId, @Param("since") Instant since);

    record UserPoints(long userId, long points) {
    }
}
