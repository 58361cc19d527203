package cn.doorstep.station.hours;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
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

    /** The first public holiday (kind HOLIDAY, not a 调休 working day) on or after {@code from}; null when none is known. */
    default PublicHoliday selectFirstHolidayFrom(LocalDate from) {
        return selectPage(new Page<>(1, 1, false),
                new LambdaQueryWrapper<PublicHoliday>().eq(PublicHoliday::getKind, DayKind.HOLIDAY.name())
                        .ge(PublicHoliday::getDay, from).orderByAsc(PublicHoliday::getDay))
                .getRecords().stream().findFirst().orElse(null);
    }

    @Insert("""
            INSERT INTO public_holiday (day, kind, name, updated_at) VALUES (#{day}, #{kind}, #{name}, #{updatedAt})
            ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name), updated_at = VALUES(updated_at)
            """)
    int upsert(PublicHoliday day);
}
