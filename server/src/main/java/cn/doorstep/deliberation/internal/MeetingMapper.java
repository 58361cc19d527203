package cn.doorstep.deliberation.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MeetingMapper extends BaseMapper<Meeting> {

    default List<Meeting> selectByTopic(long topicId) {
        return selectList(new LambdaQueryWrapper<Meeting>().eq(Meeting::getTopicId, topicId).orderByAsc(Meeting::getId));
    }

    default long countInStatus(long topicId, String status) {
        return selectCount(new LambdaQueryWrapper<Meeting>().eq(Meeting::getTopicId, topicId)
                .eq(Meeting::getStatus, status));
    }

    /** Minutes are recorded once: of two admins recording at once, one changes the row. */
    @Update("""
            UPDATE deliberation_meeting SET status = 'RECORDED', minutes = #{minutes}, attendance = #{attendance},
                   recorded_by = #{by}, recorded_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'SCHEDULED'
            """)
    int recordIfScheduled(@Param("id") long id, @Param("minutes") String minutes,
                          @Param("attendance") int attendance, @Param("by") long by, @Param("at") Instant at);
}
