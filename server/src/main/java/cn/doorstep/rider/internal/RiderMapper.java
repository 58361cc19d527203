package cn.doorstep.rider.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RiderMapper extends BaseMapper<Rider> {

    /** The registrations in this status of many users: one statement. */
    default List<Rider> selectByUsers(Collection<Long> userIds, String status) {
        return selectList(new LambdaQueryWrapper<Rider>().in(Rider::getUserId, userIds).eq(Rider::getStatus, status));
    }

    /** At most {@code limit} registrations in this status whose real name contains {@code part}, newest first. */
    default List<Rider> selectNamed(String part, String status, int limit) {
        return selectPage(new Page<>(1, limit, false), new LambdaQueryWrapper<Rider>().like(Rider::getRealName, part)
                .eq(Rider::getStatus, status).orderByDesc(Rider::getId)).getRecords();
    }

    default Rider selectByUser(long userId) {
        return selectOne(new LambdaQueryWrapper<Rider>().eq(Rider::getUserId, userId));
    }

    default Page<Rider> selectForReview(Collection<Long> communityIds, String status, Page<Rider> page) {
        return selectPage(page, new LambdaQueryWrapper<Rider>().in(Rider::getHomeCommunityId, communityIds)
                .eq(status != null, Rider::getStatus, status).orderByAsc(Rider::getId));
    }

    /**
     * Only the PENDING registration the reviewer saw (its version) can be decided, once: a reviewer who
     * loses a race, or who looked at an older version, changes nothing.
     */
    @Update("""
            UPDATE rider SET status = 'VERIFIED', pass_no = #{passNo}, reject_reason = NULL,
                             reviewed_by = #{reviewer}, reviewed_at = #{at}, updated_at = #{at}, version = version + 1
            WHERE id = #{id} AND status = 'PENDING' AND version = #{version}
            """)
    int verifyIfPending(@Param("id") long id, @Param("version") int version, @Param("passNo") String passNo,
                        @Param("reviewer") long reviewer, @Param("at") Instant at);

    @Update("""
            UPDATE rider SET status = 'REJECTED', reject_reason = #{reason},
                             reviewed_by = #{reviewer}, reviewed_at = #{at}, updated_at = #{at}, version = version + 1
            WHERE id = #{id} AND status = 'PENDING' AND version = #{version}
            """)
    int rejectIfPending(@Param("id") long id, @Param("version") int version, @Param("reason") String reason,
                        @Param("reviewer") long reviewer, @Param("at") Instant at);

    /** A verified rider whose phone changed is reviewed again: the pass is withdrawn until then. */
    @Update("""
            UPDATE rider SET status = 'PENDING', pass_no = NULL, reviewed_by = NULL, reviewed_at = NULL,
                             updated_at = #{at}, version = version + 1
            WHERE user_id = #{userId} AND status = 'VERIFIED'
            """)
    int backToReviewIfVerified(@Param("userId") long userId, @Param("at") Instant at);
}
