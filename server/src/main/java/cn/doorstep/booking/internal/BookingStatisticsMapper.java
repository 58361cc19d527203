package cn.doorstep.booking.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** What the daily statistics read of the booking table: ranges of idx_booking_station (station, starts_at). */
@Mapper
public interface BookingStatisticsMapper {

    record Booked(long stationId, Long serviceId, Long activityId, String status, Instant startsAt) {
    }

    @Select("<script>SELECT station_id, service_id, activity_id, status, starts_at FROM booking WHERE station_id IN"
            + " <foreach collection=\"stations\" item=\"s\" open=\"(\" separator=\",\" close=\")\">#{s}</foreach>"
            + " AND starts_at &gt;= #{from} AND starts_at &lt; #{until}</script>")
    List<Booked> selectStarting(@Param("stations") Collection<Long> stations, @Param("from") Instant from,
                                @Param("until") Instant until);
}
