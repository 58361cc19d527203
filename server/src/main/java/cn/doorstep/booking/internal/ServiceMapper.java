package cn.doorstep.booking.internal;

import java.time.LocalDate;
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

    @Select("SELECT * FROM booking_service WHERE station_id = #{stationId} AND status = 'ACTIVE' ORDER BY id")
    List<ServiceRow> selectActiveAt(long stationId);

    @Select("SELECT * FROM booking_service WHERE status = 'ACTIVE' AND id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<ServiceRow> selectActiveAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    @Select("SELECT * FROM booking_service_exception WHERE service_id = #{serviceId} AND on_date >= #{from} ORDER BY on_date")
    List<ServiceException> selectExceptionsFrom(@Param("serviceId") long serviceId, @Param("from") LocalDate from);

    @Delete("DELETE FROM booking_service_exception WHERE service_id = #{serviceId}")
    int deleteExceptions(long serviceId);

    @Insert("""
            INSERT INTO booking_service_exception (service_id, on_date, closed, opens, closes)
            VALUES (#{serviceId}, #{onDate}, #{closed}, #{opens}, #{closes})
            """)
    int insertException(ServiceException row);
}
