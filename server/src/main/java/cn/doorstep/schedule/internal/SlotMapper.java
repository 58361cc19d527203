package cn.doorstep.schedule.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Slots. Every change of booked, held, capacity or status is one guarded UPDATE whose row count
 * decides, and bumps {@code version} (what the Redis gate's reload checks).
 */
@Mapper
public interface SlotMapper {

    /** Generated slots: a (service, start) that exists already is left alone, so generating twice adds nothing. */
    @Insert("""
            <script>
            INSERT IGNORE INTO booking_slot (station_id, service_id, starts_at, ends_at, capacity, status, manual, created_at)
            VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.stationId}, #{r.serviceId}, #{r.startsAt}, #{r.endsAt}, #{r.capacity}, 'OPEN', #{r.manual}, #{r.createdAt})
            </foreach>
            </script>
            """)
    int insertIgnore(@Param("rows") List<SlotRow> rows);

    @Insert("""
            INSERT INTO booking_slot (station_id, service_id, activity_id, starts_at, ends_at, capacity, status, manual, created_at)
            VALUES (#{stationId}, #{serviceId}, #{activityId}, #{startsAt}, #{endsAt}, #{capacity}, 'OPEN', #{manual}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(SlotRow row);

    @Select("SELECT * FROM booking_slot WHERE id = #{id}")
    SlotRow selectById(long id);

    @Select("SELECT * FROM booking_slot WHERE activity_id = #{activityId}")
    SlotRow selectByActivity(long activityId);

    /** Many slots in one statement (for lists); {@code ids} must not be empty. */
    @Select("""
            <script>
            SELECT * FROM booking_slot WHERE id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<SlotRow> selectByIds(@Param("ids") Collection<Long> ids);

    /** The slots of many activities in one statement (for lists); {@code ids} must not be empty. */
    @Select("""
            <script>
            SELECT * FROM booking_slot WHERE activity_id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<SlotRow> selectByActivities(@Param("ids") Collection<Long> ids);

    @Select("""
            SELECT * FROM booking_slot WHERE service_id = #{serviceId} AND starts_at >= #{from} AND starts_at < #{to}
            ORDER BY starts_at
            """)
    List<SlotRow> selectOfService(@Param("serviceId") long serviceId, @Param("from") Instant from, @Param("to") Instant to);

    @Select("SELECT id FROM booking_slot WHERE service_id = #{serviceId} AND starts_at > #{after}")
    List<Long> selectFutureIds(@Param("serviceId") long serviceId, @Param("after") Instant after);

    /** DESIGN §4's guard: a seat is taken only while one is free (seats offered to the waitlist are not). */
    @Update("""
            UPDATE booking_slot SET booked = booked + 1, version = version + 1
            WHERE id = #{id} AND status = 'OPEN' AND booked + held < capacity
            """)
    int takeSeat(long id);

    @Update("UPDATE booking_slot SET booked = booked - 1, version = version + 1 WHERE id = #{id} AND booked > 0")
    int releaseSeat(long id);

    /** A free seat set aside for the waitlisted user it is offered to. */
    @Update("""
            UPDATE booking_slot SET held = held + 1, version = version + 1
            WHERE id = #{id} AND status = 'OPEN' AND booked + held < capacity
            """)
    int holdSeat(long id);

    @Update("UPDATE booking_slot SET held = held - 1, version = version + 1 WHERE id = #{id} AND held > 0")
    int unholdSeat(long id);

    /** An accepted offer: the held seat becomes a booked one. */
    @Update("""
            UPDATE booking_slot SET held = held - 1, booked = booked + 1, version = version + 1
            WHERE id = #{id} AND status = 'OPEN' AND held > 0
            """)
    int bookHeldSeat(long id);

    @Update("""
            UPDATE booking_slot SET status = 'CLOSED', held = 0, version = version + 1
            WHERE id = #{id} AND status = 'OPEN'
            """)
    int close(long id);

    /** A new capacity for the service's coming slots, where it still fits their bookings. */
    @Update("""
            UPDATE booking_slot SET capacity = #{capacity}, version = version + 1
            WHERE service_id = #{serviceId} AND starts_at > #{after} AND status = 'OPEN' AND booked + held <= #{capacity}
            """)
    int setCapacity(@Param("serviceId") long serviceId, @Param("after") Instant after, @Param("capacity") int capacity);

    @Select("SELECT version FROM booking_slot WHERE id = #{id}")
    Long selectVersion(long id);
}
