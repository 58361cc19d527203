package cn.doorstep.schedule.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ServiceMapper {

    @Insert("""
            INSERT INTO booking_service (station_id, name, kind, description, capacity, slot_minutes, weekly, horizon_days,
                min_notice_minutes, cancel_deadline_minutes, weekly_limit, audience, status, created_at, updated_at)
            VALUES (#{stationId}, #{name}, #{kind}, #{description}, #{capacity}, #{slotMinutes}, #{weekly}, #{horizonDays},
                #{minNoticeMinutes}, #{cancelDeadlineMinutes}, #{weeklyLimit}, #{audience}, #{status}, #{createdAt}, #{updatedAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(ServiceRow row);

    @Update("""
            UPDATE booking_service SET name = #{name}, kind = #{kind}, description = #{description}, capacity = #{capacity},
                slot_minutes = #{slotMinutes}, weekly = #{weekly}, horizon_days = #{horizonDays},
                min_notice_minutes = #{minNoticeMinutes}, cancel_deadline_minutes = #{cancelDeadlineMinutes},
                weekly_limit = #{weeklyLimit}, audience = #{audience}, status = #{status}, updated_at = #{updatedAt}
            WHERE id = #{id}
            """)
    int update(ServiceRow row);

    @Select("SELECT * FROM booking_service WHERE id = #{id}")
    ServiceRow selectById(long id);

    /** Many services in one statement (for lists); {@code ids} must not be empty. */
    @Select("""
            <script>
            SELECT * FROM booking_service WHERE id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<ServiceRow> selectByIds(@Param("ids") Collection<Long> ids);

    @Select("SELECT COUNT(*) FROM booking_service WHERE station_id = #{stationId} AND status = 'ACTIVE'")
    long countActiveAt(long stationId);

    @Select("""
            SELECT * FROM booking_service WHERE station_id = #{stationId} AND status = 'ACTIVE'
            ORDER BY id LIMIT #{limit} OFFSET #{offset}
            """)
    List<ServiceRow> selectActiveAt(@Param("stationId") long stationId, @Param("limit") int limit,
                                    @Param("offset") long offset);

    @Select("SELECT * FROM booking_service WHERE status = 'ACTIVE' AND id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<ServiceRow> selectActiveAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    @Select("SELECT * FROM booking_service_exception WHERE service_id = #{serviceId} AND on_date >= #{from} ORDER BY on_date")
    List<ServiceException> selectExceptionsFrom(@Param("serviceId") long serviceId, @Param("from") LocalDate from);

    /** The exceptions of many services from a date, in one statement; {@code ids} must not be empty. */
    @Select("""
            <script>
            SELECT * FROM booking_service_exception WHERE on_date &gt;= #{from} AND service_id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            ORDER BY service_id, on_date
            </script>
            """)
    List<ServiceException> selectExceptionsOf(@Param("ids") Collection<Long> ids, @Param("from") LocalDate from);

    @Delete("DELETE FROM booking_service_exception WHERE service_id = #{serviceId}")
    int deleteExceptions(long serviceId);

    @Insert("""
            INSERT INTO booking_service_exception (service_id, on_date, closed, opens, closes)
            VALUES (#{serviceId}, #{onDate}, #{closed}, #{opens}, #{closes})
            """)
    int insertException(ServiceException row);
}
