package cn.doorstep.station.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import cn.doorstep.station.StationKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    /** A change stored beside the row (its hour exceptions) still makes it a new version of the station. */
    @Update("UPDATE station SET version = version + 1, updated_at = #{at} WHERE id = #{id}")
    int bumpVersion(@Param("id") long id, @Param("at") java.time.Instant at);

    /** A community's stations, closed ones included. */
    /** The ids of every station of these communities, closed and deleted ones too (their records stay). */
    default List<Long> selectIdsInCommunities(Collection<Long> communityIds) {
        return selectObjs(new LambdaQueryWrapper<Station>().select(Station::getId)
                .in(Station::getCommunityId, communityIds)).stream().map(id -> ((Number) id).longValue()).toList();
    }

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
     * Stations near a point straight from MySQL: the fallback while the GEO index is rebuilt, and the
     * benchmark's baseline ({@code doorstep.station.search-mode=sql}). A bounding box on the indexed
     * coordinates narrows the rows before any distance is computed; the distance is the great-circle
     * one on Redis's sphere, so the order matches the GEO index's.
     *
     * @param kinds the exact {@code kinds} column values that include the kinds asked for (see {@link #kindsWith})
     */
    default List<DistanceRow> selectNearbyByScan(double lat, double lng, double radius, Collection<String> kinds,
                                                 int limit) {
        double dLat = Math.toDegrees(radius / EARTH_RADIUS_M) * 1.01;
        double dLng = dLat / Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat))));
        return selectNearbyInBox(lat, lng, radius, lat - dLat, lat + dLat, lng - dLng, lng + dLng, kinds, limit);
    }

    /** Redis's earth radius (geohash.c), so SQL and GEO distances agree. */
    double EARTH_RADIUS_M = 6372797.560856;

    @Select("""
            <script>
            SELECT id, distance FROM (
              SELECT id, 6372797.560856 * 2 * ASIN(SQRT(
                       POWER(SIN(RADIANS(lat - #{lat}) / 2), 2)
                     + COS(RADIANS(#{lat})) * COS(RADIANS(lat)) * POWER(SIN(RADIANS(lng - #{lng}) / 2), 2)
                     )) AS distance
              FROM station
              WHERE status = 'ACTIVE' AND lat BETWEEN #{south} AND #{north} AND lng BETWEEN #{west} AND #{east}
                AND kinds IN <foreach collection="kinds" item="k" open="(" separator="," close=")">#{k}</foreach>
            ) d
            WHERE distance &lt;= #{radius}
            ORDER BY distance, id
            LIMIT #{limit}
            </script>
            """)
    List<DistanceRow> selectNearbyInBox(@Param("lat") double lat, @Param("lng") double lng, @Param("radius") double radius,
                                        @Param("south") double south, @Param("north") double north,
                                        @Param("west") double west, @Param("east") double east,
                                        @Param("kinds") Collection<String> kinds, @Param("limit") int limit);

    /** The values of the {@code kinds} column (sorted, comma-joined names) of stations of any of these kinds. */
    static List<String> kindsWith(Set<StationKind> wanted) {
        var values = new ArrayList<String>();
        StationKind[] all = StationKind.values();
        for (int subset = 1; subset < 1 << all.length; subset++) {
            EnumSet<StationKind> kinds = EnumSet.noneOf(StationKind.class);
            for (int i = 0; i < all.length; i++) {
                if ((subset & 1 << i) != 0) {
                    kinds.add(all[i]);
                }
            }
            if (!java.util.Collections.disjoint(kinds, wanted)) {
                values.add(StationDetails.join(kinds));
            }
        }
        return values;
    }

    record DistanceRow(Long id, Double distance) {
    }
}
