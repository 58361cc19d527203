package cn.doorstep.station.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface StationMapper extends BaseMapper<Station> {

    /** The next batch of stations on the map, in id order: the index rebuild walks the table with it. */
    default List<Station> selectActiveAfter(long afterId, int batch) {
        return selectPage(new Page<>(1, batch, false), new LambdaQueryWrapper<Station>()
                .eq(Station::getStatus, Station.ACTIVE).gt(Station::getId, afterId).orderByAsc(Station::getId))
                .getRecords();
    }

    /** Last writer wins: a status toggle needs no version check, but still bumps the version. */
    @Update("""
            UPDATE station SET live_status = #{status}, live_note = #{note}, live_updated_at = #{at},
                               version = version + 1, updated_at = #{at}
            WHERE id = #{id}
            """)
    int updateLiveStatus(@Param("id") long id, @Param("status") String status, @Param("note") String note,
                         @Param("at") java.time.Instant at);

    default Station selectByCheckinCode(String code) {
        return selectOne(new LambdaQueryWrapper<Station>().eq(Station::getCheckinCode, code));
    }

    /** A community's stations, closed ones included. */
    default Page<Station> selectInCommunity(long communityId, Page<Station> page) {
        return selectPage(page, new LambdaQueryWrapper<Station>().eq(Station::getCommunityId, communityId)
                .ne(Station::getStatus, Station.DELETED)
                .orderByAsc(Station::getId));
    }

    /** Name or address contains {@code text} (already LIKE-escaped), within one community. */
    default Page<Station> searchInCommunity(long communityId, String escapedText, String kind, Page<Station> page) {
        return selectPage(page, new LambdaQueryWrapper<Station>().eq(Station::getCommunityId, communityId)
                .eq(Station::getStatus, Station.ACTIVE)
                .like(kind != null, Station::getKinds, kind)
                .and(w -> w.like(Station::getName, escapedText).or().like(Station::getAddress, escapedText))
                .orderByAsc(Station::getId));
    }

    /**
     * The naive way to find stations near a point: the great-circle distance of every active row,
     * filtered and sorted in SQL. Kept as the fallback while the GEO index is rebuilt, and as the
     * benchmark's baseline ({@code doorstep.station.search-mode=sql}).
     */
    @Select("""
            SELECT id, distance FROM (
              SELECT id, 6372797.560856 * 2 * ASIN(SQRT(
                       POWER(SIN(RADIANS(lat - #{lat}) / 2), 2)
                     + COS(RADIANS(#{lat})) * COS(RADIANS(lat)) * POWER(SIN(RADIANS(lng - #{lng}) / 2), 2)
                     )) AS distance
              FROM station
              WHERE status = 'ACTIVE' AND kinds LIKE CONCAT('%', #{kind}, '%')
            ) d
            WHERE distance <= #{radius}
            ORDER BY distance
            LIMIT #{limit}
            """)
    List<DistanceRow> selectNearbyByScan(@Param("lat") double lat, @Param("lng") double lng,
                                         @Param("radius") double radius, @Param("kind") String kind,
                                         @Param("limit") int limit);

    record DistanceRow(Long id, Double distance) {
    }
}
