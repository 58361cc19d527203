package cn.doorstep.deliberation.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface DecisionMapper extends BaseMapper<Decision> {

    /** The decisions of these meetings (a topic's page): one statement. */
    default List<Decision> selectOfMeetings(Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return List.of();
        }
        return selectList(new LambdaQueryWrapper<Decision>().in(Decision::getMeetingId, meetingIds)
                .orderByAsc(Decision::getMeetingId).orderByAsc(Decision::getSortOrder));
    }
}
