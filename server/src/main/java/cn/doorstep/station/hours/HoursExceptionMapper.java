package cn.doorstep.station.hours;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface HoursExceptionMapper extends BaseMapper<HoursExceptionRow> {

    default List<HoursExceptionRow> selectFrom(Collection<Long> stationIds, LocalDate from) {
        return selectList(new LambdaQueryWrapper<HoursExceptionRow>().in(HoursExceptionRow::getStationId, stationIds)
                .ge(HoursExceptionRow::getOnDate, from).orderByAsc(HoursExceptionRow::getOnDate));
    }

    @Insert("""
            INSERT INTO station_hours_exception (station_id, on_date, closed, opens, closes, note)
            VALUES (#{stationId}, #{onDate}, #{closed}, #{opens}, #{closes}, #{note})
            ON DUPLICATE KEY UPDATE closed = VALUES(closed), opens = VALUES(opens), closes = VALUES(closes),
                                    note = VALUES(note)
            """)
    int upsert(HoursExceptionRow row);

    default int deleteOne(long stationId, LocalDate date) {
        return delete(new LambdaQueryWrapper<HoursExceptionRow>().eq(HoursExceptionRow::getStationId, stationId)
                .eq(HoursExceptionRow::getOnDate, date));
    }
}
