package cn.doorstep.rider.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface RiderCheckinMapper extends BaseMapper<RiderCheckin> {

    default RiderCheckin selectOfDay(long riderId, long stationId, LocalDate date) {
        return selectOne(new LambdaQueryWrapper<RiderCheckin>().eq(RiderCheckin::getRiderId, riderId)
                .eq(RiderCheckin::getStationId, stationId).eq(RiderCheckin::getCheckinDate, date));
    }

    default Page<RiderCheckin> selectByRider(long riderId, Page<RiderCheckin> page) {
        return selectPage(page, new LambdaQueryWrapper<RiderCheckin>().eq(RiderCheckin::getRiderId, riderId)
                .orderByDesc(RiderCheckin::getId));
    }
}
