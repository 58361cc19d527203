package cn.doorstep.deliberation.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface TaskMapper extends BaseMapper<Task> {

    default List<Task> selectByTopic(long topicId) {
        return selectList(new LambdaQueryWrapper<Task>().eq(Task::getTopicId, topicId).orderByAsc(Task::getId));
    }

    default long countOpen(long topicId) {
        return selectCount(new LambdaQueryWrapper<Task>().eq(Task::getTopicId, topicId).eq(Task::getStatus, "OPEN"));
    }

    /**
     * The tasks of these communities by deadline, soonest first; {@code overdueBefore} (today, China): only
     * the open ones due before it.
     */
    default Page<Task> selectForAdmin(Collection<Long> communityIds, LocalDate overdueBefore, Page<Task> page) {
        return selectPage(page, new LambdaQueryWrapper<Task>().in(Task::getCommunityId, communityIds)
                .eq(overdueBefore != null, Task::getStatus, "OPEN")
                .lt(overdueBefore != null, Task::getDueDate, overdueBefore)
                .orderByAsc(Task::getDueDate).orderByAsc(Task::getId));
    }

    /** A task is done once: of its owner and an admin marking it at once, one changes the row. */
    @Update("""
            UPDATE deliberation_task SET status = 'DONE', done_note = #{note}, done_by = #{by}, done_at = #{at},
                   updated_at = #{at}
            WHERE id = #{id} AND status = 'OPEN'
            """)
    int doneIfOpen(@Param("id") long id, @Param("note") String note, @Param("by") long by, @Param("at") Instant at);
}
