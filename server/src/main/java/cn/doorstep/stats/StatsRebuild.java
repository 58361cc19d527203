package cn.doorstep.stats;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Zones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model for a range of days from the source tables: every family of every community folded
 * again (the same fold the events run, so the rows come out the same). Platform admins only; audited once the
 * range is accepted, before the work (a rebuild cut short is simply run again).
 */
@Service
public class StatsRebuild {

    /** What was rebuilt. */
    public record Rebuilt(LocalDate from, LocalDate to, int communities, long days) {
    }

    private final StatsFolding folding;
    private final AuditLog audit;
    private final Clock clock;

    StatsRebuild(StatsFolding folding, AuditLog audit, Clock clock) {
        this.folding = folding;
        this.audit = audit;
        this.clock = clock;
    }

    public Rebuilt rebuild(CurrentUser me, LocalDate from, LocalDate to) {
        if (!me.isPlatformAdmin()) {
            throw new ApiException(StatsError.PLATFORM_ONLY);
        }
        if (from.isAfter(to)) {
            throw ApiException.badField(StatsError.REBUILD_RANGE_INVALID, "to", "must not be before from");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > StatsPeriod.MAX_DAYS) {
            throw ApiException.badField(StatsError.REBUILD_RANGE_INVALID, "to", "at most " + StatsPeriod.MAX_DAYS + " days from from");
        }
        if (to.isAfter(LocalDate.ofInstant(clock.instant(), Zones.CHINA))) {
            throw ApiException.badField(StatsError.REBUILD_RANGE_INVALID, "to", "must not be after today (China time)");
        }
        audit.record(me.id(), "stats.rebuild", "stats", from + ".." + to, days + " days");
        int communities = folding.refoldAll(from, to);
        return new Rebuilt(from, to, communities, days);
    }
}
