package cn.doorstep.volunteer.internal;

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
public interface VolunteerApplicationMapper extends BaseMapper<VolunteerApplication> {

    /** The user's open (PENDING or APPROVED) application to the community, if any. */
    default VolunteerApplication selectOpen(long userId, long communityId) {
        return selectOne(new LambdaQueryWrapper<VolunteerApplication>().eq(VolunteerApplication::getUserId, userId)
                .eq(VolunteerApplication::getCommunityId, communityId)
                .in(VolunteerApplication::getStatus, "PENDING", "APPROVED"));
    }

    default Page<VolunteerApplication> selectByUser(long userId, Page<VolunteerApplication> page) {
        return selectPage(page, new LambdaQueryWrapper<VolunteerApplication>()
                .eq(VolunteerApplication::getUserId, userId).orderByDesc(VolunteerApplication::getId));
    }

    default Page<VolunteerApplication> selectForReview(Collection<Long> communityIds, String status,
                                                       Page<VolunteerApplication> page) {
        return selectPage(page, new LambdaQueryWrapper<VolunteerApplication>()
                .in(VolunteerApplication::getCommunityId, communityIds)
                .eq(status != null, VolunteerApplication::getStatus, status).orderByAsc(VolunteerApplication::getId));
    }

    /** The approved applications of these users in these communities (a page of volunteers): one statement. */
    default List<VolunteerApplication> selectApproved(Collection<Long> userIds, Collection<Long> communityIds) {
        return selectList(new LambdaQueryWrapper<VolunteerApplication>().in(VolunteerApplication::getUserId, userIds)
                .in(VolunteerApplication::getCommunityId, communityIds).eq(VolunteerApplication::getStatus, "APPROVED"));
    }

    /** Only a PENDING application is decided, once: of many admins deciding at once, one changes the row. */
    @Update("""
            UPDATE volunteer_application SET status = 'APPROVED', reviewed_by = #{reviewer}, reviewed_at = #{at},
                   updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING'
            """)
    int approveIfPending(@Param("id") long id, @Param("reviewer") long reviewer, @Param("at") Instant at);

    @Update("""
            UPDATE volunteer_application SET status = 'REJECTED', reason = #{reason}, reviewed_by = #{reviewer},
                   reviewed_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING'
            """)
    int rejectIfPending(@Param("id") long id, @Param("reason") String reason, @Param("reviewer") long reviewer,
                        @Param("at") Instant at);

    /** Ends the user's approved application to the community: LEFT (by themselves) or REVOKED (by an admin). */
    @Update("""
            UPDATE volunteer_application SET status = #{status}, reason = #{reason}, ended_by = #{by}, ended_at = #{at},
                   updated_at = #{at}
            WHERE user_id = #{userId} AND community_id = #{communityId} AND status = 'APPROVED'
            """)
    int endIfApproved(@Param("userId") long userId, @Param("communityId") long communityId,
                      @Param("status") String status, @Param("reason") String reason, @Param("by") long by,
                      @Param("at") Instant at);
}
