package cn.doorstep.booking.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ActivityMapper {

    @Insert("""
            INSERT INTO booking_activity (station_id, title, place, description, starts_at, ends_at, audience, points,
                created_by, created_at)
            VALUES (#{stationId}, #{title}, #{place}, #{description}, #{startsAt}, #{endsAt}, #{audience}, #{points},
                #{createdBy}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(ActivityRow row);

    @Select("SELECT * FROM booking_activity WHERE id = #{id}")
    ActivityRow selectById(long id);

    @Select("""
            SELECT * FROM booking_activity WHERE station_id = #{stationId} AND ends_at > #{after}
            ORDER BY starts_at, id LIMIT 100
            """)
    List<ActivityRow> selectComing(@Param("stationId") long stationId, @Param("after") Instant after);
}
