package cn.doorstep.rider.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RiderMapper extends BaseMapper<Rider> {

    default Rider selectByUser(long userId) {
        return selectOne(new LambdaQueryWrapper<Rider>().eq(Rider::getUserId, userId));
    }

    default Page<Rider> selectForReview(Collection<Long> communityIds, String status, Page<Rider> page) {
        return selectPage(page, new LambdaQueryWrapper<Rider>().in(Rider::getHomeCommunityId, communityIds)
                .eq(status != null, Rider::getStatus, status).orderByAsc(Rider::getId));
    }

    /** Only a PENDING registration can be decided, once: the reviewer who loses a race changes nothing. */
    @Update("""
            UPDATE rider SET status = 'VERIFIED', pass_no = #{passNo}, reject_reason = NULL,
                             reviewed_by = #{reviewer}, reviewed_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING'
            """)
    int verifyIfPending(@Param("id") long id, @Param("passNo") String passNo, @Param("reviewer") long reviewer,
                        @Param("at") Instant at);

    @Update("""
            UPDATE rider SET status = 'REJECTED', reject_reason = #{reason},
                             reviewed_by = #{reviewer}, reviewed_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'PENDING'
            """)
    int rejectIfPending(@Param("id") long id, @Param("reason") String reason, @Param("reviewer") long reviewer,
                        @Param("at") Instant at);
}
