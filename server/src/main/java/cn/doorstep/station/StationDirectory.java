package cn.doorstep.station;

import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationDetails;
import cn.doorstep.station.internal.StationMapper;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about stations. */
@Service
@Transactional(readOnly = true)
public class StationDirectory {

    private final StationMapper stations;

    StationDirectory(StationMapper stations) {
        this.stations = stations;
    }

    public record StationRef(long id, String name, long communityId, Set<StationKind> kinds, StationStatus status) {
    }

    /** The station whose printed code a rider scanned, if it is active. */
    public Optional<StationRef> activeByCheckinCode(String code) {
        return Optional.ofNullable(stations.selectByCheckinCode(code)).filter(s -> Station.ACTIVE.equals(s.getStatus()))
                .map(StationDirectory::ref);
    }

    public Optional<StationRef> find(long id) {
        return Optional.ofNullable(stations.selectById(id)).filter(s -> !Station.DELETED.equals(s.getStatus()))
                .map(StationDirectory::ref);
    }

    /** The communities these stations belong to (e.g. where a staff member works). */
    public Set<Long> communitiesOf(Collection<Long> stationIds) {
        if (stationIds.isEmpty()) {
            return Set.of();
        }
        return stations.selectBatchIds(stationIds).stream().filter(s -> !Station.DELETED.equals(s.getStatus()))
                .map(Station::getCommunityId).collect(Collectors.toUnmodifiableSet());
    }

    private static StationRef ref(Station s) {
        return new StationRef(s.getId(), s.getName(), s.getCommunityId(),
                Set.copyOf(StationDetails.enums(s.getKinds(), StationKind.class)),
                StationStatus.valueOf(s.getStatus()));
    }
}
