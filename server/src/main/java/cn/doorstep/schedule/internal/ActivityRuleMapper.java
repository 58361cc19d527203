package cn.doorstep.schedule.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ActivityRuleMapper extends BaseMapper<ActivityRule> {

    /** A batch of the rules still making occurrences, after {@code afterId}, by id. */
    default List<ActivityRule> selectActiveAfter(long afterId, int limit) {
        return selectPage(new Page<>(1, limit, false), new LambdaQueryWrapper<ActivityRule>()
                .eq(ActivityRule::getStatus, ActivityRule.ACTIVE).gt(ActivityRule::getId, afterId)
                .orderByAsc(ActivityRule::getId)).getRecords();
    }

    /** A page of a station's rules still making occurrences, oldest first. */
    default Page<ActivityRule> selectActiveAt(long stationId, Page<ActivityRule> page) {
        return selectPage(page, new LambdaQueryWrapper<ActivityRule>().eq(ActivityRule::getStationId, stationId)
                .eq(ActivityRule::getStatus, ActivityRule.ACTIVE).orderByAsc(ActivityRule::getId));
    }

    /** Ends an ACTIVE rule; the row count says whether this call did. */
    @Update("UPDATE booking_activity_rule SET status = 'ENDED', updated_at = #{at} WHERE id = #{id} AND status = 'ACTIVE'")
    int end(@Param("id") long id, @Param("at") Instant at);
}
