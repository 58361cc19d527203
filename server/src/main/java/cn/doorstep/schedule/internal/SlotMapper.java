package cn.doorstep.schedule.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/**
 * Slots. Every change of booked, held, capacity or status is one guarded UPDATE whose row count
 * decides, and bumps {@code version} (what the Redis gate's reload checks).
 */
@Mapper
public interface SlotMapper extends BaseMapper<SlotRow> {

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

    /** The one slot of an activity, or null. */
    default SlotRow selectByActivity(long activityId) {
        return selectOne(new LambdaQueryWrapper<SlotRow>().eq(SlotRow::getActivityId, activityId));
    }

    /** The slots of many activities in one statement (for lists); {@code ids} must not be empty. */
    default List<SlotRow> selectByActivities(Collection<Long> ids) {
        return selectList(new LambdaQueryWrapper<SlotRow>().in(SlotRow::getActivityId, ids));
    }

    /** A service's slots starting within [{@code from}, {@code to}), by start. */
    default List<SlotRow> selectOfService(long serviceId, Instant from, Instant to) {
        return selectList(new LambdaQueryWrapper<SlotRow>().eq(SlotRow::getServiceId, serviceId)
                .ge(SlotRow::getStartsAt, from).lt(SlotRow::getStartsAt, to).orderByAsc(SlotRow::getStartsAt));
    }

    /** The ids of a service's slots starting after {@code after}. */
    default List<Long> selectFutureIds(long serviceId, Instant after) {
        return selectList(new LambdaQueryWrapper<SlotRow>().select(SlotRow::getId).eq(SlotRow::getServiceId, serviceId)
                .gt(SlotRow::getStartsAt, after)).stream().map(SlotRow::getId).toList();
    }

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

    /** The slot's version now (null when there is no such slot). */
    default Long selectVersion(long id) {
        SlotRow row = selectOne(new LambdaQueryWrapper<SlotRow>().select(SlotRow::getVersion).eq(SlotRow::getId, id));
        return row == null ? null : row.getVersion();
    }
}
