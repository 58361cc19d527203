package cn.doorstep.reward;

import cn.doorstep.common.Zones;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.reward.internal.Redemption;
import cn.doorstep.station.StationDirectory;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The holder's notices about a redemption, written in the transaction that makes each true: ready to
 * collect (the redemption's), and about to expire (the reminder's). Fields: {@code thing1} what,
 * {@code time2} the collection deadline (China time), {@code thing3} the station.
 */
@Component
class RedemptionNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifier notifier;
    private final StationDirectory stations;

    RedemptionNotices(Notifier notifier, StationDirectory stations) {
        this.notifier = notifier;
        this.stations = stations;
    }

    void ready(Redemption r, String rewardName) {
        notifier.notify(r.getUserId(), NotificationKind.REDEMPTION_READY, fields(r, rewardName),
                "pages/reward/redemption?id=" + r.getId(), "redemption-ready:" + r.getId());
    }

    void expiring(Redemption r, String rewardName) {
        notifier.notify(r.getUserId(), NotificationKind.REDEMPTION_EXPIRING, fields(r, rewardName),
                "pages/reward/redemption?id=" + r.getId(), "redemption-expiring:" + r.getId());
    }

    private Map<String, String> fields(Redemption r, String rewardName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", r.getQuantity() == 1 ? rewardName : rewardName + " ×" + r.getQuantity());
        fields.put("time2", TIME.format(r.getCollectBy().atZone(Zones.CHINA)));
        fields.put("thing3", stations.find(r.getStationId()).map(StationDirectory.StationRef::name).orElse("兑换站点"));
        return fields;
    }
}
