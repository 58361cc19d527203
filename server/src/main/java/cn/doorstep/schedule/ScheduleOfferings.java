package cn.doorstep.schedule;

import cn.doorstep.schedule.activity.Activities;
import cn.doorstep.schedule.internal.ServiceMapper;
import cn.doorstep.station.StationOfferings;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The schedule's part of a station's page: station asks through its own {@link StationOfferings}
 * interface, so the dependency runs one way (schedule → station, which schedule needs anyway for
 * holiday policies and managers). One statement for the services, two for the activities and their slots.
 */
@Component
class ScheduleOfferings implements StationOfferings {

    private final ServiceMapper services;
    private final Activities activities;

    ScheduleOfferings(ServiceMapper services, Activities activities) {
        this.services = services;
        this.activities = activities;
    }

    @Override
    public List<OfferedService> services(long stationId, int limit) {
        return services.selectActiveAt(stationId, new Page<>(1, limit, false)).getRecords().stream()
                .map(s -> new OfferedService(s.getId(), s.getName(), s.getKind(), s.getDescription(), s.getCapacity(),
                        s.getSlotMinutes())).toList();
    }

    @Override
    public List<UpcomingActivity> activities(long stationId, int limit) {
        return activities.next(stationId, limit).stream().map(a -> new UpcomingActivity(a.id(), a.title(),
                a.kind().name(), a.place(), a.startsAt(), a.endsAt(), a.seatsLeft(), a.points())).toList();
    }
}
