package cn.doorstep.booking.internal;

import cn.doorstep.booking.BookingChanged;
import cn.doorstep.common.Zones;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes {@link BookingChanged} for a booking that was just made or moved (call inside its transaction). */
@Component
public class BookingChanges {

    private final ApplicationEventPublisher events;

    BookingChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void changed(long stationId, Instant slotStartsAt) {
        events.publishEvent(new BookingChanged(stationId, LocalDate.ofInstant(slotStartsAt, Zones.CHINA)));
    }
}
