package cn.doorstep.schedule.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ServiceMapper extends BaseMapper<BookableService> {

    /** A page of a station's active services, oldest first. */
    default Page<BookableService> selectActiveAt(long stationId, Page<BookableService> page) {
        return selectPage(page, new LambdaQueryWrapper<BookableService>().eq(BookableService::getStationId, stationId)
                .eq(BookableService::getStatus, BookableService.ACTIVE).orderByAsc(BookableService::getId));
    }

    /** A batch of the active services after {@code afterId}, by id (the slot generator walks them all). */
    default List<BookableService> selectActiveAfter(long afterId, int limit) {
        return selectPage(new Page<>(1, limit, false), new LambdaQueryWrapper<BookableService>()
                .eq(BookableService::getStatus, BookableService.ACTIVE).gt(BookableService::getId, afterId)
                .orderByAsc(BookableService::getId)).getRecords();
    }
}
