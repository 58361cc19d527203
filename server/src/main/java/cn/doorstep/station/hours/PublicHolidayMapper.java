package cn.doorstep.station.hours;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface PublicHolidayMapper extends BaseMapper<PublicHoliday> {

    default List<PublicHoliday> selectYear(int year) {
        return selectList(new LambdaQueryWrapper<PublicHoliday>().between(PublicHoliday::getDay,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).orderByAsc(PublicHoliday::getDay));
    }

    default long countYear(int year) {
        return selectCount(new LambdaQueryWrapper<PublicHoliday>().between(PublicHoliday::getDay,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    @Insert("""
            INSERT INTO public_holiday (day, kind, name, updated_at) VALUES (#{day}, #{kind}, #{name}, #{updatedAt})
            ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name), updated_at = VALUES(updated_at)
            """)
    int upsert(PublicHoliday day);
}
