package cn.doorstep.rider.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** What the daily statistics read of the rider tables: ranges of the V24_1 indexes. */
@Mapper
public interface RiderStatisticsMapper {

    record StationDay(long stationId, LocalDate day, long count) {
    }

    @Select("<script>SELECT station_id, checkin_date AS day, COUNT(*) AS count FROM rider_checkin WHERE station_id IN"
            + " <foreach collection=\"stations\" item=\"s\" open=\"(\" separator=\",\" close=\")\">#{s}</foreach>"
            + " AND checkin_date &gt;= #{from} AND checkin_date &lt;= #{to} GROUP BY station_id, checkin_date</script>")
    List<StationDay> countCheckins(@Param("stations") Collection<Long> stations, @Param("from") LocalDate from,
                                   @Param("to") LocalDate to);

    @Select("SELECT created_at FROM rider WHERE home_community_id = #{community}"
            + " AND created_at >= #{from} AND created_at < #{until}")
    List<Instant> selectRegisteredAt(@Param("community") long community, @Param("from") Instant from,
                                     @Param("until") Instant until);

    @Select("SELECT reviewed_at FROM rider WHERE home_community_id = #{community} AND status = 'VERIFIED'"
            + " AND reviewed_at >= #{from} AND reviewed_at < #{until}")
    List<Instant> selectVerifiedAt(@Param("community") long community, @Param("from") Instant from,
                                   @Param("until") Instant until);

    @Select("<script>SELECT COUNT(*) FROM rider WHERE status = 'VERIFIED'<if test=\"communities != null\">"
            + " AND home_community_id IN <foreach collection=\"communities\" item=\"c\" open=\"(\" separator=\",\""
            + " close=\")\">#{c}</foreach></if></script>")
    long countVerified(@Param("communities") Collection<Long> communities);
}
