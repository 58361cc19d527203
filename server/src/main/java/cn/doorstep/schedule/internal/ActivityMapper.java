package cn.doorstep.schedule.internal;

import java.time.Instant;
import java.util.Collection;
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

    /** Many activities in one statement (for lists); {@code ids} must not be empty. */
    @Select("""
            <script>
            SELECT * FROM booking_activity WHERE id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<ActivityRow> selectByIds(@Param("ids") Collection<Long> ids);

    @Select("SELECT COUNT(*) FROM booking_activity WHERE station_id = #{stationId} AND ends_at > #{after}")
    long countComing(@Param("stationId") long stationId, @Param("after") Instant after);

    @Select("""
            SELECT * FROM booking_activity WHERE station_id = #{stationId} AND ends_at > #{after}
            ORDER BY starts_at, id LIMIT #{limit} OFFSET #{offset}
            """)
    List<ActivityRow> selectComing(@Param("stationId") long stationId, @Param("after") Instant after,
                                   @Param("limit") int limit, @Param("offset") long offset);
}
