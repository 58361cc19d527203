package cn.doorstep.notify.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OutboxMapper extends BaseMapper<OutboxRow> {

    /** One notice per (user, fact): announcing the same fact twice keeps the first. */
    @Insert("""
            INSERT IGNORE INTO notify_outbox (user_id, kind, data, page, dedupe_key, status, attempts, next_attempt_at,
                                              created_at)
            VALUES (#{userId}, #{kind}, #{data}, #{page}, #{dedupeKey}, 'PENDING', 0, #{at}, #{at})
            """)
    int enqueue(@Param("userId") long userId, @Param("kind") String kind, @Param("data") String data,
                @Param("page") String page, @Param("dedupeKey") String dedupeKey, @Param("at") Instant at);

    /**
     * Claims due messages for one sender run: pending ones, and sending ones whose run died (its
     * lease, {@code next_attempt_at}, passed). Instances never send the same message at once.
     */
    @Update("""
            UPDATE notify_outbox SET status = 'SENDING', claim = #{claim}, next_attempt_at = #{leaseUntil}
            WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= #{now}
            ORDER BY next_attempt_at, id LIMIT #{limit}
            """)
    int claim(@Param("claim") String claim, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil,
              @Param("limit") int limit);

    default List<OutboxRow> selectClaimed(String claim) {
        return selectList(new LambdaQueryWrapper<OutboxRow>().eq(OutboxRow::getClaim, claim)
                .eq(OutboxRow::getStatus, "SENDING").orderByAsc(OutboxRow::getId));
    }

    /** Records how a claimed send ended, unless another run re-claimed the message meanwhile. */
    @Update("""
            UPDATE notify_outbox SET status = #{status}, attempts = attempts + 1, last_error = #{error},
                                     next_attempt_at = #{next}, sent_at = #{sentAt}, claim = NULL
            WHERE id = #{id} AND claim = #{claim}
            """)
    int finish(@Param("id") long id, @Param("claim") String claim, @Param("status") String status,
               @Param("error") String error, @Param("next") Instant next, @Param("sentAt") Instant sentAt);

    default List<OutboxRow> selectOfUser(long userId) {
        return selectList(new LambdaQueryWrapper<OutboxRow>().eq(OutboxRow::getUserId, userId).orderByAsc(OutboxRow::getId));
    }

    @Insert("""
            INSERT INTO notify_consent (user_id, kind, remaining, updated_at) VALUES (#{userId}, #{kind}, 1, #{at})
            ON DUPLICATE KEY UPDATE remaining = LEAST(remaining + 1, 100), updated_at = VALUES(updated_at)
            """)
    int addConsent(@Param("userId") long userId, @Param("kind") String kind, @Param("at") Instant at);

    /** Uses one consent; 0 when the user has none left for this kind. */
    @Update("""
            UPDATE notify_consent SET remaining = remaining - 1, updated_at = #{at}
            WHERE user_id = #{userId} AND kind = #{kind} AND remaining > 0
            """)
    int useConsent(@Param("userId") long userId, @Param("kind") String kind, @Param("at") Instant at);

    /** Gives back a consent whose send did not reach the user (WeChat down): the retry needs it. */
    @Update("UPDATE notify_consent SET remaining = remaining + 1 WHERE user_id = #{userId} AND kind = #{kind}")
    int returnConsent(@Param("userId") long userId, @Param("kind") String kind);

    @org.apache.ibatis.annotations.Select("SELECT remaining FROM notify_consent WHERE user_id = #{userId} AND kind = #{kind}")
    Integer selectConsent(@Param("userId") long userId, @Param("kind") String kind);
}
