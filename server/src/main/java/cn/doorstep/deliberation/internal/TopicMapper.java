package cn.doorstep.deliberation.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface TopicMapper extends BaseMapper<Topic> {

    /**
     * The topic, locked: what changes a topic's meetings or tasks takes it first, so that the status it
     * leaves behind counts what the others committed (the last two tasks done at once make it DONE).
     */
    @Select("SELECT * FROM deliberation_topic WHERE id = #{id} FOR UPDATE")
    Topic selectForUpdate(@Param("id") long id);

    /**
     * A community's topics as its residents see them, newest first: a proposal WeChat held (REVIEW) or could
     * not check waits for an admin's acceptance unseen, except by its proposer.
     */
    default Page<Topic> selectForResidents(long communityId, String status, long viewerId, Page<Topic> page) {
        return selectPage(page, new LambdaQueryWrapper<Topic>().eq(Topic::getCommunityId, communityId)
                .eq(status != null, Topic::getStatus, status)
                .and(w -> w.ne(Topic::getStatus, "PROPOSED").or().isNull(Topic::getCheckResult)
                        .or().eq(Topic::getCheckResult, "PASS").or().eq(Topic::getCreatedBy, viewerId))
                .orderByDesc(Topic::getId));
    }

    default Page<Topic> selectForAdmin(Collection<Long> communityIds, String status, Page<Topic> page) {
        return selectPage(page, new LambdaQueryWrapper<Topic>().in(Topic::getCommunityId, communityIds)
                .eq(status != null, Topic::getStatus, status).orderByDesc(Topic::getId));
    }

    /** Only a PROPOSED topic is decided, once: of many admins deciding at once, one changes the row. */
    @Update("""
            UPDATE deliberation_topic SET status = 'ACCEPTED', decided_by = #{by}, decided_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'PROPOSED'
            """)
    int acceptIfProposed(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

    @Update("""
            UPDATE deliberation_topic SET status = 'DECLINED', decline_reason = #{reason}, decided_by = #{by},
                   decided_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'PROPOSED'
            """)
    int declineIfProposed(@Param("id") long id, @Param("reason") String reason, @Param("by") long by,
                          @Param("at") Instant at);

    /** One more supporter, while the topic is still a proposal. */
    @Update("UPDATE deliberation_topic SET supporters = supporters + 1 WHERE id = #{id} AND status = 'PROPOSED'")
    int addSupporter(@Param("id") long id);

    /** Moves a topic on the agenda (never a proposal or a declined one) to the status its meetings and tasks give. */
    @Update("""
            UPDATE deliberation_topic SET status = #{status}, updated_at = #{at}
            WHERE id = #{id} AND status IN ('ACCEPTED', 'SCHEDULED', 'DISCUSSED', 'DONE')
            """)
    int moveOnAgenda(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);
}
